import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from '../../cakap/v1/Vacancy';
export interface UpsertVacancyRequest {
    /**
     * The vacancy to store. Missing: INVALID_ARGUMENT ("vacancy: required").
     */
    'vacancy'?: (_cakap_v1_Vacancy | null);
}
export interface UpsertVacancyRequest__Output {
    /**
     * The vacancy to store. Missing: INVALID_ARGUMENT ("vacancy: required").
     */
    'vacancy': (_cakap_v1_Vacancy__Output | null);
}
