import type { Worker as _cakap_v1_Worker, Worker__Output as _cakap_v1_Worker__Output } from '../../cakap/v1/Worker';
export interface UpsertWorkersRequest {
    /**
     * One record of the import. Missing: that record is rejected ("worker: required").
     */
    'worker'?: (_cakap_v1_Worker | null);
}
export interface UpsertWorkersRequest__Output {
    /**
     * One record of the import. Missing: that record is rejected ("worker: required").
     */
    'worker': (_cakap_v1_Worker__Output | null);
}
