export interface GetWorkerRequest {
    /**
     * The worker's id. Empty: INVALID_ARGUMENT.
     */
    'id'?: (string);
}
export interface GetWorkerRequest__Output {
    /**
     * The worker's id. Empty: INVALID_ARGUMENT.
     */
    'id': (string);
}
