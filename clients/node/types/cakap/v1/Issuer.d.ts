/**
 * Who issued a certificate.
 */
export declare const Issuer: {
    /**
     * Not given. Invalid on a certificate; in a vacancy's accepted issuers it is rejected.
     */
    readonly ISSUER_UNSPECIFIED: "ISSUER_UNSPECIFIED";
    /**
     * Badan Nasional Sertifikasi Profesi, through a licensed LSP against an SKKNI scheme.
     */
    readonly ISSUER_BNSP: "ISSUER_BNSP";
    /**
     * Kementerian Ketenagakerjaan (Ministry of Manpower), e.g. BLK/BLKI training certificates.
     */
    readonly ISSUER_KEMNAKER: "ISSUER_KEMNAKER";
    /**
     * Anyone else (a private LPK, an employer, a foreign body).
     */
    readonly ISSUER_OTHER: "ISSUER_OTHER";
};
/**
 * Who issued a certificate.
 */
export type Issuer = 
/**
 * Not given. Invalid on a certificate; in a vacancy's accepted issuers it is rejected.
 */
'ISSUER_UNSPECIFIED' | 0
/**
 * Badan Nasional Sertifikasi Profesi, through a licensed LSP against an SKKNI scheme.
 */
 | 'ISSUER_BNSP' | 1
/**
 * Kementerian Ketenagakerjaan (Ministry of Manpower), e.g. BLK/BLKI training certificates.
 */
 | 'ISSUER_KEMNAKER' | 2
/**
 * Anyone else (a private LPK, an employer, a foreign body).
 */
 | 'ISSUER_OTHER' | 3;
/**
 * Who issued a certificate.
 */
export type Issuer__Output = typeof Issuer[keyof typeof Issuer];
