import type { Worker as _cakap_v1_Worker, Worker__Output as _cakap_v1_Worker__Output } from '../../cakap/v1/Worker';
import type { ScoreComponent as _cakap_v1_ScoreComponent, ScoreComponent__Output as _cakap_v1_ScoreComponent__Output } from '../../cakap/v1/ScoreComponent';
/**
 * A worker that satisfies every hard constraint of a vacancy.
 */
export interface Candidate {
    /**
     * The worker record as stored (the service redacts it for partners).
     */
    'worker'?: (_cakap_v1_Worker | null);
    /**
     * Score in [0, 1], rounded to 6 decimals. Higher is better.
     */
    'score'?: (number | string);
    /**
     * The components of the score; they add up to score exactly (each is rounded to 6
     * decimals before adding).
     */
    'explanation'?: (_cakap_v1_ScoreComponent)[];
    /**
     * Great-circle distance in km from the vacancy location to the worker's domicile point.
     * -1 when the vacancy has no location.
     */
    'distanceKm'?: (number | string);
}
/**
 * A worker that satisfies every hard constraint of a vacancy.
 */
export interface Candidate__Output {
    /**
     * The worker record as stored (the service redacts it for partners).
     */
    'worker': (_cakap_v1_Worker__Output | null);
    /**
     * Score in [0, 1], rounded to 6 decimals. Higher is better.
     */
    'score': (number);
    /**
     * The components of the score; they add up to score exactly (each is rounded to 6
     * decimals before adding).
     */
    'explanation': (_cakap_v1_ScoreComponent__Output)[];
    /**
     * Great-circle distance in km from the vacancy location to the worker's domicile point.
     * -1 when the vacancy has no location.
     */
    'distanceKm': (number);
}
