import type { Long } from '@grpc/proto-loader';
/**
 * A local-worker quota's outcome (docs/ranking.md, "Local-worker quota").
 */
export interface QuotaReport {
    /**
     * The quota asked for: Vacancy.min_local_share.
     */
    'minLocalShare'?: (number | string);
    /**
     * Local candidates among all candidates (every page).
     */
    'localCandidates'?: (number | string | Long);
    /**
     * local_candidates / MatchResult.total; 0 without candidates.
     */
    'totalLocalShare'?: (number | string);
    /**
     * The local share of this page.
     */
    'pageLocalShare'?: (number | string);
    /**
     * True when every prefix of the whole ranking holds at least floor(min_local_share * k)
     * local candidates among its first k. False when too few local candidates exist: the
     * ranking then holds every local candidate as early as the quota asks, and the rest
     * follow by score.
     */
    'met'?: (boolean);
}
/**
 * A local-worker quota's outcome (docs/ranking.md, "Local-worker quota").
 */
export interface QuotaReport__Output {
    /**
     * The quota asked for: Vacancy.min_local_share.
     */
    'minLocalShare': (number);
    /**
     * Local candidates among all candidates (every page).
     */
    'localCandidates': (string);
    /**
     * local_candidates / MatchResult.total; 0 without candidates.
     */
    'totalLocalShare': (number);
    /**
     * The local share of this page.
     */
    'pageLocalShare': (number);
    /**
     * True when every prefix of the whole ranking holds at least floor(min_local_share * k)
     * local candidates among its first k. False when too few local candidates exist: the
     * ranking then holds every local candidate as early as the quota asks, and the rest
     * follow by score.
     */
    'met': (boolean);
}
