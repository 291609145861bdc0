import type { Worker as _cakap_v1_Worker, Worker__Output as _cakap_v1_Worker__Output } from '../../cakap/v1/Worker';
export interface GetWorkerResponse {
    /**
     * The stored record; redacted for partners.
     */
    'worker'?: (_cakap_v1_Worker | null);
}
export interface GetWorkerResponse__Output {
    /**
     * The stored record; redacted for partners.
     */
    'worker': (_cakap_v1_Worker__Output | null);
}
