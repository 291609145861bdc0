import type { PlacementKind as _cakap_v1_PlacementKind, PlacementKind__Output as _cakap_v1_PlacementKind__Output } from '../../cakap/v1/PlacementKind';
/**
 * A worker was placed. Recorded with LedgerService.RecordPlacement.
 */
export interface Placement {
    /**
     * Required.
     */
    'kind'?: (_cakap_v1_PlacementKind);
    /**
     * The stored vacancy the worker was placed into (its Vacancy.id), 1-128 bytes. Empty:
     * none (a placement found outside cakap, or an own business). When given, the vacancy
     * must exist; the placement counts against its openings (Vacancy.filled), and a
     * vacancy whose openings are all filled is closed (open = false) in the same commit.
     * A partner may only name its own vacancies (Vacancy.owner = its key's name), and must
     * name one.
     */
    'vacancyId'?: (string);
    /**
     * Employer (or business) name, at most 200 bytes. Empty: the vacancy's employer when a
     * vacancy is named, else not known.
     */
    'employer'?: (string);
    /**
     * First day of the job or business, "YYYY-MM-DD" (10 bytes). Required. The worker is
     * employed from this day: figures count the placement on it.
     */
    'date'?: (string);
}
/**
 * A worker was placed. Recorded with LedgerService.RecordPlacement.
 */
export interface Placement__Output {
    /**
     * Required.
     */
    'kind': (_cakap_v1_PlacementKind__Output);
    /**
     * The stored vacancy the worker was placed into (its Vacancy.id), 1-128 bytes. Empty:
     * none (a placement found outside cakap, or an own business). When given, the vacancy
     * must exist; the placement counts against its openings (Vacancy.filled), and a
     * vacancy whose openings are all filled is closed (open = false) in the same commit.
     * A partner may only name its own vacancies (Vacancy.owner = its key's name), and must
     * name one.
     */
    'vacancyId': (string);
    /**
     * Employer (or business) name, at most 200 bytes. Empty: the vacancy's employer when a
     * vacancy is named, else not known.
     */
    'employer': (string);
    /**
     * First day of the job or business, "YYYY-MM-DD" (10 bytes). Required. The worker is
     * employed from this day: figures count the placement on it.
     */
    'date': (string);
}
