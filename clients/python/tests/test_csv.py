"""The CSV column mapping (cakap.csv_workers), without a server."""

import csv
import io
import unittest

from cakap import CsvMapping
from tests import fixtures


def rows(text):
    reader = csv.DictReader(io.StringIO(text))
    mapping = CsvMapping(reader.fieldnames)
    return [mapping.worker(r) for r in reader]


class CsvMappingTest(unittest.TestCase):
    def test_fixture_rows(self):
        c1, c2, bad, c3 = rows(fixtures.CSV)
        self.assertEqual(c1, {
            "id": "c-1", "displayName": "Ahmad Fauzi", "nik": "6311010101900001",
            "contact": {"phone": "+6281200000001", "email": "ahmad@example.org",
                        "consentToShare": True},
            "domicile": {"regionCode": "63.11"},
            "skills": ["welder", "las smaw"],
            "employmentStatus": "EMPLOYMENT_STATUS_SEEKING", "welfareDecile": 2,
            "certificates": [
                {"issuer": "ISSUER_BNSP", "skills": ["LAS.SMAW"], "kkniLevel": 3,
                 "issuedOn": "2025-01-10", "expiresOn": "2040-01-10"},
                {"issuer": "ISSUER_KEMNAKER", "skills": ["LAS.GMAW"], "issuedOn": "2025-02-01"},
            ],
        })
        self.assertEqual(c2["domicile"], {"regionCode": "63.11", "latitude": -2.33,
                                          "longitude": 115.6, "hasCoordinates": True})
        self.assertNotIn("certificates", c2)
        # Not a number: passed on as written, for cakapd to reject with its reason.
        self.assertEqual(bad["domicile"]["latitude"], "utara")
        self.assertEqual(c3["employmentStatus"], "EMPLOYMENT_STATUS_SELF_EMPLOYED")
        self.assertEqual(c3["contact"], {"consentToShare": False})
        self.assertEqual(c3["skills"], ["juru las", "LAS.GTAW"])

    def test_header_names_are_case_insensitive_and_cert1_is_cert(self):
        (w,) = rows("ID,Display_Name,CERT1_ISSUER,cert1_kkni_level\nx,X,bnsp,4\n")
        self.assertEqual(w, {"id": "x", "displayName": "X",
                             "certificates": [{"issuer": "ISSUER_BNSP", "kkniLevel": 4}]})

    def test_unknown_column_or_no_id_is_refused_before_sending(self):
        with self.assertRaisesRegex(ValueError, "unknown column.*'salary'"):
            rows("id,salary\nx,1\n")
        with self.assertRaisesRegex(ValueError, "no id column"):
            rows("name\nx\n")
        with self.assertRaisesRegex(ValueError, "cert0_issuer"):
            rows("id,cert0_issuer\nx,BNSP\n")


if __name__ == "__main__":
    unittest.main()
