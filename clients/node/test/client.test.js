'use strict';
// End-to-end tests of the client against a real cakapd (env CAKAPD, default
// ../../build/service/cakapd relative to the package), started on 127.0.0.1 with an
// ephemeral port over a temporary data dir and keys file. Run with `npm test`.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { createClient, status } = require('..');
const {
  CAKAPD, CALL_DEADLINE_MS, addKey, startServer, stopServer, assertGrpcError,
} = require('../test-support/cakapd');

const welderCert = {
  issuer: 'ISSUER_BNSP',
  issuingBody: 'LSP Las Indonesia',
  scheme: 'Juru Las SMAW 3G',
  skills: ['LAS.SMAW'],
  kkniLevel: 3,
  number: 'BNSP-0001',
  issuedOn: '2025-01-10',
};

const workers = [
  {
    id: 'w-balangan-1',
    displayName: 'Ahmad Fauzi',
    nik: '6311010101900001',
    contact: { phone: '+6281200000001', email: 'ahmad@example.org', consentToShare: false },
    domicile: { regionCode: '63.11', kecamatan: 'Paringin' },
    skills: ['welder', 'las smaw'],
    certificates: [welderCert],
    trainings: [{ programme: 'Pengelasan SMAW', institution: 'BLK Balangan', field: 'pengelasan', year: 2024 }],
    employmentStatus: 'EMPLOYMENT_STATUS_SEEKING',
    welfareDecile: 2,
  },
  {
    id: 'w-balangan-2',
    displayName: 'Siti Rahma',
    nik: '6311014502920002',
    domicile: { regionCode: '63.11', latitude: -2.33, longitude: 115.6, hasCoordinates: true },
    skills: ['LAS.GMAW', 'mig'],
    employmentStatus: 'EMPLOYMENT_STATUS_SEEKING',
    welfareDecile: 7,
  },
  {
    id: 'w-banjarmasin-3',
    displayName: 'Budi Santoso',
    domicile: { regionCode: '63.71' },
    skills: ['juru las', 'LAS.GTAW'],
    willingToRelocate: true,
    employmentStatus: 'EMPLOYMENT_STATUS_SEEKING',
  },
];

const badWorker = {
  id: 'w-bad',
  displayName: 'Bad Latitude',
  domicile: { latitude: 95, longitude: 115, hasCoordinates: true },
  skills: ['welder'],
};

const welderVacancy = {
  id: 'v-welder-balangan',
  employer: 'PT Contoh Konstruksi',
  title: 'Welder SMAW',
  requiredSkills: ['LAS'],
  preferredSkills: ['LAS.SMAW', 'LAS.PIPA'],
  location: { regionCode: '63.11' },
  openings: 2,
  open: true,
};

/** Checks that every candidate's explanation components add up to its score. */
function assertExplanationsSum(candidates) {
  for (const c of candidates) {
    assert.ok(Array.isArray(c.explanation) && c.explanation.length > 0, `${c.worker.id}: no explanation`);
    const sum = c.explanation.reduce((s, e) => s + e.value, 0);
    assert.ok(Math.abs(sum - c.score) < 1e-5, `${c.worker.id}: components sum to ${sum}, score ${c.score}`);
  }
}

