export interface GetWorkerRequest {
    /**
     * The worker's id, 1-128 bytes. Empty: INVALID_ARGUMENT.
     */
    'id'?: (string);
}
export interface GetWorkerRequest__Output {
    /**
     * The worker's id, 1-128 bytes. Empty: INVALID_ARGUMENT.
     */
    'id': (string);
}
