"""The typed helpers of the ledger, figures, allocation, lexicon and alert rpcs against a
real cakapd (tests/server.py), one server for the module. setUpModule stores the fixture
workers and vacancy; a test that writes more (its own workers and vacancies, named after
it) deletes them at the end, so the figures stay those of the fixture. Ledger entries
cannot be deleted: they are recorded only for workers a test creates and deletes."""

import json
import threading
import time
import unittest

import cakap
from tests import fixtures
from tests.server import LiveTestCase, ModuleServer

LIVE = ModuleServer()
setUpModule = LIVE.start
tearDownModule = LIVE.stop
client = LIVE.client
close_clients = LIVE.close_clients


def welder(worker_id, **fields):
    """A seeking welder in Balangan (63.11): a candidate of fixtures.VACANCY."""
    return dict({"id": worker_id, "displayName": "Welder " + worker_id,
                 "domicile": {"regionCode": "63.11"}, "skills": ["welder"],
                 "employmentStatus": "EMPLOYMENT_STATUS_SEEKING"}, **fields)


def placement(worker_id, vacancy_id, date="2026-01-05", kind="PLACEMENT_KIND_JOB"):
    return {"workerId": worker_id,
            "placement": {"kind": kind, "vacancyId": vacancy_id, "date": date}}


class Cleanup:
    """Deletes the workers and vacancies a test stored, whatever happened."""

    def __init__(self, test):
        # Its own client: cleanups run after tearDown closed the test's clients.
        self.portal = cakap.Client(LIVE.cakapd.base_url, LIVE.cakapd.keys["portal"], timeout=15)
        self.workers, self.vacancies = [], []
        test.addCleanup(self.run)

    def worker(self, w):
        self.workers.append(w["id"])
        self.portal.upsert_worker(w)

    def vacancy(self, v):
        self.vacancies.append(v["id"])
        self.portal.upsert_vacancy(v)

    def run(self):
        with self.portal:
            for wid in self.workers:
                self._quietly(self.portal.delete_worker, wid)
            for vid in self.vacancies:
                self._quietly(self.portal.delete_vacancy, vid)

    @staticmethod
    def _quietly(delete, record_id):
        try:
            delete(record_id)
        except cakap.CakapError as e:
            if e.code != "not_found":
                raise


class TestCase(LiveTestCase):
    live = LIVE


