export interface LookupSkillsRequest {
    /**
     * What the user typed: a code ("las.smaw"), a name or synonym in Indonesian or English,
     * or the start of one ("juru l"). At most 100 bytes. Empty: INVALID_ARGUMENT.
     */
    'query'?: (string);
    /**
     * At most this many skills, 0-50. 0: 10.
     */
    'limit'?: (number);
}
export interface LookupSkillsRequest__Output {
    /**
     * What the user typed: a code ("las.smaw"), a name or synonym in Indonesian or English,
     * or the start of one ("juru l"). At most 100 bytes. Empty: INVALID_ARGUMENT.
     */
    'query': (string);
    /**
     * At most this many skills, 0-50. 0: 10.
     */
    'limit': (number);
}
