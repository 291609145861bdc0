import type { Contact as _cakap_v1_Contact, Contact__Output as _cakap_v1_Contact__Output } from '../../cakap/v1/Contact';
import type { Location as _cakap_v1_Location, Location__Output as _cakap_v1_Location__Output } from '../../cakap/v1/Location';
import type { Certificate as _cakap_v1_Certificate, Certificate__Output as _cakap_v1_Certificate__Output } from '../../cakap/v1/Certificate';
import type { Training as _cakap_v1_Training, Training__Output as _cakap_v1_Training__Output } from '../../cakap/v1/Training';
import type { EmploymentStatus as _cakap_v1_EmploymentStatus, EmploymentStatus__Output as _cakap_v1_EmploymentStatus__Output } from '../../cakap/v1/EmploymentStatus';
import type { Education as _cakap_v1_Education, Education__Output as _cakap_v1_Education__Output } from '../../cakap/v1/Education';
import type { WorkExperience as _cakap_v1_WorkExperience, WorkExperience__Output as _cakap_v1_WorkExperience__Output } from '../../cakap/v1/WorkExperience';
import type { Long } from '@grpc/proto-loader';
/**
 * A certified worker. The unit of the index.
 */
export interface Worker {
    /**
     * The portal's own identifier, opaque to cakap. Required; 1-128 bytes of printable
     * ASCII without spaces. Upserting a worker with an existing id replaces it whole.
     */
    'id'?: (string);
    /**
     * Name to display. At most 200 bytes. Empty: none.
     */
    'displayName'?: (string);
    /**
     * NIK, the 16-digit national identity number. Sensitive personal data (UU PDP): never
     * indexed, never returned to partners. Empty: not given; when given, exactly 16 digits.
     */
    'nik'?: (string);
    /**
     * Contact details and consent.
     */
    'contact'?: (_cakap_v1_Contact | null);
    /**
     * Where the worker lives. Required: a kabupaten/kota code, or coordinates, or both.
     */
    'domicile'?: (_cakap_v1_Location | null);
    /**
     * How far the worker is willing to travel to work, in km, measured great-circle from
     * the domicile point. 0 (default): the engine's default travel radius
     * (EngineOptions.default_travel_km, 50 km). Must be in [0, 5000].
     */
    'travelKm'?: (number | string);
    /**
     * True when the worker will move for a job: their travel radius is then ignored.
     */
    'willingToRelocate'?: (boolean);
    /**
     * Skills as lexicon codes, names or synonyms ("LAS.SMAW", "juru las", "welder") or
     * free text. Entries that resolve through the lexicon count as that skill; the rest are
     * kept and searchable as text only. At most 64 entries of at most 100 bytes each.
     */
    'skills'?: (string)[];
    /**
     * Certificates held. At most 32.
     */
    'certificates'?: (_cakap_v1_Certificate)[];
    /**
     * Training history. At most 32.
     */
    'trainings'?: (_cakap_v1_Training)[];
    /**
     * Employment status.
     */
    'employmentStatus'?: (_cakap_v1_EmploymentStatus);
    /**
     * First day the worker can start a new job, "YYYY-MM-DD" (10 bytes). Empty: available
     * now.
     */
    'availableFrom'?: (string);
    /**
     * Welfare decile from DTSEN, 1 (poorest) to 10. 0: not in the register or not given.
     * Sensitive personal data: it gives a small ranking boost and is never shown to partners.
     */
    'welfareDecile'?: (number);
    /**
     * When the portal last changed the record, "YYYY-MM-DD" (10 bytes). Empty: the engine sets the
     * date of the upsert.
     */
    'updatedAt'?: (string);
    /**
     * Highest completed education. Unspecified: not given, which satisfies no vacancy's
     * minimum education.
     */
    'education'?: (_cakap_v1_Education);
    /**
     * Jobs held, in any order; overlapping jobs count once (docs/ranking.md, `experience`).
     * At most 32 entries. Empty: no experience, which satisfies no minimum experience.
     */
    'workHistory'?: (_cakap_v1_WorkExperience)[];
    /**
     * Date of birth, "YYYY-MM-DD" (10 bytes), for vacancies with an age range. Sensitive:
     * never indexed and never returned to partners (they learn only that a candidate fits
     * the range). Empty: not given, which satisfies no age range.
     */
    'birthDate'?: (string);
    /**
     * Expected monthly wage in rupiah, 0 to 1,000,000,000. Informational: it never filters
     * or scores; the explanation sets it beside the vacancy's offer. 0: not given.
     */
    'expectedWage'?: (number | string | Long);
}
/**
 * A certified worker. The unit of the index.
 */