class LedgerTest(TestCase):
    def test_placement_shows_in_history_and_closes_a_one_opening_vacancy(self):
        portal = client("portal")
        stored = Cleanup(self)
        stored.vacancy(dict(fixtures.VACANCY, id="led-one", openings=1))
        stored.worker(welder("led-w1"))
        self.assertTrue(portal.get_vacancy("led-one")["open"])
        self.assertEqual(portal.history("led-w1"), [])

        entry = portal.record_placement(placement("led-w1", "led-one"))
        self.assertEqual((entry["workerId"], entry["seq"], entry["source"]),
                         ("led-w1", 1, "portal-test"))
        self.assertRegex(entry["recordedAt"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertEqual(entry["placement"], {"kind": "PLACEMENT_KIND_JOB",
                                              "vacancyId": "led-one",
                                              "employer": "PT Contoh Konstruksi",
                                              "date": "2026-01-05"})
        self.assertEqual((entry["corrects"], entry["withdrawn"]), (0, False))
        self.assertNotIn("outcome", entry)
        self.assertEqual(portal.history("led-w1"), [entry])

        # Its only opening is filled: closed in the same commit, and the worker employed.
        vacancy = portal.get_vacancy("led-one")
        self.assertEqual(vacancy["filled"], 1)
        self.assertFalse(vacancy.get("open", False))
        self.assertEqual(portal.get_worker("led-w1")["employmentStatus"],
                         "EMPLOYMENT_STATUS_EMPLOYED")

    def test_an_outcome_is_appended_to_the_history(self):
        portal = client("portal")
        stored = Cleanup(self)
        stored.worker(welder("led-w2"))
        placed = portal.record_placement(placement("led-w2", "", kind="PLACEMENT_KIND_OWN_BUSINESS"))
        self.assertEqual(placed["placement"]["vacancyId"], "")
        outcome = portal.record_outcome({"workerId": "led-w2", "outcome": {
            "placementSeq": placed["seq"], "kind": "OUTCOME_KIND_BUSINESS_RUNNING",
            "afterMonths": 3}})
        self.assertEqual(outcome["seq"], 2)
        self.assertEqual(outcome["outcome"], {"placementSeq": 1,
                                              "kind": "OUTCOME_KIND_BUSINESS_RUNNING",
                                              "afterMonths": 3, "date": "", "reason": ""})
        left = portal.record_outcome({"workerId": "led-w2", "outcome": {
            "placementSeq": 1, "kind": "OUTCOME_KIND_LEFT", "date": "2026-08-31",
            "reason": "usaha tutup"}})
        history = portal.history("led-w2")
        self.assertEqual([e["seq"] for e in history], [1, 2, 3])
        self.assertEqual(history[0], placed)
        self.assertEqual(history[1:], [outcome, left])
        self.assertEqual(history[2]["outcome"]["reason"], "usaha tutup")
        self.assertEqual(portal.get_worker("led-w2")["employmentStatus"],
                         "EMPLOYMENT_STATUS_SEEKING")
        # An outcome must follow a placement of that worker.
        self.assertError(lambda: portal.record_outcome({"workerId": "led-w2", "outcome": {
            "placementSeq": 9, "kind": "OUTCOME_KIND_STILL_WORKING", "afterMonths": 3}}),
            "invalid_argument", 400, "entry.outcome.placement_seq")
        self.assertEqual(len(portal.history("led-w2")), 3)

    def test_a_partner_places_only_into_its_own_vacancies_and_reads_no_history(self):
        partner = client("partner")
        stored = Cleanup(self)
        stored.vacancy(dict(fixtures.VACANCY, id="led-theirs", owner="other-partner"))
        stored.vacancy(dict(fixtures.VACANCY, id="led-mine", owner="partner-test"))
        stored.worker(welder("led-w3"))
        e = self.assertError(lambda: partner.record_placement(placement("led-w3", "led-theirs")),
                             "permission_denied", 403, "entry.placement.vacancy_id")
        self.assertIn("led-theirs", e.message)
        portal = client("portal")
        self.assertEqual(portal.history("led-w3"), [])
        self.assertNotIn("filled", portal.get_vacancy("led-theirs"))
        # Into its own: recorded under its key's name.
        entry = partner.record_placement(placement("led-w3", "led-mine"))
        self.assertEqual((entry["seq"], entry["source"]), (1, "partner-test"))
        self.assertEqual(portal.get_vacancy("led-mine")["filled"], 1)
        self.assertError(lambda: partner.history("led-w3"), "permission_denied", 403)


class FiguresTest(TestCase):
    COUNTS = ("workers", "trained", "certified", "placed", "placedJob", "placedApprenticeship",
              "placedOwnBusiness", "stillWorking3m", "stillWorking6m",
              "withTrainingBeforePlacement", "withCertificateBeforePlacement")

    def test_admin_counts_and_partner_suppression(self):
        admin = client("admin").figures()
        f = admin["figures"]
        self.assertEqual(admin["minCellSize"], 0)
        self.assertRegex(admin["asOf"], r"^\d{4}-\d\d-\d\d$")
        self.assertEqual(f["workers"], {"value": 5, "suppressed": False})
        self.assertEqual(f["certified"], {"value": 2, "suppressed": False})  # w-1, w-4
        self.assertEqual(f["trained"], {"value": 0, "suppressed": False})
        for key in self.COUNTS:
            self.assertIsInstance(f[key]["value"], int, key)
        self.assertEqual(admin["supplyDemand"], [])
        welfare = client("admin").figures({"welfareDecileMax": 4})["figures"]
        self.assertEqual(welfare["workers"]["value"], 1)  # w-1, decile 2

        partner = client("partner").figures()
        p = partner["figures"]
        self.assertEqual(partner["minCellSize"], 10)
        # 5 workers, 2 certified: below the cell size, so not sent; zero is shown.
        self.assertEqual(p["workers"], {"value": 0, "suppressed": True})
        self.assertEqual(p["certified"], {"value": 0, "suppressed": True})
        self.assertEqual(p["trained"], {"value": 0, "suppressed": False})
        self.assertEqual(p["medianDaysTrainingToPlacement"], -1.0)

    def test_supply_and_demand_rows_have_every_count(self):
        reply = client("portal").figures({"skill": "LAS"}, supply_demand=True,
                                         as_of="2026-06-01")
        self.assertEqual(reply["asOf"], "2026-06-01")
        rows = {(r["skill"], r["regionCode"]): r for r in reply["supplyDemand"]}
        # w-1's BNSP LAS.SMAW certificate in Balangan; the fixture vacancy's 2 openings
        # require LAS there.
        smaw = rows[("LAS.SMAW", "63.11")]
        self.assertEqual(smaw["availableCertified"], {"value": 1, "suppressed": False})
        self.assertEqual(rows[("LAS", "63.11")]["openOpenings"], {"value": 2, "suppressed": False})
        for row in rows.values():
            for key in ("availableCertified", "openOpenings", "expiring30d", "expiring90d",
                        "expiring180d"):
                self.assertEqual(set(row[key]), {"value", "suppressed"})

    def test_a_partner_may_not_slice_by_welfare(self):
        partner = client("partner")
        for slice_, field in (({"welfareDecileMax": 4}, "slice.welfare_decile_max"),
                              ({"welfareDecileMin": 1}, "slice.welfare_decile_min")):
            self.assertError(lambda: partner.figures(slice_), "permission_denied", 403, field)


class AllocationAndLexiconTest(TestCase):
    def test_allocate_places_each_worker_once_within_the_openings(self):
        stored = Cleanup(self)
        # Closed: the caller chose them; they stay out of reverse matching and alerts.
        stored.vacancy(dict(fixtures.VACANCY, id="al-1", openings=1, open=False))
        stored.vacancy(dict(fixtures.VACANCY, id="al-2", openings=2, open=False))
        pool = ["w-1", "w-2", "w-3", "w-4", "w-5", "w-missing"]
        result = client("portal").allocate({"vacancyIds": ["al-1", "al-2"], "workerIds": pool})
        vacancies = {v["vacancyId"]: v for v in result["vacancies"]}
        self.assertEqual(sorted(vacancies), ["al-1", "al-2"])
        self.assertEqual((vacancies["al-1"]["places"], vacancies["al-2"]["places"]), (1, 2))
        proposed = []
        for v in vacancies.values():
            self.assertLessEqual(len(v["proposed"]), v["places"])
            self.assertEqual(v["candidates"], 4)  # w-1 to w-4 are welders near Balangan
            for c in v["proposed"]:
                self.assertGreater(c["score"], 0)
                proposed.append(c["worker"]["id"])
        self.assertEqual(len(proposed), 3)
        self.assertEqual(len(set(proposed)), 3, "a worker proposed twice: %s" % proposed)
        placements = {p["workerId"]: p["vacancyIds"] for p in result["placements"]}
        self.assertEqual(sorted(placements), sorted(proposed))
        for ids in placements.values():
            self.assertEqual(len(ids), 1)
        unplaced = {u["workerId"]: u for u in result["unplaced"]}
        self.assertEqual(unplaced["w-5"]["reason"], "NO_FEASIBLE_VACANCY")
        self.assertEqual(unplaced["w-missing"]["reason"], "NOT_FOUND")
        (full,) = set(unplaced) - {"w-5", "w-missing"}
        self.assertEqual(unplaced[full]["reason"], "VACANCIES_FULL")
        self.assertEqual(sorted(unplaced[full]["vacancyIds"]), ["al-1", "al-2"])
        self.assertEqual(sorted(proposed + [full]), ["w-1", "w-2", "w-3", "w-4"])
        s = result["summary"]
        self.assertEqual((s["workers"], s["placedWorkers"], s["assignments"], s["places"],
                          s["feasiblePairs"]), (6, 3, 3, 3, 8))
        self.assertGreater(s["objective"], 0.0)
        self.assertIsInstance(s["greedyGap"], float)

    def test_lookup_skills_finds_a_skill_from_a_common_word(self):
        lexicon = client("partner")
        skills = lexicon.lookup_skills("juru las")
        self.assertEqual(skills[0]["code"], "LAS")
        self.assertEqual(skills[0]["matched"], "juru las")
        self.assertEqual(skills[0]["parentCode"], "")
        self.assertIn("juru las", skills[0]["synonyms"])
        children = lexicon.lookup_skills("las", limit=50)
        smaw = [s for s in children if s["code"] == "LAS.SMAW"]
        self.assertEqual(len(smaw), 1)
        self.assertEqual(smaw[0]["parentCode"], "LAS")
        self.assertEqual(len(lexicon.lookup_skills("las", limit=2)), 2)
        self.assertError(lambda: lexicon.lookup_skills(" "), "invalid_argument", 400, "query")
        self.assertError(lambda: lexicon.lookup_skills("las", limit=51), "invalid_argument", 400,
                         "limit")


def first_alert(stream):
    """The next alert of `stream` (heartbeats skipped)."""
    for message in stream:
        if message["candidate"] is not None:
            return message
    raise AssertionError("the stream ended without an alert")


class WatchTest(TestCase):
    # Each watch holds one of cakapd's serving threads until the server notices the client
    # went away, at its next heartbeat: so short ones.
    HEARTBEAT = 1

    def watch(self, vacancy_id, **options):
        options.setdefault("timeout", 20)
        return client("portal").watch_vacancy(vacancy_id, heartbeats=True,
                                              heartbeat_seconds=self.HEARTBEAT, **options)

    def test_an_upserted_worker_is_alerted_and_resuming_does_not_repeat_it(self):
        stored = Cleanup(self)
        stream = self.watch("v-welder")
        start = next(stream)  # the stream has started: writes from now on are alerted
        self.assertIsNone(start["candidate"])
        self.assertTrue(start["cursor"])
        stored.worker(welder("aw-1"))
        alert = first_alert(stream)
        stream.close()
        self.assertEqual(alert["candidate"]["worker"]["id"], "aw-1")
        self.assertGreater(alert["candidate"]["score"], 0)
        self.assertIn("distance", [e["name"] for e in alert["candidate"]["explanation"]])
        self.assertGreater(alert["sequence"], start["sequence"])
        self.assertNotEqual(alert["cursor"], start["cursor"])

        # Written while nobody watched, and a worker who does not match: resuming from
        # aw-1's cursor delivers aw-2 alone, then heartbeats until the deadline, which
        # ends the generator without an error.
        stored.worker(welder("aw-2"))
        stored.worker(dict(fixtures.WORKERS[4], id="aw-cook"))
        resumed = list(self.watch("v-welder", cursor=alert["cursor"], timeout=2.5))
        alerted = [m["candidate"]["worker"]["id"] for m in resumed if m["candidate"]]
        self.assertEqual(alerted, ["aw-2"])
        self.assertIsNone(resumed[0]["candidate"])  # the starting heartbeat
        self.assertEqual(resumed[0]["cursor"], alert["cursor"])

    def test_an_alert_written_from_another_thread_arrives(self):
        stored = Cleanup(self)
        stream = client("portal").watch_vacancy("v-welder", timeout=20, heartbeat_seconds=1)
        writer = threading.Timer(0.5, stored.worker, [welder("aw-3")])
        # The stream starts at the first next(); the write follows half a second later.
        writer.start()
        try:
            alert = next(stream)  # heartbeats=False: alerts only
        finally:
            writer.join()
            stream.close()
        self.assertEqual(alert["candidate"]["worker"]["id"], "aw-3")

    def test_from_the_beginning_every_current_candidate(self):
        stream = self.watch("v-welder", from_beginning=True, timeout=2)
        ids = {m["candidate"]["worker"]["id"] for m in stream if m["candidate"]}
        self.assertLessEqual({"w-1", "w-2", "w-3", "w-4"}, ids)
        self.assertNotIn("w-5", ids)

    def test_closing_the_generator_ends_the_watch_at_the_server(self):
        def cancelled():
            """The admin key's watches cakapd logged as ended by the client going away."""
            n = 0
            for line in LIVE.cakapd.log().splitlines():
                try:
                    event = json.loads(line)
                except ValueError:
                    continue
                if (event.get("rpc"), event.get("key"), event.get("status")) == (
                        "WatchVacancy", "admin-test", "CANCELLED"):
                    n += 1
            return n

        before = cancelled()
        stream = client("admin").watch_vacancy("v-welder", timeout=20, heartbeats=True,
                                               heartbeat_seconds=self.HEARTBEAT)
        self.assertIsNone(next(stream)["candidate"])
        stream.close()
        self.assertRaises(StopIteration, next, stream)
        # cakapd notices at its next heartbeat write (1 s) and logs the call CANCELLED.
        deadline = time.monotonic() + 10
        while cancelled() == before and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertEqual(cancelled(), before + 1)

    def test_end_of_stream_errors_raise_with_their_code(self):
        e = self.assertError(lambda: list(self.watch("v-welder", cursor="not-a-cursor")),
                             "invalid_argument", 200, "cursor")
        self.assertIn("not a cursor", e.message)
        self.assertError(lambda: list(self.watch("v-nowhere")), "not_found", 200)
        self.assertError(lambda: list(self.watch("v-welder", cursor="x", from_beginning=True)),
                         "invalid_argument", 200)
        no_key = LIVE.client_of(LIVE.cakapd.base_url, None)
        self.assertError(lambda: list(no_key.watch_vacancy("v-welder", timeout=5)),
                         "unauthenticated", 200)
        # The vacancy deleted while watched: not_found by the next heartbeat.
        stored = Cleanup(self)
        stored.vacancy(dict(fixtures.VACANCY, id="aw-gone"))
        stream = self.watch("aw-gone")
        next(stream)
        client("portal").delete_vacancy("aw-gone")
        self.assertError(lambda: list(stream), "not_found", 200)


if __name__ == "__main__":
    unittest.main()
