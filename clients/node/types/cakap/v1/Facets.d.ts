import type { FacetValue as _cakap_v1_FacetValue, FacetValue__Output as _cakap_v1_FacetValue__Output } from '../../cakap/v1/FacetValue';
/**
 * Facet counts over every candidate of a match, exact.
 */
export interface Facets {
    /**
     * Candidates holding at least one certificate from each issuer that is valid on the
     * start date. A candidate with certificates from two issuers counts in both.
     */
    'issuer'?: (_cakap_v1_FacetValue)[];
    /**
     * Candidates per domicile kabupaten/kota. Workers given only by coordinates count under
     * the empty value.
     */
    'region'?: (_cakap_v1_FacetValue)[];
    /**
     * Candidates per highest KKNI level among their certificates valid on the start date;
     * "0" when they hold none.
     */
    'kkniLevel'?: (_cakap_v1_FacetValue)[];
}
/**
 * Facet counts over every candidate of a match, exact.
 */
export interface Facets__Output {
    /**
     * Candidates holding at least one certificate from each issuer that is valid on the
     * start date. A candidate with certificates from two issuers counts in both.
     */
    'issuer': (_cakap_v1_FacetValue__Output)[];
    /**
     * Candidates per domicile kabupaten/kota. Workers given only by coordinates count under
     * the empty value.
     */
    'region': (_cakap_v1_FacetValue__Output)[];
    /**
     * Candidates per highest KKNI level among their certificates valid on the start date;
     * "0" when they hold none.
     */
    'kkniLevel': (_cakap_v1_FacetValue__Output)[];
}
