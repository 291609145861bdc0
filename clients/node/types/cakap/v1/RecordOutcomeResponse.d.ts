import type { LedgerEntry as _cakap_v1_LedgerEntry, LedgerEntry__Output as _cakap_v1_LedgerEntry__Output } from '../../cakap/v1/LedgerEntry';
export interface RecordOutcomeResponse {
    'entry'?: (_cakap_v1_LedgerEntry | null);
}
export interface RecordOutcomeResponse__Output {
    'entry': (_cakap_v1_LedgerEntry__Output | null);
}
