import type { Long } from '@grpc/proto-loader';
export interface StatsResponse {
    /**
     * Stored workers.
     */
    'workers'?: (number | string | Long);
    /**
     * Stored vacancies, open or not.
     */
    'vacancies'?: (number | string | Long);
    /**
     * Stored vacancies that are open for reverse matching.
     */
    'openVacancies'?: (number | string | Long);
    /**
     * Index revision: +1 per committed write.
     */
    'revision'?: (number | string | Long);
    /**
     * Size of the database files on disk, in bytes.
     */
    'sizeBytes'?: (number | string | Long);
    /**
     * Reloads of the keys file (SIGHUP) that failed since cakapd started; the keys loaded
     * before stay active. Each failure is also an error line in cakapd's log.
     */
    'keyReloadFailures'?: (number | string | Long);
    /**
     * Why the last reload failed (file:line: what), empty when the last one succeeded.
     */
    'keyReloadError'?: (string);
}
export interface StatsResponse__Output {
    /**
     * Stored workers.
     */
    'workers': (string);
    /**
     * Stored vacancies, open or not.
     */
    'vacancies': (string);
    /**
     * Stored vacancies that are open for reverse matching.
     */
    'openVacancies': (string);
    /**
     * Index revision: +1 per committed write.
     */
    'revision': (string);
    /**
     * Size of the database files on disk, in bytes.
     */
    'sizeBytes': (string);
    /**
     * Reloads of the keys file (SIGHUP) that failed since cakapd started; the keys loaded
     * before stay active. Each failure is also an error line in cakapd's log.
     */
    'keyReloadFailures': (string);
    /**
     * Why the last reload failed (file:line: what), empty when the last one succeeded.
     */
    'keyReloadError': (string);
}
