/**
 * A job the worker held: one entry of the work history, from which experience is counted
 * (docs/ranking.md, `experience`).
 */
export interface WorkExperience {
    /**
     * Employer name, at most 200 bytes. Empty: not given. Informational.
     */
    'employer'?: (string);
    /**
     * The skill practised in the job: a lexicon code, name or synonym ("juru las"); it must
     * resolve to a lexicon code (stored as the code) or the record is rejected. The job then
     * counts as experience in that skill and in every skill it specialises ("LAS.SMAW" counts
     * for "LAS"). At most 100 bytes. Empty: the job counts toward overall experience only.
     */
    'skill'?: (string);
    /**
     * Job title as free text, at most 200 bytes. Empty: not given. Informational.
     */
    'title'?: (string);
    /**
     * First day of the job, "YYYY-MM-DD" (10 bytes). Required.
     */
    'startedOn'?: (string);
    /**
     * Last day of the job, "YYYY-MM-DD" (10 bytes), not before started_on. Empty: the worker
     * still holds the job; it counts up to the vacancy's start date.
     */
    'endedOn'?: (string);
}
/**
 * A job the worker held: one entry of the work history, from which experience is counted
 * (docs/ranking.md, `experience`).
 */
export interface WorkExperience__Output {
    /**
     * Employer name, at most 200 bytes. Empty: not given. Informational.
     */
    'employer': (string);
    /**
     * The skill practised in the job: a lexicon code, name or synonym ("juru las"); it must
     * resolve to a lexicon code (stored as the code) or the record is rejected. The job then
     * counts as experience in that skill and in every skill it specialises ("LAS.SMAW" counts
     * for "LAS"). At most 100 bytes. Empty: the job counts toward overall experience only.
     */
    'skill': (string);
    /**
     * Job title as free text, at most 200 bytes. Empty: not given. Informational.
     */
    'title': (string);
    /**
     * First day of the job, "YYYY-MM-DD" (10 bytes). Required.
     */
    'startedOn': (string);
    /**
     * Last day of the job, "YYYY-MM-DD" (10 bytes), not before started_on. Empty: the worker
     * still holds the job; it counts up to the vacancy's start date.
     */
    'endedOn': (string);
}
