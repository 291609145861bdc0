/**
 * Highest completed formal education, in Indonesian levels. Levels compare in this order,
 * except that SMA and SMK are one level (upper secondary, general or vocational) and D4 and
 * S1 are one level (both KKNI level 6): a vacancy asking for SMK accepts SMA and anything
 * above (docs/ranking.md, `education`).
 */
export declare const Education: {
    /**
     * Not given. On a worker: fails every minimum education. On a vacancy: no minimum.
     */
    readonly EDUCATION_UNSPECIFIED: "EDUCATION_UNSPECIFIED";
    /**
     * Sekolah Dasar (primary).
     */
    readonly EDUCATION_SD: "EDUCATION_SD";
    /**
     * Sekolah Menengah Pertama (lower secondary).
     */
    readonly EDUCATION_SMP: "EDUCATION_SMP";
    /**
     * Sekolah Menengah Atas (upper secondary, general).
     */
    readonly EDUCATION_SMA: "EDUCATION_SMA";
    /**
     * Sekolah Menengah Kejuruan (upper secondary, vocational); the level of SMA.
     */
    readonly EDUCATION_SMK: "EDUCATION_SMK";
    /**
     * Diploma 1-3.
     */
    readonly EDUCATION_D1: "EDUCATION_D1";
    readonly EDUCATION_D2: "EDUCATION_D2";
    readonly EDUCATION_D3: "EDUCATION_D3";
    /**
     * Diploma 4 (sarjana terapan); the level of S1.
     */
    readonly EDUCATION_D4: "EDUCATION_D4";
    /**
     * Sarjana (bachelor).
     */
    readonly EDUCATION_S1: "EDUCATION_S1";
    /**
     * Magister (master).
     */
    readonly EDUCATION_S2: "EDUCATION_S2";
    /**
     * Doktor (doctorate).
     */
    readonly EDUCATION_S3: "EDUCATION_S3";
};
/**
 * Highest completed formal education, in Indonesian levels. Levels compare in this order,
 * except that SMA and SMK are one level (upper secondary, general or vocational) and D4 and
 * S1 are one level (both KKNI level 6): a vacancy asking for SMK accepts SMA and anything
 * above (docs/ranking.md, `education`).
 */
export type Education = 
/**
 * Not given. On a worker: fails every minimum education. On a vacancy: no minimum.
 */
'EDUCATION_UNSPECIFIED' | 0
/**
 * Sekolah Dasar (primary).
 */
 | 'EDUCATION_SD' | 1
/**
 * Sekolah Menengah Pertama (lower secondary).
 */
 | 'EDUCATION_SMP' | 2
/**
 * Sekolah Menengah Atas (upper secondary, general).
 */
 | 'EDUCATION_SMA' | 3
/**
 * Sekolah Menengah Kejuruan (upper secondary, vocational); the level of SMA.
 */
 | 'EDUCATION_SMK' | 4
/**
 * Diploma 1-3.
 */
 | 'EDUCATION_D1' | 5 | 'EDUCATION_D2' | 6 | 'EDUCATION_D3' | 7
/**
 * Diploma 4 (sarjana terapan); the level of S1.
 */
 | 'EDUCATION_D4' | 8
/**
 * Sarjana (bachelor).
 */
 | 'EDUCATION_S1' | 9
/**
 * Magister (master).
 */
 | 'EDUCATION_S2' | 10
/**
 * Doktor (doctorate).
 */
 | 'EDUCATION_S3' | 11;
/**
 * Highest completed formal education, in Indonesian levels. Levels compare in this order,
 * except that SMA and SMK are one level (upper secondary, general or vocational) and D4 and
 * S1 are one level (both KKNI level 6): a vacancy asking for SMK accepts SMA and anything
 * above (docs/ranking.md, `education`).
 */
export type Education__Output = typeof Education[keyof typeof Education];
