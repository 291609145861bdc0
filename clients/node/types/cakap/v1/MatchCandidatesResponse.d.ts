import type { MatchResult as _cakap_v1_MatchResult, MatchResult__Output as _cakap_v1_MatchResult__Output } from '../../cakap/v1/MatchResult';
export interface MatchCandidatesResponse {
    /**
     * Candidates (redacted for partners), total, next page token, facets, near misses.
     */
    'result'?: (_cakap_v1_MatchResult | null);
}
export interface MatchCandidatesResponse__Output {
    /**
     * Candidates (redacted for partners), total, next page token, facets, near misses.
     */
    'result': (_cakap_v1_MatchResult__Output | null);
}
