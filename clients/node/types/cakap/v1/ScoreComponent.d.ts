/**
 * One component of a score.
 */
export interface ScoreComponent {
    /**
     * Stable name: "preferred_skills", "certificate", "distance", "welfare".
     */
    'name'?: (string);
    /**
     * Contribution to the score. The components of an explanation add up to the score.
     */
    'value'?: (number | string);
    /**
     * Human-readable reason, e.g. "2 of 3 preferred skills", "BNSP level 4, valid 400 more
     * days", "12.3 km", "welfare decile 2".
     */
    'detail'?: (string);
}
/**
 * One component of a score.
 */
export interface ScoreComponent__Output {
    /**
     * Stable name: "preferred_skills", "certificate", "distance", "welfare".
     */
    'name': (string);
    /**
     * Contribution to the score. The components of an explanation add up to the score.
     */
    'value': (number);
    /**
     * Human-readable reason, e.g. "2 of 3 preferred skills", "BNSP level 4, valid 400 more
     * days", "12.3 km", "welfare decile 2".
     */
    'detail': (string);
}
