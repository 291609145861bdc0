import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from '../../cakap/v1/Vacancy';
export interface ListVacanciesResponse {
    /**
     * The page's vacancies as stored, in ascending id order (bytewise); for a partner, as
     * GetVacancy shows them. Empty when none is left; a stored record that is damaged is
     * skipped, as by reverse matching (`cakap check` reports it).
     */
    'vacancies'?: (_cakap_v1_Vacancy)[];
    /**
     * Pass as page_token for the next page. Empty: there are no more vacancies after this
     * page (at the time of the call).
     */
    'nextPageToken'?: (string);
}
export interface ListVacanciesResponse__Output {
    /**
     * The page's vacancies as stored, in ascending id order (bytewise); for a partner, as
     * GetVacancy shows them. Empty when none is left; a stored record that is damaged is
     * skipped, as by reverse matching (`cakap check` reports it).
     */
    'vacancies': (_cakap_v1_Vacancy__Output)[];
    /**
     * Pass as page_token for the next page. Empty: there are no more vacancies after this
     * page (at the time of the call).
     */
    'nextPageToken': (string);
}
