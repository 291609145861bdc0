import type { VacancyMatchResult as _cakap_v1_VacancyMatchResult, VacancyMatchResult__Output as _cakap_v1_VacancyMatchResult__Output } from '../../cakap/v1/VacancyMatchResult';
export interface MatchVacanciesResponse {
    'result'?: (_cakap_v1_VacancyMatchResult | null);
}
export interface MatchVacanciesResponse__Output {
    'result': (_cakap_v1_VacancyMatchResult__Output | null);
}
