// Compiled (never run) by test/types.test.js with tsc --noEmit --strict: code a portal
// backend would write against index.d.ts. Each @ts-expect-error line must fail to
// compile, so the declarations are checked to reject wrong code, not only to accept
// right code.
import { createClient, status, Worker, Vacancy, MatchResult, Issuer__Output } from '../..';

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

  // @ts-expect-error: int64 counts arrive as strings, not numbers
  const wrongTotal: number = result.total;
  // @ts-expect-error: no such field in vacancy.proto (it is requiredSkills)
  const typo: Vacancy = { requiredSkill: ['LAS'] };
  // @ts-expect-error: enums are their proto names
  const badIssuer: Vacancy = { acceptedIssuers: ['BNSP'] };
  // @ts-expect-error: no such MatchOptions field
  await cakap.matchCandidates({ vacancyId: 'v-1', pageSize: 1, nearMisses: 3 });
  void [wrongTotal, typo, badIssuer];
  cakap.close();
}

void main;
