/**
 * What to allocate, and how.
 */
export interface AllocateRequest {
    /**
     * The stored vacancies to fill, by id (each 1-128 bytes, at most 10,000 entries; a
     * repeated id counts once). Closed vacancies may be listed: the caller chose them.
     * Empty: only open_vacancies says which.
     */
    'vacancyIds'?: (string)[];
    /**
     * True: also every open stored vacancy whose valid_until has not passed (the ones
     * reverse matching uses). False: only vacancy_ids. At least one vacancy is required.
     */
    'openVacancies'?: (boolean);
    /**
     * The cohort by worker id (each 1-128 bytes, at most 1,000,000; a repeated id counts
     * once). Every listed worker appears in the result: placed, or unplaced with a reason
     * (NOT_FOUND when no such worker is stored). Empty: every stored worker (then only
     * workers who are a candidate of at least one vacancy are listed).
     */
    'workerIds'?: (string)[];
    /**
     * The cohort by domicile: kabupaten/kota ("64.08") or province ("64") codes, at most
     * 64, with MatchOptions.scope_region_codes' meaning (a worker given only by
     * coordinates is in none). Combined with worker_ids a worker must satisfy both.
     * Empty: no region filter.
     */
    'cohortRegionCodes'?: (string)[];
    /**
     * Interview mode, worker side: each worker may be proposed to at most this many
     * vacancies (never twice to one), 0-10. 0: 1 (a placement, not interviews).
     */
    'slotsPerWorker'?: (number);
    /**
     * Interview mode, vacancy side: a vacancy takes at most openings (0 means 1) x this
     * many workers, 0-100. 0: 1.
     */
    'placesPerOpening'?: (number);
    /**
     * Preference for workers of higher welfare priority, in [0, 1]. Each pair's value is
     * its score plus welfare_weight x priority, where priority is (10 - decile) / 9 for a
     * worker with DTSEN decile 1-10 (decile 1: 1.0; decile 10: 0.0) and 0 without one.
     * 0: no preference beyond the welfare component already in the score. Partners may not
     * set it (they never see welfare): INVALID_ARGUMENT.
     */
    'welfareWeight'?: (number | string);
    /**
     * True: the welfare component is left out of every score, as
     * MatchOptions.exclude_welfare. cakapd sets it for partner keys.
     */
    'excludeWelfare'?: (boolean);
    /**
     * True: every distance is measured from coordinates rounded to ~1 km, as
     * MatchOptions.coarse_locations. cakapd sets it for partner keys.
     */
    'coarseLocations'?: (boolean);
}
/**
 * What to allocate, and how.
 */
export interface AllocateRequest__Output {
    /**
     * The stored vacancies to fill, by id (each 1-128 bytes, at most 10,000 entries; a
     * repeated id counts once). Closed vacancies may be listed: the caller chose them.
     * Empty: only open_vacancies says which.
     */
    'vacancyIds': (string)[];
    /**
     * True: also every open stored vacancy whose valid_until has not passed (the ones
     * reverse matching uses). False: only vacancy_ids. At least one vacancy is required.
     */
    'openVacancies': (boolean);
    /**
     * The cohort by worker id (each 1-128 bytes, at most 1,000,000; a repeated id counts
     * once). Every listed worker appears in the result: placed, or unplaced with a reason
     * (NOT_FOUND when no such worker is stored). Empty: every stored worker (then only
     * workers who are a candidate of at least one vacancy are listed).
     */
    'workerIds': (string)[];
    /**
     * The cohort by domicile: kabupaten/kota ("64.08") or province ("64") codes, at most
     * 64, with MatchOptions.scope_region_codes' meaning (a worker given only by
     * coordinates is in none). Combined with worker_ids a worker must satisfy both.
     * Empty: no region filter.
     */
    'cohortRegionCodes': (string)[];
    /**
     * Interview mode, worker side: each worker may be proposed to at most this many
     * vacancies (never twice to one), 0-10. 0: 1 (a placement, not interviews).
     */
    'slotsPerWorker': (number);
    /**
     * Interview mode, vacancy side: a vacancy takes at most openings (0 means 1) x this
     * many workers, 0-100. 0: 1.
     */
    'placesPerOpening': (number);
    /**
     * Preference for workers of higher welfare priority, in [0, 1]. Each pair's value is
     * its score plus welfare_weight x priority, where priority is (10 - decile) / 9 for a
     * worker with DTSEN decile 1-10 (decile 1: 1.0; decile 10: 0.0) and 0 without one.
     * 0: no preference beyond the welfare component already in the score. Partners may not
     * set it (they never see welfare): INVALID_ARGUMENT.
     */
    'welfareWeight': (number);
    /**
     * True: the welfare component is left out of every score, as
     * MatchOptions.exclude_welfare. cakapd sets it for partner keys.
     */
    'excludeWelfare': (boolean);
    /**
     * True: every distance is measured from coordinates rounded to ~1 km, as
     * MatchOptions.coarse_locations. cakapd sets it for partner keys.
     */
    'coarseLocations': (boolean);
}
