// TypeScript declarations for the cakapd Node.js client (index.js).
//
// Every message and enum type comes from types/, generated from proto/cakap/v1/*.proto
// by `npm run gen-types` (scripts/gen-types.js, proto-loader-gen-types with the loader
// options index.js uses), so these declarations cannot drift from the proto: `npm test`
// fails when types/ is stale. Per message there are two types: `Worker` for what you
// send (every field optional; 64-bit integers as number, string or Long; enums by name
// or number) and `Worker__Output` for what you receive (proto-loader `defaults: true`:
// every scalar and list present; int64/uint64 as decimal strings; enums by name;
// sub-messages `null` when absent). Field names are the camelCase forms of the proto's.

import type { ServiceError, status as grpcStatus, Metadata as GrpcMetadata } from '@grpc/grpc-js';

import type { Certificate, Certificate__Output } from './types/cakap/v1/Certificate';
import type { Contact, Contact__Output } from './types/cakap/v1/Contact';
import type { EmploymentStatus, EmploymentStatus__Output } from './types/cakap/v1/EmploymentStatus';
import type { FacetValue__Output } from './types/cakap/v1/FacetValue';
import type { Facets__Output } from './types/cakap/v1/Facets';
import type { Issuer, Issuer__Output } from './types/cakap/v1/Issuer';
import type { Location, Location__Output } from './types/cakap/v1/Location';
import type { Candidate__Output } from './types/cakap/v1/Candidate';
import type { ListVacanciesRequest } from './types/cakap/v1/ListVacanciesRequest';
import type { ListVacanciesResponse__Output } from './types/cakap/v1/ListVacanciesResponse';
import type { MatchCandidatesRequest } from './types/cakap/v1/MatchCandidatesRequest';
import type { MatchOptions } from './types/cakap/v1/MatchOptions';
import type { MatchResult__Output } from './types/cakap/v1/MatchResult';
import type { NearMiss__Output } from './types/cakap/v1/NearMiss';
import type { Rejection__Output } from './types/cakap/v1/Rejection';
import type { ScoreComponent__Output } from './types/cakap/v1/ScoreComponent';
import type { StatsResponse__Output } from './types/cakap/v1/StatsResponse';
import type { Training, Training__Output } from './types/cakap/v1/Training';
import type { UpsertWorkersResponse__Output } from './types/cakap/v1/UpsertWorkersResponse';
import type { Vacancy, Vacancy__Output } from './types/cakap/v1/Vacancy';
import type { VacancyHit__Output } from './types/cakap/v1/VacancyHit';
import type { VacancyMatchResult__Output } from './types/cakap/v1/VacancyMatchResult';
import type { Worker, Worker__Output } from './types/cakap/v1/Worker';
import type { ProtoGrpcType } from './types/service';
import type { ProtoGrpcType as AlertsProtoGrpcType } from './types/alerts';
import type { ProtoGrpcType as AllocationProtoGrpcType } from './types/allocation';
import type { ProtoGrpcType as FiguresProtoGrpcType } from './types/figures';
import type { ProtoGrpcType as LedgerProtoGrpcType } from './types/ledger';
import type { ProtoGrpcType as LexiconProtoGrpcType } from './types/lexicon';
import type { LedgerEntry, LedgerEntry__Output } from './types/cakap/v1/LedgerEntry';
import type { Placement, Placement__Output } from './types/cakap/v1/Placement';
import type { PlacementKind, PlacementKind__Output } from './types/cakap/v1/PlacementKind';
import type { Outcome, Outcome__Output } from './types/cakap/v1/Outcome';
import type { OutcomeKind, OutcomeKind__Output } from './types/cakap/v1/OutcomeKind';
import type { FiguresSlice } from './types/cakap/v1/FiguresSlice';
import type { GetFiguresRequest } from './types/cakap/v1/GetFiguresRequest';
import type { GetFiguresResponse__Output } from './types/cakap/v1/GetFiguresResponse';
import type { Figures__Output } from './types/cakap/v1/Figures';
import type { Count__Output } from './types/cakap/v1/Count';
import type { SupplyDemandRow__Output } from './types/cakap/v1/SupplyDemandRow';
import type { AllocateRequest } from './types/cakap/v1/AllocateRequest';
import type { AllocationResult__Output } from './types/cakap/v1/AllocationResult';
import type { AllocationSummary__Output } from './types/cakap/v1/AllocationSummary';
import type { VacancyAllocation__Output } from './types/cakap/v1/VacancyAllocation';
import type { WorkerPlacement__Output } from './types/cakap/v1/WorkerPlacement';
import type { UnplacedWorker__Output } from './types/cakap/v1/UnplacedWorker';
import type { UnplacedReason__Output } from './types/cakap/v1/UnplacedReason';
import type { SkillEntry__Output } from './types/cakap/v1/SkillEntry';
import type { VacancyAlert__Output } from './types/cakap/v1/VacancyAlert';
import type { WatchVacancyRequest } from './types/cakap/v1/WatchVacancyRequest';

