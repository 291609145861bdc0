"""The Python client against a real cakapd over HTTP (tests/server.py). One server for the
module; setUpModule stores the fixture workers (with import_workers) and the vacancy, and
every test leaves that state as it found it, so the tests run in any order."""

import json
import os
import socket
import unittest

from prometheus_client.parser import text_string_to_metric_families

import cakap
from tests import fixtures
from tests.server import LiveTestCase, ModuleServer

LIVE = ModuleServer()
setUpModule = LIVE.start
tearDownModule = LIVE.stop
client = LIVE.client
close_clients = LIVE.close_clients
other_client = LIVE.client_of


class ClientTest(LiveTestCase):
    live = LIVE

    def test_health_and_readiness(self):
        self.assertTrue(client(None).healthy())
        self.assertTrue(client(None).ready())

    def test_import_jsonl_streams_a_file_and_reports_each_bad_line(self):
        path = os.path.join(LIVE.cakapd.tmp, "workers.jsonl")
        with open(path, "w") as f:
            f.write(fixtures.jsonl())
        reply = client("portal").import_jsonl(path)
        self.assertEqual(reply["accepted"], 5)
        self.assertEqual(reply["rejected"], 2)
        bad, broken = reply["rejections"]
        self.assertEqual((bad["index"], bad["workerId"]), (2, "w-bad"))
        self.assertTrue(bad["reason"].startswith("domicile.latitude"), bad["reason"])
        self.assertEqual(broken["index"], 6)
        w = client("portal").get_worker("w-1")
        self.assertEqual(w["nik"], "6311010101900001")
        self.assertEqual(w["welfareDecile"], 2)
        self.assertEqual(w["certificates"][0]["issuer"], "ISSUER_BNSP")

    def test_import_csv_maps_columns_and_names_the_bad_row(self):
        portal = client("portal")
        path = os.path.join(LIVE.cakapd.tmp, "workers.csv")
        with open(path, "w") as f:
            f.write(fixtures.CSV)
        try:
            reply = portal.import_csv(path)
            self.assertEqual((reply["accepted"], reply["rejected"]), (3, 1))
            (rej,) = reply["rejections"]
            self.assertEqual((rej["index"], rej["line"]), (2, 4))
            self.assertIn(rej["workerId"], ("", "c-bad"))  # the line did not parse as a Worker
            self.assertIn("latitude", rej["reason"])
            c1 = portal.get_worker("c-1")
            self.assertEqual(c1["displayName"], "Ahmad Fauzi")
            self.assertTrue(c1["contact"]["consentToShare"])
            self.assertEqual(c1["employmentStatus"], "EMPLOYMENT_STATUS_SEEKING")
            self.assertEqual([c["issuer"] for c in c1["certificates"]],
                             ["ISSUER_BNSP", "ISSUER_KEMNAKER"])
            self.assertEqual(c1["certificates"][0]["kkniLevel"], 3)
            c2 = portal.get_worker("c-2")
            self.assertTrue(c2["domicile"]["hasCoordinates"])
            self.assertAlmostEqual(c2["domicile"]["latitude"], -2.33)
            self.assertEqual(portal.get_worker("c-3")["displayName"], "Budi, Santoso")
        finally:
            for wid in ("c-1", "c-2", "c-3"):
                try:
                    portal.delete_worker(wid)
                except cakap.CakapError:
                    pass
        self.assertError(lambda: portal.get_worker("c-1"), "not_found", 404, None)

    def test_list_vacancies_pages_by_id_and_a_partner_lists_its_own(self):
        portal = client("portal")
        mine = [dict(fixtures.VACANCY, id="lv-2", owner="partner-test"),
                dict(fixtures.VACANCY, id="lv-1", owner="partner-test", open=False)]
        try:
            for v in mine:
                portal.upsert_vacancy(v)
            first = portal.list_vacancies(owner="partner-test", page_size=1)
            self.assertEqual([v["id"] for v in first["vacancies"]], ["lv-1"])
            second = portal.list_vacancies(owner="partner-test", page_size=1,
                                           page_token=first["nextPageToken"])
            self.assertEqual([v["id"] for v in second["vacancies"]], ["lv-2"])
            self.assertNotIn("nextPageToken", second)
            everything = [v["id"] for v in portal.list_vacancies()["vacancies"]]
            self.assertEqual(everything, ["lv-1", "lv-2", "v-welder"])
            partner = client("partner")
            self.assertEqual([v["id"] for v in partner.list_vacancies()["vacancies"]],
                             ["lv-1", "lv-2"])
            self.assertEqual([v["id"] for v in partner.list_vacancies(open_only=True)["vacancies"]],
                             ["lv-2"])
            self.assertError(lambda: partner.list_vacancies(owner="admin-test"),
                             "permission_denied", 403, "owner")
            self.assertError(lambda: portal.list_vacancies(page_size=100000),
                             "invalid_argument", 400, "page_size")
        finally:
            for v in mine:
                portal.delete_vacancy(v["id"])

    def test_stored_vacancy_matches_by_id_and_in_reverse(self):
        portal = client("portal")
        self.assertEqual(portal.get_vacancy("v-welder")["title"], "Welder SMAW")
        result = portal.match("v-welder")
        self.assertEqual(result["total"], 4)
        ids = [c["worker"]["id"] for c in result["candidates"]]
        self.assertEqual(ids[0], "w-1")  # certified, in Balangan: ranks first
        self.assertEqual(sorted(ids), ["w-1", "w-2", "w-3", "w-4"])
        for c in result["candidates"]:
            self.assertAlmostEqual(sum(e["value"] for e in c["explanation"]), c["score"], 5)
        reverse = portal.match_vacancies("w-1", limit=10)
        self.assertEqual([h["vacancy"]["id"] for h in reverse["vacancies"]], ["v-welder"])
        self.assertEqual(reverse["total"], 1)

    def test_match_with_facets_and_near_misses(self):
        result = client("portal").match(fixtures.BNSP_VACANCY, facets=True, near_miss_limit=5)
        self.assertEqual(result["total"], 1)
        self.assertEqual(result["candidates"][0]["worker"]["id"], "w-1")
        misses = {n["candidate"]["worker"]["id"]: n for n in result["nearMisses"]}
        self.assertIn("w-4", misses)
        self.assertIn("expire", misses["w-4"]["reason"])
        self.assertEqual({v["value"]: v["count"] for v in result["facets"]["region"]}, {"63.11": 1})
        self.assertEqual(result["facets"]["issuer"][0]["count"], 1)

    def test_pages_through_with_page_tokens(self):
        portal = client("portal")
        everything = portal.match(fixtures.VACANCY, page_size=10)
        self.assertEqual(everything["nextPageToken"], "")
        seen, token = [], ""
        for _ in range(10):
            page = portal.match(fixtures.VACANCY, page_size=1, page_token=token)
            self.assertEqual(page["total"], 4)
            self.assertEqual(len(page["candidates"]), 1)
            seen.append(page["candidates"][0]["worker"]["id"])
            token = page["nextPageToken"]
            if not token:
                break
        want = [c["worker"]["id"] for c in everything["candidates"]]
        self.assertEqual(seen, want)
        self.assertEqual([c["worker"]["id"] for c in portal.iter_candidates(fixtures.VACANCY,
                                                                           page_size=3)], want)

    def test_admin_reads_stats_and_the_generic_call(self):
        admin = client("admin")
        stats = admin.stats()
        self.assertEqual((stats["workers"], stats["vacancies"], stats["openVacancies"]), (5, 1, 1))
        self.assertGreater(stats["revision"], 0)
        self.assertGreater(stats["sizeBytes"], 0)
        self.assertEqual(admin.call("cakap.v1.AdminService", "Stats")["workers"], "5")

    def test_bad_field_raises_with_code_and_field_path(self):
        portal = client("portal")
        self.assertError(lambda: portal.match("v-welder", page_size=100000),
                         "invalid_argument", 400, "options.page_size")
        e = self.assertError(lambda: portal.upsert_vacancy(dict(fixtures.VACANCY, radiusKm=-1.0)),
                             "invalid_argument", 400)
        self.assertRegex(e.field or "", r"(^|\.)radius_km$")
        e = self.assertError(lambda: portal.upsert_worker(dict(fixtures.BAD_WORKER, id="w-x")),
                             "invalid_argument", 400)
        self.assertRegex(e.field or "", r"(^|\.)domicile\.latitude$")
        self.assertError(lambda: portal.get_worker("w-x"), "not_found", 404)
        # A field the request type does not have: refused before any handler, no field.
        self.assertError(lambda: portal.call("WorkerService", "GetWorker", {"identifier": "w-1"}),
                         "invalid_argument", 400, None)

    def test_no_key_or_unknown_key_is_unauthenticated(self):
        for c in (client(None), other_client(LIVE.cakapd.base_url, "cakap_not-a-real-key")):
            self.assertError(lambda: c.match("v-welder"), "unauthenticated", 401)

    def test_partner_gets_redacted_workers_and_may_not_write(self):
        partner = client("partner")
        w = partner.get_worker("w-1")
        self.assertEqual(w["id"], "w-1")
        self.assertNotIn("nik", w)
        self.assertNotIn("welfareDecile", w)
        self.assertNotIn("phone", w.get("contact", {}))  # no consent to share
        result = partner.match(fixtures.VACANCY, exclude_welfare=False)
        self.assertEqual(result["total"], 4)
        for c in result["candidates"]:
            self.assertNotIn("nik", c["worker"])
            self.assertNotIn("welfareDecile", c["worker"])
            self.assertNotIn("welfare", [e["name"] for e in c["explanation"]])
        self.assertError(lambda: partner.upsert_worker({"id": "w-partner"}), "permission_denied", 403)
        self.assertError(lambda: partner.import_workers([{"id": "w-partner"}]), "permission_denied", 403)
        self.assertError(partner.stats, "permission_denied", 403)

    def test_unknown_rpc_and_unreachable_server(self):
        with self.assertRaises(cakap.CakapError) as ctx:
            client("admin").call("AdminService", "NoSuchMethod")
        self.assertIn(ctx.exception.code, ("not_found", "unimplemented"))
        self.assertEqual(ctx.exception.http_status, 404)
        with socket.socket() as s:  # a port nothing listens on: bound, then closed
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.assertError(lambda: other_client("http://127.0.0.1:%d" % port, "k").stats(),
                         "unavailable", 0)

    def test_keep_alive_connection_is_reused(self):
        c = client("portal")
        c.get_worker("w-1")
        first = c._conn.sock
        self.assertIsNotNone(first)
        c.get_worker("w-2")
        self.assertIs(c._conn.sock, first)

    def test_vacancies_import_from_jsonl(self):
        # Closed vacancies: the reverse-match tests see only the fixture's open one.
        path = os.path.join(LIVE.cakapd.tmp, "vacancies.jsonl")
        with open(path, "w") as f:
            for i in range(3):
                f.write(json.dumps({"id": f"v-imp-{i}", "requiredSkills": ["LAS"],
                                    "location": {"regionCode": "63.11"}, "open": False}) + "\n")
            f.write(json.dumps({"id": "v-imp-bad", "location": {"regionCode": "99.99"}}) + "\n")
        reply = client("portal").import_jsonl(path, kind="vacancies")
        self.assertEqual((reply["accepted"], reply["rejected"]), (3, 1))
        self.assertEqual((reply["rejections"][0]["index"], reply["rejections"][0]["vacancyId"]),
                         (3, "v-imp-bad"))
        self.assertEqual(client("portal").get_vacancy("v-imp-2")["requiredSkills"], ["LAS"])
        self.assertError(lambda: client("partner").import_jsonl(path, kind="vacancies"),
                         "permission_denied", 403)


