export interface ListVacanciesRequest {
    /**
     * True: only the vacancies open today, exactly the ones reverse matching
     * (MatchVacancies) and AllocateRequest.open_vacancies use: stored with open = true
     * (the engine stores a vacancy closed once its filled count reaches
     * max(openings, 1)) and whose valid_until is empty or not before today on the engine's
     * clock (UTC+7). False (default): every stored vacancy, open or not.
     */
    'openOnly'?: (boolean);
    /**
     * Only the vacancies whose owner is this name (1-64 characters of [A-Za-z0-9._-], else
     * INVALID_ARGUMENT "owner: ..."). Empty: every vacancy the caller may list, whatever its
     * owner (the portal's own, with an empty owner, too). A partner lists only its own
     * vacancies: empty means its key's name, and any other name is PERMISSION_DENIED
     * "owner: ...".
     */
    'owner'?: (string);
    /**
     * Vacancies per page, 0-1000 (cakap::kMaxVacancyListPageSize); 0: 50
     * (cakap::kDefaultVacancyListPageSize). Outside that: INVALID_ARGUMENT "page_size: ...".
     */
    'pageSize'?: (number);
    /**
     * Empty: the first page. Else next_page_token of the previous page, unchanged: the
     * listing resumes after the last vacancy id that page returned, so writes between pages
     * neither repeat nor skip a vacancy that is stored throughout (one written meanwhile
     * shows up if its id comes later). Bound to the key it was given to, like
     * MatchOptions.page_token; valid with any filters. Malformed, altered or another key's:
     * INVALID_ARGUMENT "page_token: ...".
     */
    'pageToken'?: (string);
}
export interface ListVacanciesRequest__Output {
    /**
     * True: only the vacancies open today, exactly the ones reverse matching
     * (MatchVacancies) and AllocateRequest.open_vacancies use: stored with open = true
     * (the engine stores a vacancy closed once its filled count reaches
     * max(openings, 1)) and whose valid_until is empty or not before today on the engine's
     * clock (UTC+7). False (default): every stored vacancy, open or not.
     */
    'openOnly': (boolean);
    /**
     * Only the vacancies whose owner is this name (1-64 characters of [A-Za-z0-9._-], else
     * INVALID_ARGUMENT "owner: ..."). Empty: every vacancy the caller may list, whatever its
     * owner (the portal's own, with an empty owner, too). A partner lists only its own
     * vacancies: empty means its key's name, and any other name is PERMISSION_DENIED
     * "owner: ...".
     */
    'owner': (string);
    /**
     * Vacancies per page, 0-1000 (cakap::kMaxVacancyListPageSize); 0: 50
     * (cakap::kDefaultVacancyListPageSize). Outside that: INVALID_ARGUMENT "page_size: ...".
     */
    'pageSize': (number);
    /**
     * Empty: the first page. Else next_page_token of the previous page, unchanged: the
     * listing resumes after the last vacancy id that page returned, so writes between pages
     * neither repeat nor skip a vacancy that is stored throughout (one written meanwhile
     * shows up if its id comes later). Bound to the key it was given to, like
     * MatchOptions.page_token; valid with any filters. Malformed, altered or another key's:
     * INVALID_ARGUMENT "page_token: ...".
     */
    'pageToken': (string);
}
