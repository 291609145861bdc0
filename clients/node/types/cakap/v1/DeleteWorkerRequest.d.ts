export interface DeleteWorkerRequest {
    /**
     * The worker's id, 1-128 bytes. Empty: INVALID_ARGUMENT.
     */
    'id'?: (string);
}
export interface DeleteWorkerRequest__Output {
    /**
     * The worker's id, 1-128 bytes. Empty: INVALID_ARGUMENT.
     */
    'id': (string);
}
