"""watch_vacancy's reading of a Connect server stream, against a scripted HTTP server
(no cakapd): envelopes cut across reads and chunks, several in one read, an alert handed
out before the rest of the stream was sent, end-of-stream errors, a cut stream."""

import json
import socket
import threading
import unittest

import cakap
from cakap.replies import envelopes


def envelope(flags, message):
    payload = json.dumps(message).encode()
    return bytes([flags]) + len(payload).to_bytes(4, "big") + payload


def alert(worker_id, cursor, sequence):
    return {"candidate": {"worker": {"id": worker_id}, "score": 0.5}, "cursor": cursor,
            "sequence": str(sequence)}


class ScriptedServer:
    """Answers one request with a chunked 200 reply whose chunks are `script`: bytes to
    send as one chunk, or a threading.Event to wait for (at most 10 s) before going on.
    An empty body cuts the connection without the last chunk."""

    def __init__(self, script, last_chunk=True):
        self.script = script
        self.last_chunk = last_chunk
        self.request = b""
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        conn, _ = self.listener.accept()
        with conn, self.listener:
            while b"\r\n\r\n" not in self.request:
                self.request += conn.recv(65536)
            head, _, body = self.request.partition(b"\r\n\r\n")
            length = int([line.split(b":")[1] for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")][0])
            while len(body) < length:
                body += conn.recv(65536)
            self.request = head + b"\r\n\r\n" + body
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/connect+json\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n")
            for step in self.script:
                if isinstance(step, threading.Event):
                    step.wait(10)
                    continue
                conn.sendall(b"%x\r\n%s\r\n" % (len(step), step))
            if self.last_chunk:
                conn.sendall(b"0\r\n\r\n")

    def join(self):
        self.thread.join(10)


class StreamReadingTest(unittest.TestCase):
    def watch(self, server, **options):
        c = cakap.Client("http://127.0.0.1:%d" % server.port, "the-key")
        self.addCleanup(c.close)
        return c.watch_vacancy("v-1", **options)

    def test_envelopes_fed_a_byte_at_a_time(self):
        stream = envelope(0, {"cursor": "a"}) + envelope(2, {})
        buffer, got = bytearray(), []
        for i in range(len(stream)):
            buffer += stream[i:i + 1]
            got.extend(envelopes(buffer))
        self.assertEqual(got, [(0, b'{"cursor": "a"}'), (2, b"{}")])
        self.assertEqual(buffer, b"")

    def test_an_alert_is_yielded_before_the_rest_of_the_stream_is_sent(self):
        first = envelope(0, alert("w-1", "c1", 7))
        go_on = threading.Event()
        server = ScriptedServer([
            envelope(0, {"cursor": "c0", "sequence": "6"}),  # a heartbeat
            first[:2], first[2:9], first[9:],                  # an alert in three chunks
            go_on,
            envelope(0, alert("w-2", "c2", 8)) + envelope(2, {}),
        ])
        stream = self.watch(server, cursor="c0", timeout=30)
        got = next(stream)  # the heartbeat is skipped
        self.assertEqual(got["cursor"], "c1")
        self.assertEqual(got["sequence"], 7)
        self.assertEqual(got["candidate"]["worker"]["id"], "w-1")
        self.assertEqual(got["candidate"]["explanation"], [])   # filled
        self.assertEqual(got["candidate"]["distanceKm"], 0.0)
        self.assertTrue(server.thread.is_alive(), "the server already sent it all")
        go_on.set()
        self.assertEqual([a["cursor"] for a in stream], ["c2"])  # then {}: the end
        server.join()
        head, _, body = server.request.partition(b"\r\n\r\n")
        self.assertIn(b"POST /cakap.v1.AlertService/WatchVacancy HTTP/1.1", head)
        self.assertIn(b"Content-Type: application/connect+json", head)
        self.assertIn(b"Authorization: Bearer the-key", head)
        self.assertIn(b"Connect-Timeout-Ms: 30000", head)
        self.assertEqual(body[0], 0)
        self.assertEqual(int.from_bytes(body[1:5], "big"), len(body) - 5)
        self.assertEqual(json.loads(body[5:]), {"vacancyId": "v-1", "cursor": "c0"})

    def test_heartbeats_on_request(self):
        server = ScriptedServer([envelope(0, {"cursor": "c0"}), envelope(2, {})])
        got = list(self.watch(server, heartbeats=True))
        self.assertEqual(got, [{"candidate": None, "cursor": "c0", "sequence": 0}])

    def test_the_end_of_stream_error_raises(self):
        end = envelope(2, {"error": {"code": "not_found", "message": "vacancy v-1 not found"}})
        server = ScriptedServer([envelope(0, {"cursor": "c0"}) + end[:3], end[3:]])
        with self.assertRaises(cakap.CakapError) as ctx:
            list(self.watch(server))
        e = ctx.exception
        self.assertEqual((e.code, e.message, e.http_status), ("not_found",
                                                               "vacancy v-1 not found", 200))
        server = ScriptedServer([envelope(2, {"error": {
            "code": "invalid_argument", "message": "heartbeat_seconds: 999 is outside 0-300"}})])
        with self.assertRaises(cakap.CakapError) as ctx:
            list(self.watch(server))
        self.assertEqual(ctx.exception.field, "heartbeat_seconds")

    def test_the_deadline_ends_a_watch_with_a_timeout_and_raises_without(self):
        end = envelope(2, {"error": {"code": "deadline_exceeded",
                                     "message": "the watch's deadline"}})
        self.assertEqual(list(self.watch(ScriptedServer([end]), timeout=5)), [])
        with self.assertRaises(cakap.CakapError) as ctx:
            list(self.watch(ScriptedServer([end])))
        self.assertEqual(ctx.exception.code, "deadline_exceeded")

    def test_a_stream_cut_before_its_end_message(self):
        server = ScriptedServer([envelope(0, alert("w-1", "c1", 7))[:20]], last_chunk=False)
        with self.assertRaises(cakap.CakapError) as ctx:
            list(self.watch(server))
        self.assertEqual(ctx.exception.code, "unavailable")


if __name__ == "__main__":
    unittest.main()
