import type { LedgerEntry as _cakap_v1_LedgerEntry, LedgerEntry__Output as _cakap_v1_LedgerEntry__Output } from '../../cakap/v1/LedgerEntry';
export interface RecordPlacementResponse {
    /**
     * The entry as committed (seq, recorded_at and source set).
     */
    'entry'?: (_cakap_v1_LedgerEntry | null);
}
export interface RecordPlacementResponse__Output {
    /**
     * The entry as committed (seq, recorded_at and source set).
     */
    'entry': (_cakap_v1_LedgerEntry__Output | null);
}
