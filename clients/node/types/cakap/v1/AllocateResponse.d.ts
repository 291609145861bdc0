import type { AllocationResult as _cakap_v1_AllocationResult, AllocationResult__Output as _cakap_v1_AllocationResult__Output } from '../../cakap/v1/AllocationResult';
export interface AllocateResponse {
    'result'?: (_cakap_v1_AllocationResult | null);
}
export interface AllocateResponse__Output {
    'result': (_cakap_v1_AllocationResult__Output | null);
}
