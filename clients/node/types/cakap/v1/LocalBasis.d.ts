/**
 * Who counts as local for a vacancy's local-worker quota (Vacancy.local_basis).
 */
export declare const LocalBasis: {
    /**
     * Not given: DOMICILE.
     */
    readonly LOCAL_BASIS_UNSPECIFIED: "LOCAL_BASIS_UNSPECIFIED";
    /**
     * The worker's domicile kabupaten/kota is one of local_region_codes, or lies in one of
     * its provinces. A worker given only by coordinates has no region: not local.
     */
    readonly LOCAL_BASIS_DOMICILE: "LOCAL_BASIS_DOMICILE";
    /**
     * The kabupaten/kota of the worker's identity card (KTP), which the first four digits of
     * the NIK encode ("6474..." is 64.74), is one of local_region_codes or lies in one of its
     * provinces. Decided inside the engine: the NIK is never shown. A worker without a NIK
     * is not local by KTP.
     */
    readonly LOCAL_BASIS_KTP: "LOCAL_BASIS_KTP";
    /**
     * Local by domicile or by KTP.
     */
    readonly LOCAL_BASIS_DOMICILE_OR_KTP: "LOCAL_BASIS_DOMICILE_OR_KTP";
};
/**
 * Who counts as local for a vacancy's local-worker quota (Vacancy.local_basis).
 */
export type LocalBasis = 
/**
 * Not given: DOMICILE.
 */
'LOCAL_BASIS_UNSPECIFIED' | 0
/**
 * The worker's domicile kabupaten/kota is one of local_region_codes, or lies in one of
 * its provinces. A worker given only by coordinates has no region: not local.
 */
 | 'LOCAL_BASIS_DOMICILE' | 1
/**
 * The kabupaten/kota of the worker's identity card (KTP), which the first four digits of
 * the NIK encode ("6474..." is 64.74), is one of local_region_codes or lies in one of its
 * provinces. Decided inside the engine: the NIK is never shown. A worker without a NIK
 * is not local by KTP.
 */
 | 'LOCAL_BASIS_KTP' | 2
/**
 * Local by domicile or by KTP.
 */
 | 'LOCAL_BASIS_DOMICILE_OR_KTP' | 3;
/**
 * Who counts as local for a vacancy's local-worker quota (Vacancy.local_basis).
 */
export type LocalBasis__Output = typeof LocalBasis[keyof typeof LocalBasis];
