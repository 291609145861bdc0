import type { RegionEntry as _cakap_v1_RegionEntry, RegionEntry__Output as _cakap_v1_RegionEntry__Output } from '../../cakap/v1/RegionEntry';
export interface ListRegionsResponse {
    /**
     * Provinces and kabupaten/kota, sorted by code.
     */
    'regions'?: (_cakap_v1_RegionEntry)[];
}
export interface ListRegionsResponse__Output {
    /**
     * Provinces and kabupaten/kota, sorted by code.
     */
    'regions': (_cakap_v1_RegionEntry__Output)[];
}
