/**
 * Why a worker of the pool got no vacancy.
 */
export declare const UnplacedReason: {
    readonly UNPLACED_REASON_UNSPECIFIED: "UNPLACED_REASON_UNSPECIFIED";
    /**
     * The worker is a candidate of none of the vacancies (fails a hard constraint of each).
     */
    readonly NO_FEASIBLE_VACANCY: "NO_FEASIBLE_VACANCY";
    /**
     * Every vacancy the worker is a candidate of is full.
     */
    readonly VACANCIES_FULL: "VACANCIES_FULL";
    /**
     * At least one vacancy the worker is a candidate of has places left, but only places
     * its local-worker quota keeps for local workers, and the worker is not local to it.
     */
    readonly QUOTA: "QUOTA";
    /**
     * worker_ids named a worker that is not stored (or outside a partner key's regions).
     */
    readonly NOT_FOUND: "NOT_FOUND";
};
/**
 * Why a worker of the pool got no vacancy.
 */
export type UnplacedReason = 'UNPLACED_REASON_UNSPECIFIED' | 0
/**
 * The worker is a candidate of none of the vacancies (fails a hard constraint of each).
 */
 | 'NO_FEASIBLE_VACANCY' | 1
/**
 * Every vacancy the worker is a candidate of is full.
 */
 | 'VACANCIES_FULL' | 2
/**
 * At least one vacancy the worker is a candidate of has places left, but only places
 * its local-worker quota keeps for local workers, and the worker is not local to it.
 */
 | 'QUOTA' | 3
/**
 * worker_ids named a worker that is not stored (or outside a partner key's regions).
 */
 | 'NOT_FOUND' | 4;
/**
 * Why a worker of the pool got no vacancy.
 */
export type UnplacedReason__Output = typeof UnplacedReason[keyof typeof UnplacedReason];
