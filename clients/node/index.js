'use strict';
/**
 * Node.js client for cakapd, the cakap gRPC service (proto/cakap/v1/service.proto, and
 * the ledger, figures, allocation, lexicon and alerts services of proto/cakap/v1/).
 *
 * The protos are loaded at runtime from the repository (../../proto relative to this
 * package, or `protoRoot`). Messages use the proto-loader conventions
 *   keepCase: false  -> fields in camelCase ("displayName", "welfareDecile", "regionCode")
 *   longs: String    -> int64/uint64 fields are decimal strings ("accepted": "2")
 *   enums: String    -> enums by name ("ISSUER_BNSP", "EMPLOYMENT_STATUS_SEEKING")
 *   defaults: true   -> absent scalar fields are filled with their defaults
 *   oneofs: true     -> a oneof's case is named by a virtual field ("source": "vacancyId")
 *
 * Every call carries the metadata "authorization: Bearer <key>" and a deadline. A failed
 * call rejects with the grpc-js ServiceError (`code`, `details`, `metadata`); compare
 * `code` with `grpc.status` (re-exported as `status`).
 */

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

/** Default directory holding cakap/v1/*.proto: the repository's proto/ directory. */
const DEFAULT_PROTO_ROOT = path.resolve(__dirname, '..', '..', 'proto');

/** proto-loader options used for every message this client sends and receives. */
const LOADER_OPTIONS = Object.freeze({
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});

/** The files loaded from the proto root: every cakap.v1 service the client calls. */
const PROTO_FILES = Object.freeze([
  'cakap/v1/service.proto',
  'cakap/v1/ledger.proto',
  'cakap/v1/figures.proto',
  'cakap/v1/allocation.proto',
  'cakap/v1/lexicon.proto',
  'cakap/v1/alerts.proto',
]);

/** Default deadline of one call, in milliseconds. */
const DEFAULT_DEADLINE_MS = 30000;

/**
 * @typedef {import('./index').ClientOptions} ClientOptions
 * @typedef {import('./index').CallOptions} CallOptions
 * @typedef {import('./index').CakapClient} CakapClient
 * @typedef {import('./index').Worker} Worker
 * @typedef {import('./index').Vacancy} Vacancy
 * @typedef {import('./index').MatchCandidatesParams} MatchCandidatesParams
 * @typedef {import('./index').MatchResult} MatchResult
 * @typedef {import('./index').VacancyMatchResult} VacancyMatchResult
 * @typedef {import('./index').UpsertWorkersResponse} UpsertWorkersResponse
 * @typedef {import('./index').StatsResponse} StatsResponse
 * @typedef {import('./index').PlacementEntry} PlacementEntry
 * @typedef {import('./index').OutcomeEntry} OutcomeEntry
 * @typedef {import('./index').LedgerEntry__Output} LedgerEntryOutput
 * @typedef {import('./index').GetFiguresRequest} GetFiguresRequest
 * @typedef {import('./index').GetFiguresResponse} GetFiguresResponse
 * @typedef {import('./index').AllocateRequest} AllocateRequest
 * @typedef {import('./index').AllocationResult} AllocationResult
 * @typedef {import('./index').SkillEntry} SkillEntry
 * @typedef {import('./index').WatchVacancyOptions} WatchVacancyOptions
 * @typedef {import('./index').VacancyAlert} VacancyAlert
 * @typedef {import('./index').AlertWatch} AlertWatch
 */

const packageCache = new Map();

/**
 * Loads the cakap.v1 package definition (cached per proto root).
 * @param {string} [protoRoot] directory that holds cakap/v1/*.proto (PROTO_FILES)
 * @returns {any} the `cakap.v1` namespace of grpc.loadPackageDefinition
 */
function loadCakapPackage(protoRoot) {
  const root = path.resolve(protoRoot || DEFAULT_PROTO_ROOT);
  let pkg = packageCache.get(root);
  if (!pkg) {
    const definition = protoLoader.loadSync([...PROTO_FILES], {
      ...LOADER_OPTIONS,
      includeDirs: [root],
    });
    pkg = grpc.loadPackageDefinition(definition).cakap.v1;
    packageCache.set(root, pkg);
  }
  return pkg;
}

/**
 * Makes channel credentials: TLS when `tls` is given (optionally with a CA bundle),
 * else plaintext (cakapd without --tls-cert).
 * @param {ClientOptions['tls']} tls
 */
function channelCredentials(tls) {
  if (!tls) return grpc.credentials.createInsecure();
  const toBuffer = (v) => (v == null ? null : Buffer.isBuffer(v) ? v : Buffer.from(String(v)));
  return grpc.credentials.createSsl(toBuffer(tls.ca), toBuffer(tls.privateKey), toBuffer(tls.certChain));
}

/**
 * Connects to cakapd. The connection is made lazily on the first call.
 * @param {ClientOptions} options
 * @returns {CakapClient}
 */
