/**
 * A province or kabupaten/kota of data/regions.tsv.
 */
export interface RegionEntry {
    /**
     * Kemendagri code: "64.02" (kabupaten/kota) or "64" (province): what
     * Location.region_code and Vacancy.region_codes take.
     */
    'code'?: (string);
    /**
     * "province", "kabupaten" or "kota".
     */
    'level'?: (string);
    /**
     * The province's code ("64"); a province's own code for a province.
     */
    'provinceCode'?: (string);
    /**
     * Official name, e.g. "Kabupaten Kutai Kartanegara".
     */
    'name'?: (string);
    /**
     * The reference point the engine uses for a location given only by this code (its
     * capital or centroid), decimal degrees.
     */
    'latitude'?: (number | string);
    'longitude'?: (number | string);
}
/**
 * A province or kabupaten/kota of data/regions.tsv.
 */
export interface RegionEntry__Output {
    /**
     * Kemendagri code: "64.02" (kabupaten/kota) or "64" (province): what
     * Location.region_code and Vacancy.region_codes take.
     */
    'code': (string);
    /**
     * "province", "kabupaten" or "kota".
     */
    'level': (string);
    /**
     * The province's code ("64"); a province's own code for a province.
     */
    'provinceCode': (string);
    /**
     * Official name, e.g. "Kabupaten Kutai Kartanegara".
     */
    'name': (string);
    /**
     * The reference point the engine uses for a location given only by this code (its
     * capital or centroid), decimal degrees.
     */
    'latitude': (number);
    'longitude': (number);
}
