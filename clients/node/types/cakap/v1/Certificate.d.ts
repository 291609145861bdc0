import type { Issuer as _cakap_v1_Issuer, Issuer__Output as _cakap_v1_Issuer__Output } from '../../cakap/v1/Issuer';
/**
 * A competency or training certificate held by a worker.
 */
export interface Certificate {
    /**
     * Who issued it. Required (ISSUER_UNSPECIFIED is rejected).
     */
    'issuer'?: (_cakap_v1_Issuer);
    /**
     * The issuing body: the LSP, BLK/BLKI or LPK name, e.g. "BLKI Balikpapan". At most
     * 200 bytes. Empty: not known.
     */
    'issuingBody'?: (string);
    /**
     * Certification scheme name, e.g. "Juru Las SMAW 3G". At most 200 bytes. Empty: not known.
     */
    'scheme'?: (string);
    /**
     * Skills the certificate covers: lexicon codes ("LAS.SMAW") or any name or synonym the
     * lexicon knows ("juru las"); each must resolve to a lexicon code or the record is
     * rejected. At most 32 entries of at most 100 bytes each. Empty: the certificate covers no skill, so it never
     * satisfies a vacancy's certificate requirement (it is stored and shown all the same).
     */
    'skills'?: (string)[];
    /**
     * KKNI level 1-9 (1-3 operator, 4-6 technician/analyst, 7-9 expert). 0: not given,
     * which satisfies no minimum level.
     */
    'kkniLevel'?: (number);
    /**
     * Certificate number as printed. At most 100 bytes. Empty: not known.
     */
    'number'?: (string);
    /**
     * Date of issue, "YYYY-MM-DD" (10 bytes). Required.
     */
    'issuedOn'?: (string);
    /**
     * Last day of validity, "YYYY-MM-DD" (10 bytes), not before issued_on. Empty: issued_on plus the
     * issuer's default validity (EngineOptions; 3 years for BNSP and Kemnaker, 3 years
     * for other issuers), minus one day. Stored records always carry the effective date.
     */
    'expiresOn'?: (string);
}
/**
 * A competency or training certificate held by a worker.
 */
export interface Certificate__Output {
    /**
     * Who issued it. Required (ISSUER_UNSPECIFIED is rejected).
     */
    'issuer': (_cakap_v1_Issuer__Output);
    /**
     * The issuing body: the LSP, BLK/BLKI or LPK name, e.g. "BLKI Balikpapan". At most
     * 200 bytes. Empty: not known.
     */
    'issuingBody': (string);
    /**
     * Certification scheme name, e.g. "Juru Las SMAW 3G". At most 200 bytes. Empty: not known.
     */
    'scheme': (string);
    /**
     * Skills the certificate covers: lexicon codes ("LAS.SMAW") or any name or synonym the
     * lexicon knows ("juru las"); each must resolve to a lexicon code or the record is
     * rejected. At most 32 entries of at most 100 bytes each. Empty: the certificate covers no skill, so it never
     * satisfies a vacancy's certificate requirement (it is stored and shown all the same).
     */
    'skills': (string)[];
    /**
     * KKNI level 1-9 (1-3 operator, 4-6 technician/analyst, 7-9 expert). 0: not given,
     * which satisfies no minimum level.
     */
    'kkniLevel': (number);
    /**
     * Certificate number as printed. At most 100 bytes. Empty: not known.
     */
    'number': (string);
    /**
     * Date of issue, "YYYY-MM-DD" (10 bytes). Required.
     */
    'issuedOn': (string);
    /**
     * Last day of validity, "YYYY-MM-DD" (10 bytes), not before issued_on. Empty: issued_on plus the
     * issuer's default validity (EngineOptions; 3 years for BNSP and Kemnaker, 3 years
     * for other issuers), minus one day. Stored records always carry the effective date.
     */
    'expiresOn': (string);
}
