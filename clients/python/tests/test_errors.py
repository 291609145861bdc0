"""CakapError: field paths and replies without a Connect body, without a server."""

import unittest

from cakap import CakapError, field_of


class ErrorsTest(unittest.TestCase):
    def test_field_of(self):
        self.assertEqual(field_of("vacancy.radius_km: -1 is not in [0, 5000]"), "vacancy.radius_km")
        self.assertEqual(field_of("certificates[0].kkni_level: 12"), "certificates[0].kkni_level")
        self.assertIsNone(field_of("request body: invalid JSON"))
        self.assertIsNone(field_of('Content-Type: "text/plain" is not application/json'))
        self.assertIsNone(field_of("no such worker"))

    def test_from_reply(self):
        e = CakapError.from_reply(400, b'{"code":"invalid_argument","message":"options.page_size: 7"}')
        self.assertEqual((e.code, e.field, e.http_status), ("invalid_argument", "options.page_size", 400))
        e = CakapError.from_reply(503, b"<html>busy</html>")
        self.assertEqual((e.code, e.field, e.message), ("unavailable", None, "HTTP 503: <html>busy</html>"))
        self.assertEqual(CakapError.from_reply(418, b"").code, "unknown")


if __name__ == "__main__":
    unittest.main()
