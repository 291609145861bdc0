import type { Long } from '@grpc/proto-loader';
/**
 * A record of an import that was not stored.
 */
export interface Rejection {
    /**
     * Position of the record in the stream, from 0.
     */
    'index'?: (number | string | Long);
    /**
     * UpsertWorkers: the record's id as sent (may be empty).
     */
    'workerId'?: (string);
    /**
     * Why, naming the field, e.g. "domicile.latitude: 95 is not in [-90, 90]".
     */
    'reason'?: (string);
    /**
     * UpsertVacancies: the record's id as sent (may be empty).
     */
    'vacancyId'?: (string);
}
/**
 * A record of an import that was not stored.
 */
export interface Rejection__Output {
    /**
     * Position of the record in the stream, from 0.
     */
    'index': (string);
    /**
     * UpsertWorkers: the record's id as sent (may be empty).
     */
    'workerId': (string);
    /**
     * Why, naming the field, e.g. "domicile.latitude: 95 is not in [-90, 90]".
     */
    'reason': (string);
    /**
     * UpsertVacancies: the record's id as sent (may be empty).
     */
    'vacancyId': (string);
}
