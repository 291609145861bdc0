// The hard constraints and the score of docs/ranking.md for one (worker, vacancy) pair.
// The single implementation behind forward matching, near misses and reverse matching.
#ifndef CAKAP_ENGINE_EVALUATE_H_
#define CAKAP_ENGINE_EVALUATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cakap/v1/match.pb.h"
#include "env.h"
#include "normalize.h"
#include "record.h"
#include "record_cache.h"

namespace cakap {

enum class Constraint : uint8_t {
  kRequiredSkill,
  kCertificate,
  kRadius,
  kRegion,
  kTravelRadius,
  kAvailability,
  kEducation,
  kExperience,
  kAge,
  kKeywords,
};
// The name used in NearMiss.constraint.
const char* ConstraintName(Constraint c);

// Score components in docs/ranking.md order.
enum Component { kPreferred = 0, kCertificateStrength, kDistance, kWelfare, kNumComponents };

struct Evaluation {
  int failures = 0;
  Constraint failed = Constraint::kRequiredSkill;  // the first failed constraint
  SkillId failed_skill = 0;                        // for kRequiredSkill
  double distance_km = -1;                         // -1: the vacancy has no location
  // Rounded components in millionths; kWelfare is 0 and absent when welfare is excluded.
  int64_t micro[kNumComponents] = {0, 0, 0, 0};
  int64_t score_micro = 0;
  int preferred_hits = 0;
  int best_cert = -1;  // index into record.certs of the strongest relevant certificate
};

struct EvaluateOptions {
  bool exclude_welfare = false;
  // Stop (without scoring) once more than this many constraints failed.
  int max_failures = 0;
  // Result of the `keywords` constraint, decided outside (by the index or by the
  // worker's words): only read when the vacancy has keywords.
  bool keywords_ok = true;
  // Measure distances from the worker's point rounded by CoarseDegrees (engine.h), as
  // MatchOptions.coarse_locations asks.
  bool coarse_locations = false;
};

// Evaluates the constraints; scores when failures <= options.max_failures.
void Evaluate(const MatchRecord& worker, const ResolvedVacancy& vacancy, const EngineEnv& env,
              const EvaluateOptions& options, Evaluation* out);

// The explanation of an evaluated pair: one ScoreComponent per component.
void Explain(const MatchRecord& worker, const ResolvedVacancy& vacancy, const EngineEnv& env,
             const Evaluation& eval, bool exclude_welfare,
             google::protobuf::RepeatedPtrField<v1::ScoreComponent>* out);

// Why the first failed constraint failed, e.g. "certificate expired 2026-03-01".
std::string FailureReason(const MatchRecord& worker, const ResolvedVacancy& vacancy,
                          const EngineEnv& env, const Evaluation& eval);

// Whether the worker counts as local for the vacancy's quota (Vacancy.local_basis): the
// domicile's and/or the KTP's kabupaten/kota is one of its local regions or lies in one
// of its provinces.
bool IsLocal(const MatchRecord& worker, const ResolvedVacancy& vacancy);

// Whole months of experience (docs/ranking.md): the days of the union of the worker's jobs
// up to `start` (a job still held counts to it), divided by 30.4375 and rounded down; only
// the jobs in `skill` (and its specialisations) unless `skill` is 0.
int ExperienceMonths(const MatchRecord& worker, Day start, SkillId skill);
// Age in whole years on `day` of someone born on `birth`.
int AgeOn(Day birth, Day day);

// The certificate constraint, exactly as Evaluate decides it (true without accepted
// issuers).
bool MeetsCertificate(const MatchRecord& worker, const ResolvedVacancy& vacancy);
// The same on an encoded record (record.h), decoding only its certificates, each into
// `scratch`; nullopt on malformed input.
std::optional<bool> MeetsCertificate(absl::string_view record, const ResolvedVacancy& vacancy,
                                     CertRecord* scratch);

// On hot records (record_cache.h). The availability constraint, exactly as Evaluate
// decides it (it applies unless the vacancy includes employed workers).
bool AvailableOn(const HotRecord& worker, Day start);
// How far CoarseDegrees (engine.h) moves a point: at most 0.005 degrees in latitude and
// in longitude, ~0.56 km each, so under 0.8 km. With MatchOptions.coarse_locations the
// radius cover and every hot distance test are widened by it.
inline constexpr double kCoarseMarginKm = 0.8;
// How far a hot (float) point may be from the stored one: within
// RecordCache::kPointMarginDeg in each coordinate, < 16 m.
inline constexpr double kHotPointMarginKm = 0.02;

// The vacancy's distance constraints for hot points; nullopt without a location.
// `coarse_locations` as EvaluateOptions.
std::optional<HotDistance> HotDistanceOf(const ResolvedVacancy& vacancy, const EngineEnv& env,
                                         bool coarse_locations);
// What a hot point proves about the radius and the travel radius, margins included.
// Neither flag for a worker without a point.
struct HotDistanceCheck {
  bool too_far = false;  // Evaluate fails the worker on one of them
  bool within = false;   // Evaluate passes the worker on both
  double min_km = 0;     // no more than the distance Evaluate measures
};
HotDistanceCheck CheckHotDistance(const HotRecord& worker, const HotDistance& distance);
// Bounds on hot records the score_micro Evaluate gives a worker (whether or not it meets
// the vacancy's constraints: each term bounds its component for any worker). Made once
// per match: a bound is a few table lookups (and, with a location, one exp2).
class ScoreBound {
 public:
  ScoreBound(const ResolvedVacancy& vacancy, const EngineEnv& env, bool exclude_welfare);
  // No lower than the worker's score_micro when, with a location, Evaluate measures at
  // least `min_km` (CheckHotDistance) to it.
  int64_t Micro(const HotRecord& worker, double min_km) const;

 private:
  std::vector<uint64_t> preferred_bits_;  // SkillBit of each preferred skill
  std::vector<int64_t> preferred_micro_;  // by the number of preferred bits set
  uint64_t issuer_bits_[3];               // CertBit(issuer, 0) of BNSP, KEMNAKER, OTHER
  int64_t certificate_micro_[8][16];      // by issuer bits set and best level
  int64_t welfare_micro_[16];             // by welfare decile
  bool has_location_;
  double distance_weight_, half_life_km_;
};

inline double MicroToDouble(int64_t micro) { return static_cast<double>(micro) / 1e6; }

}  // namespace cakap

#endif  // CAKAP_ENGINE_EVALUATE_H_
