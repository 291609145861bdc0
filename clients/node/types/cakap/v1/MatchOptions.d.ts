/**
 * Options for one match of a vacancy against the workers.
 */
export interface MatchOptions {
    /**
     * Candidates per page, 1-200. 0: 20.
     */
    'pageSize'?: (number);
    /**
     * Token from a previous MatchResult.next_page_token for the same vacancy. Empty: the
     * first page. Pages follow the (score desc, worker id asc) order and a token remembers
     * the last candidate it returned, so a candidate added, changed or removed meanwhile
     * never makes another one appear twice or vanish from later pages. A token from a
     * different vacancy is rejected with InvalidArgument. At most 1024 bytes. Through
     * cakapd a token is also bound to the API key it was given to (HMAC-SHA256 under a
     * server secret): replayed by another key, or altered, it is INVALID_ARGUMENT on
     * options.page_token.
     */
    'pageToken'?: (string);
    /**
     * True: compute facet counts over all candidates (not only the page).
     */
    'facets'?: (boolean);
    /**
     * Return up to this many near misses (workers failing exactly one hard constraint),
     * 0-100. 0: none.
     */
    'nearMissLimit'?: (number);
    /**
     * False (default): the welfare component is part of the score, as docs/ranking.md says.
     * True: the welfare component is left out of score, order and explanation (what a
     * partner company gets: see the service's redaction rules).
     */
    'excludeWelfare'?: (boolean);
    /**
     * False (default): distances are measured from each worker's domicile point as stored.
     * True: every distance of the match (the radius, the worker's own travel radius, the
     * distance score, its explanation and Candidate.distance_km) is measured from that
     * point rounded to 2 decimal degrees (~1 km), the precision partners are shown: no
     * reply, nor the way candidates enter and leave as the vacancy moves, then tells more
     * about where a worker lives. cakapd sets it for partner keys.
     */
    'coarseLocations'?: (boolean);
    /**
     * The scope of the whole match: kabupaten/kota ("63.11") or province ("64") codes of
     * data/regions.tsv, at most 64. Empty (default): every worker. Otherwise only workers
     * domiciled in one of them (their region code, or its province, listed; a worker given
     * only by coordinates is in no scope) exist for this match: workers outside are
     * invisible: not candidates, not near misses (no worker is a near miss for being
     * outside), not in total, facets or pages, and no figure of the reply depends on them.
     * Unlike Vacancy.region_codes it is not a constraint. Set by the server: cakapd sets
     * it to a restricted partner key's provinces and kabupaten/kota (whatever the caller
     * sent); other callers may set it themselves. An unknown code: InvalidArgument naming
     * scope_region_codes[i].
     */
    'scopeRegionCodes'?: (string)[];
}
/**
 * Options for one match of a vacancy against the workers.
 */
export interface MatchOptions__Output {
    /**
     * Candidates per page, 1-200. 0: 20.
     */
    'pageSize': (number);
    /**
     * Token from a previous MatchResult.next_page_token for the same vacancy. Empty: the
     * first page. Pages follow the (score desc, worker id asc) order and a token remembers
     * the last candidate it returned, so a candidate added, changed or removed meanwhile
     * never makes another one appear twice or vanish from later pages. A token from a
     * different vacancy is rejected with InvalidArgument. At most 1024 bytes. Through
     * cakapd a token is also bound to the API key it was given to (HMAC-SHA256 under a
     * server secret): replayed by another key, or altered, it is INVALID_ARGUMENT on
     * options.page_token.
     */
    'pageToken': (string);
    /**
     * True: compute facet counts over all candidates (not only the page).
     */
    'facets': (boolean);
    /**
     * Return up to this many near misses (workers failing exactly one hard constraint),
     * 0-100. 0: none.
     */
    'nearMissLimit': (number);
    /**
     * False (default): the welfare component is part of the score, as docs/ranking.md says.
     * True: the welfare component is left out of score, order and explanation (what a
     * partner company gets: see the service's redaction rules).
     */
    'excludeWelfare': (boolean);
    /**
     * False (default): distances are measured from each worker's domicile point as stored.
     * True: every distance of the match (the radius, the worker's own travel radius, the
     * distance score, its explanation and Candidate.distance_km) is measured from that
     * point rounded to 2 decimal degrees (~1 km), the precision partners are shown: no
     * reply, nor the way candidates enter and leave as the vacancy moves, then tells more
     * about where a worker lives. cakapd sets it for partner keys.
     */
    'coarseLocations': (boolean);
    /**
     * The scope of the whole match: kabupaten/kota ("63.11") or province ("64") codes of
     * data/regions.tsv, at most 64. Empty (default): every worker. Otherwise only workers
     * domiciled in one of them (their region code, or its province, listed; a worker given
     * only by coordinates is in no scope) exist for this match: workers outside are
     * invisible: not candidates, not near misses (no worker is a near miss for being
     * outside), not in total, facets or pages, and no figure of the reply depends on them.
     * Unlike Vacancy.region_codes it is not a constraint. Set by the server: cakapd sets
     * it to a restricted partner key's provinces and kabupaten/kota (whatever the caller
     * sent); other callers may set it themselves. An unknown code: InvalidArgument naming
     * scope_region_codes[i].
     */
    'scopeRegionCodes': (string)[];
}
