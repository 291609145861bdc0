import type { Issuer as _cakap_v1_Issuer, Issuer__Output as _cakap_v1_Issuer__Output } from '../../cakap/v1/Issuer';
import type { Location as _cakap_v1_Location, Location__Output as _cakap_v1_Location__Output } from '../../cakap/v1/Location';
import type { Education as _cakap_v1_Education, Education__Output as _cakap_v1_Education__Output } from '../../cakap/v1/Education';
import type { SkillExperience as _cakap_v1_SkillExperience, SkillExperience__Output as _cakap_v1_SkillExperience__Output } from '../../cakap/v1/SkillExperience';
import type { LocalBasis as _cakap_v1_LocalBasis, LocalBasis__Output as _cakap_v1_LocalBasis__Output } from '../../cakap/v1/LocalBasis';
import type { Long } from '@grpc/proto-loader';
/**
 * A job opening. Used inline in a match request, or stored (upserted) so that workers can
 * be matched against all open vacancies ("reverse matching").
 */
export interface Vacancy {
    /**
     * Identifier chosen by the caller. Required to store a vacancy (1-128 bytes of printable
     * ASCII without spaces); may be empty for an inline vacancy that is only matched.
     */
    'id'?: (string);
    /**
     * Employer name, at most 200 bytes. Empty: not given.
     */
    'employer'?: (string);
    /**
     * Job title, at most 200 bytes. Empty: not given.
     */
    'title'?: (string);
    /**
     * Free-text description, at most 10,000 bytes. Stored and returned, never matched on.
     */
    'description'?: (string);
    /**
     * Must-have skills: lexicon codes, names or synonyms; each must resolve to a lexicon code
     * (InvalidArgument naming the entry otherwise). A candidate has a required skill when it
     * is among the worker's skills, or covered by one of the worker's certificates (any
     * certificate, valid or not), or the worker holds a specialisation of it (requiring
     * "LAS" is satisfied by "LAS.SMAW"; requiring "LAS.SMAW" is not satisfied by "LAS").
     * At most 16 entries of at most 100 bytes each. Empty: no skill is required.
     */
    'requiredSkills'?: (string)[];
    /**
     * Nice-to-have skills, resolved like required_skills. They never filter; the share a
     * candidate has raises the score (docs/ranking.md). At most 32 entries of at most 100
     * bytes each. Empty: none.
     */
    'preferredSkills'?: (string)[];
    /**
     * Free text that candidates must match. Phrases that name a lexicon skill require that
     * skill (like required_skills); every other word must occur in the worker's text: the
     * skills entries that name no lexicon skill, training programme/institution/field,
     * certificate scheme and issuing body, exactly or with the same Indonesian stem
     * (docs/ranking.md). At most 200 bytes. Empty: no text requirement. Keywords filter
     * only: the score is that of docs/ranking.md.
     */
    'keywords'?: (string);
    /**
     * Accepted certificate issuers. Empty: no certificate is required. Otherwise a candidate
     * must hold one certificate that is (all on the same certificate) from an accepted
     * issuer, valid on the start date (issued_on <= start <= expires_on), at KKNI level >=
     * min_kkni_level, and covering at least one required skill (any skill when
     * required_skills is empty). At most 8 entries (duplicates are dropped, so at most 3
     * distinct values); ISSUER_UNSPECIFIED is rejected.
     */
    'acceptedIssuers'?: (_cakap_v1_Issuer)[];
    /**
     * Minimum KKNI level of the qualifying certificate, 0-9. 0: no minimum. Ignored when
     * accepted_issuers is empty.
     */
    'minKkniLevel'?: (number);
    /**
     * Where the work is. With radius_km > 0 it is the centre of a circle: candidates must
     * live within radius_km (great-circle) of it. Coordinates are used when given, else the
     * region's reference point. Also used for the distance decay in the score and for each
     * worker's own travel radius, even when radius_km is 0. Unset (no region, no
     * coordinates): the work has no place (national or remote): no distance filter, no
     * distance decay, and workers' travel radii do not apply.
     */
    'location'?: (_cakap_v1_Location | null);
    /**
     * Search radius in km around location, in [0, 5000]. 0: no radius filter (then
     * region_codes or nothing limits the area).
     */
    'radiusKm'?: (number | string);
    /**
     * Alternatively (or additionally: a candidate must then satisfy both), candidates must
     * be domiciled in one of these regions: Kemendagri codes of kabupaten/kota ("64.74") or
     * whole provinces ("64"). At most 64 entries of at most 16 bytes each. Empty: no region
     * filter.
     */
    'regionCodes'?: (string)[];
    /**
     * First working day, "YYYY-MM-DD" (10 bytes). Certificates must be valid on it, and workers must be
     * available by it. Empty: the day of the match (the engine's clock).
     */
    'startDate'?: (string);
    /**
     * Number of people wanted, 0-100,000. 0 means 1. Informational.
     */
    'openings'?: (number);
    /**
     * True: the availability constraint is dropped entirely (docs/ranking.md): employed and
     * self-employed workers are candidates too, and so is anyone whose available_from is
     * after the start date. False (default): a worker with available_from must be available
     * by the start date; without it, only seeking (or unspecified) workers are.
     */
    'includeEmployed'?: (boolean);
    /**
     * True: the vacancy is open for reverse matching. Stored vacancies that are not open
     * are kept but never returned by reverse matching. Inline vacancies ignore this.
     */
    'open'?: (boolean);
    /**
     * The partner company the vacancy belongs to: the name of its cakapd partner key
     * (`cakapd keys add --name`), 1-64 characters of [A-Za-z0-9._-]. Through cakapd a
     * partner sees a stored vacancy (GetVacancy, MatchCandidatesRequest.vacancy_id, reverse
     * matches) only when it is open or the partner's own, and never another partner's name
     * here. Empty: the portal's own vacancy. The engine stores it and never matches on it.
     */
    'owner'?: (string);
    /**
     * --- The fields of the vacancy report (Perpres 57/2023 Pasal 5) ---
     * Minimum education. A candidate's education must be at this level or above (SMA and
     * SMK are one level, D4 and S1 are one level: common.proto). Unspecified: no minimum.
     */
    'minEducation'?: (_cakap_v1_Education);
    /**
     * Minimum months of overall experience (all jobs of the work history), 0-600. 0: none.
     */
    'minExperienceMonths'?: (number);
    /**
     * Minimum months of experience per skill; each skill at most once. At most 16 entries.
     * Empty: none.
     */
    'skillExperience'?: (_cakap_v1_SkillExperience)[];
    /**
     * Age range on the start date, in whole years, each 0 or 15-100: a candidate must be at
     * least min_age and at most max_age years old on start_date (a worker without a
     * birth_date fits no range). 0: no bound on that side. min_age <= max_age when both are
     * given.
     */
    'minAge'?: (number);
    'maxAge'?: (number);
    /**
     * Offered monthly wage range in rupiah, each 0 to 1,000,000,000, wage_min <= wage_max
     * when both are given. Informational: it never filters or scores; the explanation sets
     * it beside the worker's expected wage. 0: not given on that side.
     */
    'wageMin'?: (number | string | Long);
    'wageMax'?: (number | string | Long);
    /**
     * Last day the vacancy is valid, "YYYY-MM-DD" (10 bytes). After it a stored vacancy is
     * closed for reverse matching (MatchVacancies skips it from the next day of the engine's
     * clock, whatever `open` says); forward matching by vacancy_id still works. Empty: no
     * end.
     */
    'validUntil'?: (string);
    /**
     * --- Local-worker quota (e.g. Kutai Timur's Perda 1/2022: 80% local workers) ---
     * The regions whose workers count as local: kabupaten/kota ("64.08") or province ("64")
     * codes. At most 64 entries of at most 16 bytes each. Empty: no quota.
     */
    'localRegionCodes'?: (string)[];
    /**
     * The minimum share of local workers, in [0, 1] (0.8 for 80%): the ranking then holds at
     * least floor(min_local_share * k) local candidates among its first k, for every k,
     * whenever enough local candidates exist (docs/ranking.md, "Local-worker quota"). Scores
     * never change; candidates are reordered. 0: no quota. Needs local_region_codes.
     */
    'minLocalShare'?: (number | string);
    /**
     * Who counts as local. Unspecified: by domicile.
     */
    'localBasis'?: (_cakap_v1_LocalBasis);
    /**
     * How many of the openings are filled: placements recorded into this vacancy
     * (ledger.proto) that are not withdrawn. Kept by the engine from the ledger; any value
     * given is ignored. When it reaches max(openings, 1) the vacancy is stored closed
     * (open = false), also when an upsert says open.
     */
    'filled'?: (number);
}
/**
 * A job opening. Used inline in a match request, or stored (upserted) so that workers can
 * be matched against all open vacancies ("reverse matching").
 */
