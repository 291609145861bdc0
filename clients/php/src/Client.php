<?php

declare(strict_types=1);

namespace Cakap;

/**
 * A client of cakapd's HTTP/JSON API (the Connect protocol, unary, plus the JSON Lines
 * import), with PHP's curl extension and nothing else.
 *
 *   $cakap = new \Cakap\Client('http://127.0.0.1:7880', getenv('CAKAP_KEY'));
 *   $cakap->upsertWorker(['id' => 'w-1', 'domicile' => ['regionCode' => '63.11'], ...]);
 *   $result = $cakap->matchCandidates(['requiredSkills' => ['LAS'], ...], ['facets' => true]);
 *
 * Messages are PHP arrays in the protobuf JSON mapping of proto/cakap/v1/*.proto:
 * lowerCamelCase keys, enums by name ("ISSUER_BNSP"). Replies leave fields at their
 * default out; the typed helpers below fill the ones callers loop over and turn 64-bit
 * counts (sent as strings) into ints. Every failure throws CakapException.
 */
final class Client
{
    private const PACKAGE = 'cakap.v1.';
    /** A stream envelope larger than this is taken for a broken stream (cakapd's are KiBs). */
    private const MAX_ENVELOPE_BYTES = 64 << 20;
    /** The fields of cakap.v1.Figures, in proto order: Counts, and two medians (doubles). */
    private const FIGURES = [
        'workers', 'trained', 'certified', 'placed', 'placedJob', 'placedApprenticeship',
        'placedOwnBusiness', 'stillWorking3m', 'stillWorking6m',
        'medianDaysTrainingToPlacement', 'withTrainingBeforePlacement',
        'medianDaysCertificationToPlacement', 'withCertificateBeforePlacement',
    ];

    private string $baseUrl;
    private ?string $apiKey;
    private int $timeoutMs;
    private int $connectTimeoutMs;
    private ?string $caFile;
    /** One handle for every call, so its connection is kept alive between calls. */
    private ?\CurlHandle $curl = null;

