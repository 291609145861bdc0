import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from '../../cakap/v1/Vacancy';
import type { MatchOptions as _cakap_v1_MatchOptions, MatchOptions__Output as _cakap_v1_MatchOptions__Output } from '../../cakap/v1/MatchOptions';
export interface MatchCandidatesRequest {
    /**
     * An inline vacancy; its id may be empty and it is not stored.
     */
    'vacancy'?: (_cakap_v1_Vacancy | null);
    /**
     * The id of a stored vacancy (open or not; for a partner, open or its own), 1-128
     * bytes. NOT_FOUND when there is none.
     */
    'vacancyId'?: (string);
    /**
     * Paging, facets and near misses; see MatchOptions in match.proto. Missing: defaults
     * (first page of 20, no facets, no near misses). options.page_size must be in 0-200
     * and options.near_miss_limit in 0-100 (INVALID_ARGUMENT otherwise). For partners,
     * options.exclude_welfare is always true, and near misses outside a restricted key's
     * regions are left out (so fewer than near_miss_limit may come back).
     */
    'options'?: (_cakap_v1_MatchOptions | null);
    /**
     * The vacancy to match: given inline, or the id of a stored vacancy. Neither:
     * INVALID_ARGUMENT ("vacancy: required (vacancy or vacancy_id)").
     */
    'source'?: "vacancy" | "vacancyId";
}
export interface MatchCandidatesRequest__Output {
    /**
     * An inline vacancy; its id may be empty and it is not stored.
     */
    'vacancy'?: (_cakap_v1_Vacancy__Output | null);
    /**
     * The id of a stored vacancy (open or not; for a partner, open or its own), 1-128
     * bytes. NOT_FOUND when there is none.
     */
    'vacancyId'?: (string);
    /**
     * Paging, facets and near misses; see MatchOptions in match.proto. Missing: defaults
     * (first page of 20, no facets, no near misses). options.page_size must be in 0-200
     * and options.near_miss_limit in 0-100 (INVALID_ARGUMENT otherwise). For partners,
     * options.exclude_welfare is always true, and near misses outside a restricted key's
     * regions are left out (so fewer than near_miss_limit may come back).
     */
    'options': (_cakap_v1_MatchOptions__Output | null);
    /**
     * The vacancy to match: given inline, or the id of a stored vacancy. Neither:
     * INVALID_ARGUMENT ("vacancy: required (vacancy or vacancy_id)").
     */
    'source'?: "vacancy" | "vacancyId";
}