export interface Vacancy__Output {
    /**
     * Identifier chosen by the caller. Required to store a vacancy (1-128 bytes of printable
     * ASCII without spaces); may be empty for an inline vacancy that is only matched.
     */
    'id': (string);
    /**
     * Employer name, at most 200 bytes. Empty: not given.
     */
    'employer': (string);
    /**
     * Job title, at most 200 bytes. Empty: not given.
     */
    'title': (string);
    /**
     * Free-text description, at most 10,000 bytes. Stored and returned, never matched on.
     */
    'description': (string);
    /**
     * Must-have skills: lexicon codes, names or synonyms; each must resolve to a lexicon code
     * (InvalidArgument naming the entry otherwise). A candidate has a required skill when it
     * is among the worker's skills, or covered by one of the worker's certificates (any
     * certificate, valid or not), or the worker holds a specialisation of it (requiring
     * "LAS" is satisfied by "LAS.SMAW"; requiring "LAS.SMAW" is not satisfied by "LAS").
     * At most 16 entries of at most 100 bytes each. Empty: no skill is required.
     */
    'requiredSkills': (string)[];
    /**
     * Nice-to-have skills, resolved like required_skills. They never filter; the share a
     * candidate has raises the score (docs/ranking.md). At most 32 entries of at most 100
     * bytes each. Empty: none.
     */
    'preferredSkills': (string)[];
    /**
     * Free text that candidates must match. Phrases that name a lexicon skill require that
     * skill (like required_skills); every other word must occur in the worker's text: the
     * skills entries that name no lexicon skill, training programme/institution/field,
     * certificate scheme and issuing body, exactly or with the same Indonesian stem
     * (docs/ranking.md). At most 200 bytes. Empty: no text requirement. Keywords filter
     * only: the score is that of docs/ranking.md.
     */
    'keywords': (string);
    /**
     * Accepted certificate issuers. Empty: no certificate is required. Otherwise a candidate
     * must hold one certificate that is (all on the same certificate) from an accepted
     * issuer, valid on the start date (issued_on <= start <= expires_on), at KKNI level >=
     * min_kkni_level, and covering at least one required skill (any skill when
     * required_skills is empty). At most 8 entries (duplicates are dropped, so at most 3
     * distinct values); ISSUER_UNSPECIFIED is rejected.
     */
    'acceptedIssuers': (_cakap_v1_Issuer__Output)[];
    /**
     * Minimum KKNI level of the qualifying certificate, 0-9. 0: no minimum. Ignored when
     * accepted_issuers is empty.
     */
    'minKkniLevel': (number);
    /**
     * Where the work is. With radius_km > 0 it is the centre of a circle: candidates must
     * live within radius_km (great-circle) of it. Coordinates are used when given, else the
     * region's reference point. Also used for the distance decay in the score and for each
     * worker's own travel radius, even when radius_km is 0. Unset (no region, no
     * coordinates): the work has no place (national or remote): no distance filter, no
     * distance decay, and workers' travel radii do not apply.
     */
    'location': (_cakap_v1_Location__Output | null);
    /**
     * Search radius in km around location, in [0, 5000]. 0: no radius filter (then
     * region_codes or nothing limits the area).
     */
    'radiusKm': (number);
    /**
     * Alternatively (or additionally: a candidate must then satisfy both), candidates must
     * be domiciled in one of these regions: Kemendagri codes of kabupaten/kota ("64.74") or
     * whole provinces ("64"). At most 64 entries of at most 16 bytes each. Empty: no region
     * filter.
     */
    'regionCodes': (string)[];
    /**
     * First working day, "YYYY-MM-DD" (10 bytes). Certificates must be valid on it, and workers must be
     * available by it. Empty: the day of the match (the engine's clock).
     */
    'startDate': (string);
    /**
     * Number of people wanted, 0-100,000. 0 means 1. Informational.
     */
    'openings': (number);
    /**
     * True: the availability constraint is dropped entirely (docs/ranking.md): employed and
     * self-employed workers are candidates too, and so is anyone whose available_from is
     * after the start date. False (default): a worker with available_from must be available
     * by the start date; without it, only seeking (or unspecified) workers are.
     */
    'includeEmployed': (boolean);
    /**
     * True: the vacancy is open for reverse matching. Stored vacancies that are not open
     * are kept but never returned by reverse matching. Inline vacancies ignore this.
     */
    'open': (boolean);
    /**
     * The partner company the vacancy belongs to: the name of its cakapd partner key
     * (`cakapd keys add --name`), 1-64 characters of [A-Za-z0-9._-]. Through cakapd a
     * partner sees a stored vacancy (GetVacancy, MatchCandidatesRequest.vacancy_id, reverse
     * matches) only when it is open or the partner's own, and never another partner's name
     * here. Empty: the portal's own vacancy. The engine stores it and never matches on it.
     */
    'owner': (string);
    /**
     * --- The fields of the vacancy report (Perpres 57/2023 Pasal 5) ---
     * Minimum education. A candidate's education must be at this level or above (SMA and
     * SMK are one level, D4 and S1 are one level: common.proto). Unspecified: no minimum.
     */
    'minEducation': (_cakap_v1_Education__Output);
    /**
     * Minimum months of overall experience (all jobs of the work history), 0-600. 0: none.
     */
    'minExperienceMonths': (number);
    /**
     * Minimum months of experience per skill; each skill at most once. At most 16 entries.
     * Empty: none.
     */
    'skillExperience': (_cakap_v1_SkillExperience__Output)[];
    /**
     * Age range on the start date, in whole years, each 0 or 15-100: a candidate must be at
     * least min_age and at most max_age years old on start_date (a worker without a
     * birth_date fits no range). 0: no bound on that side. min_age <= max_age when both are
     * given.
     */
    'minAge': (number);
    'maxAge': (number);
    /**
     * Offered monthly wage range in rupiah, each 0 to 1,000,000,000, wage_min <= wage_max
     * when both are given. Informational: it never filters or scores; the explanation sets
     * it beside the worker's expected wage. 0: not given on that side.
     */
    'wageMin': (string);
    'wageMax': (string);
    /**
     * Last day the vacancy is valid, "YYYY-MM-DD" (10 bytes). After it a stored vacancy is
     * closed for reverse matching (MatchVacancies skips it from the next day of the engine's
     * clock, whatever `open` says); forward matching by vacancy_id still works. Empty: no
     * end.
     */
    'validUntil': (string);
    /**
     * --- Local-worker quota (e.g. Kutai Timur's Perda 1/2022: 80% local workers) ---
     * The regions whose workers count as local: kabupaten/kota ("64.08") or province ("64")
     * codes. At most 64 entries of at most 16 bytes each. Empty: no quota.
     */
    'localRegionCodes': (string)[];
    /**
     * The minimum share of local workers, in [0, 1] (0.8 for 80%): the ranking then holds at
     * least floor(min_local_share * k) local candidates among its first k, for every k,
     * whenever enough local candidates exist (docs/ranking.md, "Local-worker quota"). Scores
     * never change; candidates are reordered. 0: no quota. Needs local_region_codes.
     */
    'minLocalShare': (number);
    /**
     * Who counts as local. Unspecified: by domicile.
     */
    'localBasis': (_cakap_v1_LocalBasis__Output);
    /**
     * How many of the openings are filled: placements recorded into this vacancy
     * (ledger.proto) that are not withdrawn. Kept by the engine from the ledger; any value
     * given is ignored. When it reaches max(openings, 1) the vacancy is stored closed
     * (open = false), also when an upsert says open.
     */
    'filled': (number);
}
