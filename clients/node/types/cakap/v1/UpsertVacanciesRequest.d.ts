import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from '../../cakap/v1/Vacancy';
export interface UpsertVacanciesRequest {
    /**
     * One record of the import. Missing: that record is rejected ("vacancy: required").
     */
    'vacancy'?: (_cakap_v1_Vacancy | null);
}
export interface UpsertVacanciesRequest__Output {
    /**
     * One record of the import. Missing: that record is rejected ("vacancy: required").
     */
    'vacancy': (_cakap_v1_Vacancy__Output | null);
}
