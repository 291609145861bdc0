#include "normalize.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cakap/engine.h"
#include "cakap/field_limits.h"
#include "cakap/limits.h"
#include "cakap/status_macros.h"

namespace cakap {
namespace {

// Lengths and counts are checked against the one table (cakap/field_limits.h) before
// anything else; what is left here are the rules a length cannot state.
constexpr double kMaxKm = 5000;

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

absl::Status CheckKm(double km, absl::string_view field) {
  if (!std::isfinite(km) || km < 0 || km > kMaxKm) {
    return Invalid(field, absl::StrCat(km, " is not a distance in [0, ", kMaxKm, "] km"));
  }
  return absl::OkStatus();
}

absl::Status CheckCoordinates(const v1::Location& loc, absl::string_view field) {
  if (!std::isfinite(loc.latitude()) || loc.latitude() < -90 || loc.latitude() > 90) {
    return Invalid(absl::StrCat(field, ".latitude"),
                   absl::StrCat(loc.latitude(), " is outside [-90, 90]"));
  }
  if (!std::isfinite(loc.longitude()) || loc.longitude() < -180 || loc.longitude() > 180) {
    return Invalid(absl::StrCat(field, ".longitude"),
                   absl::StrCat(loc.longitude(), " is outside [-180, 180]"));
  }
  return absl::OkStatus();
}

// Resolves a skill entry that must name a lexicon skill.
absl::StatusOr<const Skill*> RequireSkill(const Lexicon& lexicon, absl::string_view entry,
                                          absl::string_view field) {
  const Skill* skill = lexicon.Resolve(entry);
  if (skill == nullptr) {
    return Invalid(field, absl::StrCat("unknown skill \"", EchoValue(entry), "\""));
  }
  return skill;
}

template <typename Ids>
void AddWithAncestors(const Lexicon& lexicon, SkillId id, Ids* out) {
  for (SkillId s : lexicon.WithAncestors(id)) out->push_back(s);
}

template <typename Ids>
void SortUnique(Ids* ids) {
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
}

// Xapian limits terms to 245 bytes: longer "words" are not searchable.
constexpr size_t kMaxWord = 200;

void AddWords(absl::string_view text, std::vector<std::string>* words) {
  for (absl::string_view w : absl::StrSplit(NormalizePhrase(text), ' ', absl::SkipEmpty())) {
    if (w.size() <= kMaxWord) words->emplace_back(w);
  }
}

int DefaultValidityYears(const EngineOptions& o, int issuer) {
  switch (issuer) {
    case v1::ISSUER_BNSP: return o.default_validity_years_bnsp;
    case v1::ISSUER_KEMNAKER: return o.default_validity_years_kemnaker;
    default: return o.default_validity_years_other;
  }
}

absl::Status NormalizeCertificate(const v1::Certificate& in, const std::string& field,
                                  const EngineEnv& env, v1::Certificate* out,
                                  CertRecord* rec) {
  *out = in;
  if (in.issuer() != v1::ISSUER_BNSP && in.issuer() != v1::ISSUER_KEMNAKER &&
      in.issuer() != v1::ISSUER_OTHER) {
    return Invalid(field + ".issuer", absl::StrCat("must be BNSP, KEMNAKER or OTHER, got ",
                                                    static_cast<int>(in.issuer())));
  }
  if (in.kkni_level() < 0 || in.kkni_level() > 9) {
    return Invalid(field + ".kkni_level", absl::StrCat(in.kkni_level(), " is outside 0-9"));
  }
  out->clear_skills();
  rec->covers.clear();
  for (int j = 0; j < in.skills_size(); ++j) {
    CAKAP_ASSIGN_OR_RETURN(
        const Skill* skill,
        RequireSkill(env.lexicon, in.skills(j), absl::StrCat(field, ".skills[", j, "]")));
    out->add_skills(skill->code);
    AddWithAncestors(env.lexicon, skill->id, &rec->covers);
  }
  SortUnique(&rec->covers);
  if (in.issued_on().empty()) return Invalid(field + ".issued_on", "is required");
  CAKAP_ASSIGN_OR_RETURN(absl::CivilDay issued, ParseDate(in.issued_on(), field + ".issued_on"));
  absl::CivilDay expires;
  if (in.expires_on().empty()) {
    expires = LastDayOfValidity(issued, DefaultValidityYears(env.options, in.issuer()));
    out->set_expires_on(FormatDate(expires));
  } else {
    CAKAP_ASSIGN_OR_RETURN(expires, ParseDate(in.expires_on(), field + ".expires_on"));
    if (expires < issued) {
      return Invalid(field + ".expires_on",
                     absl::StrCat(in.expires_on(), " is before issued_on ", in.issued_on()));
    }
  }
  rec->issuer = static_cast<uint8_t>(in.issuer());
  rec->level = static_cast<uint8_t>(in.kkni_level());
  rec->issued = ToDay(issued);
  rec->expires = ToDay(expires);
  return absl::OkStatus();
}

absl::Status CheckWage(int64_t wage, absl::string_view field) {
  if (wage < 0 || wage > kMaxWageRupiah) {
    return Invalid(field, absl::StrCat(wage, " is outside 0-", kMaxWageRupiah, " rupiah"));
  }
  return absl::OkStatus();
}

// One job of the work history: dates checked, its skill resolved to a code (`out`) and,
// with its ancestors, into the record's job.
absl::Status ResolveJob(const v1::WorkExperience& in, const std::string& field,
                        const EngineEnv& env, v1::WorkExperience* out, JobRecord* job) {
  if (in.started_on().empty()) return Invalid(field + ".started_on", "is required");
  CAKAP_ASSIGN_OR_RETURN(absl::CivilDay from, ParseDate(in.started_on(), field + ".started_on"));
  job->from = ToDay(from);
  job->to = kNoDay;
  if (!in.ended_on().empty()) {
    CAKAP_ASSIGN_OR_RETURN(absl::CivilDay to, ParseDate(in.ended_on(), field + ".ended_on"));
    if (to < from) {
      return Invalid(field + ".ended_on",
                     absl::StrCat(in.ended_on(), " is before started_on ", in.started_on()));
    }
    job->to = ToDay(to);
  }
  job->skills.clear();
  if (!in.skill().empty()) {
    CAKAP_ASSIGN_OR_RETURN(const Skill* skill,
                           RequireSkill(env.lexicon, in.skill(), field + ".skill"));
    out->set_skill(skill->code);
    AddWithAncestors(env.lexicon, skill->id, &job->skills);
    SortUnique(&job->skills);
  }
  return absl::OkStatus();
}

// Vacancy.min_age / max_age: 0, or a number of years in the documented range.
absl::Status CheckAgeBound(int years, absl::string_view field) {
  if (years != 0 && (years < kMinAgeBound || years > kMaxAgeBound)) {
    return Invalid(field, absl::StrCat(years, " is outside ", kMinAgeBound, "-", kMaxAgeBound,
                                       " (0: no bound)"));
  }
  return absl::OkStatus();
}

}  // namespace

int EducationRank(v1::Education e) {
  switch (e) {
    case v1::EDUCATION_SD: return 1;
    case v1::EDUCATION_SMP: return 2;
    case v1::EDUCATION_SMA:
    case v1::EDUCATION_SMK: return 3;
    case v1::EDUCATION_D1: return 4;
    case v1::EDUCATION_D2: return 5;
    case v1::EDUCATION_D3: return 6;
    case v1::EDUCATION_D4:
    case v1::EDUCATION_S1: return 7;
    case v1::EDUCATION_S2: return 8;
    case v1::EDUCATION_S3: return 9;
    default: return 0;
  }
}

const char* EducationRankName(int rank) {
  static constexpr const char* kNames[] = {"not given", "SD", "SMP", "SMA/SMK", "D1",
                                           "D2",        "D3", "D4/S1", "S2",      "S3"};
  return rank >= 0 && rank <= 9 ? kNames[rank] : "unknown";
}

Day ValidUntil(const v1::Vacancy& v) {
  if (v.valid_until().empty()) return kNoDay;
  absl::StatusOr<absl::CivilDay> day = ParseDate(v.valid_until(), "valid_until");
  return day.ok() ? ToDay(*day) : kNoDay;
}

bool ValidUntilPassed(const v1::Vacancy& v, Day today) {
  const Day valid_until = ValidUntil(v);
  return valid_until != kNoDay && valid_until < today;
}

bool OpenOn(const v1::Vacancy& v, Day today) { return v.open() && !ValidUntilPassed(v, today); }

absl::CivilDay EngineEnv::Today() const {
  if (options.today) return options.today();
  return absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
}

bool IsValidOwnerName(absl::string_view name) {
  if (name.empty() || name.size() > kMaxOwnerNameBytes) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-';
  });
}

