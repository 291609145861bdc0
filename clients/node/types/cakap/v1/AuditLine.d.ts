import type { Long } from '@grpc/proto-loader';
/**
 * One partner read of personal data, on disk (fdatasync'd) before the reply is sent.
 */
export interface AuditLine {
    /**
     * When the reply was ready.
     */
    'time'?: (string);
    /**
     * The name of the caller's API key (never the key): a partner's; any key's for ledger writes.
     */
    'key'?: (string);
    /**
     * "MatchCandidates", "MatchVacancies", "GetWorker", "RecordPlacement" or
     * "RecordOutcome".
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
    /**
     * RecordPlacement, RecordOutcome (every caller's, not only partners'): the entry's
     * seq in worker_id's history; vacancy_id is the placement's vacancy. 0: another rpc.
     */
    'ledgerSeq'?: (number | string | Long);
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
     * The name of the caller's API key (never the key): a partner's; any key's for ledger writes.
     */
    'key': (string);
    /**
     * "MatchCandidates", "MatchVacancies", "GetWorker", "RecordPlacement" or
     * "RecordOutcome".
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
    /**
     * RecordPlacement, RecordOutcome (every caller's, not only partners'): the entry's
     * seq in worker_id's history; vacancy_id is the placement's vacancy. 0: another rpc.
     */
    'ledgerSeq': (string);
}
