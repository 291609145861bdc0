'use strict';
// Runs a real cakapd for the end-to-end tests (test/client.test.js, services.test.js): the
// binary named by env CAKAPD (default ../../build/service/cakapd relative to the
// package), on 127.0.0.1 with an ephemeral port, over a temporary data dir and keys file
// with a portal, a partner and an admin key. Outside test/, which node --test runs whole.

const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const PACKAGE_DIR = path.resolve(__dirname, '..');
const CAKAPD = path.resolve(PACKAGE_DIR, process.env.CAKAPD || '../../build/service/cakapd');
const START_TIMEOUT_MS = 30000;
const STOP_TIMEOUT_MS = 20000;
const CALL_DEADLINE_MS = 15000;

/** Adds a key with `cakapd keys add` and returns the secret it prints. */
function addKey(keysFile, name, role, extra = []) {
  const out = execFileSync(
    CAKAPD,
    ['keys', 'add', '--keys', keysFile, '--name', name, '--role', role, ...extra],
    { encoding: 'utf8', timeout: 15000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const secret = out.trim().split('\n').pop().trim();
  assert.match(secret, /^\S{16,}$/, `cakapd keys add printed no key: ${JSON.stringify(out)}`);
  return secret;
}

/**
 * Starts cakapd on 127.0.0.1:0 and resolves to { child, port, stderr } once its
 * {"event":"start",...,"port":N} log line appears on stderr.
 */
function startServer(dataDir, keysFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      CAKAPD,
      ['--data', dataDir, '--listen', '127.0.0.1:0', '--keys', keysFile, '--shutdown-grace', '2'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const stderr = [];
    let done = false;
    const finish = (err, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) {
        child.kill('SIGKILL');
        reject(err);
      } else {
        resolve(value);
      }
    };
    const timer = setTimeout(
      () => finish(new Error(`cakapd did not report its port within ${START_TIMEOUT_MS} ms:\n${stderr.join('\n')}`)),
      START_TIMEOUT_MS,
    );
    child.on('error', (e) => finish(new Error(`cannot run ${CAKAPD}: ${e.message}`)));
    child.on('exit', (code, signal) =>
      finish(new Error(`cakapd exited (code ${code}, signal ${signal}) before starting:\n${stderr.join('\n')}`)),
    );
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      stderr.push(line);
      if (stderr.length > 200) stderr.shift();
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        return;
      }
      if (event && event.event === 'start' && Number.isInteger(event.port) && event.port > 0) {
        finish(null, { child, port: event.port, stderr });
      }
    });
  });
}

/** Sends SIGTERM and waits (bounded) for the process to exit; SIGKILL after the timeout. */
function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
    child.kill('SIGTERM');
  });
}

/** Asserts that `promise` rejects with the gRPC status `code` (and details matching `details`). */
async function assertGrpcError(promise, code, details) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.code, code, `expected status ${code}, got ${err.code}: ${err.details}`);
    if (details) assert.match(err.details, details);
    return true;
  });
}

/**
 * Makes a temporary data dir and keys file with keys `<prefix>portal`, `<prefix>partner`
 * and `<prefix>admin` (names default to "portal-test", ...), starts cakapd on them and
 * resolves to { address, keys: { portal, partner, admin }, names, server, stop() }.
 * stop() sends SIGTERM, asserts a clean exit (code 0) and removes the directory.
 */
async function startCakapd() {
  assert.ok(
    fs.existsSync(CAKAPD),
    `cakapd not found at ${CAKAPD}; build it (cmake --build build --target cakapd) or set CAKAPD`,
  );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cakap-node-test-'));
  let server;
  try {
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(dataDir);
    const keysFile = path.join(tmp, 'keys');
    const names = { portal: 'portal-test', partner: 'partner-test', admin: 'admin-test' };
    const keys = {
      portal: addKey(keysFile, names.portal, 'portal'),
      partner: addKey(keysFile, names.partner, 'partner'),
      admin: addKey(keysFile, names.admin, 'admin'),
    };
    server = await startServer(dataDir, keysFile);
    return {
      address: `127.0.0.1:${server.port}`,
      keys,
      names,
      server,
      async stop() {
        try {
          const { code, signal } = await stopServer(server.child);
          assert.equal(signal, null, `cakapd was killed by ${signal}`);
          assert.equal(code, 0, `cakapd exited with ${code}:\n${server.stderr.join('\n')}`);
        } finally {
          fs.rmSync(tmp, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    if (server) await stopServer(server.child);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

module.exports = {
  CAKAPD, CALL_DEADLINE_MS, addKey, startServer, stopServer, assertGrpcError, startCakapd,
};
