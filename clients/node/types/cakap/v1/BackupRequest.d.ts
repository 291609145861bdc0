export interface BackupRequest {
    /**
     * Absolute path of the backup directory on the server's host: missing (created) or
     * empty. Empty, relative or longer than 4096 bytes: INVALID_ARGUMENT.
     */
    'dir'?: (string);
}
export interface BackupRequest__Output {
    /**
     * Absolute path of the backup directory on the server's host: missing (created) or
     * empty. Empty, relative or longer than 4096 bytes: INVALID_ARGUMENT.
     */
    'dir': (string);
}
