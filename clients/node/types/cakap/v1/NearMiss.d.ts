import type { Candidate as _cakap_v1_Candidate, Candidate__Output as _cakap_v1_Candidate__Output } from '../../cakap/v1/Candidate';
/**
 * A worker that fails exactly one hard constraint.
 */
export interface NearMiss {
    /**
     * The worker and what they would score if the failed constraint were waived.
     */
    'candidate'?: (_cakap_v1_Candidate | null);
    /**
     * Which constraint failed: "required_skill", "certificate", "radius", "region",
     * "travel_radius", "availability", "education", "experience", "age", "keywords".
     */
    'constraint'?: (string);
    /**
     * Why, e.g. "certificate expired 2026-03-01", "no BNSP certificate",
     * "62.0 km, travels at most 40 km", "lacks skill LAS.GTAW", "11 months of experience in
     * LAS, 12 required", "older than 45 on the start date" (never the age itself).
     */
    'reason'?: (string);
}
/**
 * A worker that fails exactly one hard constraint.
 */
export interface NearMiss__Output {
    /**
     * The worker and what they would score if the failed constraint were waived.
     */
    'candidate': (_cakap_v1_Candidate__Output | null);
    /**
     * Which constraint failed: "required_skill", "certificate", "radius", "region",
     * "travel_radius", "availability", "education", "experience", "age", "keywords".
     */
    'constraint': (string);
    /**
     * Why, e.g. "certificate expired 2026-03-01", "no BNSP certificate",
     * "62.0 km, travels at most 40 km", "lacks skill LAS.GTAW", "11 months of experience in
     * LAS, 12 required", "older than 45 on the start date" (never the age itself).
     */
    'reason': (string);
}
