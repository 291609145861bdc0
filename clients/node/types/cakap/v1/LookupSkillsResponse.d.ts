import type { SkillEntry as _cakap_v1_SkillEntry, SkillEntry__Output as _cakap_v1_SkillEntry__Output } from '../../cakap/v1/SkillEntry';
export interface LookupSkillsResponse {
    /**
     * The matching skills, best first (see LookupSkills); at most `limit`.
     */
    'skills'?: (_cakap_v1_SkillEntry)[];
}
export interface LookupSkillsResponse__Output {
    /**
     * The matching skills, best first (see LookupSkills); at most `limit`.
     */
    'skills': (_cakap_v1_SkillEntry__Output)[];
}
