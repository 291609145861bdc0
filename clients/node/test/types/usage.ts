// Compiled (never run) by test/types.test.js with tsc --noEmit --strict: code a portal
// backend would write against index.d.ts. Each @ts-expect-error line must fail to
// compile, so the declarations are checked to reject wrong code, not only to accept
// right code.
import {
  createClient, status, Worker, Vacancy, MatchResult, Issuer__Output, PlacementEntry,
  LedgerEntry__Output, GetFiguresResponse, AllocationResult, SkillEntry, VacancyAlert,
  AlertWatch, UnplacedReason__Output, loadCakapPackage,
} from '../..';

async function main(): Promise<void> {
  const cakap = createClient({ address: '127.0.0.1:7843', key: 'k', deadlineMs: 5000 });
  const worker: Worker = {
    id: 'w-1',
    displayName: 'Ahmad',
    domicile: { regionCode: '63.11', latitude: -2.3, longitude: 115.6, hasCoordinates: true },
    certificates: [{ issuer: 'ISSUER_BNSP', skills: ['LAS.SMAW'], kkniLevel: 3, issuedOn: '2025-01-10' }],
    employmentStatus: 'EMPLOYMENT_STATUS_SEEKING',
  };
  await cakap.upsertWorker(worker);
  const vacancy: Vacancy = { requiredSkills: ['LAS'], acceptedIssuers: ['ISSUER_BNSP'], owner: 'pt-contoh' };
  const result: MatchResult = await cakap.matchCandidates({
    vacancy, pageSize: 20, facets: true, nearMissLimit: 5, coarseLocations: true,
  });
  const total: string = result.total;
  const first = result.candidates[0];
  const name: string | undefined = first.worker?.displayName;
  const issuer: Issuer__Output | undefined = first.worker?.certificates[0]?.issuer;
  const explanation: number = first.explanation.reduce((s, e) => s + e.value, 0);
  const nearMiss: string = result.nearMisses[0].reason;
  const regions: string[] = (result.facets?.region ?? []).map((f) => `${f.value}: ${f.count}`);
  const stored = await cakap.getWorker('w-1');
  const decile: number = stored.welfareDecile;
  const stats = await cakap.stats();
  const revision: bigint = BigInt(stats.revision);
  const reply = await cakap.upsertWorkers([worker, worker]);
  const index: string = reply.rejections[0].index;
  const hits = await cakap.matchVacancies('w-1', 10, { excludeWelfare: true });
  const openings: number = hits.vacancies[0].vacancy?.openings ?? 0;
  try {
    await cakap.getWorker('nobody');
  } catch (err) {
    if ((err as { code?: number }).code === status.NOT_FOUND) { /* absent */ }
  }
  void [total, name, issuer, explanation, nearMiss, regions, decile, revision, index, openings];

  // Ledger, figures, allocation, lexicon, alerts.
  const placement: PlacementEntry = {
    workerId: 'w-1',
    placement: { kind: 'PLACEMENT_KIND_JOB', vacancyId: 'v-1', date: '2026-11-02' },
  };
  const placed: LedgerEntry__Output = await cakap.recordPlacement(placement);
  const seq: string = placed.seq;
  const outcome = await cakap.recordOutcome({
    workerId: 'w-1',
    outcome: { placementSeq: seq, kind: 'OUTCOME_KIND_LEFT', date: '2027-01-31', reason: 'kontrak habis' },
  });
  const event: 'placement' | 'outcome' | undefined = outcome.event;
  const history: LedgerEntry__Output[] = await cakap.getHistory('w-1');
  const kind: string | undefined = history[0].placement?.kind;
  const figures: GetFiguresResponse = await cakap.getFigures({
    slice: { regionCodes: ['63.11'], welfareDecileMax: 4, periodFrom: '2026-01-01' },
    supplyDemand: true,
  });
  const placedCount: string | undefined = figures.figures?.placed?.value;
  const suppressed: boolean = figures.supplyDemand[0].openOpenings?.suppressed ?? false;
  const minCell: number = figures.minCellSize;
  const allocation: AllocationResult = await cakap.allocate({
    vacancyIds: ['v-1'], openVacancies: true, workerIds: ['w-1'], slotsPerWorker: 2,
  });
  const proposed: string[] = allocation.vacancies[0].proposed.map((c) => c.worker?.id ?? '');
  const reason: UnplacedReason__Output = allocation.unplaced[0].reason;
  const gap: number = allocation.summary?.greedyGap ?? 0;
  const skills: SkillEntry[] = await cakap.lookupSkills('juru las', 5);
  const code: string = skills[0].code;
  const watch: AlertWatch = cakap.watchVacancy('v-1', { cursor: '', heartbeats: true, deadlineMs: 60000 });
  for await (const alert of watch) {
    const a: VacancyAlert = alert;
    const sequence: string = a.sequence;
    const who: string | undefined = a.candidate?.worker?.id;
    void [sequence, who];
    break;
  }
  const resumeFrom: string = watch.cursor;
  watch.cancel();
  const ledgerStub = loadCakapPackage().LedgerService;
  void [seq, event, kind, placedCount, suppressed, minCell, proposed, reason, gap, code, resumeFrom, ledgerStub];

  // @ts-expect-error: int64 counts arrive as strings, not numbers
  const wrongTotal: number = result.total;
  // @ts-expect-error: no such field in vacancy.proto (it is requiredSkills)
  const typo: Vacancy = { requiredSkill: ['LAS'] };
  // @ts-expect-error: enums are their proto names
  const badIssuer: Vacancy = { acceptedIssuers: ['BNSP'] };
  // @ts-expect-error: no such MatchOptions field
  await cakap.matchCandidates({ vacancyId: 'v-1', pageSize: 1, nearMisses: 3 });
  // @ts-expect-error: a placement entry needs its worker
  await cakap.recordPlacement({ placement: { kind: 'PLACEMENT_KIND_JOB', date: '2026-11-02' } });
  // @ts-expect-error: placement kinds are their proto names
  await cakap.recordPlacement({ workerId: 'w-1', placement: { kind: 'JOB' } });
  // @ts-expect-error: an outcome entry carries an outcome, not a placement
  await cakap.recordOutcome({ workerId: 'w-1', placement: { kind: 'PLACEMENT_KIND_JOB' } });
  // @ts-expect-error: seq is an int64, received as a string
  const wrongSeq: number = placed.seq;
  // @ts-expect-error: no such FiguresSlice field (it is welfareDecileMax)
  await cakap.getFigures({ slice: { welfareDecile: 4 } });
  // @ts-expect-error: no such AllocateRequest field (it is workerIds)
  await cakap.allocate({ vacancyIds: ['v-1'], workers: ['w-1'] });
  // @ts-expect-error: the vacancy is named by the first argument
  cakap.watchVacancy({ vacancyId: 'v-1' });
  // @ts-expect-error: alerts are not an array
  const alertList: VacancyAlert[] = cakap.watchVacancy('v-1');
  void [wrongTotal, typo, badIssuer, wrongSeq, alertList];
  cakap.close();
}

void main;
