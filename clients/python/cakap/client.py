"""cakap.Client: cakapd's HTTP/JSON API (the Connect protocol, unary, and the JSON Lines
import) from the Python standard library alone (http.client, json, ssl, csv)."""

import array
import csv
import http.client
import json
import ssl
import urllib.parse

from .csv_workers import CsvMapping
from .errors import CakapError
from .replies import (END_STREAM, envelopes, fill_count, fill_entry, fill_hit, stream_message,
                      to_int)

_PACKAGE = "cakap.v1."
# Errors of a kept-alive connection the server closed while idle: the request never
# reached it, so sending it again on a new connection is safe.
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


# The socket may wait this long beyond the heartbeat interval before a silent watch
# counts as a lost connection.
_HEARTBEAT_SLACK_S = 10


class Client:
    """A client of one cakapd.

        c = cakap.Client("http://127.0.0.1:7880", api_key)
        result = c.match({"requiredSkills": ["LAS"], "location": {"regionCode": "63.11"}},
                         facets=True, near_miss_limit=5)
        for cand in result["candidates"]:
            print(cand["worker"]["id"], cand["score"])

    Messages are plain dicts in the protobuf JSON mapping of proto/cakap/v1/*.proto
    (lowerCamelCase keys, enums by name: "ISSUER_BNSP"). Replies leave fields at their
    default out; the helpers fill the lists callers loop over and turn the 64-bit counts
    (sent as strings) into ints. Failures raise CakapError.

    base_url: "http://host:port" or "https://host:port" (cakapd --http-listen).
    api_key:  a key from `cakapd keys add` (None: send none).
    timeout:  seconds per call, sent as Connect-Timeout-Ms (the server's deadline).
    ca_file:  PEM CA bundle to verify cakapd's TLS certificate (default: the system's).
    """

    def __init__(self, base_url, api_key=None, *, timeout=30.0, ca_file=None):
        url = urllib.parse.urlsplit(base_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError("base_url: %r is not http(s)://host[:port]" % base_url)
        if timeout <= 0:
            raise ValueError("timeout: must be > 0")
        self._https = url.scheme == "https"
        self._host = url.hostname
        self._port = url.port or (443 if self._https else 80)
        self._prefix = url.path.rstrip("/")
        self._key = api_key or None
        self._timeout = float(timeout)
        self._ssl = ssl.create_default_context(cafile=ca_file) if self._https else None
        self._conn = None

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- matching ------------------------------------------------------------------

    def match(self, vacancy, *, page_size=0, page_token="", facets=False, near_miss_limit=0,
              exclude_welfare=False, timeout=None):
        """Workers for a vacancy (a dict, or the id of a stored vacancy), best first.

        Returns the MatchResult dict: "candidates" and "nearMisses" ([] when none; score,
        distanceKm and explanation always present), "nextPageToken" ("" on the last page),
        "total" (int), "facets" when asked for (counts as ints), "resolvedVacancy".
        """
        request = {"vacancyId": vacancy} if isinstance(vacancy, str) else {"vacancy": vacancy}
        options = {}
        if page_size:
            options["pageSize"] = page_size
        if page_token:
            options["pageToken"] = page_token
        if facets:
            options["facets"] = True
        if near_miss_limit:
            options["nearMissLimit"] = near_miss_limit
        if exclude_welfare:
            options["excludeWelfare"] = True
        if options:
            request["options"] = options
        result = self.call("MatchService", "MatchCandidates", request, timeout=timeout)
        result = result.get("result", {})
        result.setdefault("candidates", [])
        result.setdefault("nearMisses", [])
        result.setdefault("nextPageToken", "")
        result["total"] = to_int(result.get("total"))
        for c in result["candidates"]:
            fill_hit(c)
        for n in result["nearMisses"]:
            fill_hit(n.setdefault("candidate", {}))
            n.setdefault("constraint", "")
            n.setdefault("reason", "")
        for values in result.get("facets", {}).values():
            for v in values:
                v["count"] = to_int(v.get("count"))
        return result

    def iter_candidates(self, vacancy, *, page_size=200, exclude_welfare=False):
        """Every candidate of a match, page after page (a generator)."""
        token = ""
        while True:
            page = self.match(vacancy, page_size=page_size, page_token=token,
                              exclude_welfare=exclude_welfare)
            yield from page["candidates"]
            token = page["nextPageToken"]
            if not token:
                return

    def match_vacancies(self, worker_id, *, limit=0, exclude_welfare=False):
        """The open stored vacancies a stored worker satisfies: {"vacancies": [...], "total": n}."""
        request = {"workerId": worker_id}
        if limit:
            request["limit"] = limit
        if exclude_welfare:
            request["excludeWelfare"] = True
        result = self.call("MatchService", "MatchVacancies", request).get("result", {})
        for hit in result.setdefault("vacancies", []):
            fill_hit(hit)
        result["total"] = to_int(result.get("total"))
        return result

    # ---- workers and vacancies -----------------------------------------------------

    def upsert_worker(self, worker):
        self.call("WorkerService", "UpsertWorker", {"worker": worker})

    def get_worker(self, worker_id):
        """The stored worker (redacted for partner keys); CakapError not_found if none."""
        return self.call("WorkerService", "GetWorker", {"id": worker_id}).get("worker", {})

    def delete_worker(self, worker_id):
        self.call("WorkerService", "DeleteWorker", {"id": worker_id})

    def upsert_vacancy(self, vacancy):
        self.call("VacancyService", "UpsertVacancy", {"vacancy": vacancy})

    def get_vacancy(self, vacancy_id):
        return self.call("VacancyService", "GetVacancy", {"id": vacancy_id}).get("vacancy", {})

    def delete_vacancy(self, vacancy_id):
        self.call("VacancyService", "DeleteVacancy", {"id": vacancy_id})

    def list_vacancies(self, *, open_only=False, owner="", page_size=0, page_token=""):
        """A page of the stored vacancies by id: {"vacancies": [...], "nextPageToken": t}
        (no nextPageToken: the last page). A partner key lists only its own; another owner
        is CakapError permission_denied."""
        request = {"openOnly": open_only, "owner": owner, "pageSize": page_size,
                   "pageToken": page_token}
        return self.call("VacancyService", "ListVacancies", request)

    # ---- imports -------------------------------------------------------------------

    def import_workers(self, workers, *, timeout=None):
        """Imports an iterable of worker dicts, streamed (never held whole).

        Returns {"accepted": n, "rejected": m, "rejections": [{"index": i, "workerId": id,
        "reason": "domicile.latitude: ..."}]}: index counts records from 0. A bad record
        never stops the import.
        """
        lines = (json.dumps(w, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
                 for w in workers)
        return self._import("/v1/import/workers", lines, timeout)

    def import_jsonl(self, path, *, kind="workers", timeout=None):
        """Imports a JSON Lines file (one cakap.v1.Worker, or Vacancy with kind="vacancies",
        per line), streamed in 64 KiB pieces. Returns what import_workers returns; a
        record's index counts the file's non-blank lines from 0."""
        if kind not in ("workers", "vacancies"):
            raise ValueError("kind: %r is not workers or vacancies" % kind)

        def chunks(f):
            while True:
                chunk = f.read(65536)
                if not chunk:
                    return
                yield chunk

        with open(path, "rb") as f:
            return self._import("/v1/import/" + kind, chunks(f), timeout)

    def import_csv(self, path, *, timeout=None, **csv_options):
        """Imports workers from a CSV file with a header row; the columns are those of
        cakap.csv_workers (id, name, region_code, latitude, longitude, skills separated by
        ";", cert_issuer, cert_skills, cert_kkni_level, cert_issued_on, ...). Streamed.

        Returns what import_workers returns, each rejection with "line" added: the
        CSV line (from 1, the header is line 1) the record started on.
        csv_options go to csv.DictReader (e.g. delimiter=";").
        """
        lines_of_records = array.array("q")
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f, **csv_options)
            mapping = CsvMapping(reader.fieldnames or [])

            def workers():
                line = reader.line_num + 1
                for row in reader:
                    lines_of_records.append(line)
                    line = reader.line_num + 1
                    yield mapping.worker(row)

            result = self.import_workers(workers(), timeout=timeout)
        for r in result["rejections"]:
            if 0 <= r["index"] < len(lines_of_records):
                r["line"] = lines_of_records[r["index"]]
        return result

    # ---- placements, outcomes and figures ------------------------------------------

    def record_placement(self, entry):
        """Records that a worker was placed (LedgerService.RecordPlacement; portal, admin,
        and a partner into its own vacancies only).

            c.record_placement({"workerId": "w-1", "placement": {
                "kind": "PLACEMENT_KIND_JOB", "vacancyId": "v-1", "date": "2026-12-01"}})

        entry: a LedgerEntry dict with workerId and placement (corrects and withdrawn for
        a correction). A named vacancy's filled count goes up, and a vacancy whose
        openings are all filled is closed in the same commit. Returns the entry as
        committed (filled as history() fills it): seq, recordedAt and source set by
        cakapd. A partner naming another's vacancy: CakapError permission_denied
        (field "entry.placement.vacancy_id").
        """
        reply = self.call("LedgerService", "RecordPlacement", {"entry": entry})
        return fill_entry(reply.get("entry", {}))

    def record_outcome(self, entry):
        """Records what became of a placement (LedgerService.RecordOutcome); appended to
        the worker's history, never edited in place.

            c.record_outcome({"workerId": "w-1", "outcome": {
                "placementSeq": 1, "kind": "OUTCOME_KIND_STILL_WORKING", "afterMonths": 3}})

        entry: a LedgerEntry dict with workerId and outcome; outcome.placementSeq is the
        seq of the placement's entry. A partner: only outcomes of its own placements.
        Returns the entry as committed (filled as history() fills it).
        """
        reply = self.call("LedgerService", "RecordOutcome", {"entry": entry})
        return fill_entry(reply.get("entry", {}))

    def history(self, worker_id):
        """A worker's ledger, by seq (LedgerService.GetHistory; portal and admin keys, a
        partner gets CakapError permission_denied): a list of LedgerEntry dicts, [] when
        nothing is recorded. Each entry has workerId, seq (int), recordedAt, source,
        corrects (int) and withdrawn, and either "placement" (kind, vacancyId, employer,
        date) or "outcome" (placementSeq as int, kind, afterMonths, date, reason), every
        field present ("" / 0 / False when JSON left it out)."""
        reply = self.call("LedgerService", "GetHistory", {"workerId": worker_id})
        return [fill_entry(e) for e in reply.get("entries", [])]

    def figures(self, slice=None, *, supply_demand=False, as_of="", timeout=None):
        """The office's figures for a slice of the index (FiguresService.GetFigures; every
        role).

            f = c.figures({"skill": "LAS", "regionCodes": ["63"]}, supply_demand=True)
            print(f["figures"]["placed"]["value"], f["figures"]["placed"]["suppressed"])

        slice: a FiguresSlice dict (programme, institution, cohortFrom, skill,
        certificateIssuer, regionCodes, welfareDecileMin/Max, periodFrom, ...); None:
        every worker. Welfare deciles in a partner's slice: CakapError permission_denied
        (field "slice.welfare_decile_min" / "slice.welfare_decile_max").

        Returns {"figures": {...}, "supplyDemand": [...], "asOf": "YYYY-MM-DD",
        "minCellSize": int}. Every count of figures and of each supply and demand row is
        {"value": int, "suppressed": bool}: to a partner key (minCellSize 10) a count from
        1 to 9 is {"value": 0, "suppressed": True}; a count of 0 is
        {"value": 0, "suppressed": False}. The two medians are floats (-1.0: nobody);
        supplyDemand is [] unless asked for.
        """
        request = {"slice": slice or {}, "supplyDemand": supply_demand, "asOf": as_of}
        reply = self.call("FiguresService", "GetFigures", request, timeout=timeout)
        figures = reply.get("figures", {})
        for key in ("workers", "trained", "certified", "placed", "placedJob",
                    "placedApprenticeship", "placedOwnBusiness", "stillWorking3m",
                    "stillWorking6m", "withTrainingBeforePlacement",
                    "withCertificateBeforePlacement"):
            figures[key] = fill_count(figures.get(key))
        for key in ("medianDaysTrainingToPlacement", "medianDaysCertificationToPlacement"):
            figures[key] = float(figures.get(key, 0.0))
        rows = reply.get("supplyDemand", [])
        for row in rows:
            row.setdefault("skill", "")
            row.setdefault("regionCode", "")
            for key in ("availableCertified", "openOpenings", "expiring30d", "expiring90d",
                        "expiring180d"):
                row[key] = fill_count(row.get(key))
        return {"figures": figures, "supplyDemand": rows, "asOf": reply.get("asOf", ""),
                "minCellSize": to_int(reply.get("minCellSize"))}

    # ---- allocation and reference data ---------------------------------------------

    def allocate(self, request, *, timeout=None):
        """Places a pool of workers across stored vacancies (AllocationService.Allocate;
        portal and admin, a partner over its own vacancies).

            r = c.allocate({"vacancyIds": ["v-1", "v-2"], "workerIds": ["w-1", "w-2"]})
            for v in r["vacancies"]:
                print(v["vacancyId"], [p["worker"]["id"] for p in v["proposed"]])

        request: an AllocateRequest dict (vacancyIds, openVacancies, workerIds,
        cohortRegionCodes, slotsPerWorker, placesPerOpening, welfareWeight, ...).
        Returns the AllocationResult dict with every list present: "vacancies" (each with
        places, maxNonLocal, localProposed and candidates as ints, quotaShareMet, and
        "proposed" filled as match()'s candidates), "placements" (workerId, vacancyIds),
        "unplaced" (workerId, reason, vacancyIds) and "summary" (counts as ints,
        objective, totalScore, greedyObjective and greedyGap as floats).
        """
        result = self.call("AllocationService", "Allocate", request,
                           timeout=timeout).get("result", {})
        for v in result.setdefault("vacancies", []):
            v.setdefault("vacancyId", "")
            v.setdefault("title", "")
            for key in ("places", "maxNonLocal", "localProposed", "candidates"):
                v[key] = to_int(v.get(key))
            v.setdefault("quotaShareMet", False)
            for c in v.setdefault("proposed", []):
                fill_hit(c)
        for p in result.setdefault("placements", []):
            p.setdefault("workerId", "")
            p.setdefault("vacancyIds", [])
        for u in result.setdefault("unplaced", []):
            u.setdefault("workerId", "")
            u.setdefault("reason", "UNPLACED_REASON_UNSPECIFIED")
            u.setdefault("vacancyIds", [])
        summary = result.setdefault("summary", {})
        for key in ("workers", "placedWorkers", "assignments", "places", "feasiblePairs",
                    "greedyAssignments"):
            summary[key] = to_int(summary.get(key))
        for key in ("objective", "totalScore", "greedyObjective", "greedyGap"):
            summary[key] = float(summary.get(key, 0.0))
        return result

    def lookup_skills(self, text, limit=0):
        """Lexicon skills matching what a user typed, best first (LexiconService.
        LookupSkills; every role): a list of SkillEntry dicts with code, nameId, nameEn,
        parentCode ("" for a family), matched (the phrase that matched) and synonyms, all
        present. limit: 0-50, 0 means 10. An empty query: CakapError invalid_argument
        (field "query").

            c.lookup_skills("juru las")[0]["code"]   # "LAS"
        """
        request = {"query": text, "limit": limit}
        skills = self.call("LexiconService", "LookupSkills", request).get("skills", [])
        for s in skills:
            for key in ("code", "nameId", "nameEn", "parentCode", "matched"):
                s.setdefault(key, "")
            s.setdefault("synonyms", [])
        return skills

    # ---- alerts ----------------------------------------------------------------------

    def watch_vacancy(self, vacancy_id, cursor="", timeout=None, *, from_beginning=False,
                      heartbeat_seconds=0, heartbeats=False, exclude_welfare=False):
        """The workers who newly match a stored vacancy, as the writes happen
        (AlertService.WatchVacancy, a Connect server stream): a generator of alert dicts,
        read from the response as it arrives, on a connection of its own.

            for alert in c.watch_vacancy("v-1", timeout=3600):
                print(alert["candidate"]["worker"]["id"], alert["candidate"]["score"])
                save(alert["cursor"])      # resume later with cursor=<the saved one>

        Each alert: {"candidate": {...} (filled as match()'s candidates), "cursor": str,
        "sequence": int}. Give the cursor of the last alert handled as `cursor` to resume
        just after it (every later alert, none of the earlier); "" starts from now (or
        from the beginning with from_beginning=True).

        timeout: seconds the watch lasts (Connect-Timeout-Ms); when the server ends it at
        that deadline the generator simply ends. None: until closed or cut.
        heartbeats=True also yields the heartbeats, {"candidate": None, "cursor": ...,
        "sequence": ...}: the first one comes as soon as the stream started, and each
        cursor is a valid resume point. heartbeat_seconds: the server's heartbeat
        interval (0: 15 s); the socket gives up after it plus 10 s of silence
        (CakapError unavailable).

        Nothing is sent before the first next(). Closing the generator (gen.close(),
        leaving `with contextlib.closing(c.watch_vacancy(...))`, or breaking out of a for
        loop over it, once it is collected) closes the connection; cakapd ends the watch
        at its next write to it (a heartbeat at the latest). Any other end is a
        CakapError: the end-of-stream error's code (not_found when the vacancy is deleted
        or not visible, invalid_argument for a bad cursor, unauthenticated, unavailable
        when cakapd shuts down: resume with the last cursor; http_status 200, as such
        errors come in a Connect stream), or unavailable when the connection breaks.
        """
        request = {"vacancyId": vacancy_id}
        if cursor:
            request["cursor"] = cursor
        if from_beginning:
            request["fromBeginning"] = True
        if heartbeat_seconds:
            request["heartbeatSeconds"] = heartbeat_seconds
        if exclude_welfare:
            request["excludeWelfare"] = True
        message = json.dumps(request, ensure_ascii=False, separators=(",", ":")).encode()
        body = b"\x00" + len(message).to_bytes(4, "big") + message
        headers = self._headers("application/connect+json", timeout)
        headers["Connect-Protocol-Version"] = "1"
        path = "/cakap.v1.AlertService/WatchVacancy"
        idle = (heartbeat_seconds or 15) + _HEARTBEAT_SLACK_S
        return self._watch(path, body, headers, idle, bool(timeout), heartbeats)

    def _watch(self, path, body, headers, idle, deadline_is_end, heartbeats):
        conn = self._connect(idle)
        try:
            try:
                conn.request("POST", self._prefix + path, body=body, headers=headers)
                response = conn.getresponse()
                if response.status != 200:
                    raise CakapError.from_reply(response.status, response.read())
                buffer = bytearray()
                while True:
                    for flags, payload in envelopes(buffer):
                        message = stream_message(payload)
                        if flags & END_STREAM:
                            error = message.get("error")
                            if not isinstance(error, dict):
                                return
                            code = str(error.get("code", "unknown"))
                            if code == "deadline_exceeded" and deadline_is_end:
                                return  # the watch's own deadline: its normal end
                            raise CakapError(code, str(error.get("message", "")),
                                             http_status=response.status)
                        alert = {"candidate": None, "cursor": message.get("cursor", ""),
                                 "sequence": to_int(message.get("sequence"))}
                        if "candidate" in message:
                            alert["candidate"] = fill_hit(message["candidate"])
                        elif not heartbeats:
                            continue
                        yield alert
                    chunk = response.read1(65536)
                    if not chunk:
                        raise CakapError("unavailable", "%s: the stream was cut before its "
                                         "end message; resume with the last cursor" % path)
                    buffer += chunk
            except TimeoutError as e:
                raise CakapError("unavailable", "%s: nothing for %d s (no heartbeat); resume "
                                 "with the last cursor" % (path, idle)) from e
            except (OSError, http.client.HTTPException) as e:
                raise CakapError("unavailable", "%s: %s" % (path, e)) from e
        finally:
            # Also on close(): the connection goes, and with it the watch.
            conn.close()

    # ---- administration and operations ---------------------------------------------

    def stats(self):
        """Index statistics (admin keys): workers, vacancies, openVacancies, revision,
        sizeBytes, all ints."""
        reply = self.call("AdminService", "Stats", {})
        return {k: to_int(reply.get(k))
                for k in ("workers", "vacancies", "openVacancies", "revision", "sizeBytes")}

    def healthy(self):
        return self._request("GET", "/healthz", None, None, self._timeout)[0] == 200

    def ready(self):
        return self._request("GET", "/readyz", None, None, self._timeout)[0] == 200

    def metrics(self):
        """The Prometheus text of /metrics (needs an admin key unless served apart)."""
        status, body = self._request("GET", "/metrics", None, None, self._timeout)
        if status != 200:
            raise CakapError.from_reply(status, body)
        return body.decode("utf-8")

    # ---- the generic call ------------------------------------------------------------

    def call(self, service, method, request=None, *, timeout=None):
        """Any unary rpc: POST /cakap.v1.<service>/<method>; returns the reply as a dict.

        service: "MatchService" or "cakap.v1.MatchService".
        """
        if "." not in service:
            service = _PACKAGE + service
        body = json.dumps(request or {}, ensure_ascii=False, separators=(",", ":")).encode()
        status, reply = self._request("POST", "/%s/%s" % (service, method), body,
                                      "application/json", timeout or self._timeout)
        return self._decode(status, reply)

    # ---- transport -------------------------------------------------------------------

    def _import(self, path, chunks, timeout):
        status, reply = self._request("POST", path, chunks, "application/jsonl", timeout,
                                      stream=True)
        result = self._decode(status, reply)
        return {
            "accepted": to_int(result.get("accepted")),
            "rejected": to_int(result.get("rejected")),
            # In stream order (cakapd lists them so; kept sorted for older servers, which
            # listed unparsable lines before the invalid records of the same batch).
            # workerId for /v1/import/workers, vacancyId for /v1/import/vacancies.
            "rejections": sorted(({"index": to_int(r.get("index")),
                                   "workerId": r.get("workerId", ""),
                                   "vacancyId": r.get("vacancyId", ""),
                                   "reason": r.get("reason", "")}
                                  for r in result.get("rejections", [])),
                                 key=lambda r: r["index"]),
        }

    @staticmethod
    def _decode(status, reply):
        if status != 200:
            raise CakapError.from_reply(status, reply)
        try:
            message = json.loads(reply)
        except ValueError as e:
            raise CakapError("internal", "reply: not JSON (%s)" % e, http_status=status)
        if not isinstance(message, dict):
            raise CakapError("internal", "reply: not a JSON object", http_status=status)
        return message

    def _connect(self, timeout):
        if self._https:
            return http.client.HTTPSConnection(self._host, self._port, timeout=timeout,
                                               context=self._ssl)
        return http.client.HTTPConnection(self._host, self._port, timeout=timeout)

    def _headers(self, content_type, timeout):
        """The key, the body's type (None: no body) and the deadline (None: none)."""
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if self._key:
            headers["Authorization"] = "Bearer " + self._key
        if timeout:
            headers["Connect-Timeout-Ms"] = str(max(1, int(timeout * 1000)))
        return headers

    def _request(self, verb, path, body, content_type, timeout, stream=False):
        """One request; returns (status, body bytes). timeout None: no deadline (imports).
        A stream body (an iterable of bytes) is sent chunked."""
        headers = self._headers(content_type, timeout)
        headers["Accept"] = "application/json"
        # The server gives up at the deadline and says so (deadline_exceeded); the socket
        # waits a little longer so that reply, not a cut connection, is what callers see.
        sock_timeout = timeout + 2 if timeout else None
        if stream:
            self.close()  # a body read from a generator cannot be sent twice: a new connection
        for attempt in (0, 1):
            reused = self._conn is not None
            if not reused:
                self._conn = self._connect(sock_timeout)
            conn = self._conn
            conn.timeout = sock_timeout
            if conn.sock is not None:
                conn.sock.settimeout(sock_timeout)
            try:
                try:
                    conn.request(verb, self._prefix + path, body=body, headers=headers,
                                 encode_chunked=stream)
                except (BrokenPipeError, ConnectionResetError):
                    # The server may have answered early (e.g. permission_denied for an
                    # import) and closed: its reply is still there to read.
                    if not stream:
                        raise
                response = conn.getresponse()
                data = response.read()
                # After a streamed body the connection is not reused: when cakapd answered
                # before reading it all (e.g. permission_denied), the rest would be read as
                # the next request.
                if response.will_close or stream:
                    self.close()
                return response.status, data
            except _STALE as e:
                self.close()
                if reused and not stream and attempt == 0:
                    continue  # an idle connection the server had closed: once more, anew
                raise CakapError("unavailable", "%s: %s" % (path, e)) from e
            except TimeoutError as e:
                self.close()
                raise CakapError("deadline_exceeded", "%s: no reply within %.1f s" %
                                 (path, sock_timeout)) from e
            except (OSError, http.client.HTTPException) as e:
                self.close()
                raise CakapError("unavailable", "%s: %s" % (path, e)) from e
        raise AssertionError("unreachable")
