import type { Worker as _cakap_v1_Worker, Worker__Output as _cakap_v1_Worker__Output } from '../../cakap/v1/Worker';
export interface UpsertWorkerRequest {
    /**
     * The record to store. Missing: INVALID_ARGUMENT ("worker: required").
     */
    'worker'?: (_cakap_v1_Worker | null);
}
export interface UpsertWorkerRequest__Output {
    /**
     * The record to store. Missing: INVALID_ARGUMENT ("worker: required").
     */
    'worker': (_cakap_v1_Worker__Output | null);
}
