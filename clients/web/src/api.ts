// The cakapd clients, generated from proto/cakap/v1 (src/gen, `npm run gen`), over the
// Connect protocol with JSON on this page's own origin (cakapd serves the console and
// the API on one HTTP port). The API key lives in sessionStorage: entered once per
// browser session, gone when the tab closes.
import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-web";
import { AdminService, MatchService, VacancyService, WorkerService } from "./gen/cakap/v1/service_pb";
import { LexiconService, type RegionEntry } from "./gen/cakap/v1/lexicon_pb";
import { FiguresService } from "./gen/cakap/v1/figures_pb";

const KEY = "cakap.apiKey";

export const session = {
  key(): string {
    return sessionStorage.getItem(KEY) ?? "";
  },
  set(key: string): void {
    sessionStorage.setItem(KEY, key);
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};

const auth: Interceptor = (next) => async (req) => {
  const key = session.key();
  if (key) req.header.set("Authorization", `Bearer ${key}`);
  return next(req);
};

const transport = createConnectTransport({
  baseUrl: new URL(".", location.href).href.replace(/\/$/, ""),
  interceptors: [auth],
  defaultTimeoutMs: 30000,
});

export const api = {
  workers: createClient(WorkerService, transport),
  vacancies: createClient(VacancyService, transport),
  match: createClient(MatchService, transport),
  admin: createClient(AdminService, transport),
  lexicon: createClient(LexiconService, transport),
  figures: createClient(FiguresService, transport),
};

// The server's words for a failed call, and the request field it names, if any: cakapd's
// INVALID_ARGUMENT messages, and PERMISSION_DENIED about a field (the figures' welfare
// slice to a partner, "slice.welfare_decile_min: ..."), start with the field's path
// ("vacancy.radius_km: ...").
export interface CallError {
  code: Code;
  message: string;
  field: string;
}
export function callError(err: unknown): CallError {
  const e = ConnectError.from(err);
  const m = /^([a-z_][a-z0-9_]*(?:\[\d+\])?(?:\.[a-z_][a-z0-9_]*(?:\[\d+\])?)*): /.exec(e.rawMessage);
  return { code: e.code, message: e.rawMessage || Code[e.code], field: m ? m[1] : "" };
}
export { Code };

// Regions of data/regions.tsv as the server has them: fetched once per session.
let regionsPromise: Promise<RegionEntry[]> | null = null;
export function regions(): Promise<RegionEntry[]> {
  regionsPromise ??= api.lexicon.listRegions({}).then((r) => r.regions);
  regionsPromise.catch(() => (regionsPromise = null));
  return regionsPromise;
}
export function regionName(all: RegionEntry[], code: string): string {
  return all.find((r) => r.code === code)?.name ?? code;
}