describe('cakap Node.js client against a real cakapd', { timeout: 180000 }, () => {
  let tmp;
  let server;
  let keys;
  let address;
  const clients = [];
  const client = (key) => {
    const c = createClient({ address, key, deadlineMs: CALL_DEADLINE_MS });
    clients.push(c);
    return c;
  };

  before(async () => {
    assert.ok(
      fs.existsSync(CAKAPD),
      `cakapd not found at ${CAKAPD}; build it (cmake --build build --target cakapd) or set CAKAPD`,
    );
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cakap-node-test-'));
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(dataDir);
    const keysFile = path.join(tmp, 'keys');
    keys = {
      portal: addKey(keysFile, 'portal-test', 'portal'),
      partner: addKey(keysFile, 'partner-test', 'partner'),
      admin: addKey(keysFile, 'admin-test', 'admin'),
    };
    server = await startServer(dataDir, keysFile);
    address = `127.0.0.1:${server.port}`;
  });

  after(async () => {
    for (const c of clients) c.close();
    if (server) {
      const { code, signal } = await stopServer(server.child);
      assert.equal(signal, null, `cakapd was killed by ${signal}`);
      assert.equal(code, 0, `cakapd exited with ${code}:\n${server.stderr.join('\n')}`);
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('portal key upserts workers; a bad record in a stream is rejected, the rest accepted', { timeout: 30000 }, async () => {
    const portal = client(keys.portal);
    await portal.upsertWorker(workers[0]);
    const reply = await portal.upsertWorkers([workers[1], badWorker, workers[2]]);
    assert.equal(reply.accepted, '2');
    assert.equal(reply.rejected, '1');
    assert.equal(reply.rejections.length, 1);
    const [rej] = reply.rejections;
    assert.equal(rej.index, '1');
    assert.equal(rej.workerId, 'w-bad');
    assert.match(rej.reason, /^domicile\.latitude\b/);

    const stored = await portal.getWorker('w-balangan-1');
    assert.equal(stored.id, 'w-balangan-1');
    assert.equal(stored.nik, workers[0].nik);
    assert.equal(stored.welfareDecile, 2);
    assert.equal(stored.certificates[0].issuer, 'ISSUER_BNSP');
    assert.match(stored.certificates[0].expiresOn, /^\d{4}-\d{2}-\d{2}$/);
    await assertGrpcError(portal.getWorker('w-bad'), status.NOT_FOUND);
  });

  it('an async iterable streams workers too, and deleteWorker removes one', { timeout: 30000 }, async () => {
    const portal = client(keys.portal);
    async function* gen() {
      yield { ...workers[1], id: 'w-temp' };
    }
    const reply = await portal.upsertWorkers(gen());
    assert.equal(reply.accepted, '1');
    assert.equal(reply.rejected, '0');
    await portal.deleteWorker('w-temp');
    await assertGrpcError(portal.getWorker('w-temp'), status.NOT_FOUND);
  });

  it('match returns ranked candidates whose explanation components sum to the score', { timeout: 30000 }, async () => {
    const portal = client(keys.portal);
    const result = await portal.matchCandidates({ vacancy: welderVacancy, pageSize: 10, facets: true });
    const ids = result.candidates.map((c) => c.worker.id);
    assert.deepEqual([...ids].sort(), ['w-balangan-1', 'w-balangan-2', 'w-banjarmasin-3']);
    assert.equal(result.total, '3');
    assert.equal(result.nextPageToken, '');
    for (let i = 1; i < result.candidates.length; i++) {
      assert.ok(result.candidates[i - 1].score >= result.candidates[i].score, 'candidates not ranked by score');
    }
    // The SMAW-certified welder in Balangan itself ranks first.
    assert.equal(ids[0], 'w-balangan-1');
    assertExplanationsSum(result.candidates);
    const first = result.candidates[0];
    assert.ok(first.explanation.some((e) => e.name === 'welfare'), 'portal match has a welfare component');
    assert.equal(first.worker.nik, workers[0].nik);
    assert.ok(result.facets && result.facets.region.length > 0, 'facets requested');
    assert.deepEqual(result.resolvedVacancy.requiredSkills, ['LAS']);

    // Paging: one candidate per page, following the tokens.
    const seen = [];
    let pageToken = '';
    for (let page = 0; page < 5; page++) {
      const r = await portal.matchCandidates({ vacancy: welderVacancy, pageSize: 1, pageToken });
      seen.push(...r.candidates.map((c) => c.worker.id));
      pageToken = r.nextPageToken;
      if (!pageToken) break;
    }
    assert.deepEqual(seen, ids);
  });

  it('stored vacancies: upsert, get, match by id, reverse match', { timeout: 30000 }, async () => {
    const portal = client(keys.portal);
    await portal.upsertVacancy(welderVacancy);
    const v = await portal.getVacancy(welderVacancy.id);
    assert.equal(v.title, 'Welder SMAW');
    assert.equal(v.open, true);
    const byId = await portal.matchCandidates({ vacancyId: welderVacancy.id });
    assert.equal(byId.total, '3');
    assertExplanationsSum(byId.candidates);
    const reverse = await portal.matchVacancies('w-balangan-1', 10);
    assert.equal(reverse.total, '1');
    assert.equal(reverse.vacancies[0].vacancy.id, welderVacancy.id);
    await assertGrpcError(portal.matchCandidates({ vacancyId: 'no-such-vacancy' }), status.NOT_FOUND);
  });

  it('listVacancies pages stored vacancies by id; a partner lists only its own', { timeout: 30000 }, async () => {
    const portal = client(keys.portal);
    await portal.upsertVacancy({ ...welderVacancy, id: 'lv-2', owner: 'partner-test' });
    await portal.upsertVacancy({ ...welderVacancy, id: 'lv-1', open: false, owner: 'partner-test' });
    await portal.upsertVacancy({ ...welderVacancy, id: 'lv-3', owner: 'someone-else' });
    const first = await portal.listVacancies({ owner: 'partner-test', pageSize: 1 });
    assert.deepEqual(first.vacancies.map((v) => v.id), ['lv-1']);
    assert.notEqual(first.nextPageToken, '');
    const second = await portal.listVacancies({ owner: 'partner-test', pageSize: 1, pageToken: first.nextPageToken });
    assert.deepEqual(second.vacancies.map((v) => v.id), ['lv-2']);
    assert.equal(second.nextPageToken, '');
    const partner = client(keys.partner);
    const own = await partner.listVacancies();
    assert.deepEqual(own.vacancies.map((v) => v.id), ['lv-1', 'lv-2']);
    const open = await partner.listVacancies({ openOnly: true });
    assert.deepEqual(open.vacancies.map((v) => v.id), ['lv-2']);
    await assertGrpcError(partner.listVacancies({ owner: 'someone-else' }), status.PERMISSION_DENIED);
    await assertGrpcError(portal.listVacancies({ pageSize: 100000 }), status.INVALID_ARGUMENT);
    for (const id of ['lv-1', 'lv-2', 'lv-3']) await portal.deleteVacancy(id);  // the counts below
  });

  it('a partner key never receives nik or welfareDecile and gets no welfare component', { timeout: 30000 }, async () => {
    const partner = client(keys.partner);
    // Asking to include welfare is overridden for partners.
    const result = await partner.matchCandidates({ vacancy: welderVacancy, excludeWelfare: false, nearMissLimit: 5 });
    assert.equal(result.candidates.length, 3);
    for (const c of [...result.candidates, ...result.nearMisses.map((n) => n.candidate)]) {
      assert.equal(c.worker.nik, '', `${c.worker.id}: nik leaked`);
      assert.equal(c.worker.welfareDecile, 0, `${c.worker.id}: welfare decile leaked`);
      assert.equal(c.worker.contact ? c.worker.contact.phone : '', '', `${c.worker.id}: phone without consent`);
      assert.ok(!c.explanation.some((e) => e.name === 'welfare'), `${c.worker.id}: welfare component`);
    }
    assertExplanationsSum(result.candidates);
    const w = await partner.getWorker('w-balangan-1');
    assert.equal(w.nik, '');
    assert.equal(w.welfareDecile, 0);
    const reverse = await partner.matchVacancies('w-balangan-1', 10);
    for (const hit of reverse.vacancies) {
      assert.ok(!hit.explanation.some((e) => e.name === 'welfare'));
    }
  });

  it('a partner calling upsert gets PERMISSION_DENIED', { timeout: 30000 }, async () => {
    const partner = client(keys.partner);
    await assertGrpcError(partner.upsertWorker({ ...workers[0], id: 'w-by-partner' }), status.PERMISSION_DENIED);
    await assertGrpcError(partner.upsertVacancy({ ...welderVacancy, id: 'v-by-partner' }), status.PERMISSION_DENIED);
    await assertGrpcError(partner.upsertWorkers([workers[0]]), status.PERMISSION_DENIED);
    await assertGrpcError(partner.stats(), status.PERMISSION_DENIED);
  });

  it('no key gets UNAUTHENTICATED, an unknown key too', { timeout: 30000 }, async () => {
    await assertGrpcError(client(undefined).matchCandidates({ vacancy: welderVacancy }), status.UNAUTHENTICATED);
    await assertGrpcError(client(undefined).getWorker('w-balangan-1'), status.UNAUTHENTICATED);
    await assertGrpcError(client('cakap_not-a-real-key').stats(), status.UNAUTHENTICATED);
  });

  it('an invalid request gets INVALID_ARGUMENT naming the field', { timeout: 30000 }, async () => {
    const portal = client(keys.portal);
    await assertGrpcError(
      portal.matchCandidates({ vacancy: welderVacancy, pageSize: 100000 }),
      status.INVALID_ARGUMENT,
      /^options\.page_size\b/,
    );
    await assertGrpcError(portal.matchCandidates({}), status.INVALID_ARGUMENT, /^vacancy\b/);
    await assertGrpcError(portal.upsertWorker(badWorker), status.INVALID_ARGUMENT, /^worker\.domicile\.latitude\b/);
    await assertGrpcError(portal.getWorker(''), status.INVALID_ARGUMENT);
  });

  it('admin key reads stats', { timeout: 30000 }, async () => {
    const stats = await client(keys.admin).stats();
    assert.equal(stats.workers, '3');
    assert.equal(stats.vacancies, '1');
    assert.equal(stats.openVacancies, '1');
    assert.ok(BigInt(stats.revision) > 0n);
  });
});