class MetricsTest(unittest.TestCase):
    """/metrics parses as Prometheus text and its request counter moves with requests."""

    def tearDown(self):
        close_clients()

    @staticmethod
    def request_count(text, rpc, transport):
        """The sum of the request counter's samples for this rpc and transport."""
        total = None
        for family in text_string_to_metric_families(text):
            if family.type != "counter":
                continue
            for sample in family.samples:
                labels = sample.labels
                if (sample.name.endswith("_total") and labels.get("transport") == transport
                        and labels.get("rpc", "").endswith(rpc) and "code" in labels):
                    total = (total or 0) + sample.value
        return total

    def test_metrics_parse_and_the_request_counter_moves(self):
        admin = client("admin")
        text = admin.metrics()
        families = {f.name: f for f in text_string_to_metric_families(text)}
        self.assertTrue(families, "no metric families")
        before = self.request_count(text, "GetWorker", "http") or 0
        for _ in range(3):
            client("portal").get_worker("w-1")
        after = self.request_count(admin.metrics(), "GetWorker", "http")
        self.assertIsNotNone(after, "no request counter for GetWorker over http:\n" + text)
        self.assertEqual(after - before, 3)

    def test_metrics_need_an_admin_key(self):
        with self.assertRaises(cakap.CakapError) as ctx:
            client("partner").metrics()
        self.assertEqual(ctx.exception.code, "permission_denied")
        with self.assertRaises(cakap.CakapError) as ctx:
            client(None).metrics()
        self.assertEqual(ctx.exception.code, "unauthenticated")


if __name__ == "__main__":
    unittest.main()
