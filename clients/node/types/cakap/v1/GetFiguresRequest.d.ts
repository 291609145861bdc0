import type { FiguresSlice as _cakap_v1_FiguresSlice, FiguresSlice__Output as _cakap_v1_FiguresSlice__Output } from '../../cakap/v1/FiguresSlice';
export interface GetFiguresRequest {
    'slice'?: (_cakap_v1_FiguresSlice | null);
    /**
     * Also compute the supply and demand rows (per skill x kabupaten of the slice).
     */
    'supplyDemand'?: (boolean);
    /**
     * The day that "available", "valid" and "expiring in N days" are reckoned from,
     * "YYYY-MM-DD" (10 bytes). Empty: the engine's today.
     */
    'asOf'?: (string);
}
export interface GetFiguresRequest__Output {
    'slice': (_cakap_v1_FiguresSlice__Output | null);
    /**
     * Also compute the supply and demand rows (per skill x kabupaten of the slice).
     */
    'supplyDemand': (boolean);
    /**
     * The day that "available", "valid" and "expiring in N days" are reckoned from,
     * "YYYY-MM-DD" (10 bytes). Empty: the engine's today.
     */
    'asOf': (string);
}
