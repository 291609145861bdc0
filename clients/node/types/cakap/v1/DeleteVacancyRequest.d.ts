export interface DeleteVacancyRequest {
    /**
     * The vacancy's id. Empty: INVALID_ARGUMENT.
     */
    'id'?: (string);
}
export interface DeleteVacancyRequest__Output {
    /**
     * The vacancy's id. Empty: INVALID_ARGUMENT.
     */
    'id': (string);
}
