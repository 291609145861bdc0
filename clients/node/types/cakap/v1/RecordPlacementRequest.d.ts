import type { LedgerEntry as _cakap_v1_LedgerEntry, LedgerEntry__Output as _cakap_v1_LedgerEntry__Output } from '../../cakap/v1/LedgerEntry';
export interface RecordPlacementRequest {
    /**
     * Required. worker_id and placement are used; seq, recorded_at and source are set by
     * the server.
     */
    'entry'?: (_cakap_v1_LedgerEntry | null);
}
export interface RecordPlacementRequest__Output {
    /**
     * Required. worker_id and placement are used; seq, recorded_at and source are set by
     * the server.
     */
    'entry': (_cakap_v1_LedgerEntry__Output | null);
}
