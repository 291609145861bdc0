import type { Long } from '@grpc/proto-loader';
/**
 * Figures of the whole allocation.
 */
export interface AllocationSummary {
    /**
     * Workers listed in the result (placements + unplaced).
     */
    'workers'?: (number | string | Long);
    /**
     * Workers with at least one vacancy.
     */
    'placedWorkers'?: (number | string | Long);
    /**
     * (worker, vacancy) pairs proposed.
     */
    'assignments'?: (number | string | Long);
    /**
     * Sum of places over the vacancies.
     */
    'places'?: (number | string | Long);
    /**
     * Feasible (worker, vacancy) pairs: candidates of a vacancy in the pool.
     */
    'feasiblePairs'?: (number | string | Long);
    /**
     * The objective the solver maximised: the sum over proposed pairs of score +
     * welfare_weight x priority (micro units summed, then / 1e6).
     */
    'objective'?: (number | string);
    /**
     * The sum of the proposed pairs' scores alone.
     */
    'totalScore'?: (number | string);
    /**
     * The greedy baseline on the same pairs (every pair by value desc, worker id asc,
     * vacancy id asc; taken when both sides and the quota have room): its objective.
     */
    'greedyObjective'?: (number | string);
    /**
     * Pairs the greedy baseline proposes.
     */
    'greedyAssignments'?: (number | string | Long);
    /**
     * (objective - greedy_objective) / objective: how much the greedy baseline loses; 0
     * when objective is 0.
     */
    'greedyGap'?: (number | string);
}
/**
 * Figures of the whole allocation.
 */
export interface AllocationSummary__Output {
    /**
     * Workers listed in the result (placements + unplaced).
     */
    'workers': (string);
    /**
     * Workers with at least one vacancy.
     */
    'placedWorkers': (string);
    /**
     * (worker, vacancy) pairs proposed.
     */
    'assignments': (string);
    /**
     * Sum of places over the vacancies.
     */
    'places': (string);
    /**
     * Feasible (worker, vacancy) pairs: candidates of a vacancy in the pool.
     */
    'feasiblePairs': (string);
    /**
     * The objective the solver maximised: the sum over proposed pairs of score +
     * welfare_weight x priority (micro units summed, then / 1e6).
     */
    'objective': (number);
    /**
     * The sum of the proposed pairs' scores alone.
     */
    'totalScore': (number);
    /**
     * The greedy baseline on the same pairs (every pair by value desc, worker id asc,
     * vacancy id asc; taken when both sides and the quota have room): its objective.
     */
    'greedyObjective': (number);
    /**
     * Pairs the greedy baseline proposes.
     */
    'greedyAssignments': (string);
    /**
     * (objective - greedy_objective) / objective: how much the greedy baseline loses; 0
     * when objective is 0.
     */
    'greedyGap': (number);
}
