import type { Candidate as _cakap_v1_Candidate, Candidate__Output as _cakap_v1_Candidate__Output } from '../../cakap/v1/Candidate';
import type { Facets as _cakap_v1_Facets, Facets__Output as _cakap_v1_Facets__Output } from '../../cakap/v1/Facets';
import type { NearMiss as _cakap_v1_NearMiss, NearMiss__Output as _cakap_v1_NearMiss__Output } from '../../cakap/v1/NearMiss';
import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from '../../cakap/v1/Vacancy';
import type { QuotaReport as _cakap_v1_QuotaReport, QuotaReport__Output as _cakap_v1_QuotaReport__Output } from '../../cakap/v1/QuotaReport';
import type { Long } from '@grpc/proto-loader';
/**
 * The result of matching one vacancy.
 */
export interface MatchResult {
    /**
     * This page of candidates, best first.
     */
    'candidates'?: (_cakap_v1_Candidate)[];
    /**
     * Number of candidates over all pages: exact.
     */
    'total'?: (number | string | Long);
    /**
     * Token for the next page. Empty: this is the last page.
     */
    'nextPageToken'?: (string);
    /**
     * Facet counts when requested.
     */
    'facets'?: (_cakap_v1_Facets | null);
    /**
     * Near misses when requested, best first.
     */
    'nearMisses'?: (_cakap_v1_NearMiss)[];
    /**
     * The vacancy as the engine understood it: skills resolved to codes, dates and the
     * location's point filled in. Useful to see how free text was resolved.
     */
    'resolvedVacancy'?: (_cakap_v1_Vacancy | null);
    /**
     * How the ranking meets the vacancy's local-worker quota. Unset without a quota.
     */
    'quota'?: (_cakap_v1_QuotaReport | null);
}
/**
 * The result of matching one vacancy.
 */
export interface MatchResult__Output {
    /**
     * This page of candidates, best first.
     */
    'candidates': (_cakap_v1_Candidate__Output)[];
    /**
     * Number of candidates over all pages: exact.
     */
    'total': (string);
    /**
     * Token for the next page. Empty: this is the last page.
     */
    'nextPageToken': (string);
    /**
     * Facet counts when requested.
     */
    'facets': (_cakap_v1_Facets__Output | null);
    /**
     * Near misses when requested, best first.
     */
    'nearMisses': (_cakap_v1_NearMiss__Output)[];
    /**
     * The vacancy as the engine understood it: skills resolved to codes, dates and the
     * location's point filled in. Useful to see how free text was resolved.
     */
    'resolvedVacancy': (_cakap_v1_Vacancy__Output | null);
    /**
     * How the ranking meets the vacancy's local-worker quota. Unset without a quota.
     */
    'quota': (_cakap_v1_QuotaReport__Output | null);
}
