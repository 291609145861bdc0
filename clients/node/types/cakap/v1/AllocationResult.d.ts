import type { VacancyAllocation as _cakap_v1_VacancyAllocation, VacancyAllocation__Output as _cakap_v1_VacancyAllocation__Output } from '../../cakap/v1/VacancyAllocation';
import type { WorkerPlacement as _cakap_v1_WorkerPlacement, WorkerPlacement__Output as _cakap_v1_WorkerPlacement__Output } from '../../cakap/v1/WorkerPlacement';
import type { UnplacedWorker as _cakap_v1_UnplacedWorker, UnplacedWorker__Output as _cakap_v1_UnplacedWorker__Output } from '../../cakap/v1/UnplacedWorker';
import type { AllocationSummary as _cakap_v1_AllocationSummary, AllocationSummary__Output as _cakap_v1_AllocationSummary__Output } from '../../cakap/v1/AllocationSummary';
/**
 * The proposal. Deterministic for the same index and request (it carries no timings:
 * two identical requests get byte-identical replies).
 */
export interface AllocationResult {
    /**
     * One entry per vacancy, by vacancy id.
     */
    'vacancies'?: (_cakap_v1_VacancyAllocation)[];
    /**
     * The placed workers, by worker id.
     */
    'placements'?: (_cakap_v1_WorkerPlacement)[];
    /**
     * The workers placed nowhere, by worker id.
     */
    'unplaced'?: (_cakap_v1_UnplacedWorker)[];
    'summary'?: (_cakap_v1_AllocationSummary | null);
}
/**
 * The proposal. Deterministic for the same index and request (it carries no timings:
 * two identical requests get byte-identical replies).
 */
export interface AllocationResult__Output {
    /**
     * One entry per vacancy, by vacancy id.
     */
    'vacancies': (_cakap_v1_VacancyAllocation__Output)[];
    /**
     * The placed workers, by worker id.
     */
    'placements': (_cakap_v1_WorkerPlacement__Output)[];
    /**
     * The workers placed nowhere, by worker id.
     */
    'unplaced': (_cakap_v1_UnplacedWorker__Output)[];
    'summary': (_cakap_v1_AllocationSummary__Output | null);
}