export type {
  Certificate, Certificate__Output, Contact, Contact__Output, EmploymentStatus,
  EmploymentStatus__Output, Issuer, Issuer__Output, Location, Location__Output, Training,
  Training__Output, Vacancy, Vacancy__Output, Worker, Worker__Output, MatchOptions,
  MatchCandidatesRequest, ListVacanciesRequest, ProtoGrpcType, LedgerEntry,
  LedgerEntry__Output, Placement, Placement__Output, PlacementKind, PlacementKind__Output,
  Outcome, Outcome__Output, OutcomeKind, OutcomeKind__Output, FiguresSlice,
  GetFiguresRequest, AllocateRequest, UnplacedReason__Output, WatchVacancyRequest,
};
export type ListVacanciesResponse = ListVacanciesResponse__Output;

/** A 64-bit integer as received: a decimal string (proto-loader `longs: String`). */
export type Int64 = string;

// The reply types under the names the client has always used.
export type ScoreComponent = ScoreComponent__Output;
export type Candidate = Candidate__Output;
export type NearMiss = NearMiss__Output;
export type FacetValue = FacetValue__Output;
export type Facets = Facets__Output;
export type MatchResult = MatchResult__Output;
export type VacancyHit = VacancyHit__Output;
export type VacancyMatchResult = VacancyMatchResult__Output;
export type Rejection = Rejection__Output;
export type UpsertWorkersResponse = UpsertWorkersResponse__Output;
export type StatsResponse = StatsResponse__Output;
export type GetFiguresResponse = GetFiguresResponse__Output;
export type Figures = Figures__Output;
export type Count = Count__Output;
export type SupplyDemandRow = SupplyDemandRow__Output;
export type AllocationResult = AllocationResult__Output;
export type AllocationSummary = AllocationSummary__Output;
export type VacancyAllocation = VacancyAllocation__Output;
export type WorkerPlacement = WorkerPlacement__Output;
export type UnplacedWorker = UnplacedWorker__Output;
export type SkillEntry = SkillEntry__Output;
export type VacancyAlert = VacancyAlert__Output;

/**
 * What recordPlacement sends: the LedgerEntry of a placement. `seq`, `recordedAt` and
 * `source` are set by the server; `corrects` (> 0) and `withdrawn` make it a correction.
 */
export type PlacementEntry = Pick<LedgerEntry, 'corrects' | 'withdrawn'> & {
  workerId: string;
  placement: Placement;
};

/** What recordOutcome sends: the LedgerEntry of an outcome (`corrects` for a correction). */
export type OutcomeEntry = Pick<LedgerEntry, 'corrects'> & {
  workerId: string;
  outcome: Outcome;
};

export interface TlsOptions {
  /** PEM CA bundle to verify cakapd's certificate (default: the system roots). */
  ca?: Buffer | string;
  /** PEM client certificate chain and key, for mutual TLS. */
  certChain?: Buffer | string;
  privateKey?: Buffer | string;
  /** Expected server name when it differs from the address' host. */
  serverNameOverride?: string;
}