    /**
     * @param string      $baseUrl "http://host:port" or "https://host:port" (cakapd --http-listen)
     * @param string|null $apiKey  a key made by `cakapd keys add`; null: send none
     * @param array       $options timeoutMs (per call, default 30000; sent as
     *                             Connect-Timeout-Ms), connectTimeoutMs (default 5000),
     *                             caFile (PEM CA bundle to verify cakapd's TLS certificate)
     */
    public function __construct(string $baseUrl, ?string $apiKey = null, array $options = [])
    {
        $unknown = array_diff(array_keys($options), ['timeoutMs', 'connectTimeoutMs', 'caFile']);
        if ($unknown !== []) {
            throw new \InvalidArgumentException('options: unknown ' . implode(', ', $unknown));
        }
        $this->baseUrl = rtrim($baseUrl, '/');
        $this->apiKey = ($apiKey === null || $apiKey === '') ? null : $apiKey;
        $this->timeoutMs = (int)($options['timeoutMs'] ?? 30000);
        $this->connectTimeoutMs = (int)($options['connectTimeoutMs'] ?? 5000);
        $this->caFile = $options['caFile'] ?? null;
        if ($this->timeoutMs <= 0) {
            throw new \InvalidArgumentException('options.timeoutMs: must be > 0');
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Closes the kept-alive connection (the next call opens a new one). */
    public function close(): void
    {
        $this->curl = null;
    }

    // ---- workers ---------------------------------------------------------------------

    /** Inserts the worker or replaces the stored one with its id; durable on return. */
    public function upsertWorker(array $worker): void
    {
        $this->call('WorkerService', 'UpsertWorker', ['worker' => $worker]);
    }

    /** The stored worker (redacted for partner keys). not_found when there is none. */
    public function getWorker(string $id): array
    {
        return $this->call('WorkerService', 'GetWorker', ['id' => $id])['worker'] ?? [];
    }

    public function deleteWorker(string $id): void
    {
        $this->call('WorkerService', 'DeleteWorker', ['id' => $id]);
    }

    /**
     * Imports workers as JSON Lines, streamed (never held in memory whole): an iterable of
     * worker arrays, or the path of a JSONL file (one cakap.v1.Worker per line).
     * A bad record does not stop the import; it comes back in 'rejections' (by index).
     *
     * @return array{accepted:int, rejected:int, rejections:list<array>} each rejection
     *         ['index' => int (from 0), 'workerId' => string, 'reason' => string]
     */
    public function importWorkers(iterable|string $workers, ?int $timeoutMs = null): array
    {
        return $this->import('/v1/import/workers', $workers, $timeoutMs);
    }

    /**
     * The same for vacancies (cakap.v1.Vacancy per line, POST /v1/import/vacancies);
     * each rejection carries 'vacancyId'.
     */
    public function importVacancies(iterable|string $vacancies, ?int $timeoutMs = null): array
    {
        return $this->import('/v1/import/vacancies', $vacancies, $timeoutMs);
    }

    // ---- vacancies -------------------------------------------------------------------

    public function upsertVacancy(array $vacancy): void
    {
        $this->call('VacancyService', 'UpsertVacancy', ['vacancy' => $vacancy]);
    }

    public function getVacancy(string $id): array
    {
        return $this->call('VacancyService', 'GetVacancy', ['id' => $id])['vacancy'] ?? [];
    }

    public function deleteVacancy(string $id): void
    {
        $this->call('VacancyService', 'DeleteVacancy', ['id' => $id]);
    }

    /**
     * A page of the stored vacancies by id: ['vacancies' => [...], 'nextPageToken' => t]
     * (no nextPageToken: the last page). $options: openOnly, owner, pageSize, pageToken
     * (ListVacanciesRequest). A partner key lists only its own; another owner is
     * permission_denied.
     */
    public function listVacancies(array $options = []): array
    {
        return $this->call('VacancyService', 'ListVacancies', $options);
    }

    // ---- matching --------------------------------------------------------------------

    /**
     * Workers for a vacancy, best first (docs/ranking.md).
     *
     * @param array|string $vacancy an inline vacancy, or the id of a stored one
     * @param array        $options MatchOptions: pageSize, pageToken, facets, nearMissLimit,
     *                              excludeWelfare, coarseLocations (cakapd validates them)
     * @return array the MatchResult with candidates, nearMisses ([] when none),
     *               nextPageToken ('' on the last page), total (int) and, when asked
     *               for, facets (issuer/region/kkniLevel lists, counts as ints)
     */
    public function matchCandidates(array|string $vacancy, array $options = []): array
    {
        $request = is_string($vacancy) ? ['vacancyId' => $vacancy] : ['vacancy' => $vacancy];
        if ($options !== []) {
            $request['options'] = $options;
        }
        $result = $this->call('MatchService', 'MatchCandidates', $request)['result'] ?? [];
        $result += ['candidates' => [], 'nearMisses' => [], 'nextPageToken' => ''];
        $result['total'] = (int)($result['total'] ?? 0);
        $result['candidates'] = array_map([self::class, 'fillHit'], $result['candidates']);
        foreach ($result['nearMisses'] as $i => $miss) {
            $miss += ['candidate' => [], 'constraint' => '', 'reason' => ''];
            $miss['candidate'] = self::fillHit($miss['candidate']);
            $result['nearMisses'][$i] = $miss;
        }
        if (isset($result['facets'])) {
            foreach (['issuer', 'region', 'kkniLevel'] as $facet) {
                $values = $result['facets'][$facet] ?? [];
                foreach ($values as $i => $value) {
                    $values[$i]['count'] = (int)($value['count'] ?? 0);
                }
                $result['facets'][$facet] = $values;
            }
        }
        return $result;
    }

    /**
     * The open stored vacancies a stored worker satisfies, best first.
     *
     * @return array{vacancies:list<array>, total:int}
     */
    public function matchVacancies(string $workerId, int $limit = 0, bool $excludeWelfare = false): array
    {
        $request = ['workerId' => $workerId];
        if ($limit !== 0) {
            $request['limit'] = $limit;
        }
        if ($excludeWelfare) {
            $request['excludeWelfare'] = true;
        }
        $result = $this->call('MatchService', 'MatchVacancies', $request)['result'] ?? [];
        $result += ['vacancies' => []];
        $result['vacancies'] = array_map([self::class, 'fillHit'], $result['vacancies']);
        $result['total'] = (int)($result['total'] ?? 0);
        return $result;
    }

    // ---- alerts (AlertService, a server stream) --------------------------------------

    /**
     * Watches a stored vacancy (AlertService.WatchVacancy, a Connect server stream):
     * calls $onAlert for each worker who newly matches it, as the writes happen, until
     * $onAlert returns false, the deadline passes or the stream ends. Exactly once: a watch
     * resumed with the returned cursor delivers every later alert and none of the earlier.
     *
     *   $cursor = $cakap->watchVacancy('v-1', function (array $alert) {
     *       notify($alert['candidate']['worker']['id'], $alert['candidate']['score']);
     *   }, $savedCursor, 60000);
     *
     * The stream has a connection of its own (never the client's kept-alive one), so
     * $onAlert may call this client, and a watch stopped early leaves nothing half read.
     *
     * @param callable(array{candidate:array, cursor:string, sequence:int}): (bool|null) $onAlert
     *        the candidate as matchCandidates fills one (redacted for partner keys);
     *        returning false stops the watch after this alert (it counts as handled)
     * @param string   $cursor    where to resume: a cursor this method returned, an alert's,
     *                            or a CakapException's; '' from now (or from the beginning
     *                            with $options['fromBeginning'])
     * @param int|null $timeoutMs how long to watch (sent as Connect-Timeout-Ms): its end is
     *                            the normal end of a watch, and the method returns then;
     *                            null: no deadline
     * @param array    $options   the other WatchVacancyRequest fields: fromBeginning,
     *                            heartbeatSeconds (default 15), batchSize, excludeWelfare;
     *                            and onHeartbeat, a callable(array{cursor:string,
     *                            sequence:int}) called for each heartbeat (the first message
     *                            of every stream is one) that may return false to stop too
     * @return string the cursor to resume from: of the last alert or heartbeat handled
     *                ($cursor when none came)
     * @throws CakapException the stream's end-of-stream error (not_found: no such vacancy,
     *         or it was deleted; invalid_argument; permission_denied; unauthenticated;
     *         unavailable: cakapd shut down, or the connection broke or stalled), with
     *         ->cursor to resume from; anything $onAlert throws, after the stream is closed
     */
    public function watchVacancy(string $vacancyId, callable $onAlert, string $cursor = '',
                                 ?int $timeoutMs = null, array $options = []): string
    {
        $onHeartbeat = $options['onHeartbeat'] ?? null;
        unset($options['onHeartbeat']);
        $unknown = array_diff(array_keys($options),
                              ['fromBeginning', 'heartbeatSeconds', 'batchSize', 'excludeWelfare']);
        if ($unknown !== []) {
            throw new \InvalidArgumentException('watchVacancy options: unknown ' . implode(', ', $unknown));
        }
        if ($onHeartbeat !== null && !is_callable($onHeartbeat)) {
            throw new \InvalidArgumentException('watchVacancy options.onHeartbeat: not callable');
        }
        $timeout = $timeoutMs ?? 0;
        if ($timeoutMs !== null && $timeoutMs <= 0) {
            throw new \InvalidArgumentException('watchVacancy timeoutMs: must be > 0, or null for none');
        }
        $request = ['vacancyId' => $vacancyId] + ($cursor === '' ? [] : ['cursor' => $cursor]) + $options;
        $json = self::encode($request);
        $path = '/' . self::PACKAGE . 'AlertService/WatchVacancy';

        $last = $cursor;
        $buffer = '';
        $status = 0;      // the HTTP status, once the headers came
        $errorBody = '';  // a non-200 reply's body (no stream)
        $end = null;      // the end-of-stream message, once it came
        $stopped = false; // a callback returned false
        $failure = null;  // what a callback threw, or a malformed stream
        // Static, and the handle is this call's: nothing keeps the client alive.
        $write = static function ($curl, string $data) use (
            $onAlert, $onHeartbeat, $path, &$last, &$buffer, &$status, &$errorBody, &$end,
            &$stopped, &$failure
        ): int {
            $n = strlen($data);
            if ($status === 0) {
                $status = (int)curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
            }
            if ($status !== 200) {
                $errorBody .= substr($data, 0, max(0, 65536 - strlen($errorBody)));
                return $n;
            }
            if ($end !== null) {
                return $n;  // nothing follows the end of the stream
            }
            $buffer .= $data;  // an envelope may be split across writes
            $at = 0;
            try {
                while (strlen($buffer) - $at >= 5) {
                    $length = unpack('N', $buffer, $at + 1)[1];
                    if ($length > self::MAX_ENVELOPE_BYTES) {
                        throw new CakapException('internal', "$path: an envelope of $length bytes", 200);
                    }
                    if (strlen($buffer) - $at - 5 < $length) {
                        break;  // the rest comes with a later write
                    }
                    $flags = ord($buffer[$at]);
                    $message = json_decode(substr($buffer, $at + 5, $length), true);
                    $at += 5 + $length;
                    if (!is_array($message) || ($flags & 0x01) !== 0) {  // 0x01: compressed, never asked for
                        throw new CakapException('internal', "$path: an envelope (flags $flags) that is no JSON object", 200);
                    }
                    if (($flags & 0x02) !== 0) {
                        $end = $message;
                        break;
                    }
                    $alert = ['cursor' => (string)($message['cursor'] ?? ''),
                              'sequence' => (int)($message['sequence'] ?? 0)];
                    if (isset($message['candidate'])) {
                        $alert = ['candidate' => self::fillHit($message['candidate'])] + $alert;
                        $more = $onAlert($alert);
                    } else {
                        $more = $onHeartbeat === null ? null : $onHeartbeat($alert);
                    }
                    if ($alert['cursor'] !== '') {
                        $last = $alert['cursor'];  // handled: resume after it
                    }
                    if ($more === false) {
                        $stopped = true;
                        return 0;  // not $n: curl stops and the connection is closed
                    }
                }
            } catch (\Throwable $e) {
                $failure = $e;
                return 0;
            }
            $buffer = (string)substr($buffer, $at);
            return $n;
        };

        // No deadline: a connection that carries nothing (not even heartbeats) for twice the
        // heartbeat interval plus a margin is taken for dead.
        $heartbeat = (int)($options['heartbeatSeconds'] ?? 0);
        $stall = 2 * ($heartbeat > 0 ? $heartbeat : 15) + 10;
        $curl = curl_init();
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => 'POST',
            CURLOPT_POSTFIELDS => "\0" . pack('N', strlen($json)) . $json,
            CURLOPT_WRITEFUNCTION => $write,
            CURLOPT_LOW_SPEED_LIMIT => 1,
            CURLOPT_LOW_SPEED_TIME => $stall,
            CURLOPT_TCP_KEEPALIVE => 1,
        ] + $this->curlOptions($path, 'application/connect+json', 'application/connect+json', $timeout));
        $started = microtime(true);
        curl_exec($curl);
        $errno = curl_errno($curl);
        $error = curl_error($curl);
        $status = $status ?: (int)curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);

