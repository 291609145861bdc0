/**
 * One skill of the lexicon.
 */
export interface SkillEntry {
    /**
     * The stable skill code, e.g. "LAS.SMAW": what Vacancy.required_skills may hold.
     */
    'code'?: (string);
    /**
     * Indonesian name, e.g. "Las SMAW (las listrik)".
     */
    'nameId'?: (string);
    /**
     * English name, e.g. "SMAW welding (stick)".
     */
    'nameEn'?: (string);
    /**
     * The parent family's code ("LAS" for "LAS.SMAW"); empty for a family.
     */
    'parentCode'?: (string);
    /**
     * The phrase of this skill that matched the query (its code, a name or a synonym), as
     * written in the lexicon, so a user sees why it was suggested.
     */
    'matched'?: (string);
    /**
     * Other names the engine resolves to this skill.
     */
    'synonyms'?: (string)[];
}
/**
 * One skill of the lexicon.
 */
export interface SkillEntry__Output {
    /**
     * The stable skill code, e.g. "LAS.SMAW": what Vacancy.required_skills may hold.
     */
    'code': (string);
    /**
     * Indonesian name, e.g. "Las SMAW (las listrik)".
     */
    'nameId': (string);
    /**
     * English name, e.g. "SMAW welding (stick)".
     */
    'nameEn': (string);
    /**
     * The parent family's code ("LAS" for "LAS.SMAW"); empty for a family.
     */
    'parentCode': (string);
    /**
     * The phrase of this skill that matched the query (its code, a name or a synonym), as
     * written in the lexicon, so a user sees why it was suggested.
     */
    'matched': (string);
    /**
     * Other names the engine resolves to this skill.
     */
    'synonyms': (string)[];
}
