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
     * different vacancy is rejected with InvalidArgument.
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
     * different vacancy is rejected with InvalidArgument.
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
}
