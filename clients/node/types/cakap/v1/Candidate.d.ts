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
    /**
     * With a local-worker quota (Vacancy.min_local_share > 0): whether the worker counts as
     * local (Vacancy.local_basis). False without a quota.
     */
    'local'?: (boolean);
    /**
     * With a quota: true when the quota placed this candidate ahead of candidates with a
     * higher score (its explanation then has a "quota" component of value 0 saying so).
     */
    'movedForQuota'?: (boolean);
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
    /**
     * With a local-worker quota (Vacancy.min_local_share > 0): whether the worker counts as
     * local (Vacancy.local_basis). False without a quota.
     */
    'local': (boolean);
    /**
     * With a quota: true when the quota placed this candidate ahead of candidates with a
     * higher score (its explanation then has a "quota" component of value 0 saying so).
     */
    'movedForQuota': (boolean);
}
