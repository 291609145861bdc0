import type { Count as _cakap_v1_Count, Count__Output as _cakap_v1_Count__Output } from '../../cakap/v1/Count';
/**
 * Supply and demand of one skill in one kabupaten/kota.
 */
export interface SupplyDemandRow {
    /**
     * A lexicon skill code: the slice's skill and its specialisations, or every skill of
     * a valid certificate when the slice names none.
     */
    'skill'?: (string);
    /**
     * Kabupaten/kota code of the workers' domicile and the vacancies' location.
     */
    'regionCode'?: (string);
    /**
     * Workers of the slice, available on as_of (seeking, or available_from on or before
     * it; no active placement), holding a certificate valid on as_of that covers the
     * skill.
     */
    'availableCertified'?: (_cakap_v1_Count | null);
    /**
     * Remaining openings of the open stored vacancies requiring the skill located in the
     * region (location.region_code, else their only region code): the sum of max(openings,
     * 1) - filled.
     */
    'openOpenings'?: (_cakap_v1_Count | null);
    /**
     * Workers of the slice whose latest-expiring certificate covering the skill expires
     * within 30 / 90 / 180 days after as_of (inclusive; each includes the shorter ones).
     */
    'expiring_30d'?: (_cakap_v1_Count | null);
    'expiring_90d'?: (_cakap_v1_Count | null);
    'expiring_180d'?: (_cakap_v1_Count | null);
}
/**
 * Supply and demand of one skill in one kabupaten/kota.
 */
export interface SupplyDemandRow__Output {
    /**
     * A lexicon skill code: the slice's skill and its specialisations, or every skill of
     * a valid certificate when the slice names none.
     */
    'skill': (string);
    /**
     * Kabupaten/kota code of the workers' domicile and the vacancies' location.
     */
    'regionCode': (string);
    /**
     * Workers of the slice, available on as_of (seeking, or available_from on or before
     * it; no active placement), holding a certificate valid on as_of that covers the
     * skill.
     */
    'availableCertified': (_cakap_v1_Count__Output | null);
    /**
     * Remaining openings of the open stored vacancies requiring the skill located in the
     * region (location.region_code, else their only region code): the sum of max(openings,
     * 1) - filled.
     */
    'openOpenings': (_cakap_v1_Count__Output | null);
    /**
     * Workers of the slice whose latest-expiring certificate covering the skill expires
     * within 30 / 90 / 180 days after as_of (inclusive; each includes the shorter ones).
     */
    'expiring_30d': (_cakap_v1_Count__Output | null);
    'expiring_90d': (_cakap_v1_Count__Output | null);
    'expiring_180d': (_cakap_v1_Count__Output | null);
}
