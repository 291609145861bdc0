import type { Candidate as _cakap_v1_Candidate, Candidate__Output as _cakap_v1_Candidate__Output } from '../../cakap/v1/Candidate';
import type { Long } from '@grpc/proto-loader';
/**
 * One vacancy's proposal.
 */
export interface VacancyAllocation {
    /**
     * The stored vacancy's id.
     */
    'vacancyId'?: (string);
    /**
     * Its title, as stored (empty when not given).
     */
    'title'?: (string);
    /**
     * Places: the openings not filled yet (openings, 0 meaning 1, minus Vacancy.filled; 0
     * for a full vacancy) x places_per_opening.
     */
    'places'?: (number);
    /**
     * With a local-worker quota (min_local_share > 0): at most this many places go to
     * non-local workers, floor((1 - min_local_share) x places) (docs/ranking.md). Without
     * a quota: equal to places.
     */
    'maxNonLocal'?: (number);
    /**
     * The proposed workers, score desc then worker id asc. Each is a Candidate of
     * Engine::Match for this vacancy (score, explanation, distance, local) whose worker
     * carries only id and display_name: GetWorker reads the record. The ranked list's
     * quota marks (moved_for_quota, a 0-valued "quota" component) are dropped: an
     * allocation's quota is max_non_local.
     */
    'proposed'?: (_cakap_v1_Candidate)[];
    /**
     * Candidates of the vacancy in the pool (feasible workers, placed elsewhere or not).
     */
    'candidates'?: (number | string | Long);
    /**
     * Local workers among proposed (0 without a quota).
     */
    'localProposed'?: (number);
    /**
     * With a quota: whether local_proposed >= floor(min_local_share x proposed), the
     * share rule of ranked lists. Always true when the vacancy is full. True without one.
     */
    'quotaShareMet'?: (boolean);
}
/**
 * One vacancy's proposal.
 */
export interface VacancyAllocation__Output {
    /**
     * The stored vacancy's id.
     */
    'vacancyId': (string);
    /**
     * Its title, as stored (empty when not given).
     */
    'title': (string);
    /**
     * Places: the openings not filled yet (openings, 0 meaning 1, minus Vacancy.filled; 0
     * for a full vacancy) x places_per_opening.
     */
    'places': (number);
    /**
     * With a local-worker quota (min_local_share > 0): at most this many places go to
     * non-local workers, floor((1 - min_local_share) x places) (docs/ranking.md). Without
     * a quota: equal to places.
     */
    'maxNonLocal': (number);
    /**
     * The proposed workers, score desc then worker id asc. Each is a Candidate of
     * Engine::Match for this vacancy (score, explanation, distance, local) whose worker
     * carries only id and display_name: GetWorker reads the record. The ranked list's
     * quota marks (moved_for_quota, a 0-valued "quota" component) are dropped: an
     * allocation's quota is max_non_local.
     */
    'proposed': (_cakap_v1_Candidate__Output)[];
    /**
     * Candidates of the vacancy in the pool (feasible workers, placed elsewhere or not).
     */
    'candidates': (string);
    /**
     * Local workers among proposed (0 without a quota).
     */
    'localProposed': (number);
    /**
     * With a quota: whether local_proposed >= floor(min_local_share x proposed), the
     * share rule of ranked lists. Always true when the vacancy is full. True without one.
     */
    'quotaShareMet': (boolean);
}
