import type { Long } from '@grpc/proto-loader';
/**
 * Count of candidates per value of one attribute.
 */
export interface FacetValue {
    /**
     * The value: an issuer name ("BNSP"), a region code ("64.02"), a KKNI level ("4").
     */
    'value'?: (string);
    /**
     * A human label where one exists (the region name), else empty.
     */
    'label'?: (string);
    /**
     * Number of candidates with that value.
     */
    'count'?: (number | string | Long);
}
/**
 * Count of candidates per value of one attribute.
 */
export interface FacetValue__Output {
    /**
     * The value: an issuer name ("BNSP"), a region code ("64.02"), a KKNI level ("4").
     */
    'value': (string);
    /**
     * A human label where one exists (the region name), else empty.
     */
    'label': (string);
    /**
     * Number of candidates with that value.
     */
    'count': (string);
}
