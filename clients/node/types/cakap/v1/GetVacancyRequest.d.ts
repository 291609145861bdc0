export interface GetVacancyRequest {
    /**
     * The vacancy's id. Empty: INVALID_ARGUMENT.
     */
    'id'?: (string);
}
export interface GetVacancyRequest__Output {
    /**
     * The vacancy's id. Empty: INVALID_ARGUMENT.
     */
    'id': (string);
}
