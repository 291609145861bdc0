'use strict';
// End-to-end tests of the ledger, figures, allocation, lexicon and alert methods against
// a real cakapd of their own (test/cakapd.js), so the counts asserted here do not depend
// on client.test.js. The tests run in order and build on each other's writes.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { createClient, status } = require('..');
const { CALL_DEADLINE_MS, assertGrpcError, startCakapd } = require('../test-support/cakapd');

const REGION = '63.11'; // Kabupaten Balangan

/** Twelve welders (two more than the minimum cell size), welfare deciles 1-10, 1, 2. */
const welders = Array.from({ length: 12 }, (_, i) => ({
  id: `sw-${String(i + 1).padStart(2, '0')}`,
  displayName: `Welder ${i + 1}`,
  nik: `63110101019000${String(i + 10)}`,
  domicile: { regionCode: REGION },
  skills: ['juru las'],
  employmentStatus: 'EMPLOYMENT_STATUS_SEEKING',
  welfareDecile: (i % 10) + 1,
}));

const vacancy = (id, extra) => ({
  id,
  employer: 'PT Contoh Konstruksi',
  title: `Welder ${id}`,
  requiredSkills: ['LAS'],
  location: { regionCode: REGION },
  openings: 1,
  open: true,
  ...extra,
});

/** Collects the alerts of `watch` until `stop(alert)` says so (then leaves the loop). */
async function alertsUntil(watch, stop) {
  const got = [];
  for await (const alert of watch) {
    got.push(alert);
    if (stop(alert)) break;
  }
  return got;
}

