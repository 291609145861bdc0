export interface GetVacancyRequest {
    /**
     * The vacancy's id, 1-128 bytes. Empty: INVALID_ARGUMENT.
     */
    'id'?: (string);
}
export interface GetVacancyRequest__Output {
    /**
     * The vacancy's id, 1-128 bytes. Empty: INVALID_ARGUMENT.
     */
    'id': (string);
}
