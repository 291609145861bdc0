import type { Long } from '@grpc/proto-loader';
export interface BackupResponse {
    /**
     * The committed revision the backup holds: every write acknowledged before the call
     * is in it.
     */
    'revision'?: (number | string | Long);
    /**
     * Size of the copied files, in bytes.
     */
    'sizeBytes'?: (number | string | Long);
}
export interface BackupResponse__Output {
    /**
     * The committed revision the backup holds: every write acknowledged before the call
     * is in it.
     */
    'revision': (string);
    /**
     * Size of the copied files, in bytes.
     */
    'sizeBytes': (string);
}
