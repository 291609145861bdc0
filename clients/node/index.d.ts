// TypeScript declarations for the cakapd Node.js client (index.js).
// Field names are the camelCase forms of proto/cakap/v1/*.proto; int64/uint64 fields are
// decimal strings; enums are their names. Request fields are optional (proto3 defaults
// apply); response fields are always present (proto-loader `defaults: true`).

import type { ServiceError, status as grpcStatus, Metadata as GrpcMetadata } from '@grpc/grpc-js';

/** A 64-bit integer as a decimal string (proto-loader `longs: String`). */
export type Int64 = string;

export type Issuer = 'ISSUER_UNSPECIFIED' | 'ISSUER_BNSP' | 'ISSUER_KEMNAKER' | 'ISSUER_OTHER';

export type EmploymentStatus =
  | 'EMPLOYMENT_STATUS_UNSPECIFIED'
  | 'EMPLOYMENT_STATUS_SEEKING'
  | 'EMPLOYMENT_STATUS_EMPLOYED'
  | 'EMPLOYMENT_STATUS_SELF_EMPLOYED';

/** common.proto Location. */
export interface Location {
  /** Kemendagri code, e.g. "63.11" (kabupaten/kota) or "63" (province). */
  regionCode?: string;
  kecamatan?: string;
  latitude?: number;
  longitude?: number;
  hasCoordinates?: boolean;
}

export interface Certificate {
  issuer?: Issuer;
  issuingBody?: string;
  scheme?: string;
  skills?: string[];
  kkniLevel?: number;
  number?: string;
  /** "YYYY-MM-DD" */
  issuedOn?: string;
  /** "YYYY-MM-DD"; empty: the issuer's default validity. */
  expiresOn?: string;
}

export interface Training {
  programme?: string;
  institution?: string;
  field?: string;
  year?: number;
}

export interface Contact {
  phone?: string;
  email?: string;
  consentToShare?: boolean;
}

/** worker.proto Worker. Partners receive it redacted (no nik, welfareDecile 0). */
export interface Worker {
  id?: string;
  displayName?: string;
  /** 16-digit NIK; never returned to partners. */
  nik?: string;
  contact?: Contact | null;
  domicile?: Location | null;
  travelKm?: number;
  willingToRelocate?: boolean;
  skills?: string[];
  certificates?: Certificate[];
  trainings?: Training[];
  employmentStatus?: EmploymentStatus;
  availableFrom?: string;
  /** DTSEN welfare decile 1-10, 0: not given; never returned to partners. */
  welfareDecile?: number;
  updatedAt?: string;
}

/** vacancy.proto Vacancy. */
export interface Vacancy {
  id?: string;
  employer?: string;
  title?: string;
  description?: string;
  requiredSkills?: string[];
  preferredSkills?: string[];
  keywords?: string;
  acceptedIssuers?: Issuer[];
  minKkniLevel?: number;
  location?: Location | null;
  radiusKm?: number;
  regionCodes?: string[];
  startDate?: string;
  openings?: number;
  includeEmployed?: boolean;
  open?: boolean;
}

export interface ScoreComponent {
  /** "preferred_skills", "certificate", "distance", "welfare". */
  name: string;
  value: number;
  detail: string;
}

export interface Candidate {
  worker: Required<Worker> | null;
  score: number;
  /** Components that add up to `score`. */
  explanation: ScoreComponent[];
  /** -1 when the vacancy has no location. */
  distanceKm: number;
}

export interface NearMiss {
  candidate: Candidate | null;
  constraint: string;
  reason: string;
}

export interface FacetValue {
  value: string;
  label: string;
  count: Int64;
}

export interface Facets {
  issuer: FacetValue[];
  region: FacetValue[];
  kkniLevel: FacetValue[];
}

export interface MatchResult {
  candidates: Candidate[];
  total: Int64;
  /** Empty on the last page. */
  nextPageToken: string;
  facets: Facets | null;
  nearMisses: NearMiss[];
  resolvedVacancy: Required<Vacancy> | null;
}

export interface VacancyHit {
  vacancy: Required<Vacancy> | null;
  score: number;
  explanation: ScoreComponent[];
  distanceKm: number;
}

export interface VacancyMatchResult {
  vacancies: VacancyHit[];
  total: Int64;
}

export interface Rejection {
  /** Position of the record in the stream, from 0. */
  index: Int64;
  workerId: string;
  /** Starts with the offending field, e.g. "domicile.latitude: ...". */
  reason: string;
}

export interface UpsertWorkersResponse {
  accepted: Int64;
  rejected: Int64;
  rejections: Rejection[];
}

export interface StatsResponse {
  workers: Int64;
  vacancies: Int64;
  openVacancies: Int64;
  revision: Int64;
  sizeBytes: Int64;
}

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

export interface MatchCandidatesParams {
  /** An inline vacancy (not stored); or give vacancyId. */
  vacancy?: Vacancy;
  /** The id of a stored vacancy; used when `vacancy` is not given. */
  vacancyId?: string;
  /** 1-200; 0 or omitted: 20. */
  pageSize?: number;
  /** nextPageToken of the previous page. */
  pageToken?: string;
  /** Compute facet counts over all candidates. */
  facets?: boolean;
  /** Near misses to return, 0-100. */
  nearMissLimit?: number;
  /** Leave the welfare component out (always on for partner keys). */
  excludeWelfare?: boolean;
}

export interface MatchVacanciesOptions extends CallOptions {
  excludeWelfare?: boolean;
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
  getWorker(id: string, options?: CallOptions): Promise<Required<Worker>>;
  deleteWorker(id: string, options?: CallOptions): Promise<void>;
  upsertVacancy(vacancy: Vacancy, options?: CallOptions): Promise<void>;
  getVacancy(id: string, options?: CallOptions): Promise<Required<Vacancy>>;
  deleteVacancy(id: string, options?: CallOptions): Promise<void>;
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
  /** Resolves once the channel is connected. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** Closes the channel. */
  close(): void;
}

export function createClient(options: ClientOptions): CakapClient;

/** The loaded `cakap.v1` package (grpc.loadPackageDefinition), for raw stubs. */
export function loadCakapPackage(protoRoot?: string): any;

export const status: typeof grpcStatus;
export const Metadata: typeof GrpcMetadata;
export const DEFAULT_PROTO_ROOT: string;
export const LOADER_OPTIONS: Readonly<{
  keepCase: false;
  longs: StringConstructor;
  enums: StringConstructor;
  defaults: true;
  oneofs: true;
}>;