function createClient(options) {
  if (!options || typeof options.address !== 'string' || options.address === '') {
    throw new TypeError('createClient: options.address ("host:port") is required');
  }
  const { address, key, tls, protoRoot } = options;
  const defaultDeadlineMs = options.deadlineMs > 0 ? options.deadlineMs : DEFAULT_DEADLINE_MS;
  const pkg = loadCakapPackage(protoRoot);
  const credentials = channelCredentials(tls);
  const channelOptions = { ...(options.channelOptions || {}) };
  if (tls && tls.serverNameOverride) {
    channelOptions['grpc.ssl_target_name_override'] = tls.serverNameOverride;
    channelOptions['grpc.default_authority'] = tls.serverNameOverride;
  }

  // One channel shared by every service stub.
  const workers = new pkg.WorkerService(address, credentials, channelOptions);
  const channelOverride = { channelOverride: workers.getChannel() };
  const vacancies = new pkg.VacancyService(address, credentials, channelOverride);
  const match = new pkg.MatchService(address, credentials, channelOverride);
  const admin = new pkg.AdminService(address, credentials, channelOverride);
  const ledger = new pkg.LedgerService(address, credentials, channelOverride);
  const figures = new pkg.FiguresService(address, credentials, channelOverride);
  const allocation = new pkg.AllocationService(address, credentials, channelOverride);
  const lexicon = new pkg.LexiconService(address, credentials, channelOverride);
  const alerts = new pkg.AlertService(address, credentials, channelOverride);

  /** @returns {grpc.Metadata} */
  function metadata() {
    const md = new grpc.Metadata();
    if (key) md.set('authorization', `Bearer ${key}`);
    return md;
  }

  /** @param {CallOptions} [callOptions] */
  function grpcCallOptions(callOptions) {
    const ms = callOptions && callOptions.deadlineMs > 0 ? callOptions.deadlineMs : defaultDeadlineMs;
    return { deadline: new Date(Date.now() + ms) };
  }

  /**
   * Calls a unary method and resolves to its response.
   * @param {any} stub
   * @param {string} method
   * @param {object} request
   * @param {CallOptions} [callOptions]
   * @returns {Promise<any>}
   */
  function unary(stub, method, request, callOptions) {
    return new Promise((resolve, reject) => {
      stub[method](request, metadata(), grpcCallOptions(callOptions), (err, response) => {
        if (err) reject(err);
        else resolve(response);
      });
    });
  }

  /**
   * Streams workers to UpsertWorkers, honouring flow control.
   * @param {Iterable<Worker>|AsyncIterable<Worker>} iterable
   * @param {CallOptions} [callOptions]
   * @returns {Promise<UpsertWorkersResponse>}
   */
  function upsertWorkers(iterable, callOptions) {
    if (iterable == null ||
        (typeof iterable[Symbol.iterator] !== 'function' &&
         typeof iterable[Symbol.asyncIterator] !== 'function')) {
      return Promise.reject(new TypeError('upsertWorkers: expected an iterable of workers'));
    }
    return new Promise((resolve, reject) => {
      let settled = false;
      const call = workers.UpsertWorkers(metadata(), grpcCallOptions(callOptions), (err, response) => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve(response);
      });
      // Resolves when the stream may take more data, or the call has ended.
      const writable = () =>
        new Promise((ok) => {
          const done = () => {
            call.removeListener('drain', done);
            call.removeListener('close', done);
            call.removeListener('error', done);
            ok();
          };
          call.once('drain', done);
          call.once('close', done);
          call.once('error', done);
        });
      (async () => {
        for await (const worker of iterable) {
          if (settled) return; // the server ended the call (an error status)
          if (!call.write({ worker })) await writable();
        }
        if (!settled) call.end();
      })().catch((e) => {
        if (settled) return;
        settled = true;
        call.cancel();
        reject(e);
      });
    });
  }

  /**
   * Watches a stored vacancy (AlertService.WatchVacancy, a server stream). Returns an
   * async iterable of its alerts: `for await (const alert of watch)`. Leaving the loop
   * (break, return, throw) or calling `watch.cancel()` cancels the call; the loop then
   * ends without an error. Any other end of the stream (DEADLINE_EXCEEDED at the deadline,
   * the normal end of a watch; NOT_FOUND when the vacancy goes; UNAVAILABLE when cakapd
   * shuts down; INVALID_ARGUMENT, ...) rejects the loop with the grpc-js ServiceError.
   * Heartbeats (messages without a candidate) are skipped unless `heartbeats: true`;
   * `watch.cursor` is the cursor of the last message the loop went past (alert or
   * heartbeat), the one to resume from with `{ cursor }`.
   * @param {string} vacancyId
   * @param {WatchVacancyOptions} [watchOptions]
   * @returns {AlertWatch}
   */
  function watchVacancy(vacancyId, watchOptions) {
    const w = watchOptions || {};
    const request = {
      vacancyId,
      cursor: w.cursor || '',
      fromBeginning: !!w.fromBeginning,
      heartbeatSeconds: w.heartbeatSeconds || 0,
      batchSize: w.batchSize || 0,
      excludeWelfare: !!w.excludeWelfare,
    };
    const call = alerts.WatchVacancy(request, metadata(), grpcCallOptions(w));
    // grpc-js reports the call's status as an 'error' event, also after cancel() and
    // when nobody iterates (then it would be an uncaught exception): the iterator below
    // reads errors through the stream's own async iterator; this listener only keeps an
    // unobserved one from crashing the process.
    call.on('error', () => {});
    let cancelled = false;
    let answered = false; // cakapd's first response headers arrived
    call.once('metadata', () => {
      answered = true;
    });
    let cursor = request.cursor;
    const cancel = () => {
      if (cancelled) return;
      cancelled = true;
      if (answered) {
        call.cancel();
        return;
      }
      // A call cancelled before cakapd has answered is dropped by grpc-js without
      // resetting the stream it already opened: cakapd would keep the watch (and a
      // serving thread) until the connection closes. Cancel once it has answered (at
      // once: the first heartbeat), or after a second if it never does.
      const timer = setTimeout(() => call.cancel(), 1000);
      timer.unref();
      call.once('metadata', () => {
        clearTimeout(timer);
        call.cancel();
      });
    };
    async function* messages() {
      try {
        // The stream's iterator yields what arrived before an error, then throws it;
        // it reads only as fast as the loop (flow control back to cakapd).
        for await (const message of call) {
          if (cancelled) return;
          cursor = message.cursor;
          if (message.candidate || w.heartbeats) yield message;
        }
      } catch (err) {
        if (cancelled && err && err.code === grpc.status.CANCELLED) return;
        throw err;
      } finally {
        cancel(); // a no-op once the call has ended
      }
    }
    const it = messages();
    /** @type {AlertWatch} */
    const watch = {
      [Symbol.asyncIterator]() {
        return watch;
      },
      next: () => it.next(),
      return(value) {
        cancel();
        return it.return(value);
      },
      throw(err) {
        cancel();
        return it.throw(err);
      },
      cancel,
      get cursor() {
        return cursor;
      },
    };
    return watch;
  }

  /** @type {CakapClient} */
  const client = {
    upsertWorker: (worker, o) => unary(workers, 'UpsertWorker', { worker }, o).then(() => undefined),
    upsertWorkers,
    getWorker: (id, o) => unary(workers, 'GetWorker', { id }, o).then((r) => r.worker),
    deleteWorker: (id, o) => unary(workers, 'DeleteWorker', { id }, o).then(() => undefined),
    upsertVacancy: (vacancy, o) => unary(vacancies, 'UpsertVacancy', { vacancy }, o).then(() => undefined),
    getVacancy: (id, o) => unary(vacancies, 'GetVacancy', { id }, o).then((r) => r.vacancy),
    deleteVacancy: (id, o) => unary(vacancies, 'DeleteVacancy', { id }, o).then(() => undefined),
    listVacancies: (params, o) => unary(vacancies, 'ListVacancies', params || {}, o),
    matchCandidates(params, o) {
      // Everything but the vacancy is MatchOptions (index.d.ts MatchCandidatesParams);
      // fields the proto does not have are dropped by the loader.
      const { vacancy, vacancyId, ...options } = params || {};
      /** @type {any} */
      const request = { options };
      if (vacancy) request.vacancy = vacancy;
      else if (vacancyId) request.vacancyId = vacancyId;
      return unary(match, 'MatchCandidates', request, o).then((r) => r.result);
    },
    matchVacancies(workerId, limit, o) {
      const request = { workerId, limit: limit || 0, excludeWelfare: !!(o && o.excludeWelfare) };
      return unary(match, 'MatchVacancies', request, o).then((r) => r.result);
    },
    stats: (o) => unary(admin, 'Stats', {}, o),
    recordPlacement: (entry, o) =>
      unary(ledger, 'RecordPlacement', { entry }, o).then((r) => r.entry),
    recordOutcome: (entry, o) => unary(ledger, 'RecordOutcome', { entry }, o).then((r) => r.entry),
    getHistory: (workerId, o) => unary(ledger, 'GetHistory', { workerId }, o).then((r) => r.entries),
    getFigures: (request, o) => unary(figures, 'GetFigures', request || {}, o),
    allocate: (request, o) => unary(allocation, 'Allocate', request || {}, o).then((r) => r.result),
    lookupSkills: (query, limit, o) =>
      unary(lexicon, 'LookupSkills', { query, limit: limit || 0 }, o).then((r) => r.skills),
    watchVacancy,
    waitForReady(timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        workers.waitForReady(new Date(Date.now() + timeoutMs), (err) => (err ? reject(err) : resolve()));
      });
    },
    close() {
      // The stubs share one channel; closing it closes them all.
      workers.close();
    },
  };
  return client;
}

module.exports = {
  createClient,
  loadCakapPackage,
  status: grpc.status,
  Metadata: grpc.Metadata,
  DEFAULT_PROTO_ROOT,
  PROTO_FILES,
  LOADER_OPTIONS,
};
