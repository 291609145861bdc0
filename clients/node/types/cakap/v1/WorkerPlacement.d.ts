/**
 * Where one worker goes.
 */
export interface WorkerPlacement {
    'workerId'?: (string);
    /**
     * The vacancies the worker is proposed to (one unless slots_per_worker > 1), by score
     * desc then id asc.
     */
    'vacancyIds'?: (string)[];
}
/**
 * Where one worker goes.
 */
export interface WorkerPlacement__Output {
    'workerId': (string);
    /**
     * The vacancies the worker is proposed to (one unless slots_per_worker > 1), by score
     * desc then id asc.
     */
    'vacancyIds': (string)[];
}