export interface ClientOptions {
  /** "host:port" of cakapd, e.g. "127.0.0.1:7843". */
  address: string;
  /** API key from `cakapd keys add`; sent as "authorization: Bearer <key>". */
  key?: string;
  /** Connect with TLS (cakapd --tls-cert); omitted: plaintext. */
  tls?: TlsOptions;
  /** Directory holding cakap/v1/*.proto (default: the repository's proto/). */
  protoRoot?: string;
  /** Default deadline per call in ms (default 30000). */
  deadlineMs?: number;
  /** Extra grpc-js channel options. */
  channelOptions?: Record<string, unknown>;
}

export interface CallOptions {
  /** Deadline of this call in ms (default: the client's deadlineMs). */
  deadlineMs?: number;
}

/**
 * The vacancy (inline `vacancy`, or `vacancyId` of a stored one) and the MatchOptions
 * (pageSize, pageToken, facets, nearMissLimit, excludeWelfare, ...) side by side.
 */
export type MatchCandidatesParams = Pick<MatchCandidatesRequest, 'vacancy' | 'vacancyId'> &
  MatchOptions;

export interface MatchVacanciesOptions extends CallOptions {
  excludeWelfare?: boolean;
}

/**
 * WatchVacancyRequest's options (`cursor`, `fromBeginning`, `heartbeatSeconds`,
 * `batchSize`, `excludeWelfare`), and for the client: `heartbeats` (also yield heartbeats,
 * the alerts without a candidate) and `deadlineMs` (when the watch ends with
 * DEADLINE_EXCEEDED, its normal end; default: the client's deadlineMs).
 */
export type WatchVacancyOptions = Omit<WatchVacancyRequest, 'vacancyId'> &
  CallOptions & {
    heartbeats?: boolean;
  };

/**
 * A running watch: `for await (const alert of watch)`. Leaving the loop or `cancel()`
 * cancels the call and ends the loop without an error; any other end of the stream
 * rejects it with the ServiceError (`code`: DEADLINE_EXCEEDED, NOT_FOUND, UNAVAILABLE, ...).
 */
export interface AlertWatch extends AsyncIterableIterator<VacancyAlert> {
  /** Cancels the call; a pending or later `next()` resolves `done`. Idempotent. */
  cancel(): void;
  /**
   * The cursor of the last message the loop went past (an alert it received, or a
   * heartbeat): give it as `cursor` to resume after it. Before any: the starting one.
   */
  readonly cursor: string;
}

/** Errors reject with the grpc-js ServiceError: `code` (see `status`), `details`. */
export type CakapError = ServiceError;

