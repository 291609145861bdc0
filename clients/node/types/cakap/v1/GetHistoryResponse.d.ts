import type { LedgerEntry as _cakap_v1_LedgerEntry, LedgerEntry__Output as _cakap_v1_LedgerEntry__Output } from '../../cakap/v1/LedgerEntry';
export interface GetHistoryResponse {
    /**
     * Every entry of the worker, by seq. Empty: nothing recorded (the worker need not
     * still exist: a deleted worker's history is kept).
     */
    'entries'?: (_cakap_v1_LedgerEntry)[];
}
export interface GetHistoryResponse__Output {
    /**
     * Every entry of the worker, by seq. Empty: nothing recorded (the worker need not
     * still exist: a deleted worker's history is kept).
     */
    'entries': (_cakap_v1_LedgerEntry__Output)[];
}
