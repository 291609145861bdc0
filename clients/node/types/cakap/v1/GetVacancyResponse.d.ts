import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from '../../cakap/v1/Vacancy';
export interface GetVacancyResponse {
    'vacancy'?: (_cakap_v1_Vacancy | null);
}
export interface GetVacancyResponse__Output {
    'vacancy': (_cakap_v1_Vacancy__Output | null);
}
