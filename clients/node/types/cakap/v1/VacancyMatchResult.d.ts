import type { VacancyHit as _cakap_v1_VacancyHit, VacancyHit__Output as _cakap_v1_VacancyHit__Output } from '../../cakap/v1/VacancyHit';
import type { Long } from '@grpc/proto-loader';
/**
 * Open vacancies a worker satisfies, best first (score desc, vacancy id asc).
 */
export interface VacancyMatchResult {
    'vacancies'?: (_cakap_v1_VacancyHit)[];
    /**
     * Number of open vacancies the worker satisfies.
     */
    'total'?: (number | string | Long);
}
/**
 * Open vacancies a worker satisfies, best first (score desc, vacancy id asc).
 */
export interface VacancyMatchResult__Output {
    'vacancies': (_cakap_v1_VacancyHit__Output)[];
    /**
     * Number of open vacancies the worker satisfies.
     */
    'total': (string);
}