export interface Worker__Output {
    /**
     * The portal's own identifier, opaque to cakap. Required; 1-128 bytes of printable
     * ASCII without spaces. Upserting a worker with an existing id replaces it whole.
     */
    'id': (string);
    /**
     * Name to display. At most 200 bytes. Empty: none.
     */
    'displayName': (string);
    /**
     * NIK, the 16-digit national identity number. Sensitive personal data (UU PDP): never
     * indexed, never returned to partners. Empty: not given; when given, exactly 16 digits.
     */
    'nik': (string);
    /**
     * Contact details and consent.
     */
    'contact': (_cakap_v1_Contact__Output | null);
    /**
     * Where the worker lives. Required: a kabupaten/kota code, or coordinates, or both.
     */
    'domicile': (_cakap_v1_Location__Output | null);
    /**
     * How far the worker is willing to travel to work, in km, measured great-circle from
     * the domicile point. 0 (default): the engine's default travel radius
     * (EngineOptions.default_travel_km, 50 km). Must be in [0, 5000].
     */
    'travelKm': (number);
    /**
     * True when the worker will move for a job: their travel radius is then ignored.
     */
    'willingToRelocate': (boolean);
    /**
     * Skills as lexicon codes, names or synonyms ("LAS.SMAW", "juru las", "welder") or
     * free text. Entries that resolve through the lexicon count as that skill; the rest are
     * kept and searchable as text only. At most 64 entries of at most 100 bytes each.
     */
    'skills': (string)[];
    /**
     * Certificates held. At most 32.
     */
    'certificates': (_cakap_v1_Certificate__Output)[];
    /**
     * Training history. At most 32.
     */
    'trainings': (_cakap_v1_Training__Output)[];
    /**
     * Employment status.
     */
    'employmentStatus': (_cakap_v1_EmploymentStatus__Output);
    /**
     * First day the worker can start a new job, "YYYY-MM-DD" (10 bytes). Empty: available
     * now.
     */
    'availableFrom': (string);
    /**
     * Welfare decile from DTSEN, 1 (poorest) to 10. 0: not in the register or not given.
     * Sensitive personal data: it gives a small ranking boost and is never shown to partners.
     */
    'welfareDecile': (number);
    /**
     * When the portal last changed the record, "YYYY-MM-DD" (10 bytes). Empty: the engine sets the
     * date of the upsert.
     */
    'updatedAt': (string);
    /**
     * Highest completed education. Unspecified: not given, which satisfies no vacancy's
     * minimum education.
     */
    'education': (_cakap_v1_Education__Output);
    /**
     * Jobs held, in any order; overlapping jobs count once (docs/ranking.md, `experience`).
     * At most 32 entries. Empty: no experience, which satisfies no minimum experience.
     */
    'workHistory': (_cakap_v1_WorkExperience__Output)[];
    /**
     * Date of birth, "YYYY-MM-DD" (10 bytes), for vacancies with an age range. Sensitive:
     * never indexed and never returned to partners (they learn only that a candidate fits
     * the range). Empty: not given, which satisfies no age range.
     */
    'birthDate': (string);
    /**
     * Expected monthly wage in rupiah, 0 to 1,000,000,000. Informational: it never filters
     * or scores; the explanation sets it beside the vacancy's offer. 0: not given.
     */
    'expectedWage': (string);
}
