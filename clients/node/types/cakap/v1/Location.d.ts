/**
 * Where someone lives or where a job is. Either a region code, or coordinates, or both.
 *
 * Limits: every string and repeated field of this package has a documented limit (bytes
 * of a value, entries of a list), kept in one table (engine/src/field_limits.cc) that the
 * engine and cakapd check before anything else; over a limit is InvalidArgument naming
 * the field path. Fields unknown to the server are discarded, never stored.
 */
export interface Location {
    /**
     * Kemendagri code of a kabupaten/kota ("64.02" = Kabupaten Kutai Kartanegara) or of a
     * province ("64"). Must be a code cakap knows (see data/regions.tsv). Empty: no region;
     * then latitude/longitude must be given. For a worker a kabupaten/kota code is
     * required unless coordinates are given, in which case the engine leaves the region
     * empty (it does not guess a region from coordinates). At most 16 bytes.
     */
    'regionCode'?: (string);
    /**
     * Kecamatan (district) name or code, free text, at most 100 bytes. Informational only:
     * it is stored and returned, never matched on. Empty: not given.
     */
    'kecamatan'?: (string);
    /**
     * Latitude in decimal degrees, in [-90, 90]. Only meaningful when has_coordinates is
     * true. When has_coordinates is false and region_code is set, the region's reference
     * point (its capital or centroid from data/regions.tsv) is used.
     */
    'latitude'?: (number | string);
    /**
     * Longitude in decimal degrees, in [-180, 180]. See latitude.
     */
    'longitude'?: (number | string);
    /**
     * True when latitude/longitude are given. Needed because 0,0 is a valid point.
     */
    'hasCoordinates'?: (boolean);
}
/**
 * Where someone lives or where a job is. Either a region code, or coordinates, or both.
 *
 * Limits: every string and repeated field of this package has a documented limit (bytes
 * of a value, entries of a list), kept in one table (engine/src/field_limits.cc) that the
 * engine and cakapd check before anything else; over a limit is InvalidArgument naming
 * the field path. Fields unknown to the server are discarded, never stored.
 */
export interface Location__Output {
    /**
     * Kemendagri code of a kabupaten/kota ("64.02" = Kabupaten Kutai Kartanegara) or of a
     * province ("64"). Must be a code cakap knows (see data/regions.tsv). Empty: no region;
     * then latitude/longitude must be given. For a worker a kabupaten/kota code is
     * required unless coordinates are given, in which case the engine leaves the region
     * empty (it does not guess a region from coordinates). At most 16 bytes.
     */
    'regionCode': (string);
    /**
     * Kecamatan (district) name or code, free text, at most 100 bytes. Informational only:
     * it is stored and returned, never matched on. Empty: not given.
     */
    'kecamatan': (string);
    /**
     * Latitude in decimal degrees, in [-90, 90]. Only meaningful when has_coordinates is
     * true. When has_coordinates is false and region_code is set, the region's reference
     * point (its capital or centroid from data/regions.tsv) is used.
     */
    'latitude': (number);
    /**
     * Longitude in decimal degrees, in [-180, 180]. See latitude.
     */
    'longitude': (number);
    /**
     * True when latitude/longitude are given. Needed because 0,0 is a valid point.
     */
    'hasCoordinates': (boolean);
}