export interface CakapClient {
  /** Inserts or replaces a worker. INVALID_ARGUMENT naming the field when invalid. */
  upsertWorker(worker: Worker, options?: CallOptions): Promise<void>;
  /** Streams workers (client stream); bad records are listed in `rejections`. */
  upsertWorkers(workers: readonly Worker[], options?: CallOptions): Promise<UpsertWorkersResponse>;
  upsertWorkers(workers: Iterable<Worker>, options?: CallOptions): Promise<UpsertWorkersResponse>;
  upsertWorkers(workers: AsyncIterable<Worker>, options?: CallOptions): Promise<UpsertWorkersResponse>;
  /** The stored worker (redacted for partners). NOT_FOUND when there is none. */
  getWorker(id: string, options?: CallOptions): Promise<Worker__Output>;
  deleteWorker(id: string, options?: CallOptions): Promise<void>;
  upsertVacancy(vacancy: Vacancy, options?: CallOptions): Promise<void>;
  getVacancy(id: string, options?: CallOptions): Promise<Vacancy__Output>;
  deleteVacancy(id: string, options?: CallOptions): Promise<void>;
  /**
   * The stored vacancies by id, a page at a time (`openOnly`, `owner`, `pageSize`,
   * `pageToken`: ListVacanciesRequest). A partner key lists only its own.
   */
  listVacancies(
    params?: ListVacanciesRequest,
    options?: CallOptions,
  ): Promise<ListVacanciesResponse__Output>;
  /** Ranked candidates for an inline or stored vacancy. */
  matchCandidates(params: MatchCandidatesParams, options?: CallOptions): Promise<MatchResult>;
  /** Open stored vacancies a stored worker satisfies, best first. limit 0-1000 (0: 20). */
  matchVacancies(
    workerId: string,
    limit?: number,
    options?: MatchVacanciesOptions,
  ): Promise<VacancyMatchResult>;
  /** Index statistics (admin keys only). */
  stats(options?: CallOptions): Promise<StatsResponse>;
  /**
   * LedgerService.RecordPlacement: records that a worker was placed; resolves to the
   * entry as committed (seq, recordedAt, source set). A placement into a stored vacancy
   * counts against its openings and closes it when all are filled. A partner: only into
   * its own vacancies (else PERMISSION_DENIED).
   */
  recordPlacement(entry: PlacementEntry, options?: CallOptions): Promise<LedgerEntry__Output>;
  /**
   * LedgerService.RecordOutcome: what became of a placement (`outcome.placementSeq`);
   * resolves to the committed entry. A partner: only of placements it recorded.
   */
  recordOutcome(entry: OutcomeEntry, options?: CallOptions): Promise<LedgerEntry__Output>;
  /** LedgerService.GetHistory: every entry of the worker by seq (portal and admin keys). */
  getHistory(workerId: string, options?: CallOptions): Promise<LedgerEntry__Output[]>;
  /**
   * FiguresService.GetFigures: counts for a slice. For a partner every count from 1 to
   * `minCellSize` - 1 is `{ value: '0', suppressed: true }`, and a welfare slice is
   * PERMISSION_DENIED.
   */
  getFigures(request?: GetFiguresRequest, options?: CallOptions): Promise<GetFiguresResponse>;
  /** AllocationService.Allocate: places a pool of workers across stored vacancies. */
  allocate(request: AllocateRequest, options?: CallOptions): Promise<AllocationResult>;
  /**
   * LexiconService.LookupSkills: skills whose code, name or synonym matches `query`
   * ("juru las" finds LAS), best first; limit 0-50 (0: 10).
   */
  lookupSkills(query: string, limit?: number, options?: CallOptions): Promise<SkillEntry[]>;
  /**
   * AlertService.WatchVacancy (a server stream): the workers who newly match a stored
   * vacancy. With no `cursor`, only writes after the call started (`heartbeats: true`
   * shows when it has: the first message is a heartbeat).
   */
  watchVacancy(vacancyId: string, options?: WatchVacancyOptions): AlertWatch;
  /** Resolves once the channel is connected. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** Closes the channel. */
  close(): void;
}

export function createClient(options: ClientOptions): CakapClient;

/** The loaded `cakap.v1` package (grpc.loadPackageDefinition), for raw stubs. */
export function loadCakapPackage(
  protoRoot?: string,
): ProtoGrpcType['cakap']['v1'] &
  LedgerProtoGrpcType['cakap']['v1'] &
  FiguresProtoGrpcType['cakap']['v1'] &
  AllocationProtoGrpcType['cakap']['v1'] &
  LexiconProtoGrpcType['cakap']['v1'] &
  AlertsProtoGrpcType['cakap']['v1'];

export const status: typeof grpcStatus;
export const Metadata: typeof GrpcMetadata;
export const DEFAULT_PROTO_ROOT: string;
/** The proto files loadCakapPackage loads, relative to the proto root. */
export const PROTO_FILES: readonly string[];
export const LOADER_OPTIONS: Readonly<{
  keepCase: false;
  longs: StringConstructor;
  enums: StringConstructor;
  defaults: true;
  oneofs: true;
}>;
