"""A real cakapd for the tests: the binary named by CAKAPD (default
../../build/service/cakapd relative to clients/python), on a temporary data directory
and keys file with a portal, a partner and an admin key, serving HTTP on 127.0.0.1 with an
ephemeral port read from its start log line. stop() sends SIGTERM; it must exit 0."""

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

import cakap
from tests import fixtures

START_TIMEOUT_S = 30
STOP_TIMEOUT_S = 20
HERE = os.path.dirname(os.path.abspath(__file__))


def binary():
    path = os.environ.get("CAKAPD") or os.path.join(HERE, "..", "..", "..", "build", "service", "cakapd")
    path = os.path.abspath(path)
    if not os.access(path, os.X_OK):
        raise RuntimeError("cakapd not found at %s: build it (cmake --build build --target "
                           "cakapd) or set CAKAPD" % path)
    return path


def self_signed_cert(directory):
    """A certificate for 127.0.0.1 and its key (openssl, one day): (cert.pem, key.pem)."""
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key,
                    "-out", cert], check=True, capture_output=True, timeout=30)
    return cert, key


class Cakapd:
    def __init__(self, tls=False):
        self.bin = binary()
        self.tmp = tempfile.mkdtemp(prefix="cakap-python-test-")
        data = os.path.join(self.tmp, "data")
        os.mkdir(data)
        keys_file = os.path.join(self.tmp, "keys")
        self.keys = {role: self._add_key(keys_file, role + "-test", role)
                     for role in ("portal", "partner", "admin")}
        # stderr to a file, never a pipe nobody drains (a full pipe would block cakapd).
        self.log_path = os.path.join(self.tmp, "cakapd.log")
        self._log = open(self.log_path, "wb")
        args = [self.bin, "--data", data, "--keys", keys_file, "--listen", "127.0.0.1:0",
                "--http-listen", "127.0.0.1:0", "--shutdown-grace", "2"]
        self.ca_file = None
        if tls:
            self.ca_file, key = self_signed_cert(self.tmp)
            args += ["--tls-cert", self.ca_file, "--tls-key", key]
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log)
        try:
            self.port = self._wait_for_http_port()
        except BaseException:
            self.proc.kill()
            self.proc.wait()
            raise
        self.base_url = "%s://127.0.0.1:%d" % ("https" if tls else "http", self.port)

    def log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self):
        """SIGTERM, then waits (SIGKILL after the timeout); returns the exit code."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait()
        self._log.close()
        return code

    def cleanup(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _add_key(self, keys_file, name, role):
        out = subprocess.run([self.bin, "keys", "add", "--keys", keys_file, "--name", name,
                              "--role", role], capture_output=True, text=True, timeout=15)
        key = out.stdout.strip().split("\n")[-1].strip()
        if out.returncode != 0 or len(key) < 16 or " " in key:
            raise RuntimeError("cakapd keys add printed no key: %r %r" % (out.stdout, out.stderr))
        return key

    def _wait_for_http_port(self):
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            for line in self.log().splitlines():
                try:
                    event = json.loads(line)
                except ValueError:
                    continue
                port = event.get("http_port") if isinstance(event, dict) else None
                if event.get("event") == "start" and isinstance(port, int) and port > 0:
                    return port
            if self.proc.poll() is not None:
                raise RuntimeError("cakapd exited before starting:\n" + self.log())
            time.sleep(0.02)
        raise RuntimeError("cakapd did not report its HTTP port within %d s:\n%s" %
                           (START_TIMEOUT_S, self.log()))


class ModuleServer:
    """The cakapd of one test module, with fixtures.WORKERS and fixtures.VACANCY stored, and
    the clients its tests opened. A module binds start/stop as setUpModule/tearDownModule
    and closes the clients after each test: cakapd's HTTP server gives each open connection
    a thread of a small pool, so idle kept-alive connections piling up would make later ones
    wait, and its shutdown waits for them."""

    def __init__(self):
        self.cakapd = None
        self.clients = []

    def start(self):
        self.cakapd = Cakapd()
        try:
            reply = self.client("portal").import_workers(iter(fixtures.WORKERS))
            assert reply == {"accepted": 5, "rejected": 0, "rejections": []}, reply
            self.client("portal").upsert_vacancy(fixtures.VACANCY)
            self.close_clients()
        except BaseException:
            self.stop()
            raise

    def client(self, role, **options):
        """A client with the key of `role` ("portal", "partner", "admin"; None: no key)."""
        return self.client_of(self.cakapd.base_url,
                              self.cakapd.keys[role] if role else None,
                              timeout=options.pop("timeout", 15), **options)

    def client_of(self, base_url, key, **options):
        """A client of any URL and key, closed with the others."""
        c = cakap.Client(base_url, key, **options)
        self.clients.append(c)
        return c

    def close_clients(self):
        while self.clients:
            self.clients.pop().close()

    def stop(self):
        """Stops cakapd; raises when it did not exit 0 (with its log)."""
        self.close_clients()
        if self.cakapd is None:
            return
        server, self.cakapd = self.cakapd, None
        code = server.stop()
        log = server.log()
        server.cleanup()
        if code != 0:
            raise RuntimeError("cakapd exited with %s:\n%s" % (code, log))


class LiveTestCase(unittest.TestCase):
    """A test class on a module's ModuleServer (`live`): its clients closed after each test,
    and errors checked by code, HTTP status and field path."""

    live = None  # the module's ModuleServer

    def tearDown(self):
        self.live.close_clients()

    def assertError(self, call, code, http_status=None, field="any"):
        with self.assertRaises(cakap.CakapError) as ctx:
            call()
        e = ctx.exception
        self.assertEqual(e.code, code, e.message)
        if http_status is not None:
            self.assertEqual(e.http_status, http_status, e.message)
        if field != "any":
            self.assertEqual(e.field, field, e.message)
        return e
