/**
 * One partner read of personal data, on disk (fdatasync'd) before the reply is sent.
 */
export interface AuditLine {
    /**
     * When the reply was ready.
     */
    'time'?: (string);
    /**
     * The name of the partner's API key (never the key).
     */
    'key'?: (string);
    /**
     * "MatchCandidates", "MatchVacancies" or "GetWorker".
     */
    'rpc'?: (string);
    /**
     * MatchCandidates: the stored vacancy's id; empty for a vacancy sent inline.
     */
    'vacancyId'?: (string);
    /**
     * MatchCandidates: hex SHA-256 prefix of the vacancy as sent to the engine, so an
     * inline vacancy can be told apart from another.
     */
    'vacancyFingerprint'?: (string);
    /**
     * MatchCandidates: the candidates returned, in order; GetWorker: the one worker read.
     */
    'workerIds'?: (string)[];
    /**
     * MatchCandidates: the near misses returned, in order.
     */
    'nearMissWorkerIds'?: (string)[];
    /**
     * MatchVacancies: the worker whose vacancies were matched.
     */
    'workerId'?: (string);
    /**
     * MatchVacancies: the vacancies returned, in order.
     */
    'vacancyIds'?: (string)[];
}
/**
 * One partner read of personal data, on disk (fdatasync'd) before the reply is sent.
 */
export interface AuditLine__Output {
    /**
     * When the reply was ready.
     */
    'time': (string);
    /**
     * The name of the partner's API key (never the key).
     */
    'key': (string);
    /**
     * "MatchCandidates", "MatchVacancies" or "GetWorker".
     */
    'rpc': (string);
    /**
     * MatchCandidates: the stored vacancy's id; empty for a vacancy sent inline.
     */
    'vacancyId': (string);
    /**
     * MatchCandidates: hex SHA-256 prefix of the vacancy as sent to the engine, so an
     * inline vacancy can be told apart from another.
     */
    'vacancyFingerprint': (string);
    /**
     * MatchCandidates: the candidates returned, in order; GetWorker: the one worker read.
     */
    'workerIds': (string)[];
    /**
     * MatchCandidates: the near misses returned, in order.
     */
    'nearMissWorkerIds': (string)[];
    /**
     * MatchVacancies: the worker whose vacancies were matched.
     */
    'workerId': (string);
    /**
     * MatchVacancies: the vacancies returned, in order.
     */
    'vacancyIds': (string)[];
}
