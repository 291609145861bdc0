export interface DeleteWorkerRequest {
    /**
     * The worker's id. Empty: INVALID_ARGUMENT.
     */
    'id'?: (string);
}
export interface DeleteWorkerRequest__Output {
    /**
     * The worker's id. Empty: INVALID_ARGUMENT.
     */
    'id': (string);
}