absl::Status ValidateId(absl::string_view id, absl::string_view field) {
  if (id.empty()) return Invalid(field, "is required");
  if (id.size() > kMaxIdBytes) {
    return Invalid(field, absl::StrCat("is ", id.size(), " bytes, at most ", kMaxIdBytes, " allowed"));
  }
  for (char c : id) {
    if (c <= ' ' || c > '~') {
      return Invalid(field, "must be printable ASCII without spaces");
    }
  }
  return absl::OkStatus();
}

std::vector<std::string> WorkerTextWords(const v1::Worker& w, const Lexicon& lexicon) {
  std::vector<std::string> words;
  for (const std::string& entry : w.skills()) {
    // A skill entry naming a lexicon skill is that skill, not text.
    if (lexicon.Resolve(entry) == nullptr) AddWords(entry, &words);
  }
  for (const v1::Training& t : w.trainings()) {
    AddWords(t.programme(), &words);
    AddWords(t.institution(), &words);
    AddWords(t.field(), &words);
  }
  for (const v1::Certificate& c : w.certificates()) {
    AddWords(c.scheme(), &words);
    AddWords(c.issuing_body(), &words);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

absl::StatusOr<NormalizedWorker> NormalizeWorker(const v1::Worker& in, const EngineEnv& env) {
  NormalizedWorker out;
  v1::Worker& w = out.stored;
  MatchRecord& rec = out.record;
  CAKAP_RETURN_IF_ERROR(CheckFieldLimits(in));
  w = in;
  // Fields this release does not know are dropped, never stored: they were never
  // validated, and redaction cannot hide what it does not know (a phone number in an
  // unknown field of Contact would reach partners).
  w.DiscardUnknownFields();
  CAKAP_RETURN_IF_ERROR(ValidateId(in.id(), "id"));
  rec.id = in.id();
  if (!in.nik().empty()) {
    if (in.nik().size() != 16 ||
        !std::all_of(in.nik().begin(), in.nik().end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Invalid("nik", "must be exactly 16 digits");
    }
    // The KTP's kabupaten/kota, for quotas by KTP: its first four digits ("6474" is 64.74),
    // when they name one cakap knows. The NIK itself goes no further.
    const Region* ktp = env.regions.Find(absl::StrCat(in.nik().substr(0, 2), ".", in.nik().substr(2, 2)));
    if (ktp != nullptr && !ktp->is_province()) rec.ktp_region = ktp->code;
  }

  // Domicile: a kabupaten/kota, coordinates, or both.
  const v1::Location& dom = in.domicile();
  if (!dom.region_code().empty()) {
    const Region* region = env.regions.Find(dom.region_code());
    if (region == nullptr) {
      return Invalid("domicile.region_code",
                     absl::StrCat("unknown region \"", EchoValue(dom.region_code()), "\""));
    }
    if (region->is_province()) {
      return Invalid("domicile.region_code",
                     absl::StrCat(dom.region_code(), " is a province; give a kabupaten/kota"));
    }
    rec.region_code = region->code;
    rec.latitude = region->latitude;
    rec.longitude = region->longitude;
  }
  if (dom.has_coordinates()) {
    CAKAP_RETURN_IF_ERROR(CheckCoordinates(dom, "domicile"));
    rec.latitude = dom.latitude();
    rec.longitude = dom.longitude();
  } else if (dom.region_code().empty()) {
    return Invalid("domicile", "needs a region_code or coordinates");
  } else {
    w.mutable_domicile()->clear_latitude();
    w.mutable_domicile()->clear_longitude();
  }

  CAKAP_RETURN_IF_ERROR(CheckKm(in.travel_km(), "travel_km"));
  rec.travel_km = in.travel_km();
  rec.willing_to_relocate = in.willing_to_relocate();

  w.clear_skills();
  for (int i = 0; i < in.skills_size(); ++i) {
    const std::string field = absl::StrCat("skills[", i, "]");
    if (NormalizePhrase(in.skills(i)).empty()) return Invalid(field, "is empty");
    if (const Skill* skill = env.lexicon.Resolve(in.skills(i))) {
      w.add_skills(skill->code);
      AddWithAncestors(env.lexicon, skill->id, &rec.skills);
    } else {
      w.add_skills(in.skills(i));  // free text: searchable by keywords only
    }
  }

  rec.certs.resize(in.certificates_size());
  for (int i = 0; i < in.certificates_size(); ++i) {
    CAKAP_RETURN_IF_ERROR(NormalizeCertificate(in.certificates(i),
                                               absl::StrCat("certificates[", i, "]"), env,
                                               w.mutable_certificates(i), &rec.certs[i]));
    rec.skills.insert(rec.skills.end(), rec.certs[i].covers.begin(), rec.certs[i].covers.end());
  }
  SortUnique(&rec.skills);

  for (int i = 0; i < in.trainings_size(); ++i) {
    const v1::Training& t = in.trainings(i);
    const std::string field = absl::StrCat("trainings[", i, "]");
    if (t.year() != 0 && (t.year() < 1950 || t.year() > 2100)) {
      return Invalid(field + ".year", absl::StrCat(t.year(), " is outside 1950-2100"));
    }
  }

  if (!v1::EmploymentStatus_IsValid(in.employment_status())) {
    return Invalid("employment_status",
                   absl::StrCat("unknown value ", static_cast<int>(in.employment_status())));
  }
  rec.employment_status = static_cast<uint8_t>(in.employment_status());
  if (!in.available_from().empty()) {
    CAKAP_ASSIGN_OR_RETURN(absl::CivilDay day, ParseDate(in.available_from(), "available_from"));
    rec.available_from = ToDay(day);
  }
  if (in.welfare_decile() < 0 || in.welfare_decile() > 10) {
    return Invalid("welfare_decile", absl::StrCat(in.welfare_decile(), " is outside 0-10"));
  }
  rec.welfare_decile = static_cast<uint8_t>(in.welfare_decile());

  // The fields of the vacancy report.
  if (!v1::Education_IsValid(in.education())) {
    return Invalid("education", absl::StrCat("unknown value ", static_cast<int>(in.education())));
  }
  rec.education = static_cast<uint8_t>(EducationRank(in.education()));
  if (!in.birth_date().empty()) {
    CAKAP_ASSIGN_OR_RETURN(absl::CivilDay birth, ParseDate(in.birth_date(), "birth_date"));
    if (birth > env.Today()) {
      return Invalid("birth_date", absl::StrCat(in.birth_date(), " is after today"));
    }
    rec.birth = ToDay(birth);
  }
  CAKAP_RETURN_IF_ERROR(CheckWage(in.expected_wage(), "expected_wage"));
  rec.expected_wage = in.expected_wage();
  rec.jobs.resize(in.work_history_size());
  for (int i = 0; i < in.work_history_size(); ++i) {
    CAKAP_RETURN_IF_ERROR(ResolveJob(in.work_history(i), absl::StrCat("work_history[", i, "]"),
                                     env, w.mutable_work_history(i), &rec.jobs[i]));
  }

  if (in.updated_at().empty()) {
    w.set_updated_at(FormatDate(env.Today()));
  } else {
    CAKAP_RETURN_IF_ERROR(ParseDate(in.updated_at(), "updated_at").status());
  }
  out.words = WorkerTextWords(w, env.lexicon);
  return out;
}

namespace {

absl::Status ResolveSkillList(const google::protobuf::RepeatedPtrField<std::string>& entries,
                              absl::string_view field, const Lexicon& lexicon,
                              std::vector<SkillId>* ids,
                              google::protobuf::RepeatedPtrField<std::string>* codes) {
  codes->Clear();
  for (int i = 0; i < entries.size(); ++i) {
    CAKAP_ASSIGN_OR_RETURN(const Skill* skill,
                           RequireSkill(lexicon, entries[i], absl::StrCat(field, "[", i, "]")));
    if (std::find(ids->begin(), ids->end(), skill->id) != ids->end()) continue;
    ids->push_back(skill->id);
    codes->Add()->assign(skill->code);
  }
  return absl::OkStatus();
}

// Region codes that must each name a kabupaten/kota or province cakap knows, into
// `codes` as canonical codes without repeats.
absl::Status ResolveRegionList(const google::protobuf::RepeatedPtrField<std::string>& entries,
                               absl::string_view field, const EngineEnv& env,
                               std::vector<std::string>* codes) {
  for (int i = 0; i < entries.size(); ++i) {
    const Region* region = env.regions.Find(entries[i]);
    if (region == nullptr) {
      return Invalid(absl::StrCat(field, "[", i, "]"),
                     absl::StrCat("unknown region \"", EchoValue(entries[i]), "\""));
    }
    if (std::find(codes->begin(), codes->end(), region->code) == codes->end()) {
      codes->push_back(region->code);
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ResolvedVacancy> ResolveVacancy(const v1::Vacancy& in, const EngineEnv& env,
                                               bool require_id) {
  ResolvedVacancy out;
  v1::Vacancy& v = out.normalized;
  CAKAP_RETURN_IF_ERROR(CheckFieldLimits(in));
  v = in;
  v.DiscardUnknownFields();  // as for workers
  if (require_id || !in.id().empty()) CAKAP_RETURN_IF_ERROR(ValidateId(in.id(), "id"));
  if (!in.owner().empty() && !IsValidOwnerName(in.owner())) {
    return Invalid("owner", absl::StrCat("must be 1-", kMaxOwnerNameBytes,
                                         " characters of [A-Za-z0-9._-] (a cakapd key's name)"));
  }
  CAKAP_RETURN_IF_ERROR(ResolveSkillList(in.required_skills(), "required_skills", env.lexicon,
                                         &out.required, v.mutable_required_skills()));
  CAKAP_RETURN_IF_ERROR(ResolveSkillList(in.preferred_skills(), "preferred_skills", env.lexicon,
                                         &out.preferred, v.mutable_preferred_skills()));
  if (!in.keywords().empty()) {
    TextSkills found = env.lexicon.Extract(in.keywords());
    out.keyword_skills = found.skill_ids;
    AddWords(found.leftover, &out.keyword_words);
    std::sort(out.keyword_words.begin(), out.keyword_words.end());
    out.keyword_words.erase(std::unique(out.keyword_words.begin(), out.keyword_words.end()),
                            out.keyword_words.end());
  }

  v.clear_accepted_issuers();
  for (int i = 0; i < in.accepted_issuers_size(); ++i) {
    const int issuer = in.accepted_issuers(i);
    if (issuer != v1::ISSUER_BNSP && issuer != v1::ISSUER_KEMNAKER && issuer != v1::ISSUER_OTHER) {
      return Invalid(absl::StrCat("accepted_issuers[", i, "]"),
                     absl::StrCat("must be BNSP, KEMNAKER or OTHER, got ", issuer));
    }
    if (std::find(out.issuers.begin(), out.issuers.end(), issuer) != out.issuers.end()) continue;
    out.issuers.push_back(static_cast<uint8_t>(issuer));
    v.add_accepted_issuers(static_cast<v1::Issuer>(issuer));
  }
  if (in.min_kkni_level() < 0 || in.min_kkni_level() > 9) {
    return Invalid("min_kkni_level", absl::StrCat(in.min_kkni_level(), " is outside 0-9"));
  }
  out.min_level = in.min_kkni_level();

  const v1::Location& loc = in.location();
  if (!loc.region_code().empty()) {
    const Region* region = env.regions.Find(loc.region_code());
    if (region == nullptr) {
      return Invalid("location.region_code",
                     absl::StrCat("unknown region \"", EchoValue(loc.region_code()), "\""));
    }
    out.has_location = true;
    out.latitude = region->latitude;
    out.longitude = region->longitude;
  }
  if (loc.has_coordinates()) {
    CAKAP_RETURN_IF_ERROR(CheckCoordinates(loc, "location"));
    out.has_location = true;
    out.latitude = loc.latitude();
    out.longitude = loc.longitude();
  }
  if (out.has_location) {
    v.mutable_location()->set_latitude(out.latitude);
    v.mutable_location()->set_longitude(out.longitude);
    v.mutable_location()->set_has_coordinates(true);
  }
  CAKAP_RETURN_IF_ERROR(CheckKm(in.radius_km(), "radius_km"));
  if (in.radius_km() > 0 && !out.has_location) {
    return Invalid("radius_km", "needs a location (region_code or coordinates)");
  }
  out.radius_km = in.radius_km();

  CAKAP_RETURN_IF_ERROR(
      ResolveRegionList(in.region_codes(), "region_codes", env, &out.region_codes));

  absl::CivilDay start = env.Today();
  if (!in.start_date().empty()) {
    CAKAP_ASSIGN_OR_RETURN(start, ParseDate(in.start_date(), "start_date"));
  }
  out.start = ToDay(start);
  v.set_start_date(FormatDate(start));
  if (in.openings() < 0 || in.openings() > 100000) {
    return Invalid("openings", absl::StrCat(in.openings(), " is outside 0-100000"));
  }
  out.include_employed = in.include_employed();

  // The fields of the vacancy report.
  if (!v1::Education_IsValid(in.min_education())) {
    return Invalid("min_education",
                   absl::StrCat("unknown value ", static_cast<int>(in.min_education())));
  }
  out.min_education = EducationRank(in.min_education());
  if (in.min_experience_months() < 0 || in.min_experience_months() > kMaxExperienceMonths) {
    return Invalid("min_experience_months", absl::StrCat(in.min_experience_months(),
                                                         " is outside 0-", kMaxExperienceMonths));
  }
  out.min_experience_months = in.min_experience_months();
  for (int i = 0; i < in.skill_experience_size(); ++i) {
    const v1::SkillExperience& e = in.skill_experience(i);
    const std::string field = absl::StrCat("skill_experience[", i, "]");
    CAKAP_ASSIGN_OR_RETURN(const Skill* skill,
                           RequireSkill(env.lexicon, e.skill(), field + ".skill"));
    if (e.months() < 1 || e.months() > kMaxExperienceMonths) {
      return Invalid(field + ".months",
                     absl::StrCat(e.months(), " is outside 1-", kMaxExperienceMonths));
    }
    for (const ResolvedVacancy::SkillMonths& seen : out.skill_experience) {
      if (seen.skill == skill->id) {
        return Invalid(field + ".skill", absl::StrCat(skill->code, " is listed twice"));
      }
    }
    out.skill_experience.push_back({skill->id, e.months()});
    v.mutable_skill_experience(i)->set_skill(skill->code);
  }
  CAKAP_RETURN_IF_ERROR(CheckAgeBound(in.min_age(), "min_age"));
  CAKAP_RETURN_IF_ERROR(CheckAgeBound(in.max_age(), "max_age"));
  if (in.min_age() > 0 && in.max_age() > 0 && in.max_age() < in.min_age()) {
    return Invalid("max_age", absl::StrCat(in.max_age(), " is below min_age ", in.min_age()));
  }
  out.min_age = in.min_age();
  out.max_age = in.max_age();
  CAKAP_RETURN_IF_ERROR(CheckWage(in.wage_min(), "wage_min"));
  CAKAP_RETURN_IF_ERROR(CheckWage(in.wage_max(), "wage_max"));
  if (in.wage_min() > 0 && in.wage_max() > 0 && in.wage_max() < in.wage_min()) {
    return Invalid("wage_max", absl::StrCat(in.wage_max(), " is below wage_min ", in.wage_min()));
  }
  out.wage_min = in.wage_min();
  out.wage_max = in.wage_max();
  if (!in.valid_until().empty()) {
    CAKAP_RETURN_IF_ERROR(ParseDate(in.valid_until(), "valid_until").status());
  }

  // The local-worker quota.
  if (!std::isfinite(in.min_local_share()) || in.min_local_share() < 0 ||
      in.min_local_share() > 1) {
    return Invalid("min_local_share", absl::StrCat(in.min_local_share(), " is outside [0, 1]"));
  }
  if (!v1::LocalBasis_IsValid(in.local_basis())) {
    return Invalid("local_basis", absl::StrCat("unknown value ", static_cast<int>(in.local_basis())));
  }
  CAKAP_RETURN_IF_ERROR(ResolveRegionList(in.local_region_codes(), "local_region_codes", env,
                                          &out.local_region_codes));
  // Shares are kept to six decimals, so that floor(share * k) is exact integer arithmetic.
  out.local_share_micro = std::llround(in.min_local_share() * 1e6);
  if (out.local_share_micro > 0 && out.local_region_codes.empty()) {
    return Invalid("min_local_share", "needs local_region_codes (who counts as local)");
  }
  out.local_basis = in.local_basis() == v1::LOCAL_BASIS_UNSPECIFIED ? v1::LOCAL_BASIS_DOMICILE
                                                                    : in.local_basis();
  return out;
}

}  // namespace cakap