describe('ledger, figures, allocation, lexicon and alerts against a real cakapd', { timeout: 180000 }, () => {
  let cakapd;
  const clients = [];
  const client = (key) => {
    const c = createClient({ address: cakapd.address, key, deadlineMs: CALL_DEADLINE_MS });
    clients.push(c);
    return c;
  };
  let portal;
  let partner;
  let admin;

  before(async () => {
    cakapd = await startCakapd();
    portal = client(cakapd.keys.portal);
    partner = client(cakapd.keys.partner);
    admin = client(cakapd.keys.admin);
    const reply = await portal.upsertWorkers(welders);
    assert.equal(reply.accepted, '12');
    // A partner may place only into its own vacancies (owner = its key's name).
    await portal.upsertVacancy(vacancy('sv-mine', { owner: cakapd.names.partner }));
    await portal.upsertVacancy(vacancy('sv-theirs', { owner: 'pt-lain', openings: 3 }));
  });

  after(async () => {
    for (const c of clients) c.close();
    if (cakapd) await cakapd.stop();
  });

  it('lookupSkills finds a skill from a common word', { timeout: 30000 }, async () => {
    const skills = await portal.lookupSkills('juru las');
    assert.ok(skills.length >= 1 && skills.length <= 10, `${skills.length} skills`);
    assert.equal(skills[0].code, 'LAS');
    assert.equal(skills[0].nameEn, 'Welding');
    assert.equal(skills[0].parentCode, '');
    assert.equal(skills[0].matched, 'juru las');
    assert.ok(skills[0].synonyms.includes('welder'), skills[0].synonyms.join(', '));
    const forklift = await partner.lookupSkills('forklift', 1);
    assert.deepEqual(forklift.map((s) => s.code), ['OAB.FORKLIFT']);
    await assertGrpcError(portal.lookupSkills('  '), status.INVALID_ARGUMENT, /^query: required/);
    await assertGrpcError(portal.lookupSkills('las', 51), status.INVALID_ARGUMENT, /^limit: /);
  });

  it('a placement into a stored vacancy shows in the history and closes a one-opening vacancy', { timeout: 30000 }, async () => {
    const entry = await partner.recordPlacement({
      workerId: 'sw-01',
      placement: { kind: 'PLACEMENT_KIND_JOB', vacancyId: 'sv-mine', date: '2025-03-03' },
    });
    assert.equal(entry.workerId, 'sw-01');
    assert.equal(entry.seq, '1');
    assert.equal(entry.source, cakapd.names.partner);
    assert.equal(entry.corrects, '0');
    assert.equal(entry.event, 'placement');
    assert.match(entry.recordedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Empty employer: the vacancy's.
    assert.deepEqual(entry.placement, {
      kind: 'PLACEMENT_KIND_JOB', vacancyId: 'sv-mine', employer: 'PT Contoh Konstruksi', date: '2025-03-03',
    });

    const history = await portal.getHistory('sw-01');
    assert.deepEqual(history, [entry]);
    const v = await portal.getVacancy('sv-mine');
    assert.equal(v.filled, 1);
    assert.equal(v.open, false, 'its only opening is filled: closed in the same commit');
    assert.equal((await portal.getWorker('sw-01')).employmentStatus, 'EMPLOYMENT_STATUS_EMPLOYED');
    // Histories are not for partners; nothing recorded is an empty history.
    await assertGrpcError(partner.getHistory('sw-01'), status.PERMISSION_DENIED);
    assert.deepEqual(await portal.getHistory('sw-02'), []);
    await assertGrpcError(
      portal.recordPlacement({ workerId: 'sw-02', placement: { kind: 'PLACEMENT_KIND_JOB' } }),
      status.INVALID_ARGUMENT,
      /^entry\.placement\.date: required/,
    );
  });

  it("a partner key cannot place into another partner's vacancy", { timeout: 30000 }, async () => {
    await assertGrpcError(
      partner.recordPlacement({
        workerId: 'sw-02',
        placement: { kind: 'PLACEMENT_KIND_JOB', vacancyId: 'sv-theirs', date: '2025-03-03' },
      }),
      status.PERMISSION_DENIED,
      /^entry\.placement\.vacancy_id: /,
    );
    // Nothing was written.
    assert.equal((await portal.getVacancy('sv-theirs')).filled, 0);
    assert.deepEqual(await portal.getHistory('sw-02'), []);
  });

  it('an outcome appends to the history', { timeout: 30000 }, async () => {
    // The partner recorded the placement, so it may record its outcomes.
    const still = await partner.recordOutcome({
      workerId: 'sw-01',
      outcome: { placementSeq: 1, kind: 'OUTCOME_KIND_STILL_WORKING', afterMonths: 3, date: '2025-06-03' },
    });
    assert.equal(still.seq, '2');
    assert.equal(still.event, 'outcome');
    assert.deepEqual(still.outcome, {
      placementSeq: '1', kind: 'OUTCOME_KIND_STILL_WORKING', afterMonths: 3, date: '2025-06-03', reason: '',
    });
    const left = await portal.recordOutcome({
      workerId: 'sw-01',
      outcome: { placementSeq: '1', kind: 'OUTCOME_KIND_LEFT', date: '2025-10-31', reason: 'kontrak habis' },
    });
    assert.equal(left.seq, '3');
    assert.equal(left.source, cakapd.names.portal);
    const history = await portal.getHistory('sw-01');
    assert.deepEqual(history.map((e) => [e.seq, e.event]), [['1', 'placement'], ['2', 'outcome'], ['3', 'outcome']]);
    assert.deepEqual(history.slice(1), [still, left]);
    // Left, and no other placement active: seeking again.
    assert.equal((await portal.getWorker('sw-01')).employmentStatus, 'EMPLOYMENT_STATUS_SEEKING');
    await assertGrpcError(
      portal.recordOutcome({ workerId: 'sw-01', outcome: { placementSeq: 1, kind: 'OUTCOME_KIND_LEFT' } }),
      status.INVALID_ARGUMENT,
      /^entry\.outcome\.date: /,
    );
  });

  it('figures: exact for admin, suppressed below the cell size for a partner, no welfare slices for it', { timeout: 30000 }, async () => {
    const exact = await admin.getFigures({});
    assert.equal(exact.minCellSize, 0);
    assert.match(exact.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(exact.supplyDemand, []);
    const f = exact.figures;
    assert.deepEqual(f.workers, { value: '12', suppressed: false });
    assert.deepEqual(f.placed, { value: '1', suppressed: false });
    assert.deepEqual(f.placedJob, { value: '1', suppressed: false });
    assert.deepEqual(f.placedOwnBusiness, { value: '0', suppressed: false });
    assert.deepEqual(f.stillWorking_3m, { value: '1', suppressed: false });
    assert.deepEqual(f.stillWorking_6m, { value: '0', suppressed: false }, 'no 6-month check recorded');

    const seen = await partner.getFigures({});
    assert.equal(seen.minCellSize, 10);
    assert.deepEqual(seen.figures.workers, { value: '12', suppressed: false }, '12 >= 10: shown');
    assert.deepEqual(seen.figures.placed, { value: '0', suppressed: true }, '1 < 10: suppressed');
    assert.deepEqual(seen.figures.stillWorking_3m, { value: '0', suppressed: true });
    assert.deepEqual(seen.figures.placedOwnBusiness, { value: '0', suppressed: false }, 'zero is shown');

    const poor = welders.filter((w) => w.welfareDecile <= 4).length;
    const sliced = await admin.getFigures({ slice: { welfareDecileMax: 4 } });
    assert.deepEqual(sliced.figures.workers, { value: String(poor), suppressed: false });
    await assertGrpcError(
      partner.getFigures({ slice: { welfareDecileMax: 4 } }),
      status.PERMISSION_DENIED,
      /^slice\.welfare_decile_max: /,
    );
  });

  it('allocate assigns each worker at most once and respects openings', { timeout: 30000 }, async () => {
    await portal.upsertVacancy(vacancy('av-a', { openings: 1 }));
    await portal.upsertVacancy(vacancy('av-b', { openings: 2 }));
    const pool = ['sw-03', 'sw-04', 'sw-05', 'sw-06', 'sw-07'];
    const result = await portal.allocate({ vacancyIds: ['av-b', 'av-a'], workerIds: [...pool, 'nobody'] });

    assert.deepEqual(result.vacancies.map((v) => [v.vacancyId, v.places]), [['av-a', 1], ['av-b', 2]]);
    const proposed = new Map();
    for (const v of result.vacancies) {
      assert.ok(v.proposed.length <= v.places, `${v.vacancyId}: ${v.proposed.length} > ${v.places}`);
      assert.equal(v.proposed.length, v.places, `${v.vacancyId}: five candidates fill it`);
      assert.equal(v.candidates, '5');
      for (const c of v.proposed) {
        assert.ok(!proposed.has(c.worker.id), `${c.worker.id} proposed twice`);
        proposed.set(c.worker.id, v.vacancyId);
      }
    }
    assert.equal(proposed.size, 3);
    assert.deepEqual(
      result.placements.map((p) => [p.workerId, p.vacancyIds]),
      [...proposed].sort().map(([w, v]) => [w, [v]]),
    );
    const unplaced = Object.fromEntries(result.unplaced.map((u) => [u.workerId, u]));
    assert.deepEqual(Object.keys(unplaced).sort(), ['nobody', ...pool.filter((w) => !proposed.has(w))].sort());
    assert.equal(unplaced.nobody.reason, 'NOT_FOUND');
    for (const u of result.unplaced.filter((x) => x.workerId !== 'nobody')) {
      assert.equal(u.reason, 'VACANCIES_FULL');
      assert.deepEqual([...u.vacancyIds].sort(), ['av-a', 'av-b']);
    }
    assert.equal(result.summary.workers, '6');
    assert.equal(result.summary.placedWorkers, '3');
    assert.equal(result.summary.assignments, '3');
    assert.equal(result.summary.places, '3');
    assert.equal(result.summary.feasiblePairs, '10');
    assert.ok(result.summary.objective > 0);

    await assertGrpcError(
      portal.allocate({ vacancyIds: ['av-a'], welfareWeight: 2 }),
      status.INVALID_ARGUMENT,
      /^welfare_weight: /,
    );
    await assertGrpcError(partner.allocate({ vacancyIds: ['av-a'] }), status.PERMISSION_DENIED, /^vacancy_ids\[0\]: /);
  });

  it('watchVacancy yields an alert after a matching worker is upserted; breaking out cancels; resuming does not repeat it', { timeout: 60000 }, async () => {
    const unhandled = [];
    const onUnhandled = (e) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      await portal.upsertVacancy(vacancy('wv', { openings: 5 }));
      // heartbeats: the first message of a stream is one, so we know it has started and
      // a write made now is after its start.
      const watch = portal.watchVacancy('wv', { heartbeats: true, deadlineMs: 30000 });
      assert.equal(watch.cursor, '', 'nothing read yet: the cursor given (none)');
      const got = [];
      for await (const alert of watch) {
        got.push(alert);
        if (got.length === 1) {
          // Not a candidate (no welding): no alert. Then a welder: one.
          await portal.upsertWorker({
            id: 'cook-1', displayName: 'Juru Masak', domicile: { regionCode: REGION }, skills: ['memasak'],
          });
          await portal.upsertWorker({ ...welders[1], id: 'ww-1', displayName: 'New Welder' });
        }
        if (alert.candidate) break;
      }
      assert.equal(got[0].candidate, null, 'the first message is a heartbeat');
      assert.notEqual(got[0].cursor, '');
      const alert = got[got.length - 1];
      assert.deepEqual(got.slice(1, -1).filter((a) => a.candidate), [], 'only heartbeats before the alert');
      assert.equal(alert.candidate.worker.id, 'ww-1');
      assert.equal(alert.candidate.worker.nik, welders[1].nik, 'portal: unredacted');
      assert.ok(alert.candidate.score > 0);
      assert.ok(BigInt(alert.sequence) > BigInt(got[0].sequence));
      assert.equal(watch.cursor, alert.cursor);

      // The loop was left with break: the call is cancelled, the iterator done, and
      // cakapd logs the call as CANCELLED.
      assert.deepEqual(await watch.next(), { value: undefined, done: true });
      await waitFor(() => cakapd.server.stderr.some((line) => {
        try {
          const e = JSON.parse(line);
          return e.rpc === 'WatchVacancy' && e.status === 'CANCELLED';
        } catch {
          return false;
        }
      }), 10000, `no CANCELLED WatchVacancy in cakapd's log:\n${cakapd.server.stderr.join('\n')}`);

      // Resuming after the alert: the next alert is the next welder, not ww-1 again
      // (no race: a write after the cursor is delivered whenever the watch starts).
      await portal.upsertWorker({ ...welders[2], id: 'ww-2', displayName: 'Another Welder' });
      const resumed = portal.watchVacancy('wv', { cursor: alert.cursor });
      const again = await alertsUntil(resumed, () => true);
      assert.deepEqual(again.map((a) => a.candidate.worker.id), ['ww-2']);
      assert.ok(BigInt(again[0].sequence) > BigInt(alert.sequence));
      assert.equal(resumed.cursor, again[0].cursor);

      // cancel() from outside ends a waiting loop without an error.
      const idle = portal.watchVacancy('wv', { cursor: again[0].cursor });
      setTimeout(() => idle.cancel(), 300);
      assert.deepEqual(await alertsUntil(idle, () => false), []);

      // cancel() before cakapd has answered: grpc-js alone would drop the call without
      // resetting its stream, and cakapd would keep the watch until the connection closed
      // (seen: 3.2 s, when the process exited). It ends within seconds, logged CANCELLED
      // (the admin key's, so no other watch of this test can be the line).
      const early = admin.watchVacancy('wv', { heartbeatSeconds: 60, deadlineMs: 60000 });
      early.cancel();
      assert.deepEqual(await alertsUntil(early, () => false), []);
      await waitFor(() => cakapd.server.stderr.some((line) => {
        try {
          const e = JSON.parse(line);
          return e.rpc === 'WatchVacancy' && e.key === cakapd.names.admin && e.status === 'CANCELLED';
        } catch {
          return false;
        }
      }), 5000, `the early-cancelled watch still runs on cakapd:\n${cakapd.server.stderr.join('\n')}`);

      await new Promise((r) => setImmediate(r));
      assert.deepEqual(unhandled, []);
    } finally {
      process.removeListener('unhandledRejection', onUnhandled);
    }
  });

  it('a watch that fails rejects the loop with the ServiceError and its code', { timeout: 30000 }, async () => {
    const loop = (watch) => alertsUntil(watch, () => false);
    await assertGrpcError(loop(portal.watchVacancy('no-such-vacancy')), status.NOT_FOUND, /not found/);
    await assertGrpcError(
      loop(portal.watchVacancy('wv', { heartbeatSeconds: 301 })),
      status.INVALID_ARGUMENT,
      /^heartbeat_seconds: 301 is outside 0-300/,
    );
    await assertGrpcError(loop(portal.watchVacancy('wv', { cursor: 'nope' })), status.INVALID_ARGUMENT, /^cursor: /);
    // The deadline is the normal end of a watch; it still rejects, with its code.
    await assertGrpcError(loop(portal.watchVacancy('wv', { deadlineMs: 1000 })), status.DEADLINE_EXCEEDED);
    // A partner sees only open vacancies and its own: a closed one of another owner is
    // NOT_FOUND for it, as if it did not exist.
    await portal.upsertVacancy(vacancy('closed-theirs', { owner: 'pt-lain', open: false }));
    await assertGrpcError(loop(partner.watchVacancy('closed-theirs')), status.NOT_FOUND);
  });
});

/** Polls `cond` every 50 ms until it holds, failing with `message` after `ms`. */
async function waitFor(cond, ms, message) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) assert.fail(message);
    await new Promise((r) => setTimeout(r, 50));
  }
}
