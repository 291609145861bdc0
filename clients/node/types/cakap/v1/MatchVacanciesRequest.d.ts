export interface MatchVacanciesRequest {
    /**
     * Id of a stored worker, 1-128 bytes. Empty: INVALID_ARGUMENT. NOT_FOUND when there is no such
     * worker (or the caller is a partner restricted to regions the worker is not in).
     */
    'workerId'?: (string);
    /**
     * At most this many vacancies, 0-1000. 0: 20.
     */
    'limit'?: (number);
    /**
     * True: leave the welfare component out of score, order and explanation. Always true
     * for partners.
     */
    'excludeWelfare'?: (boolean);
}
export interface MatchVacanciesRequest__Output {
    /**
     * Id of a stored worker, 1-128 bytes. Empty: INVALID_ARGUMENT. NOT_FOUND when there is no such
     * worker (or the caller is a partner restricted to regions the worker is not in).
     */
    'workerId': (string);
    /**
     * At most this many vacancies, 0-1000. 0: 20.
     */
    'limit': (number);
    /**
     * True: leave the welfare component out of score, order and explanation. Always true
     * for partners.
     */
    'excludeWelfare': (boolean);
}
