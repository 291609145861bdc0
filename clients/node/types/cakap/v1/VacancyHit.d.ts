import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from '../../cakap/v1/Vacancy';
import type { ScoreComponent as _cakap_v1_ScoreComponent, ScoreComponent__Output as _cakap_v1_ScoreComponent__Output } from '../../cakap/v1/ScoreComponent';
/**
 * One vacancy a worker satisfies (reverse matching).
 */
export interface VacancyHit {
    /**
     * The stored vacancy.
     */
    'vacancy'?: (_cakap_v1_Vacancy | null);
    /**
     * The worker's score for this vacancy, as it would be in MatchResult.
     */
    'score'?: (number | string);
    /**
     * The components of the score.
     */
    'explanation'?: (_cakap_v1_ScoreComponent)[];
    /**
     * Distance in km from the vacancy location to the worker; -1 without a location.
     */
    'distanceKm'?: (number | string);
}
/**
 * One vacancy a worker satisfies (reverse matching).
 */
export interface VacancyHit__Output {
    /**
     * The stored vacancy.
     */
    'vacancy': (_cakap_v1_Vacancy__Output | null);
    /**
     * The worker's score for this vacancy, as it would be in MatchResult.
     */
    'score': (number);
    /**
     * The components of the score.
     */
    'explanation': (_cakap_v1_ScoreComponent__Output)[];
    /**
     * Distance in km from the vacancy location to the worker; -1 without a location.
     */
    'distanceKm': (number);
}
