import type { UnplacedReason as _cakap_v1_UnplacedReason, UnplacedReason__Output as _cakap_v1_UnplacedReason__Output } from '../../cakap/v1/UnplacedReason';
/**
 * A worker of the pool placed nowhere.
 */
export interface UnplacedWorker {
    'workerId'?: (string);
    'reason'?: (_cakap_v1_UnplacedReason);
    /**
     * The candidate vacancies that were full or closed by the quota, at most 10 ids
     * (empty for NO_FEASIBLE_VACANCY and NOT_FOUND).
     */
    'vacancyIds'?: (string)[];
}
/**
 * A worker of the pool placed nowhere.
 */
export interface UnplacedWorker__Output {
    'workerId': (string);
    'reason': (_cakap_v1_UnplacedReason__Output);
    /**
     * The candidate vacancies that were full or closed by the quota, at most 10 ids
     * (empty for NO_FEASIBLE_VACANCY and NOT_FOUND).
     */
    'vacancyIds': (string)[];
}
