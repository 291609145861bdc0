export interface DeleteVacancyRequest {
    /**
     * The vacancy's id, 1-128 bytes. Empty: INVALID_ARGUMENT.
     */
    'id'?: (string);
}
export interface DeleteVacancyRequest__Output {
    /**
     * The vacancy's id, 1-128 bytes. Empty: INVALID_ARGUMENT.
     */
    'id': (string);
}
