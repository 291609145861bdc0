/**
 * Whether the worker is looking for work.
 */
export declare const EmploymentStatus: {
    /**
     * Not given: treated like SEEKING.
     */
    readonly EMPLOYMENT_STATUS_UNSPECIFIED: "EMPLOYMENT_STATUS_UNSPECIFIED";
    /**
     * Looking for work now.
     */
    readonly EMPLOYMENT_STATUS_SEEKING: "EMPLOYMENT_STATUS_SEEKING";
    /**
     * Employed; matched only by vacancies that include employed workers, or when
     * available_from is on or before the vacancy's start date.
     */
    readonly EMPLOYMENT_STATUS_EMPLOYED: "EMPLOYMENT_STATUS_EMPLOYED";
    /**
     * Runs their own business; treated like EMPLOYED.
     */
    readonly EMPLOYMENT_STATUS_SELF_EMPLOYED: "EMPLOYMENT_STATUS_SELF_EMPLOYED";
};
/**
 * Whether the worker is looking for work.
 */
export type EmploymentStatus = 
/**
 * Not given: treated like SEEKING.
 */
'EMPLOYMENT_STATUS_UNSPECIFIED' | 0
/**
 * Looking for work now.
 */
 | 'EMPLOYMENT_STATUS_SEEKING' | 1
/**
 * Employed; matched only by vacancies that include employed workers, or when
 * available_from is on or before the vacancy's start date.
 */
 | 'EMPLOYMENT_STATUS_EMPLOYED' | 2
/**
 * Runs their own business; treated like EMPLOYED.
 */
 | 'EMPLOYMENT_STATUS_SELF_EMPLOYED' | 3;
/**
 * Whether the worker is looking for work.
 */
export type EmploymentStatus__Output = typeof EmploymentStatus[keyof typeof EmploymentStatus];
