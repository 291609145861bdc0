import type { LedgerEntry as _cakap_v1_LedgerEntry, LedgerEntry__Output as _cakap_v1_LedgerEntry__Output } from '../../cakap/v1/LedgerEntry';
export interface RecordOutcomeRequest {
    /**
     * Required, with an outcome. A partner may record outcomes only of placements it
     * recorded itself (their source is its key's name).
     */
    'entry'?: (_cakap_v1_LedgerEntry | null);
}
export interface RecordOutcomeRequest__Output {
    /**
     * Required, with an outcome. A partner may record outcomes only of placements it
     * recorded itself (their source is its key's name).
     */
    'entry': (_cakap_v1_LedgerEntry__Output | null);
}
