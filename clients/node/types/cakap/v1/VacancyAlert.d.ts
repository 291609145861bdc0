import type { Candidate as _cakap_v1_Candidate, Candidate__Output as _cakap_v1_Candidate__Output } from '../../cakap/v1/Candidate';
import type { Long } from '@grpc/proto-loader';
/**
 * One message of the stream: an alert (with a candidate) or a heartbeat (without). The
 * first message of every stream is a heartbeat with the starting cursor, so a client that
 * loses the connection before any alert resumes from where the stream started.
 */
export interface VacancyAlert {
    /**
     * The worker and how they match, as MatchCandidates would return them now (score,
     * explanation, distance; redacted for partners). Absent in a heartbeat.
     */
    'candidate'?: (_cakap_v1_Candidate | null);
    /**
     * Resume after this message: give it as WatchVacancyRequest.cursor.
     */
    'cursor'?: (string);
    /**
     * The change sequence of the write this alert is about; in a heartbeat, the index's
     * last sequence it has examined.
     */
    'sequence'?: (number | string | Long);
}
/**
 * One message of the stream: an alert (with a candidate) or a heartbeat (without). The
 * first message of every stream is a heartbeat with the starting cursor, so a client that
 * loses the connection before any alert resumes from where the stream started.
 */
export interface VacancyAlert__Output {
    /**
     * The worker and how they match, as MatchCandidates would return them now (score,
     * explanation, distance; redacted for partners). Absent in a heartbeat.
     */
    'candidate': (_cakap_v1_Candidate__Output | null);
    /**
     * Resume after this message: give it as WatchVacancyRequest.cursor.
     */
    'cursor': (string);
    /**
     * The change sequence of the write this alert is about; in a heartbeat, the index's
     * last sequence it has examined.
     */
    'sequence': (string);
}
