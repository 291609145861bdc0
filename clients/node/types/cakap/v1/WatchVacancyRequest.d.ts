export interface WatchVacancyRequest {
    /**
     * Required: the id of a stored vacancy.
     */
    'vacancyId'?: (string);
    /**
     * Where to resume: the `cursor` of the last alert (or heartbeat) the client handled;
     * the stream starts just after it. An opaque token made by cakapd (canonical: one
     * token per position, at most 188 bytes); not bound to a key. Empty: from now, i.e.
     * only writes committed after the call started (unless from_beginning).
     */
    'cursor'?: (string);
    /**
     * With an empty cursor: start from the beginning instead of from now, i.e. first an
     * alert for every stored worker who is a candidate now, in the order of their latest
     * writes, then the new ones. Must be false when a cursor is given.
     */
    'fromBeginning'?: (boolean);
    /**
     * Seconds between heartbeats while no alert is sent: a VacancyAlert without a
     * candidate whose cursor covers every write examined so far. 0: 15. At most 300.
     */
    'heartbeatSeconds'?: (number);
    /**
     * At most this many alerts per message burst before the stream looks for newer
     * writes again (back-pressure for a large catch-up); 0: 100. At most 1000.
     */
    'batchSize'?: (number);
    /**
     * Leave the welfare priority out of scores and explanations (always so for partners).
     */
    'excludeWelfare'?: (boolean);
}
export interface WatchVacancyRequest__Output {
    /**
     * Required: the id of a stored vacancy.
     */
    'vacancyId': (string);
    /**
     * Where to resume: the `cursor` of the last alert (or heartbeat) the client handled;
     * the stream starts just after it. An opaque token made by cakapd (canonical: one
     * token per position, at most 188 bytes); not bound to a key. Empty: from now, i.e.
     * only writes committed after the call started (unless from_beginning).
     */
    'cursor': (string);
    /**
     * With an empty cursor: start from the beginning instead of from now, i.e. first an
     * alert for every stored worker who is a candidate now, in the order of their latest
     * writes, then the new ones. Must be false when a cursor is given.
     */
    'fromBeginning': (boolean);
    /**
     * Seconds between heartbeats while no alert is sent: a VacancyAlert without a
     * candidate whose cursor covers every write examined so far. 0: 15. At most 300.
     */
    'heartbeatSeconds': (number);
    /**
     * At most this many alerts per message burst before the stream looks for newer
     * writes again (back-pressure for a large catch-up); 0: 100. At most 1000.
     */
    'batchSize': (number);
    /**
     * Leave the welfare priority out of scores and explanations (always so for partners).
     */
    'excludeWelfare': (boolean);
}
