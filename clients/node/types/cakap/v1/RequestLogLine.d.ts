/**
 * One served call, either transport, written when it ends.
 */
export interface RequestLogLine {
    /**
     * When the call ended.
     */
    'time'?: (string);
    /**
     * The rpc's method name, e.g. "MatchCandidates".
     */
    'rpc'?: (string);
    /**
     * The API key's name; empty without a key (open mode, or refused before one was read).
     */
    'key'?: (string);
    /**
     * The canonical status code, e.g. "OK", "INVALID_ARGUMENT".
     */
    'status'?: (string);
    /**
     * From the call's arrival to its end, milliseconds.
     */
    'latencyMs'?: (number | string);
    /**
     * "grpc" or "http".
     */
    'transport'?: (string);
    /**
     * The status message; empty when status is "OK".
     */
    'error'?: (string);
}
/**
 * One served call, either transport, written when it ends.
 */
export interface RequestLogLine__Output {
    /**
     * When the call ended.
     */
    'time': (string);
    /**
     * The rpc's method name, e.g. "MatchCandidates".
     */
    'rpc': (string);
    /**
     * The API key's name; empty without a key (open mode, or refused before one was read).
     */
    'key': (string);
    /**
     * The canonical status code, e.g. "OK", "INVALID_ARGUMENT".
     */
    'status': (string);
    /**
     * From the call's arrival to its end, milliseconds.
     */
    'latencyMs': (number);
    /**
     * "grpc" or "http".
     */
    'transport': (string);
    /**
     * The status message; empty when status is "OK".
     */
    'error': (string);
}
