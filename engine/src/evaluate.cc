#include "evaluate.h"

#include <algorithm>
#include <cmath>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cakap/engine.h"
#include "geo.h"

namespace cakap {
namespace {

int64_t RoundMicro(double value) { return std::llround(value * 1e6); }

bool Covers(const CertRecord& c, SkillId id) {
  return std::binary_search(c.covers.begin(), c.covers.end(), id);
}

bool CoversAny(const CertRecord& c, const std::vector<SkillId>& ids) {
  for (SkillId id : ids) {
    if (Covers(c, id)) return true;
  }
  return false;
}

bool IssuerAccepted(const ResolvedVacancy& v, uint8_t issuer) {
  return std::find(v.issuers.begin(), v.issuers.end(), issuer) != v.issuers.end();
}

bool ValidOn(const CertRecord& c, Day day) { return c.issued <= day && day <= c.expires; }

// The skills a certificate must cover to count for the `certificate` constraint.
bool CoversRequired(const CertRecord& c, const ResolvedVacancy& v) {
  return v.required.empty() ? !c.covers.empty() : CoversAny(c, v.required);
}

// The `certificate` constraint on one certificate: its head (issuer, validity, level),
// then its covered skills.
bool QualifiesByHead(const CertRecord& c, const ResolvedVacancy& v) {
  return IssuerAccepted(v, c.issuer) && ValidOn(c, v.start) && c.level >= v.min_level;
}
bool QualifiesForConstraint(const CertRecord& c, const ResolvedVacancy& v) {
  return QualifiesByHead(c, v) && CoversRequired(c, v);
}

// Relevant for the certificate score component (docs/ranking.md).
bool RelevantForScore(const CertRecord& c, const ResolvedVacancy& v) {
  if (!ValidOn(c, v.start)) return false;
  bool covers;
  if (!v.required.empty()) {
    covers = CoversAny(c, v.required);
  } else if (!v.preferred.empty()) {
    covers = CoversAny(c, v.preferred);
  } else {
    covers = !c.covers.empty();
  }
  if (!covers) return false;
  return v.issuers.empty() || (IssuerAccepted(v, c.issuer) && c.level >= v.min_level);
}

double Tier(const RankingWeights& w, uint8_t issuer) {
  switch (issuer) {
    case v1::ISSUER_BNSP: return w.tier_bnsp;
    case v1::ISSUER_KEMNAKER: return w.tier_kemnaker;
    default: return w.tier_other;
  }
}

double Strength(const RankingWeights& w, const CertRecord& c, Day start) {
  const double remaining = static_cast<double>(c.expires - start);
  const double validity = std::min(1.0, 0.5 + 0.5 * remaining / w.full_validity_days);
  return Tier(w, c.issuer) * (0.5 + c.level / 18.0) * validity;
}

// Whether a kabupaten/kota `code` is listed, or its province is (the province is the
// code's first two characters).
bool InCodes(const std::string& code, const std::vector<std::string>& codes) {
  if (code.empty()) return false;
  const absl::string_view province = absl::string_view(code).substr(0, 2);
  for (const std::string& listed : codes) {
    if (listed == code || listed == province) return true;
  }
  return false;
}

bool InRegions(const MatchRecord& w, const ResolvedVacancy& v) {
  return InCodes(w.region_code, v.region_codes);
}

bool Available(uint8_t employment_status, Day available_from, Day start) {
  if (available_from != kNoDay) return available_from <= start;
  return employment_status == v1::EMPLOYMENT_STATUS_UNSPECIFIED ||
         employment_status == v1::EMPLOYMENT_STATUS_SEEKING;
}
bool Available(const MatchRecord& w, Day start) {
  return Available(w.employment_status, w.available_from, start);
}

// The `experience` constraint: the first requirement the worker falls short of, as the
// skill it is about (0: overall) and the months required; nullopt when all are met.
struct ExperienceShortfall {
  SkillId skill;
  int required;
};
std::optional<ExperienceShortfall> FirstExperienceShortfall(const MatchRecord& w,
                                                            const ResolvedVacancy& v) {
  if (v.min_experience_months > 0 &&
      ExperienceMonths(w, v.start, 0) < v.min_experience_months) {
    return ExperienceShortfall{0, v.min_experience_months};
  }
  for (const ResolvedVacancy::SkillMonths& e : v.skill_experience) {
    if (ExperienceMonths(w, v.start, e.skill) < e.months) {
      return ExperienceShortfall{e.skill, e.months};
    }
  }
  return std::nullopt;
}

bool AgeFits(const MatchRecord& w, const ResolvedVacancy& v) {
  if (v.min_age == 0 && v.max_age == 0) return true;
  if (w.birth == kNoDay) return false;
  const int age = AgeOn(w.birth, v.start);
  return (v.min_age == 0 || age >= v.min_age) && (v.max_age == 0 || age <= v.max_age);
}

// "Rp 4.5 jt" (juta: millions), to two decimals.
std::string Rupiah(int64_t rupiah) {
  return absl::StrFormat("%g", std::round(static_cast<double>(rupiah) / 1e4) / 100);
}

// The `wage` explanation: the worker's expectation beside the vacancy's offer.
std::string WageDetail(const MatchRecord& w, const ResolvedVacancy& v) {
  std::string offer;
  if (v.wage_min > 0 && v.wage_max > 0) {
    offer = v.wage_min == v.wage_max
                ? absl::StrCat("offered Rp ", Rupiah(v.wage_min), " jt")
                : absl::StrCat("offered Rp ", Rupiah(v.wage_min), "-", Rupiah(v.wage_max), " jt");
  } else if (v.wage_min > 0) {
    offer = absl::StrCat("offered from Rp ", Rupiah(v.wage_min), " jt");
  } else if (v.wage_max > 0) {
    offer = absl::StrCat("offered up to Rp ", Rupiah(v.wage_max), " jt");
  }
  if (w.expected_wage == 0) return absl::StrCat(offer, ", expectation not given");
  const std::string expects = absl::StrCat("expects Rp ", Rupiah(w.expected_wage), " jt");
  return offer.empty() ? absl::StrCat(expects, ", no wage offered")
                       : absl::StrCat(expects, ", ", offer);
}

std::string IssuerName(uint8_t issuer) {
  switch (issuer) {
    case v1::ISSUER_BNSP: return "BNSP";
    case v1::ISSUER_KEMNAKER: return "KEMNAKER";
    default: return "OTHER";
  }
}

std::string Codes(const Lexicon& lexicon, const std::vector<SkillId>& ids) {
  return absl::StrJoin(ids, " or ", [&](std::string* out, SkillId id) {
    const Skill* s = lexicon.Find(id);
    absl::StrAppend(out, s ? s->code : absl::StrCat(id));
  });
}

std::string CertificateFailure(const MatchRecord& w, const ResolvedVacancy& v,
                               const EngineEnv& env) {
  const CertRecord* expired = nullptr;   // latest expiry among the otherwise fitting ones
  const CertRecord* too_new = nullptr;   // earliest issue among the otherwise fitting ones
  const CertRecord* low = nullptr;       // highest level among issuer+skill fits
  for (const CertRecord& c : w.certs) {
    if (!IssuerAccepted(v, c.issuer) || !CoversRequired(c, v)) continue;
    if (c.level < v.min_level) {
      if (low == nullptr || c.level > low->level) low = &c;
    } else if (c.expires < v.start) {
      if (expired == nullptr || c.expires > expired->expires) expired = &c;
    } else if (c.issued > v.start) {
      if (too_new == nullptr || c.issued < too_new->issued) too_new = &c;
    }
  }
  if (expired != nullptr) return absl::StrCat("certificate expired ", FormatDay(expired->expires));
  if (too_new != nullptr) {
    return absl::StrCat("certificate issued ", FormatDay(too_new->issued),
                        ", after the start date ", FormatDay(v.start));
  }
  if (low != nullptr) {
    return absl::StrCat("certificate at KKNI level ", low->level, ", below the minimum ",
                        v.min_level);
  }
  std::string issuers = absl::StrJoin(v.issuers, "/", [](std::string* out, uint8_t i) {
    absl::StrAppend(out, IssuerName(i));
  });
  if (v.required.empty()) return absl::StrCat("no ", issuers, " certificate");
  return absl::StrCat("no ", issuers, " certificate covering ", Codes(env.lexicon, v.required));
}

}  // namespace

const char* ConstraintName(Constraint c) {
  switch (c) {
    case Constraint::kRequiredSkill: return "required_skill";
    case Constraint::kCertificate: return "certificate";
    case Constraint::kRadius: return "radius";
    case Constraint::kRegion: return "region";
    case Constraint::kTravelRadius: return "travel_radius";
    case Constraint::kAvailability: return "availability";
    case Constraint::kEducation: return "education";
    case Constraint::kExperience: return "experience";
    case Constraint::kAge: return "age";
    case Constraint::kKeywords: return "keywords";
  }
  return "unknown";
}

bool IsLocal(const MatchRecord& w, const ResolvedVacancy& v) {
  const bool by_domicile = v.local_basis != v1::LOCAL_BASIS_KTP;
  const bool by_ktp = v.local_basis != v1::LOCAL_BASIS_DOMICILE;
  return (by_domicile && InCodes(w.region_code, v.local_region_codes)) ||
         (by_ktp && InCodes(w.ktp_region, v.local_region_codes));
}

int ExperienceMonths(const MatchRecord& w, Day start, SkillId skill) {
  absl::InlinedVector<std::pair<Day, Day>, 8> spans;
  for (const JobRecord& j : w.jobs) {
    if (j.from > start) continue;
    if (skill != 0 && !std::binary_search(j.skills.begin(), j.skills.end(), skill)) continue;
    spans.push_back({j.from, j.to == kNoDay ? start : std::min(j.to, start)});
  }
  std::sort(spans.begin(), spans.end());
  int64_t days = 0;
  Day covered_to = kNoDay;  // the last day counted so far
  for (const auto& [from, to] : spans) {
    const Day first = covered_to == kNoDay ? from : std::max<Day>(from, covered_to + 1);
    if (to >= first) days += to - first + 1;
    if (covered_to == kNoDay || to > covered_to) covered_to = to;
  }
  // A month is 30.4375 days (365.25 / 12) = 487 / 16.
  return static_cast<int>(days * 16 / 487);
}

int AgeOn(Day birth, Day day) {
  const absl::CivilDay b = FromDay(birth), d = FromDay(day);
  int years = static_cast<int>(d.year() - b.year());
  if (d.month() < b.month() || (d.month() == b.month() && d.day() < b.day())) --years;
  return years;
}

bool MeetsCertificate(const MatchRecord& w, const ResolvedVacancy& v) {
  return v.issuers.empty() ||
         std::any_of(w.certs.begin(), w.certs.end(),
                     [&](const CertRecord& c) { return QualifiesForConstraint(c, v); });
}

std::optional<bool> MeetsCertificate(absl::string_view record, const ResolvedVacancy& v,
                                     CertRecord* scratch) {
  if (v.issuers.empty()) return true;
  return AnyCertificate(
      record, scratch, [&](const CertRecord& c) { return QualifiesByHead(c, v); },
      [&](const CertRecord& c) { return CoversRequired(c, v); });
}

void Evaluate(const MatchRecord& w, const ResolvedVacancy& v, const EngineEnv& env,
              const EvaluateOptions& options, Evaluation* out) {
  *out = Evaluation();
  // Records a failure; true when evaluation should stop.
  auto fail = [&](Constraint c, SkillId skill) {
    if (out->failures++ == 0) {
      out->failed = c;
      out->failed_skill = skill;
    }
    return out->failures > options.max_failures;
  };
  for (SkillId s : v.required) {
    if (!w.HasSkill(s) && fail(Constraint::kRequiredSkill, s)) return;
  }
  if (!MeetsCertificate(w, v) && fail(Constraint::kCertificate, 0)) return;
  double d = -1;
  if (v.has_location) {
    d = options.coarse_locations
            ? HaversineKm(v.latitude, v.longitude, CoarseDegrees(w.latitude),
                          CoarseDegrees(w.longitude))
            : HaversineKm(v.latitude, v.longitude, w.latitude, w.longitude);
    out->distance_km = d;
    if (v.radius_km > 0 && d > v.radius_km && fail(Constraint::kRadius, 0)) return;
  }
  if (!v.region_codes.empty() && !InRegions(w, v) && fail(Constraint::kRegion, 0)) return;
  if (v.has_location && !w.willing_to_relocate && d > env.TravelKm(w.travel_km) &&
      fail(Constraint::kTravelRadius, 0)) {
    return;
  }
  if (!v.include_employed && !Available(w, v.start) && fail(Constraint::kAvailability, 0)) return;
  if (v.HasReportRequirements()) {
    if (w.education < v.min_education && fail(Constraint::kEducation, 0)) return;
    if (v.min_experience_months > 0 || !v.skill_experience.empty()) {
      const std::optional<ExperienceShortfall> shortfall = FirstExperienceShortfall(w, v);
      if (shortfall && fail(Constraint::kExperience, shortfall->skill)) return;
    }
    if (!AgeFits(w, v) && fail(Constraint::kAge, 0)) return;
  }
  if (v.HasKeywords() && !options.keywords_ok && fail(Constraint::kKeywords, 0)) return;

  const RankingWeights& W = env.options.ranking;
  if (!v.preferred.empty()) {
    for (SkillId p : v.preferred) out->preferred_hits += w.HasSkill(p) ? 1 : 0;
    out->micro[kPreferred] = RoundMicro(W.preferred_skills * out->preferred_hits /
                                        static_cast<double>(v.preferred.size()));
  }
  double best = 0;
  for (size_t i = 0; i < w.certs.size(); ++i) {
    if (!RelevantForScore(w.certs[i], v)) continue;
    double s = Strength(W, w.certs[i], v.start);
    if (out->best_cert < 0 || s > best) {
      best = s;
      out->best_cert = static_cast<int>(i);
    }
  }
  out->micro[kCertificateStrength] = RoundMicro(W.certificate * best);
  if (v.has_location) {
    out->micro[kDistance] = RoundMicro(W.distance * std::exp2(-d / W.distance_half_life_km));
  }
  if (!options.exclude_welfare && w.welfare_decile >= 1 && w.welfare_decile <= 10) {
    out->micro[kWelfare] = RoundMicro(W.welfare * (11 - w.welfare_decile) / 10.0);
  }
  for (int64_t m : out->micro) out->score_micro += m;
}

void Explain(const MatchRecord& w, const ResolvedVacancy& v, const EngineEnv& env,
             const Evaluation& eval, bool exclude_welfare,
             google::protobuf::RepeatedPtrField<v1::ScoreComponent>* out) {
  auto add = [&](const char* name, int64_t micro, std::string detail) {
    v1::ScoreComponent* c = out->Add();
    c->set_name(name);
    c->set_value(MicroToDouble(micro));
    c->set_detail(std::move(detail));
  };
  add("preferred_skills", eval.micro[kPreferred],
      v.preferred.empty() ? std::string("no preferred skills")
                          : absl::StrCat(eval.preferred_hits, " of ", v.preferred.size(),
                                         " preferred skills"));
  if (eval.best_cert >= 0) {
    const CertRecord& c = w.certs[eval.best_cert];
    add("certificate", eval.micro[kCertificateStrength],
        absl::StrCat(IssuerName(c.issuer), " level ", c.level, ", valid ", c.expires - v.start,
                     " more days"));
  } else {
    add("certificate", 0, absl::StrCat("no relevant certificate valid on ", FormatDay(v.start)));
  }
  add("distance", eval.micro[kDistance],
      v.has_location ? absl::StrFormat("%.1f km", eval.distance_km) : "no location");
  if (!exclude_welfare) {
    add("welfare", eval.micro[kWelfare],
        w.welfare_decile > 0 ? absl::StrCat("welfare decile ", w.welfare_decile)
                             : std::string("not in the welfare register"));
  }
  // Informational: never part of the score (value 0), shown when either side names a wage.
  if (v.wage_min > 0 || v.wage_max > 0 || w.expected_wage > 0) add("wage", 0, WageDetail(w, v));
}

std::string FailureReason(const MatchRecord& w, const ResolvedVacancy& v, const EngineEnv& env,
                          const Evaluation& eval) {
  switch (eval.failed) {
    case Constraint::kRequiredSkill: {
      const Skill* s = env.lexicon.Find(eval.failed_skill);
      return absl::StrCat("lacks skill ", s ? s->code : absl::StrCat(eval.failed_skill));
    }
    case Constraint::kCertificate:
      return CertificateFailure(w, v, env);
    case Constraint::kRadius:
      return absl::StrFormat("%.1f km away, radius %g km", eval.distance_km, v.radius_km);
    case Constraint::kRegion:
      if (w.region_code.empty()) return "domicile given by coordinates only, no region";
      return absl::StrCat("domiciled in ", w.region_code, ", not in ",
                          absl::StrJoin(v.region_codes, ", "));
    case Constraint::kTravelRadius:
      return absl::StrFormat("%.1f km, travels at most %g km", eval.distance_km,
                             env.TravelKm(w.travel_km));
    case Constraint::kAvailability:
      if (w.available_from != kNoDay) {
        return absl::StrCat("available from ", FormatDay(w.available_from),
                            ", after the start date ", FormatDay(v.start));
      }
      return w.employment_status == v1::EMPLOYMENT_STATUS_SELF_EMPLOYED
                 ? "self-employed, no available_from date"
                 : "employed, no available_from date";
    case Constraint::kEducation:
      return absl::StrCat("education ", EducationRankName(w.education), ", below the minimum ",
                          EducationRankName(v.min_education));
    case Constraint::kExperience: {
      const std::optional<ExperienceShortfall> s = FirstExperienceShortfall(w, v);
      if (!s) return "";
      if (s->skill == 0) {
        return absl::StrCat(ExperienceMonths(w, v.start, 0), " months of experience, ",
                            s->required, " required");
      }
      return absl::StrCat(ExperienceMonths(w, v.start, s->skill), " months of experience in ",
                          Codes(env.lexicon, {s->skill}), ", ", s->required, " required");
    }
    case Constraint::kAge:
      // Never the age itself: partners learn only whether a worker fits the range.
      if (w.birth == kNoDay) return "birth date not given";
      return v.min_age > 0 && AgeOn(w.birth, v.start) < v.min_age
                 ? absl::StrCat("younger than ", v.min_age, " on the start date")
                 : absl::StrCat("older than ", v.max_age, " on the start date");
    case Constraint::kKeywords:
      return absl::StrCat("does not match the keywords \"", v.normalized.keywords(), "\"");
  }
  return "";
}

bool AvailableOn(const HotRecord& h, Day start) {
  return Available(h.employment_status, h.available_from, start);
}

std::optional<HotDistance> HotDistanceOf(const ResolvedVacancy& v, const EngineEnv& env,
                                         bool coarse_locations) {
  if (!v.has_location) return std::nullopt;
  HotDistance d;
  d.latitude = v.latitude;
  d.longitude = v.longitude;
  d.radius_km = v.radius_km;
  d.default_travel_km = env.options.default_travel_km;
  d.margin_km = kHotPointMarginKm + (coarse_locations ? kCoarseMarginKm : 0);
  return d;
}

HotDistanceCheck CheckHotDistance(const HotRecord& h, const HotDistance& d) {
  // Evaluate's tests, knowing its distance is within margin_km of this one (NaN without
  // a point: every comparison false). A travel radius on the hot record is rounded up to
  // whole km, so the worker's own lies in (travel_km - 1, travel_km].
  const double km = HaversineKm(d.latitude, d.longitude, h.latitude, h.longitude);
  HotDistanceCheck out;
  const bool radius = d.radius_km > 0;
  if (radius && km > d.radius_km + d.margin_km) out.too_far = true;
  const bool own = h.travel_km > 0;
  const double travel_max = own ? h.travel_km : d.default_travel_km;
  const double travel_min = own ? h.travel_km - 1.0 : d.default_travel_km;
  if (!h.willing_to_relocate && km > travel_max + d.margin_km) out.too_far = true;
  out.within = (!radius || km + d.margin_km <= d.radius_km) &&
               (h.willing_to_relocate || km + d.margin_km <= travel_min);
  out.min_km = std::max(0.0, km - d.margin_km);
  return out;
}

ScoreBound::ScoreBound(const ResolvedVacancy& v, const EngineEnv& env, bool exclude_welfare)
    : has_location_(v.has_location),
      distance_weight_(env.options.ranking.distance),
      half_life_km_(env.options.ranking.distance_half_life_km) {
  // Each term is Evaluate's own expression with an argument no smaller (rounding is
  // monotonic): preferred skills whose signature bit is set (a superset of those held),
  // the best certificate at the highest tier among its issuers' bits, at its highest
  // level and full validity, the distance at its least; the welfare component is exact.
  const RankingWeights& W = env.options.ranking;
  for (SkillId p : v.preferred) preferred_bits_.push_back(SkillBit(p));
  for (size_t hits = 0; hits <= v.preferred.size(); ++hits) {
    preferred_micro_.push_back(
        v.preferred.empty()
            ? 0
            : RoundMicro(W.preferred_skills * hits / static_cast<double>(v.preferred.size())));
  }
  const uint8_t issuers[3] = {v1::ISSUER_BNSP, v1::ISSUER_KEMNAKER, v1::ISSUER_OTHER};
  for (int i = 0; i < 3; ++i) issuer_bits_[i] = CertBit(issuers[i], 0);
  for (int mask = 0; mask < 8; ++mask) {
    double tier = 0;
    for (int i = 0; i < 3; ++i) {
      if (mask & (1 << i)) tier = std::max(tier, Tier(W, issuers[i]));
    }
    for (int level = 0; level < 16; ++level) {
      certificate_micro_[mask][level] =
          tier > 0 ? RoundMicro(W.certificate * (tier * (0.5 + level / 18.0))) : 0;
    }
  }
  for (int decile = 0; decile < 16; ++decile) {
    welfare_micro_[decile] = !exclude_welfare && decile >= 1 && decile <= 10
                                 ? RoundMicro(W.welfare * (11 - decile) / 10.0)
                                 : 0;
  }
}

int64_t ScoreBound::Micro(const HotRecord& h, double min_km) const {
  int64_t bound = 2;  // slack against any rounding subtlety
  size_t hits = 0;
  for (uint64_t bit : preferred_bits_) hits += (h.skills & bit) != 0 ? 1 : 0;
  bound += preferred_micro_[hits];
  int mask = 0;
  for (int i = 0; i < 3; ++i) mask |= (h.certs & issuer_bits_[i]) != 0 ? 1 << i : 0;
  bound += certificate_micro_[mask][h.best_level];
  bound += welfare_micro_[h.welfare_decile];
  if (has_location_) {
    // RoundMicro(x) = llround(x * 1e6) <= floor(x * 1e6) + 1 for x >= 0.
    bound += static_cast<int64_t>(
        distance_weight_ * std::exp2(-min_km / half_life_km_) * 1e6 + 1);
  }
  return bound;
}

}  // namespace cakap
