export interface GetHistoryRequest {
    /**
     * Required, 1-128 bytes.
     */
    'workerId'?: (string);
}
export interface GetHistoryRequest__Output {
    /**
     * Required, 1-128 bytes.
     */
    'workerId': (string);
}
