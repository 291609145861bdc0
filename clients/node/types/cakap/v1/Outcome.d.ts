import type { OutcomeKind as _cakap_v1_OutcomeKind, OutcomeKind__Output as _cakap_v1_OutcomeKind__Output } from '../../cakap/v1/OutcomeKind';
import type { Long } from '@grpc/proto-loader';
export interface Outcome {
    /**
     * The placement it follows: the `seq` of that placement's entry in the same worker's
     * history. Required (> 0).
     */
    'placementSeq'?: (number | string | Long);
    /**
     * Required.
     */
    'kind'?: (_cakap_v1_OutcomeKind);
    /**
     * STILL_WORKING, BUSINESS_RUNNING: the check it reports, 3 or 6 (months after the
     * placement's date). Must be 0 for LEFT. A check is taken only once due: its date, or
     * without one the day it is recorded (the engine's today, UTC+7), must be on or after
     * the placement's date plus this many calendar months (a day past a month's end carries
     * into the next month: 31 August + 6 months is 3 March); INVALID_ARGUMENT naming the
     * due day otherwise, so the figures never count a worker as still working early.
     */
    'afterMonths'?: (number);
    /**
     * LEFT: the last day of work, "YYYY-MM-DD" (10 bytes), not before the placement's
     * date; required. Other kinds: the day of the check, not after today; empty: not given.
     */
    'date'?: (string);
    /**
     * LEFT: why, free text of at most 200 bytes ("kontrak habis"). Empty: not given.
     * Must be empty for other kinds.
     */
    'reason'?: (string);
}
export interface Outcome__Output {
    /**
     * The placement it follows: the `seq` of that placement's entry in the same worker's
     * history. Required (> 0).
     */
    'placementSeq': (string);
    /**
     * Required.
     */
    'kind': (_cakap_v1_OutcomeKind__Output);
    /**
     * STILL_WORKING, BUSINESS_RUNNING: the check it reports, 3 or 6 (months after the
     * placement's date). Must be 0 for LEFT. A check is taken only once due: its date, or
     * without one the day it is recorded (the engine's today, UTC+7), must be on or after
     * the placement's date plus this many calendar months (a day past a month's end carries
     * into the next month: 31 August + 6 months is 3 March); INVALID_ARGUMENT naming the
     * due day otherwise, so the figures never count a worker as still working early.
     */
    'afterMonths': (number);
    /**
     * LEFT: the last day of work, "YYYY-MM-DD" (10 bytes), not before the placement's
     * date; required. Other kinds: the day of the check, not after today; empty: not given.
     */
    'date': (string);
    /**
     * LEFT: why, free text of at most 200 bytes ("kontrak habis"). Empty: not given.
     * Must be empty for other kinds.
     */
    'reason': (string);
}
