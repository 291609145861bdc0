/**
 * What a worker was placed into.
 */
export declare const PlacementKind: {
    /**
     * Not given: rejected (placement.kind: required).
     */
    readonly PLACEMENT_KIND_UNSPECIFIED: "PLACEMENT_KIND_UNSPECIFIED";
    /**
     * A job with an employer. The worker becomes EMPLOYMENT_STATUS_EMPLOYED.
     */
    readonly PLACEMENT_KIND_JOB: "PLACEMENT_KIND_JOB";
    /**
     * An apprenticeship (pemagangan). The worker becomes EMPLOYMENT_STATUS_EMPLOYED.
     */
    readonly PLACEMENT_KIND_APPRENTICESHIP: "PLACEMENT_KIND_APPRENTICESHIP";
    /**
     * The worker started their own business (wirausaha). The worker becomes
     * EMPLOYMENT_STATUS_SELF_EMPLOYED.
     */
    readonly PLACEMENT_KIND_OWN_BUSINESS: "PLACEMENT_KIND_OWN_BUSINESS";
};
/**
 * What a worker was placed into.
 */
export type PlacementKind = 
/**
 * Not given: rejected (placement.kind: required).
 */
'PLACEMENT_KIND_UNSPECIFIED' | 0
/**
 * A job with an employer. The worker becomes EMPLOYMENT_STATUS_EMPLOYED.
 */
 | 'PLACEMENT_KIND_JOB' | 1
/**
 * An apprenticeship (pemagangan). The worker becomes EMPLOYMENT_STATUS_EMPLOYED.
 */
 | 'PLACEMENT_KIND_APPRENTICESHIP' | 2
/**
 * The worker started their own business (wirausaha). The worker becomes
 * EMPLOYMENT_STATUS_SELF_EMPLOYED.
 */
 | 'PLACEMENT_KIND_OWN_BUSINESS' | 3;
/**
 * What a worker was placed into.
 */
export type PlacementKind__Output = typeof PlacementKind[keyof typeof PlacementKind];
