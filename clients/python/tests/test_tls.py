"""The client over HTTPS: cakapd with --tls-cert serves HTTP/JSON with TLS too; the client
verifies the certificate against ca_file, and refuses it without."""

import unittest

import cakap
from tests.server import Cakapd


class TlsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Cakapd(tls=True)

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        log = cls.server.log()
        cls.server.cleanup()
        if code != 0:
            raise RuntimeError("cakapd exited with %s:\n%s" % (code, log))

    def test_verified_with_ca_file(self):
        c = cakap.Client(self.server.base_url, self.server.keys["admin"], timeout=15,
                         ca_file=self.server.ca_file)
        self.assertTrue(self.server.base_url.startswith("https://"))
        self.assertEqual(c.stats()["workers"], 0)
        c.upsert_worker({"id": "w-tls", "domicile": {"regionCode": "63.11"}, "skills": ["welder"]})
        self.assertEqual(c.get_worker("w-tls")["id"], "w-tls")
        c.close()  # no idle connection left for the server's shutdown to wait on

    def test_refused_without_the_ca(self):
        c = cakap.Client(self.server.base_url, self.server.keys["admin"], timeout=15)
        with self.assertRaises(cakap.CakapError) as ctx:
            c.stats()
        self.assertEqual(ctx.exception.code, "unavailable")
        self.assertEqual(ctx.exception.http_status, 0)
        self.assertIn("CERTIFICATE_VERIFY_FAILED", ctx.exception.message)


if __name__ == "__main__":
    unittest.main()
