// Validation and normalisation of what callers send: every bad field is rejected with
// InvalidArgument naming it (proto field path, e.g. "certificates[1].expires_on"), before
// anything is written. What passes is turned into the stored form and the forms the
// index and the matcher use.
#ifndef CAKAP_ENGINE_NORMALIZE_H_
#define CAKAP_ENGINE_NORMALIZE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"
#include "env.h"
#include "record.h"

namespace cakap {

struct NormalizedWorker {
  // The record to store: skill names resolved to codes, effective expiry dates,
  // updated_at filled in.
  v1::Worker stored;
  MatchRecord record;
  // Normalised words of the worker's free text (see WorkerTextWords).
  std::vector<std::string> words;
};

absl::StatusOr<NormalizedWorker> NormalizeWorker(const v1::Worker& worker,
                                                 const EngineEnv& env);

// Unique normalised words of a stored worker's free text: skill entries that name no
// lexicon skill, training programme/institution/field, certificate scheme and issuing
// body. What the `keywords` constraint searches (docs/ranking.md).
std::vector<std::string> WorkerTextWords(const v1::Worker& stored, const Lexicon& lexicon);

// A vacancy resolved for matching.
struct ResolvedVacancy {
  // Skills as codes, start date and location point filled in (MatchResult.resolved_vacancy).
  v1::Vacancy normalized;
  std::vector<SkillId> required;    // distinct, in the given order
  std::vector<SkillId> preferred;   // distinct
  std::vector<uint8_t> issuers;     // distinct accepted issuers; empty: none required
  int min_level = 0;
  bool has_location = false;
  double latitude = 0, longitude = 0;
  double radius_km = 0;
  std::vector<std::string> region_codes;  // kabupaten/kota or province codes
  Day start = 0;
  bool include_employed = false;
  std::vector<SkillId> keyword_skills;    // lexicon skills named in keywords
  std::vector<std::string> keyword_words; // the other keyword words
  // The fields of the vacancy report (docs/ranking.md): requirements...
  int min_education = 0;          // EducationRank; 0: no minimum
  int min_experience_months = 0;  // overall; 0: none
  struct SkillMonths {
    SkillId skill;
    int months;
  };
  std::vector<SkillMonths> skill_experience;  // distinct skills, in the given order
  int min_age = 0, max_age = 0;               // 0: no bound on that side
  // ...and what only the explanation shows.
  int64_t wage_min = 0, wage_max = 0;
  // The local-worker quota: min_local_share in millionths (0: no quota), the canonical
  // local region codes, and Vacancy.local_basis (UNSPECIFIED resolved to DOMICILE).
  int64_t local_share_micro = 0;
  std::vector<std::string> local_region_codes;
  v1::LocalBasis local_basis = v1::LOCAL_BASIS_DOMICILE;

  bool HasQuota() const { return local_share_micro > 0; }

  bool HasKeywords() const { return !keyword_skills.empty() || !keyword_words.empty(); }
  // Whether a requirement only the decoded record decides (education, experience, age).
  bool HasReportRequirements() const {
    return min_education > 0 || min_experience_months > 0 || !skill_experience.empty() ||
           min_age > 0 || max_age > 0;
  }
};

// The level of an education (common.proto): SD 1, SMP 2, SMA and SMK 3, D1 4, D2 5, D3 6,
// D4 and S1 7, S2 8, S3 9; 0 for EDUCATION_UNSPECIFIED.
int EducationRank(v1::Education education);
// "SMA/SMK" for 3, and so on; "not given" for 0.
const char* EducationRankName(int rank);
// The last day a stored vacancy is open for reverse matching (Vacancy.valid_until); kNoDay
// when it has none or it does not parse (validated on upsert).
Day ValidUntil(const v1::Vacancy& vacancy);
// Whether its valid_until has passed on `today`: closed from the next day, whatever
// `open` says.
bool ValidUntilPassed(const v1::Vacancy& vacancy, Day today);
// The engine's one definition of an open stored vacancy, the set reverse matching,
// Allocate's open_vacancies and ListVacancies' open_only use: stored open (Vacancy.open,
// which the kOpenVacancy term mirrors; a vacancy whose openings are all filled is stored
// closed) and its valid_until not passed on `today`.
bool OpenOn(const v1::Vacancy& vacancy, Day today);

// `require_id`: the vacancy is to be stored, so its id must be valid.
absl::StatusOr<ResolvedVacancy> ResolveVacancy(const v1::Vacancy& vacancy,
                                               const EngineEnv& env, bool require_id);

// Validates an id (workers and vacancies): 1-128 bytes of printable ASCII, no spaces.
absl::Status ValidateId(absl::string_view id, absl::string_view field);

}  // namespace cakap

#endif  // CAKAP_ENGINE_NORMALIZE_H_