        if ($failure !== null) {
            if ($failure instanceof CakapException && $failure->httpStatus === 200) {
                throw new CakapException($failure->connectCode, $failure->getMessage(), 200, null, $last);
            }
            throw $failure;
        }
        if ($stopped) {
            return $last;
        }
        if ($status !== 200 && $status !== 0) {
            $e = CakapException::fromReply($status, $errorBody);  // refused before streaming (415, 429, ...)
            throw new CakapException($e->connectCode, $e->getMessage(), $status, null, $last);
        }
        if ($end !== null) {
            $endError = $end['error'] ?? null;
            if (!is_array($endError)) {
                return $last;  // {}: ended without an error
            }
            $code = (string)($endError['code'] ?? 'unknown');
            if ($code === 'deadline_exceeded' && $timeout > 0) {
                return $last;  // the watch ran its time: the normal end
            }
            throw new CakapException($code, (string)($endError['message'] ?? ''), 200, null, $last);
        }
        if ($errno === CURLE_OPERATION_TIMEDOUT && $timeout > 0
            && (microtime(true) - $started) * 1000 >= $timeout) {
            throw new CakapException('deadline_exceeded', "$path: no end of stream by the deadline: $error", 0, null, $last);
        }
        $why = $errno === CURLE_OPERATION_TIMEDOUT ? "nothing came for $stall s" : "$error (curl error $errno)";
        if ($errno === 0) {
            $why = 'the stream ended without its end-of-stream message';
        }
        throw new CakapException('unavailable', "$path: $why", $status === 200 ? 200 : 0, null, $last);
    }

    // ---- placements and outcomes (LedgerService) ---------------------------------------

    /**
     * Records that a worker was placed (LedgerService.RecordPlacement); durable on return.
     * Naming a stored vacancy counts the placement against its openings and closes it when
     * they are all filled. A partner key may only place into its own vacancies
     * (permission_denied, field entry.placement.vacancy_id).
     *
     * @param array $placement the LedgerEntry: ['workerId' => 'w-1', 'placement' =>
     *        ['kind' => 'PLACEMENT_KIND_JOB', 'vacancyId' => 'v-1', 'employer' => '...',
     *        'date' => 'YYYY-MM-DD']], plus 'corrects' => seq (and 'withdrawn' => true) for
     *        a correction (proto/cakap/v1/ledger.proto)
     * @return array{workerId:string, seq:int, recordedAt:string, source:string, corrects:int,
     *               withdrawn:bool, placement:array{kind:string, vacancyId:string,
     *               employer:string, date:string}}
     *         the entry as committed: seq, recordedAt and source set by cakapd, employer
     *         the vacancy's when none was given
     */
    public function recordPlacement(array $placement): array
    {
        $reply = $this->call('LedgerService', 'RecordPlacement', ['entry' => $placement]);
        return self::fillEntry($reply['entry'] ?? []);
    }

    /**
     * Records what became of a placement (LedgerService.RecordOutcome): appended to the
     * worker's history, never edited in place. A partner key only for placements it
     * recorded itself.
     *
     * @param array $outcome the LedgerEntry: ['workerId' => 'w-1', 'outcome' =>
     *        ['placementSeq' => 1, 'kind' => 'OUTCOME_KIND_STILL_WORKING', 'afterMonths' => 3]]
     *        (OUTCOME_KIND_LEFT: 'date' and 'reason' instead of afterMonths)
     * @return array{workerId:string, seq:int, recordedAt:string, source:string, corrects:int,
     *               withdrawn:bool, outcome:array{placementSeq:int, kind:string,
     *               afterMonths:int, date:string, reason:string}} the entry as committed
     */
    public function recordOutcome(array $outcome): array
    {
        $reply = $this->call('LedgerService', 'RecordOutcome', ['entry' => $outcome]);
        return self::fillEntry($reply['entry'] ?? []);
    }

    /**
     * Every placement and outcome of a worker, by seq (LedgerService.GetHistory; portal
     * and admin keys, a partner's is permission_denied). [] when nothing was recorded; a
     * deleted worker's history is kept.
     *
     * @return list<array> entries shaped as recordPlacement's / recordOutcome's replies
     *         (each has either 'placement' or 'outcome')
     */
    public function getHistory(string $workerId): array
    {
        $reply = $this->call('LedgerService', 'GetHistory', ['workerId' => $workerId]);
        return array_map([self::class, 'fillEntry'], $reply['entries'] ?? []);
    }

    // ---- figures (FiguresService) ----------------------------------------------------

    /**
     * The office's figures for a slice of the index (FiguresService.GetFigures; any role).
     * Every count is ['value' => int, 'suppressed' => bool]: to a partner key a count from
     * 1 to minCellSize - 1 comes as value 0 with suppressed true (a zero is shown as 0);
     * for portal and admin keys suppressed is always false and minCellSize 0. A partner's
     * welfare slice (welfareDecileMin/Max) is permission_denied.
     *
     * @param array  $slice        FiguresSlice: programme, institution, institutionKind,
     *                             cohortFrom, cohortTo, skill, certificateIssuer,
     *                             regionCodes, welfareDecileMin/Max, periodFrom, periodTo;
     *                             [] every stored worker
     * @param bool   $supplyDemand also the supply and demand rows per skill x kabupaten
     * @param string $asOf         "YYYY-MM-DD" the day availability and validity are
     *                             reckoned from; '' cakapd's today
     * @return array{figures:array{workers:array{value:int, suppressed:bool},
     *                 trained:array{value:int, suppressed:bool},
     *                 certified:array{value:int, suppressed:bool},
     *                 placed:array{value:int, suppressed:bool},
     *                 placedJob:array{value:int, suppressed:bool},
     *                 placedApprenticeship:array{value:int, suppressed:bool},
     *                 placedOwnBusiness:array{value:int, suppressed:bool},
     *                 stillWorking3m:array{value:int, suppressed:bool},
     *                 stillWorking6m:array{value:int, suppressed:bool},
     *                 medianDaysTrainingToPlacement:float,
     *                 withTrainingBeforePlacement:array{value:int, suppressed:bool},
     *                 medianDaysCertificationToPlacement:float,
     *                 withCertificateBeforePlacement:array{value:int, suppressed:bool}},
     *               supplyDemand:list<array{skill:string, regionCode:string,
     *                 availableCertified:array{value:int, suppressed:bool},
     *                 openOpenings:array{value:int, suppressed:bool},
     *                 expiring30d:array{value:int, suppressed:bool},
     *                 expiring90d:array{value:int, suppressed:bool},
     *                 expiring180d:array{value:int, suppressed:bool}}>,
     *               asOf:string, minCellSize:int}
     *         medians: days, -1 when nobody (or, for a partner, when their count is
     *         suppressed)
     */
    public function figures(array $slice = [], bool $supplyDemand = false, string $asOf = ''): array
    {
        $request = [];
        if ($slice !== []) {
            $request['slice'] = $slice;
        }
        if ($supplyDemand) {
            $request['supplyDemand'] = true;
        }
        if ($asOf !== '') {
            $request['asOf'] = $asOf;
        }
        $reply = $this->call('FiguresService', 'GetFigures', $request);
        $in = $reply['figures'] ?? [];
        $figures = [];
        foreach (self::FIGURES as $key) {
            $figures[$key] = str_starts_with($key, 'median')
                ? (float)($in[$key] ?? 0.0)  // 0 days is left out of the JSON
                : self::count($in[$key] ?? []);
        }
        $rows = [];
        foreach ($reply['supplyDemand'] ?? [] as $row) {
            $filled = ['skill' => (string)($row['skill'] ?? ''),
                       'regionCode' => (string)($row['regionCode'] ?? '')];
            foreach (['availableCertified', 'openOpenings', 'expiring30d', 'expiring90d',
                      'expiring180d'] as $key) {
                $filled[$key] = self::count($row[$key] ?? []);
            }
            $rows[] = $filled;
        }
        return [
            'figures' => $figures,
            'supplyDemand' => $rows,
            'asOf' => (string)($reply['asOf'] ?? ''),
            'minCellSize' => (int)($reply['minCellSize'] ?? 0),
        ];
    }

    // ---- batch allocation (AllocationService) ----------------------------------------

    /**
     * Places a pool of workers across stored vacancies (AllocationService.Allocate;
     * docs/ranking.md, "Batch allocation"). Portal and admin keys; a partner only over its
     * own vacancies.
     *
     * @param array $request AllocateRequest: vacancyIds and/or openVacancies, workerIds,
     *                       cohortRegionCodes, slotsPerWorker, placesPerOpening,
     *                       welfareWeight, excludeWelfare, coarseLocations
     * @return array{vacancies:list<array{vacancyId:string, title:string, places:int,
     *                 maxNonLocal:int, proposed:list<array>, candidates:int,
     *                 localProposed:int, quotaShareMet:bool}>,
     *               placements:list<array{workerId:string, vacancyIds:list<string>}>,
     *               unplaced:list<array{workerId:string, reason:string, vacancyIds:list<string>}>,
     *               summary:array{workers:int, placedWorkers:int, assignments:int, places:int,
     *                 feasiblePairs:int, objective:float, totalScore:float,
     *                 greedyObjective:float, greedyAssignments:int, greedyGap:float}}
     *         the AllocationResult; proposed are candidates as matchCandidates fills them
     *         (their worker carries only id and displayName); reason an UnplacedReason
     *         name (NO_FEASIBLE_VACANCY, VACANCIES_FULL, QUOTA, NOT_FOUND)
     */
    public function allocate(array $request): array
    {
        $result = $this->call('AllocationService', 'Allocate', $request)['result'] ?? [];
        $vacancies = [];
        foreach ($result['vacancies'] ?? [] as $v) {
            $vacancies[] = [
                'vacancyId' => (string)($v['vacancyId'] ?? ''),
                'title' => (string)($v['title'] ?? ''),
                'places' => (int)($v['places'] ?? 0),
                'maxNonLocal' => (int)($v['maxNonLocal'] ?? 0),
                'proposed' => array_map([self::class, 'fillHit'], $v['proposed'] ?? []),
                'candidates' => (int)($v['candidates'] ?? 0),
                'localProposed' => (int)($v['localProposed'] ?? 0),
                'quotaShareMet' => (bool)($v['quotaShareMet'] ?? false),
            ];
        }
        $placements = [];
        foreach ($result['placements'] ?? [] as $p) {
            $placements[] = ['workerId' => (string)($p['workerId'] ?? ''),
                             'vacancyIds' => $p['vacancyIds'] ?? []];
        }
        $unplaced = [];
        foreach ($result['unplaced'] ?? [] as $u) {
            $unplaced[] = ['workerId' => (string)($u['workerId'] ?? ''),
                           'reason' => (string)($u['reason'] ?? 'UNPLACED_REASON_UNSPECIFIED'),
                           'vacancyIds' => $u['vacancyIds'] ?? []];
        }
        $in = $result['summary'] ?? [];
        $summary = [];
        foreach (['workers', 'placedWorkers', 'assignments', 'places', 'feasiblePairs',
                  'objective', 'totalScore', 'greedyObjective', 'greedyAssignments',
                  'greedyGap'] as $key) {
            $summary[$key] = in_array($key, ['objective', 'totalScore', 'greedyObjective', 'greedyGap'], true)
                ? (float)($in[$key] ?? 0.0)
                : (int)($in[$key] ?? 0);
        }
        return ['vacancies' => $vacancies, 'placements' => $placements, 'unplaced' => $unplaced,
                'summary' => $summary];
    }

    // ---- reference data (LexiconService) ---------------------------------------------

    /**
     * Skills of the lexicon for what a user typed (LexiconService.LookupSkills; any role),
     * best first: "juru las" finds LAS. invalid_argument (field query) for an empty query.
     *
     * @param int $limit at most this many, 0-50; 0: 10
     * @return list<array{code:string, nameId:string, nameEn:string, parentCode:string,
     *                    matched:string, synonyms:list<string>}>
     *         parentCode '' for a family; matched: the phrase that matched
     */
    public function lookupSkills(string $text, int $limit = 0): array
    {
        $request = ['query' => $text];
        if ($limit !== 0) {
            $request['limit'] = $limit;
        }
        $skills = [];
        foreach ($this->call('LexiconService', 'LookupSkills', $request)['skills'] ?? [] as $s) {
            $skills[] = [
                'code' => (string)($s['code'] ?? ''),
                'nameId' => (string)($s['nameId'] ?? ''),
                'nameEn' => (string)($s['nameEn'] ?? ''),
                'parentCode' => (string)($s['parentCode'] ?? ''),
                'matched' => (string)($s['matched'] ?? ''),
                'synonyms' => $s['synonyms'] ?? [],
            ] + $s;
        }
        return $skills;
    }

    // ---- administration --------------------------------------------------------------

    /**
     * Index statistics (admin keys).
     *
     * @return array{workers:int, vacancies:int, openVacancies:int, revision:int, sizeBytes:int}
     */
    public function stats(): array
    {
        $reply = $this->call('AdminService', 'Stats', []);
        $stats = [];
        foreach (['workers', 'vacancies', 'openVacancies', 'revision', 'sizeBytes'] as $key) {
            $stats[$key] = (int)($reply[$key] ?? 0);
        }
        return $stats;
    }

    /** GET /healthz: true when the process answers. */
    public function healthy(): bool
    {
        return $this->get('/healthz', false)[0] === 200;
    }

    /** GET /readyz: true when the index is open and the keys are loaded. */
    public function ready(): bool
    {
        return $this->get('/readyz', false)[0] === 200;
    }

    /** GET /metrics: the Prometheus text (an admin key, unless served apart). */
    public function metrics(): string
    {
        return $this->get('/metrics', true)[1];
    }

    // ---- the generic call ------------------------------------------------------------

    /**
     * Any unary rpc: POST /cakap.v1.<service>/<method> with the request as JSON.
     *
     * @param string $service "MatchService" or "cakap.v1.MatchService"
     * @param array  $request the request message; [] sends {}
     * @return array the reply message as decoded JSON (fields at their default left out)
     */
    public function call(string $service, string $method, array $request = [],
                         ?int $timeoutMs = null): array
    {
        if (!str_contains($service, '.')) {
            $service = self::PACKAGE . $service;
        }
        // An empty PHP array encodes as [], which is no message.
        $body = $request === [] ? '{}' : self::encode($request);
        $timeout = $timeoutMs ?? $this->timeoutMs;
        [$status, $reply] = $this->send("/$service/$method", 'application/json', $timeout,
                                        [CURLOPT_POSTFIELDS => $body]);
        return self::decode($status, $reply);
    }

    // ---- transport -------------------------------------------------------------------

    private function import(string $path, iterable|string $records, ?int $timeoutMs): array
    {
        $lines = is_string($records) ? self::fileChunks($records) : self::jsonLines($records);
        $lines->valid();  // opens the file now: a missing one throws here, not inside curl
        $pending = '';
        $failure = null;
        // curl pulls the body through this callback as it sends it: chunked, never whole.
        // Static: a closure holding $this, kept by the curl handle this object holds, would
        // be a cycle that keeps the client (and its open connection) alive after its last use.
        $read = static function ($curl, $stream, int $max) use ($lines, &$pending, &$failure) {
            try {
                while (strlen($pending) < $max && $lines->valid()) {
                    $pending .= $lines->current();
                    $lines->next();
                }
            } catch (\Throwable $e) {
                // Returning '' would end the body as if complete; CURL_READFUNC_ABORT
                // (0x10000000) cuts it, so cakapd reports the import as cut short.
                $failure = $e;
                return 0x10000000;
            }
            $out = substr($pending, 0, $max);
            $pending = (string)substr($pending, $max);
            return $out;
        };
        try {
            [$status, $reply] = $this->send($path, 'application/jsonl', $timeoutMs ?? 0, [
                CURLOPT_UPLOAD => true,
                CURLOPT_READFUNCTION => $read,
            ]);
        } catch (CakapException $e) {
            throw $failure ?? $e;
        } finally {
            // The connection is not reused after a streamed body: when cakapd answered
            // before reading it all (e.g. permission_denied), the rest would be read as the
            // next request.
            $this->curl = null;
        }
        if ($failure !== null) {
            throw $failure;
        }
        $result = self::decode($status, $reply);
        $rejections = [];
        foreach ($result['rejections'] ?? [] as $r) {
            $rejections[] = [
                'index' => (int)($r['index'] ?? 0),
                'workerId' => (string)($r['workerId'] ?? ''),
                'vacancyId' => (string)($r['vacancyId'] ?? ''),
                'reason' => (string)($r['reason'] ?? ''),
            ];
        }
        // In stream order (cakapd lists them so; kept sorted for older servers, which
        // listed unparsable lines before the invalid records of the same batch).
        usort($rejections, fn($a, $b) => $a['index'] <=> $b['index']);
        return [
            'accepted' => (int)($result['accepted'] ?? 0),
            'rejected' => (int)($result['rejected'] ?? 0),
            'rejections' => $rejections,
        ];
    }

    /**
     * Fills the fields of a Candidate / VacancyHit that JSON leaves out at 0 (a worker at
     * the vacancy's own location has distanceKm 0; a component may be worth 0), so callers
     * can index them. The worker or vacancy itself is left as sent: a missing 'nik' means
     * it was not given or redacted.
     */
    private static function fillHit(array $hit): array
    {
        $hit += ['score' => 0.0, 'distanceKm' => 0.0, 'explanation' => []];
        foreach ($hit['explanation'] as $i => $component) {
            $hit['explanation'][$i] = $component + ['name' => '', 'value' => 0.0, 'detail' => ''];
        }
        return $hit;
    }

    /**
     * A LedgerEntry with the fields JSON leaves out at their default filled (seq and
     * corrects as ints, withdrawn false, the placement's or outcome's fields), in proto
     * order; its one event, placement or outcome, stays the only one present.
     */
    private static function fillEntry(array $entry): array
    {
        $filled = [
            'workerId' => (string)($entry['workerId'] ?? ''),
            'seq' => (int)($entry['seq'] ?? 0),
            'recordedAt' => (string)($entry['recordedAt'] ?? ''),
            'source' => (string)($entry['source'] ?? ''),
            'corrects' => (int)($entry['corrects'] ?? 0),
            'withdrawn' => (bool)($entry['withdrawn'] ?? false),
        ];
        if (isset($entry['placement'])) {
            $p = $entry['placement'];
            $filled['placement'] = [
                'kind' => (string)($p['kind'] ?? 'PLACEMENT_KIND_UNSPECIFIED'),
                'vacancyId' => (string)($p['vacancyId'] ?? ''),
                'employer' => (string)($p['employer'] ?? ''),
                'date' => (string)($p['date'] ?? ''),
            ] + $p;
        }
        if (isset($entry['outcome'])) {
            $o = $entry['outcome'];
            $filled['outcome'] = [
                'placementSeq' => (int)($o['placementSeq'] ?? 0),
                'kind' => (string)($o['kind'] ?? 'OUTCOME_KIND_UNSPECIFIED'),
                'afterMonths' => (int)($o['afterMonths'] ?? 0),
                'date' => (string)($o['date'] ?? ''),
                'reason' => (string)($o['reason'] ?? ''),
            ] + $o;
        }
        return $filled + $entry;  // fields of a newer cakapd stay, after these
    }

    /**
     * A cakap.v1.Count as ['value' => int, 'suppressed' => bool]. JSON leaves out a zero
     * value and a false suppressed (a suppressed count arrives as {"suppressed":true}, a
     * zero as {} or not at all).
     *
     * @return array{value:int, suppressed:bool}
     */
    private static function count(array $count): array
    {
        return ['value' => (int)($count['value'] ?? 0),
                'suppressed' => (bool)($count['suppressed'] ?? false)];
    }

    /** The file's bytes in 64 KiB pieces. */
    private static function fileChunks(string $path): \Generator
    {
        $f = @fopen($path, 'rb');
        if ($f === false) {
            throw new \InvalidArgumentException("importWorkers: cannot open $path");
        }
        try {
            while (!feof($f)) {
                $chunk = fread($f, 65536);
                if ($chunk === false) {
                    throw new \RuntimeException("importWorkers: cannot read $path");
                }
                if ($chunk !== '') {
                    yield $chunk;
                }
            }
        } finally {
            fclose($f);
        }
    }

    private static function jsonLines(iterable $records): \Generator
    {
        foreach ($records as $record) {
            yield ($record === [] ? '{}' : self::encode($record)) . "\n";
        }
    }

    private static function encode(array $message): string
    {
        return json_encode($message, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
                                     | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);
    }

    private static function decode(int $status, string $reply): array
    {
        if ($status !== 200) {
            throw CakapException::fromReply($status, $reply);
        }
        $message = json_decode($reply, true);
        if (!is_array($message)) {
            throw new CakapException('internal', 'reply: not a JSON object', $status);
        }
        return $message;
    }

    /** @return array{0:int, 1:string} the HTTP status (200 or else) and the body */
    private function get(string $path, bool $throw): array
    {
        [$status, $body] = $this->send($path, null, $this->timeoutMs, [CURLOPT_HTTPGET => true]);
        if ($throw && $status !== 200) {
            throw CakapException::fromReply($status, $body);
        }
        return [$status, $body];
    }

    /**
     * One request. $timeoutMs 0: no deadline. A failure to get any reply throws
     * (unavailable, or deadline_exceeded when curl's own timeout fired).
     *
     * @return array{0:int, 1:string}
     */
    private function send(string $path, ?string $contentType, int $timeoutMs, array $curlOptions): array
    {
        if ($this->curl === null) {
            $this->curl = curl_init();
        } else {
            curl_reset($this->curl);
        }
        $options = [CURLOPT_RETURNTRANSFER => true]
            + $curlOptions + $this->curlOptions($path, $contentType, 'application/json', $timeoutMs);
        if (!isset($curlOptions[CURLOPT_HTTPGET])) {
            // POSTFIELDS implies POST; an upload (the streamed import) would be a PUT.
            $options[CURLOPT_CUSTOMREQUEST] = 'POST';
        }
        curl_setopt_array($this->curl, $options);
        $body = curl_exec($this->curl);
        if ($body === false) {
            $errno = curl_errno($this->curl);
            $error = curl_error($this->curl);
            $this->curl = null;  // a broken connection is not reused
            $code = $errno === CURLE_OPERATION_TIMEDOUT ? 'deadline_exceeded' : 'unavailable';
            throw new CakapException($code, "$path: $error (curl error $errno)", 0);
        }
        return [(int)curl_getinfo($this->curl, CURLINFO_RESPONSE_CODE), (string)$body];
    }

    /** The curl options of every request: URL, headers (key, deadline), timeouts, TLS. */
    private function curlOptions(string $path, ?string $contentType, string $accept,
                                 int $timeoutMs): array
    {
        $headers = ["Accept: $accept", 'Expect:'];  // no 100-continue round trip
        if ($contentType !== null) {
            $headers[] = "Content-Type: $contentType";
        }
        if ($this->apiKey !== null) {
            $headers[] = "Authorization: Bearer {$this->apiKey}";
        }
        if ($timeoutMs > 0) {
            // The server gives up at the deadline and says so (deadline_exceeded); curl waits
            // a little longer so that reply, not a cut connection, is what the caller sees.
            $headers[] = "Connect-Timeout-Ms: $timeoutMs";
        }
        $options = [
            CURLOPT_URL => $this->baseUrl . $path,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_CONNECTTIMEOUT_MS => $this->connectTimeoutMs,
            CURLOPT_TIMEOUT_MS => $timeoutMs > 0 ? $timeoutMs + 2000 : 0,
            CURLOPT_NOSIGNAL => true,
            CURLOPT_USERAGENT => 'cakap-php/0.1',
        ];
        if ($this->caFile !== null) {
            $options[CURLOPT_CAINFO] = $this->caFile;
        }
        return $options;
    }
}
