/**
 * What became of a placement. Recorded with LedgerService.RecordOutcome.
 */
export declare const OutcomeKind: {
    /**
     * Not given: rejected (outcome.kind: required).
     */
    readonly OUTCOME_KIND_UNSPECIFIED: "OUTCOME_KIND_UNSPECIFIED";
    /**
     * The worker was still in the job (or apprenticeship) at the check after
     * `after_months` months.
     */
    readonly OUTCOME_KIND_STILL_WORKING: "OUTCOME_KIND_STILL_WORKING";
    /**
     * The business was still running at the check after `after_months` months.
     */
    readonly OUTCOME_KIND_BUSINESS_RUNNING: "OUTCOME_KIND_BUSINESS_RUNNING";
    /**
     * The worker left the job, or closed the business, on `date` for `reason`. Unless
     * another placement of theirs is still active, the worker is seeking work again
     * (EMPLOYMENT_STATUS_SEEKING) from the commit on.
     */
    readonly OUTCOME_KIND_LEFT: "OUTCOME_KIND_LEFT";
};
/**
 * What became of a placement. Recorded with LedgerService.RecordOutcome.
 */
export type OutcomeKind = 
/**
 * Not given: rejected (outcome.kind: required).
 */
'OUTCOME_KIND_UNSPECIFIED' | 0
/**
 * The worker was still in the job (or apprenticeship) at the check after
 * `after_months` months.
 */
 | 'OUTCOME_KIND_STILL_WORKING' | 1
/**
 * The business was still running at the check after `after_months` months.
 */
 | 'OUTCOME_KIND_BUSINESS_RUNNING' | 2
/**
 * The worker left the job, or closed the business, on `date` for `reason`. Unless
 * another placement of theirs is still active, the worker is seeking work again
 * (EMPLOYMENT_STATUS_SEEKING) from the commit on.
 */
 | 'OUTCOME_KIND_LEFT' | 3;
/**
 * What became of a placement. Recorded with LedgerService.RecordOutcome.
 */
export type OutcomeKind__Output = typeof OutcomeKind[keyof typeof OutcomeKind];
