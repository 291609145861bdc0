import type { Rejection as _cakap_v1_Rejection, Rejection__Output as _cakap_v1_Rejection__Output } from '../../cakap/v1/Rejection';
import type { Long } from '@grpc/proto-loader';
export interface UpsertWorkersResponse {
    /**
     * Records stored.
     */
    'accepted'?: (number | string | Long);
    /**
     * Records not stored: rejections.size().
     */
    'rejected'?: (number | string | Long);
    /**
     * The rejected records, in stream order; at most the first 10,000 are listed (rejected
     * counts them all).
     */
    'rejections'?: (_cakap_v1_Rejection)[];
}
export interface UpsertWorkersResponse__Output {
    /**
     * Records stored.
     */
    'accepted': (string);
    /**
     * Records not stored: rejections.size().
     */
    'rejected': (string);
    /**
     * The rejected records, in stream order; at most the first 10,000 are listed (rejected
     * counts them all).
     */
    'rejections': (_cakap_v1_Rejection__Output)[];
}
