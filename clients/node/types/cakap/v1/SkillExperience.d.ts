/**
 * Experience a vacancy requires in one skill.
 */
export interface SkillExperience {
    /**
     * The skill: a lexicon code, name or synonym; must resolve (stored as the code). At most
     * 100 bytes. Required.
     */
    'skill'?: (string);
    /**
     * Minimum months of experience in it, 1-600 (docs/ranking.md, `experience`).
     */
    'months'?: (number);
}
/**
 * Experience a vacancy requires in one skill.
 */
export interface SkillExperience__Output {
    /**
     * The skill: a lexicon code, name or synonym; must resolve (stored as the code). At most
     * 100 bytes. Required.
     */
    'skill': (string);
    /**
     * Minimum months of experience in it, 1-600 (docs/ranking.md, `experience`).
     */
    'months': (number);
}
