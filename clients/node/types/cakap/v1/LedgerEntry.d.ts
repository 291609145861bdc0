import type { Placement as _cakap_v1_Placement, Placement__Output as _cakap_v1_Placement__Output } from '../../cakap/v1/Placement';
import type { Outcome as _cakap_v1_Outcome, Outcome__Output as _cakap_v1_Outcome__Output } from '../../cakap/v1/Outcome';
import type { Long } from '@grpc/proto-loader';
/**
 * One entry of a worker's history: a placement or an outcome, as recorded.
 */
export interface LedgerEntry {
    /**
     * The worker, 1-128 bytes. Must be a stored worker when the entry is recorded.
     */
    'workerId'?: (string);
    /**
     * Position in the worker's history, 1, 2, 3, ...; set by the engine (ignored when
     * given).
     */
    'seq'?: (number | string | Long);
    /**
     * When the engine committed it, RFC 3339 UTC ("2026-12-04T05:40:00Z"); set by the
     * engine (ignored when given).
     */
    'recordedAt'?: (string);
    /**
     * Who recorded it: the caller's cakapd key name (a partner's or a portal's), or
     * "portal" for the embedded CLI and open mode; set by cakapd / the CLI (ignored when
     * given through cakapd).
     */
    'source'?: (string);
    /**
     * > 0: this entry replaces the entry with that seq of the same worker, which must be
     * of the same kind (a placement corrects a placement, an outcome an outcome) and not
     * already corrected. Figures use only the latest version; the history keeps every one.
     * A corrected placement keeps the vacancy of the one it corrects (vacancy_id empty or
     * equal), and the outcomes recorded against the old seq follow it. 0: a new fact.
     */
    'corrects'?: (number | string | Long);
    /**
     * A placement correction only: the placement was recorded in error. It no longer
     * counts anywhere: its vacancy's filled count drops by one (the vacancy is not
     * reopened: do that with UpsertVacancy), and the worker is seeking again unless
     * another placement is active. The entry's placement repeats the corrected one.
     */
    'withdrawn'?: (boolean);
    'placement'?: (_cakap_v1_Placement | null);
    'outcome'?: (_cakap_v1_Outcome | null);
    /**
     * Exactly one of these.
     */
    'event'?: "placement" | "outcome";
}
/**
 * One entry of a worker's history: a placement or an outcome, as recorded.
 */
export interface LedgerEntry__Output {
    /**
     * The worker, 1-128 bytes. Must be a stored worker when the entry is recorded.
     */
    'workerId': (string);
    /**
     * Position in the worker's history, 1, 2, 3, ...; set by the engine (ignored when
     * given).
     */
    'seq': (string);
    /**
     * When the engine committed it, RFC 3339 UTC ("2026-12-04T05:40:00Z"); set by the
     * engine (ignored when given).
     */
    'recordedAt': (string);
    /**
     * Who recorded it: the caller's cakapd key name (a partner's or a portal's), or
     * "portal" for the embedded CLI and open mode; set by cakapd / the CLI (ignored when
     * given through cakapd).
     */
    'source': (string);
    /**
     * > 0: this entry replaces the entry with that seq of the same worker, which must be
     * of the same kind (a placement corrects a placement, an outcome an outcome) and not
     * already corrected. Figures use only the latest version; the history keeps every one.
     * A corrected placement keeps the vacancy of the one it corrects (vacancy_id empty or
     * equal), and the outcomes recorded against the old seq follow it. 0: a new fact.
     */
    'corrects': (string);
    /**
     * A placement correction only: the placement was recorded in error. It no longer
     * counts anywhere: its vacancy's filled count drops by one (the vacancy is not
     * reopened: do that with UpsertVacancy), and the worker is seeking again unless
     * another placement is active. The entry's placement repeats the corrected one.
     */
    'withdrawn': (boolean);
    'placement'?: (_cakap_v1_Placement__Output | null);
    'outcome'?: (_cakap_v1_Outcome__Output | null);
    /**
     * Exactly one of these.
     */
    'event'?: "placement" | "outcome";
}
