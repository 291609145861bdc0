import type { Issuer as _cakap_v1_Issuer, Issuer__Output as _cakap_v1_Issuer__Output } from '../../cakap/v1/Issuer';
/**
 * Which workers and events the figures count. Every field narrows; all empty: every
 * stored worker, every event.
 */
export interface FiguresSlice {
    /**
     * Training filters. When any of programme, institution, institution_kind, cohort_from
     * or cohort_to is given, a worker is in the slice only when ONE of their trainings
     * meets all of the given ones, and "trained" counts them. Programme and institution:
     * exact names, compared case-insensitively, at most 200 bytes each. Empty: any.
     */
    'programme'?: (string);
    'institution'?: (string);
    /**
     * "BLK" or "LPK" (at most 16 bytes): the institution's name starts with it, compared
     * case-insensitively ("BLKI Balikpapan", "UPTD BLK ..." does not). Empty: any.
     */
    'institutionKind'?: (string);
    /**
     * Cohort: the training ended (Training.ended_on) on or after cohort_from and on or
     * before cohort_to, "YYYY-MM-DD" (10 bytes). Trainings without ended_on count as
     * ending on 31 December of their year; without either they are in no cohort. Empty:
     * unbounded on that side.
     */
    'cohortFrom'?: (string);
    'cohortTo'?: (string);
    /**
     * A lexicon skill (code, name or synonym; at most 100 bytes): the worker holds it or
     * a specialisation of it (as a vacancy's required skill). Empty: any.
     */
    'skill'?: (string);
    /**
     * The worker holds a certificate of this issuer. ISSUER_UNSPECIFIED: any.
     */
    'certificateIssuer'?: (_cakap_v1_Issuer);
    /**
     * Domicile: kabupaten/kota codes ("64.72") or province codes ("64"); a worker in any
     * of them. At most 64 entries of at most 16 bytes. Empty: everywhere. Through cakapd
     * a partner key restricted to regions gets its own regions when this is empty, and
     * PERMISSION_DENIED for a region outside them.
     */
    'regionCodes'?: (string)[];
    /**
     * Welfare decile range, 1-10, inclusive (0: unbounded). Admin and portal only:
     * PERMISSION_DENIED for a partner.
     */
    'welfareDecileMin'?: (number);
    'welfareDecileMax'?: (number);
    /**
     * Time: events (certificates issued, placements dated) counted only in this window,
     * "YYYY-MM-DD" (10 bytes) each, inclusive. Empty: unbounded on that side.
     */
    'periodFrom'?: (string);
    'periodTo'?: (string);
}
/**
 * Which workers and events the figures count. Every field narrows; all empty: every
 * stored worker, every event.
 */
export interface FiguresSlice__Output {
    /**
     * Training filters. When any of programme, institution, institution_kind, cohort_from
     * or cohort_to is given, a worker is in the slice only when ONE of their trainings
     * meets all of the given ones, and "trained" counts them. Programme and institution:
     * exact names, compared case-insensitively, at most 200 bytes each. Empty: any.
     */
    'programme': (string);
    'institution': (string);
    /**
     * "BLK" or "LPK" (at most 16 bytes): the institution's name starts with it, compared
     * case-insensitively ("BLKI Balikpapan", "UPTD BLK ..." does not). Empty: any.
     */
    'institutionKind': (string);
    /**
     * Cohort: the training ended (Training.ended_on) on or after cohort_from and on or
     * before cohort_to, "YYYY-MM-DD" (10 bytes). Trainings without ended_on count as
     * ending on 31 December of their year; without either they are in no cohort. Empty:
     * unbounded on that side.
     */
    'cohortFrom': (string);
    'cohortTo': (string);
    /**
     * A lexicon skill (code, name or synonym; at most 100 bytes): the worker holds it or
     * a specialisation of it (as a vacancy's required skill). Empty: any.
     */
    'skill': (string);
    /**
     * The worker holds a certificate of this issuer. ISSUER_UNSPECIFIED: any.
     */
    'certificateIssuer': (_cakap_v1_Issuer__Output);
    /**
     * Domicile: kabupaten/kota codes ("64.72") or province codes ("64"); a worker in any
     * of them. At most 64 entries of at most 16 bytes. Empty: everywhere. Through cakapd
     * a partner key restricted to regions gets its own regions when this is empty, and
     * PERMISSION_DENIED for a region outside them.
     */
    'regionCodes': (string)[];
    /**
     * Welfare decile range, 1-10, inclusive (0: unbounded). Admin and portal only:
     * PERMISSION_DENIED for a partner.
     */
    'welfareDecileMin': (number);
    'welfareDecileMax': (number);
    /**
     * Time: events (certificates issued, placements dated) counted only in this window,
     * "YYYY-MM-DD" (10 bytes) each, inclusive. Empty: unbounded on that side.
     */
    'periodFrom': (string);
    'periodTo': (string);
}
