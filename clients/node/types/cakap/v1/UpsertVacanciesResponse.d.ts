import type { Rejection as _cakap_v1_Rejection, Rejection__Output as _cakap_v1_Rejection__Output } from '../../cakap/v1/Rejection';
import type { Long } from '@grpc/proto-loader';
export interface UpsertVacanciesResponse {
    /**
     * Records stored.
     */
    'accepted'?: (number | string | Long);
    /**
     * Records not stored (all counted).
     */
    'rejected'?: (number | string | Long);
    /**
     * The rejected records (Rejection.vacancy_id set), in stream order; at most the first
     * 10,000 are listed.
     */
    'rejections'?: (_cakap_v1_Rejection)[];
}
export interface UpsertVacanciesResponse__Output {
    /**
     * Records stored.
     */
    'accepted': (string);
    /**
     * Records not stored (all counted).
     */
    'rejected': (string);
    /**
     * The rejected records (Rejection.vacancy_id set), in stream order; at most the first
     * 10,000 are listed.
     */
    'rejections': (_cakap_v1_Rejection__Output)[];
}
