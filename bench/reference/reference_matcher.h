// An independent, brute-force reference matcher written straight from docs/ranking.md and
// the field comments of proto/cakap/v1/*.proto. It shares nothing with the engine but the
// public Lexicon and Regions (reference data) and Xapian's Indonesian stemmer (the stemmer
// the contract names). Slow on purpose: every worker is checked against every constraint.
// The test suite uses it as the oracle; the benchmark peers (bench/peers) load the workers
// and vacancies its Resolve* functions produce, so every peer answers the same question.
//
//   cakap_ref::ReferenceMatcher ref(lexicon, regions, options);
//   std::vector<cakap_ref::RefWorker> workers = ...ref.ResolveWorker(w)...;
//   cakap_ref::RefVacancy v = *ref.ResolveVacancy(vacancy);
//   std::vector<cakap_ref::RefCandidate> expected = ref.Match(workers, v, false);
#ifndef CAKAP_BENCH_REFERENCE_REFERENCE_MATCHER_H_
#define CAKAP_BENCH_REFERENCE_REFERENCE_MATCHER_H_

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "cakap/lexicon.h"
#include "cakap/options.h"
#include "cakap/regions.h"
#include "cakap/v1/match.pb.h"
#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"

namespace cakap_ref {

// Constraint names of docs/ranking.md.
inline constexpr const char* kRequiredSkill = "required_skill";
inline constexpr const char* kCertificate = "certificate";
inline constexpr const char* kRadius = "radius";
inline constexpr const char* kRegion = "region";
inline constexpr const char* kTravelRadius = "travel_radius";
inline constexpr const char* kAvailability = "availability";
inline constexpr const char* kEducation = "education";
inline constexpr const char* kExperience = "experience";
inline constexpr const char* kAge = "age";
inline constexpr const char* kKeywords = "keywords";

// Education levels of common.proto's comment: SMA = SMK, D4 = S1.
inline int RefEducationLevel(cakap::v1::Education e) {
  switch (e) {
    case cakap::v1::EDUCATION_SD: return 1;
    case cakap::v1::EDUCATION_SMP: return 2;
    case cakap::v1::EDUCATION_SMA: return 3;
    case cakap::v1::EDUCATION_SMK: return 3;
    case cakap::v1::EDUCATION_D1: return 4;
    case cakap::v1::EDUCATION_D2: return 5;
    case cakap::v1::EDUCATION_D3: return 6;
    case cakap::v1::EDUCATION_D4: return 7;
    case cakap::v1::EDUCATION_S1: return 7;
    case cakap::v1::EDUCATION_S2: return 8;
    case cakap::v1::EDUCATION_S3: return 9;
    default: return 0;
  }
}

struct RefJob {
  absl::CivilDay from;
  std::optional<absl::CivilDay> to;  // none: still held
  std::set<cakap::SkillId> skills;   // expanded with parents; empty: none given
};

struct RefCert {
  cakap::v1::Issuer issuer = cakap::v1::ISSUER_UNSPECIFIED;
  std::set<cakap::SkillId> covers;  // expanded with parents
  absl::CivilDay issued;
  absl::CivilDay expires;  // effective
  int kkni = 0;
};

struct RefWorker {
  std::string id;
  cakap::v1::Worker source;
  std::set<cakap::SkillId> skills;  // skills(w): expanded, certificates included
  std::vector<RefCert> certs;
  double lat = 0, lon = 0;          // point(w)
  std::string region_code;          // empty when given only by coordinates
  std::string province_code;        // empty likewise
  double travel_km = 0;             // travel(w)
  bool relocate = false;
  bool employed = false;            // EMPLOYED or SELF_EMPLOYED
  std::optional<absl::CivilDay> available_from;
  int decile = 0;
  int education = 0;  // RefEducationLevel
  std::optional<absl::CivilDay> birth;
  std::string ktp_region;  // "64.74" for a NIK 6474...: when that kabupaten/kota is known
  std::vector<RefJob> jobs;
  // Words of the worker's text: free-text (unresolved) skill entries, training
  // programme/institution/field, certificate scheme/issuing body.
  std::set<std::string> words;
};

struct RefVacancy {
  std::vector<cakap::SkillId> required;   // distinct, in order
  std::vector<cakap::SkillId> preferred;  // distinct, in order
  std::set<cakap::v1::Issuer> accepted;
  int min_kkni = 0;
  bool has_point = false;
  double lat = 0, lon = 0;
  double radius_km = 0;
  std::vector<std::string> region_codes;
  absl::CivilDay start;
  bool include_employed = false;
  std::vector<cakap::SkillId> keyword_skills;
  std::vector<std::string> keyword_words;  // lower-cased, not naming a skill
  int min_education = 0;                   // RefEducationLevel
  int min_experience_months = 0;
  std::vector<std::pair<cakap::SkillId, int>> skill_experience;
  int min_age = 0, max_age = 0;
  // The local-worker quota.
  std::vector<std::string> local_region_codes;
  double min_local_share = 0;
  cakap::v1::LocalBasis local_basis = cakap::v1::LOCAL_BASIS_UNSPECIFIED;
};

struct RefEvaluation {
  std::vector<std::string> failed;       // names of failed constraints (with repeats)
  std::vector<std::string> failed_detail;  // a short reason for each
  double distance_km = -1;
  int64_t preferred_micro = 0, certificate_micro = 0, distance_micro = 0, welfare_micro = 0;
  bool welfare_included = true;
  int64_t score_micro = 0;
  bool candidate() const { return failed.empty(); }
  double score() const { return static_cast<double>(score_micro) / 1e6; }
};

struct RefCandidate {
  const RefWorker* worker = nullptr;
  RefEvaluation eval;
};

// Facet counts as maps value -> count (values with a count of 0 are absent).
struct RefFacets {
  std::map<std::string, int64_t> issuer;  // "BNSP", "KEMNAKER", "OTHER"
  std::map<std::string, int64_t> region;  // kabupaten code, "" for coordinates only
  std::map<std::string, int64_t> kkni_level;
};

// Rounds to 6 decimals, half away from zero, as an integer number of 1e-6.
inline int64_t RoundMicro(double v) { return std::llround(v * 1e6); }

// `d` of docs/ranking.md as the page writes it, in its evaluation order.
inline double RefHaversineKm(double lat1, double lon1, double lat2, double lon2) {
  const double kPiLocal = 3.14159265358979323846;
  const double rad = kPiLocal / 180.0;
  const double phi1 = lat1 * rad, phi2 = lat2 * rad, lambda1 = lon1 * rad, lambda2 = lon2 * rad;
  const double a = std::sin((phi2 - phi1) / 2), b = std::sin((lambda2 - lambda1) / 2);
  const double h = a * a + std::cos(phi1) * std::cos(phi2) * b * b;
  return 2 * 6371.0 * std::asin(std::sqrt(h < 1 ? h : 1.0));
}

inline std::string IssuerName(cakap::v1::Issuer i) {
  switch (i) {
    case cakap::v1::ISSUER_BNSP: return "BNSP";
    case cakap::v1::ISSUER_KEMNAKER: return "KEMNAKER";
    case cakap::v1::ISSUER_OTHER: return "OTHER";
    default: return "UNSPECIFIED";
  }
}

// Lower-case ASCII words of `text` (split at anything but [a-z0-9]).
inline std::vector<std::string> Words(absl::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

class ReferenceMatcher {
 public:
  ReferenceMatcher(const cakap::Lexicon& lexicon, const cakap::Regions& regions,
                   cakap::EngineOptions options)
      : lexicon_(lexicon), regions_(regions), options_(std::move(options)),
        stemmer_("indonesian") {}

  absl::CivilDay Today() const {
    return options_.today ? options_.today() : absl::CivilDay(2026, 11, 23);
  }

  static absl::StatusOr<absl::CivilDay> ParseDay(absl::string_view s) {
    absl::CivilDay d;
    if (s.size() != 10 || !absl::ParseCivilTime(s, &d) || absl::FormatCivilTime(d) != s) {
      return absl::InvalidArgumentError(absl::StrCat("bad date \"", s, "\""));
    }
    return d;
  }

  // Expanded skills of one lexicon skill: itself and its parent.
  void AddExpanded(cakap::SkillId id, std::set<cakap::SkillId>* out) const {
    out->insert(id);
    const cakap::Skill* s = lexicon_.Find(id);
    if (s != nullptr && s->parent != 0) out->insert(s->parent);
  }

  std::string Stem(const std::string& word) const { return stemmer_(word); }

  absl::StatusOr<RefWorker> ResolveWorker(const cakap::v1::Worker& w) const {
    RefWorker r;
    r.id = w.id();
    r.source = w;
    for (const std::string& entry : w.skills()) {
      const cakap::Skill* s = lexicon_.Resolve(entry);
      if (s != nullptr) {
        AddExpanded(s->id, &r.skills);
      } else {
        for (auto& word : Words(entry)) r.words.insert(word);
      }
    }
    for (const auto& c : w.certificates()) {
      RefCert rc;
      rc.issuer = c.issuer();
      rc.kkni = c.kkni_level();
      for (const std::string& entry : c.skills()) {
        const cakap::Skill* s = lexicon_.Resolve(entry);
        if (s == nullptr) {
          return absl::InvalidArgumentError(absl::StrCat("unknown certificate skill ", entry));
        }
        AddExpanded(s->id, &rc.covers);
      }
      absl::StatusOr<absl::CivilDay> issued = ParseDay(c.issued_on());
      if (!issued.ok()) return issued.status();
      rc.issued = *issued;
      if (!c.expires_on().empty()) {
        absl::StatusOr<absl::CivilDay> e = ParseDay(c.expires_on());
        if (!e.ok()) return e.status();
        rc.expires = *e;
      } else {
        int years = options_.default_validity_years_other;
        if (c.issuer() == cakap::v1::ISSUER_BNSP) years = options_.default_validity_years_bnsp;
        if (c.issuer() == cakap::v1::ISSUER_KEMNAKER) {
          years = options_.default_validity_years_kemnaker;
        }
        rc.expires = absl::CivilDay(rc.issued.year() + years, rc.issued.month(),
                                    rc.issued.day()) - 1;
      }
      r.skills.insert(rc.covers.begin(), rc.covers.end());
      for (auto& word : Words(c.scheme())) r.words.insert(word);
      for (auto& word : Words(c.issuing_body())) r.words.insert(word);
      r.certs.push_back(std::move(rc));
    }
    for (const auto& t : w.trainings()) {
      for (auto& word : Words(t.programme())) r.words.insert(word);
      for (auto& word : Words(t.institution())) r.words.insert(word);
      for (auto& word : Words(t.field())) r.words.insert(word);
    }
    const auto& d = w.domicile();
    if (!d.region_code().empty()) {
      const cakap::Region* region = regions_.Find(d.region_code());
      if (region == nullptr) {
        return absl::InvalidArgumentError(absl::StrCat("unknown region ", d.region_code()));
      }
      r.region_code = region->code;
      r.province_code = region->province_code;
      r.lat = region->latitude;
      r.lon = region->longitude;
    }
    if (d.has_coordinates()) {
      r.lat = d.latitude();
      r.lon = d.longitude();
    } else if (d.region_code().empty()) {
      return absl::InvalidArgumentError("worker without domicile");
    }
    r.travel_km = w.travel_km() == 0 ? options_.default_travel_km : w.travel_km();
    r.relocate = w.willing_to_relocate();
    r.employed = w.employment_status() == cakap::v1::EMPLOYMENT_STATUS_EMPLOYED ||
                 w.employment_status() == cakap::v1::EMPLOYMENT_STATUS_SELF_EMPLOYED;
    if (!w.available_from().empty()) {
      absl::StatusOr<absl::CivilDay> a = ParseDay(w.available_from());
      if (!a.ok()) return a.status();
      r.available_from = *a;
    }
    r.decile = w.welfare_decile();
    r.education = RefEducationLevel(w.education());
    if (w.nik().size() == 16) {
      const cakap::Region* ktp = regions_.Find(w.nik().substr(0, 2) + "." + w.nik().substr(2, 2));
      if (ktp != nullptr && ktp->level != "province") r.ktp_region = ktp->code;
    }
    if (!w.birth_date().empty()) {
      absl::StatusOr<absl::CivilDay> b = ParseDay(w.birth_date());
      if (!b.ok()) return b.status();
      r.birth = *b;
    }
    for (const auto& job : w.work_history()) {
      RefJob j;
      absl::StatusOr<absl::CivilDay> from = ParseDay(job.started_on());
      if (!from.ok()) return from.status();
      j.from = *from;
      if (!job.ended_on().empty()) {
        absl::StatusOr<absl::CivilDay> to = ParseDay(job.ended_on());
        if (!to.ok()) return to.status();
        j.to = *to;
      }
      if (!job.skill().empty()) {
        const cakap::Skill* s = lexicon_.Resolve(job.skill());
        if (s == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown skill ", job.skill()));
        AddExpanded(s->id, &j.skills);
      }
      r.jobs.push_back(std::move(j));
    }
    return r;
  }

  // Months of experience as docs/ranking.md defines them: the days covered by at least
  // one job, from its first day to its last (a job still held: to the start date), none
  // after the start date, by a sweep over +1/-1 events; 30.4375 days a month, whole months.
  // Only the jobs in `skill` unless it is 0.
  int ExperienceMonths(const RefWorker& w, absl::CivilDay start, cakap::SkillId skill) const {
    std::vector<std::pair<absl::CivilDay, int>> events;
    for (const RefJob& j : w.jobs) {
      if (skill != 0 && !j.skills.count(skill)) continue;
      const absl::CivilDay last = j.to.has_value() ? std::min(*j.to, start) : start;
      if (last < j.from) continue;
      events.push_back({j.from, +1});
      events.push_back({last + 1, -1});
    }
    std::sort(events.begin(), events.end());
    int64_t days = 0;
    int open = 0;
    for (size_t i = 0; i < events.size(); ++i) {
      open += events[i].second;
      if (open > 0 && i + 1 < events.size()) days += events[i + 1].first - events[i].first;
    }
    return static_cast<int>(std::floor(static_cast<double>(days) / 30.4375));
  }

  // Local for the vacancy's quota: by domicile (the default), by KTP, or either; a region
  // is local when it or its province is listed.
  bool IsLocal(const RefWorker& w, const RefVacancy& v) const {
    auto listed = [&](const std::string& code) {
      if (code.empty()) return false;
      for (const std::string& c : v.local_region_codes) {
        if (c == code || c == code.substr(0, 2)) return true;
      }
      return false;
    };
    const bool domicile = listed(w.region_code), ktp = listed(w.ktp_region);
    switch (v.local_basis) {
      case cakap::v1::LOCAL_BASIS_KTP: return ktp;
      case cakap::v1::LOCAL_BASIS_DOMICILE_OR_KTP: return domicile || ktp;
      default: return domicile;
    }
  }

  // The quota's ranking of `cs` (in score order), by positions rather than by placing
  // them one by one: the i-th local candidate (from 1) goes to the earlier of its place
  // in score order (i plus the non-local candidates scoring before it) and its deadline,
  // the first k with floor(share * k) >= i (share to 6 decimals); the non-local ones fill
  // the other places in score order. `moved`: a local placed before a better non-local.
  struct QuotaRanked {
    std::vector<const RefCandidate*> order;
    std::vector<bool> local, moved;
  };
  QuotaRanked QuotaRank(const std::vector<RefCandidate>& cs, const RefVacancy& v) const {
    const double share = std::round(v.min_local_share * 1e6) / 1e6;
    const size_t n = cs.size();
    std::vector<const RefCandidate*> slots(n, nullptr);
    std::vector<bool> is_local(n, false), moved(n, false);
    int64_t i = 0, others_before = 0;
    for (const RefCandidate& c : cs) {
      if (!IsLocal(*c.worker, v)) {
        ++others_before;
        continue;
      }
      ++i;
      int64_t deadline = static_cast<int64_t>(n) + 1;
      for (int64_t k = 1; k <= static_cast<int64_t>(n); ++k) {
        if (std::floor(share * 1e6 * static_cast<double>(k) / 1e6 + 1e-9) >= i) {
          deadline = k;
          break;
        }
      }
      const int64_t natural = i + others_before;
      const size_t pos = static_cast<size_t>(std::min(natural, deadline) - 1);
      slots[pos] = &c;
      is_local[pos] = true;
      moved[pos] = deadline < natural;
    }
    size_t next = 0;
    for (const RefCandidate& c : cs) {
      if (IsLocal(*c.worker, v)) continue;
      while (slots[next] != nullptr) ++next;
      slots[next] = &c;
    }
    return QuotaRanked{slots, is_local, moved};
  }

  // Age in whole years on `day`: the most birthdays passed (29 February's falling on
  // 1 March in other years, as CivilDay normalises it).
  static int AgeOn(absl::CivilDay birth, absl::CivilDay day) {
    int years = 0;
    while (absl::CivilDay(birth.year() + years + 1, birth.month(), birth.day()) <= day) ++years;
    return years;
  }

  absl::StatusOr<RefVacancy> ResolveVacancy(const cakap::v1::Vacancy& v) const {
    RefVacancy r;
    auto resolve_list = [&](const auto& list,
                            std::vector<cakap::SkillId>* out) -> absl::Status {
      for (const std::string& entry : list) {
        const cakap::Skill* s = lexicon_.Resolve(entry);
        if (s == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown skill ", entry));
        if (std::find(out->begin(), out->end(), s->id) == out->end()) out->push_back(s->id);
      }
      return absl::OkStatus();
    };
    absl::Status st = resolve_list(v.required_skills(), &r.required);
    if (!st.ok()) return st;
    st = resolve_list(v.preferred_skills(), &r.preferred);
    if (!st.ok()) return st;
    for (int i : v.accepted_issuers()) r.accepted.insert(static_cast<cakap::v1::Issuer>(i));
    r.min_kkni = v.min_kkni_level();
    if (v.has_location()) {
      const auto& l = v.location();
      if (l.has_coordinates()) {
        r.has_point = true;
        r.lat = l.latitude();
        r.lon = l.longitude();
      } else if (!l.region_code().empty()) {
        const cakap::Region* region = regions_.Find(l.region_code());
        if (region == nullptr) {
          return absl::InvalidArgumentError(absl::StrCat("unknown region ", l.region_code()));
        }
        r.has_point = true;
        r.lat = region->latitude;
        r.lon = region->longitude;
      }
    }
    r.radius_km = v.radius_km();
    r.region_codes.assign(v.region_codes().begin(), v.region_codes().end());
    if (v.start_date().empty()) {
      r.start = Today();
    } else {
      absl::StatusOr<absl::CivilDay> s = ParseDay(v.start_date());
      if (!s.ok()) return s.status();
      r.start = *s;
    }
    r.include_employed = v.include_employed();
    r.min_education = RefEducationLevel(v.min_education());
    r.min_experience_months = v.min_experience_months();
    for (const auto& e : v.skill_experience()) {
      const cakap::Skill* s = lexicon_.Resolve(e.skill());
      if (s == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown skill ", e.skill()));
      r.skill_experience.push_back({s->id, e.months()});
    }
    r.min_age = v.min_age();
    r.max_age = v.max_age();
    r.local_region_codes.assign(v.local_region_codes().begin(), v.local_region_codes().end());
    r.min_local_share = v.min_local_share();
    r.local_basis = v.local_basis();
    if (!v.keywords().empty()) {
      cakap::TextSkills t = lexicon_.Extract(v.keywords());
      r.keyword_skills = t.skill_ids;
      for (auto& word : Words(t.leftover)) r.keyword_words.push_back(word);
    }
    return r;
  }

  bool CoversRequirement(const RefCert& c, const RefVacancy& v) const {
    if (v.required.empty()) return !c.covers.empty();
    for (cakap::SkillId s : v.required) {
      if (c.covers.count(s)) return true;
    }
    return false;
  }

  bool ValidOn(const RefCert& c, absl::CivilDay day) const {
    return c.issued <= day && day <= c.expires;
  }

  bool WordInText(const std::string& word, const std::set<std::string>& words) const {
    if (words.count(word)) return true;
    const std::string stem = Stem(word);
    for (const std::string& w : words) {
      if (Stem(w) == stem) return true;
    }
    return false;
  }

  RefEvaluation Evaluate(const RefWorker& w, const RefVacancy& v, bool exclude_welfare) const {
    RefEvaluation e;
    auto fail = [&](const char* name, std::string detail) {
      e.failed.push_back(name);
      e.failed_detail.push_back(std::move(detail));
    };
    for (cakap::SkillId s : v.required) {
      if (!w.skills.count(s)) fail(kRequiredSkill, absl::StrCat("lacks ", Code(s)));
    }
    if (!v.accepted.empty()) {
      bool ok = false;
      for (const RefCert& c : w.certs) {
        if (v.accepted.count(c.issuer) && ValidOn(c, v.start) && c.kkni >= v.min_kkni &&
            CoversRequirement(c, v)) {
          ok = true;
          break;
        }
      }
      if (!ok) fail(kCertificate, "no qualifying certificate");
    }
    if (v.has_point) e.distance_km = RefHaversineKm(v.lat, v.lon, w.lat, w.lon);
    if (v.has_point && v.radius_km > 0 && !(e.distance_km <= v.radius_km)) {
      fail(kRadius, absl::StrFormat("%.6f km > radius %.6f", e.distance_km, v.radius_km));
    }
    if (!v.region_codes.empty()) {
      bool ok = false;
      for (const std::string& code : v.region_codes) {
        if (!w.region_code.empty() && (code == w.region_code || code == w.province_code)) {
          ok = true;
        }
      }
      if (!ok) fail(kRegion, absl::StrCat("region \"", w.region_code, "\""));
    }
    if (v.has_point && !w.relocate && !(e.distance_km <= w.travel_km)) {
      fail(kTravelRadius,
           absl::StrFormat("%.6f km > travels %.6f", e.distance_km, w.travel_km));
    }
    if (!v.include_employed) {
      bool ok;
      if (w.available_from.has_value()) {
        ok = *w.available_from <= v.start;
      } else {
        // docs/ranking.md: a seeker without available_from is available on any start date.
        ok = !w.employed;
      }
      if (!ok) fail(kAvailability, "not available");
    }
    if (v.min_education > 0 && w.education < v.min_education) {
      fail(kEducation, absl::StrCat("education ", w.education, " < ", v.min_education));
    }
    {
      bool ok = v.min_experience_months == 0 ||
                ExperienceMonths(w, v.start, 0) >= v.min_experience_months;
      for (const auto& [skill, months] : v.skill_experience) {
        if (ExperienceMonths(w, v.start, skill) < months) ok = false;
      }
      if (!ok) fail(kExperience, "experience");
    }
    if (v.min_age > 0 || v.max_age > 0) {
      bool ok = w.birth.has_value();
      if (ok) {
        const int age = AgeOn(*w.birth, v.start);
        ok = (v.min_age == 0 || age >= v.min_age) && (v.max_age == 0 || age <= v.max_age);
      }
      if (!ok) fail(kAge, "age");
    }
    if (!v.keyword_skills.empty() || !v.keyword_words.empty()) {
      bool ok = true;
      for (cakap::SkillId s : v.keyword_skills) {
        if (!w.skills.count(s)) ok = false;
      }
      // docs/ranking.md: only the worker's free text (not skill entries that name a lexicon
      // skill, not skill names) is searched.
      for (const std::string& word : v.keyword_words) {
        if (ok && !WordInText(word, w.words)) ok = false;
      }
      if (!ok) fail(kKeywords, "keywords");
    }

    // Score.
    const cakap::RankingWeights& W = options_.ranking;
    if (!v.preferred.empty()) {
      int h = 0;
      for (cakap::SkillId s : v.preferred) h += w.skills.count(s) ? 1 : 0;
      e.preferred_micro =
          RoundMicro(W.preferred_skills * h / static_cast<double>(v.preferred.size()));
    }
    double best = 0;
    bool any = false;
    for (const RefCert& c : w.certs) {
      if (!RelevantForScore(c, v)) continue;
      const double strength = CertStrength(c, v);
      if (!any || strength > best) best = strength;
      any = true;
    }
    e.certificate_micro = any ? RoundMicro(W.certificate * best) : 0;
    if (v.has_point) {
      e.distance_micro =
          RoundMicro(W.distance * std::pow(2.0, -e.distance_km / W.distance_half_life_km));
    }
    e.welfare_included = !exclude_welfare;
    if (!exclude_welfare && w.decile >= 1 && w.decile <= 10) {
      e.welfare_micro = RoundMicro(W.welfare * (11 - w.decile) / 10.0);
    }
    e.score_micro = e.preferred_micro + e.certificate_micro + e.distance_micro +
                    (exclude_welfare ? 0 : e.welfare_micro);
    return e;
  }

  bool RelevantForScore(const RefCert& c, const RefVacancy& v) const {
    if (!ValidOn(c, v.start)) return false;
    bool covers = false;
    if (!v.required.empty()) {
      for (cakap::SkillId s : v.required) covers = covers || c.covers.count(s) > 0;
    } else if (!v.preferred.empty()) {
      for (cakap::SkillId s : v.preferred) covers = covers || c.covers.count(s) > 0;
    } else {
      covers = !c.covers.empty();
    }
    if (!covers) return false;
    if (!v.accepted.empty()) {
      if (!v.accepted.count(c.issuer) || c.kkni < v.min_kkni) return false;
    }
    return true;
  }

  double CertStrength(const RefCert& c, const RefVacancy& v) const {
    const cakap::RankingWeights& W = options_.ranking;
    double tier = W.tier_other;
    if (c.issuer == cakap::v1::ISSUER_BNSP) tier = W.tier_bnsp;
    if (c.issuer == cakap::v1::ISSUER_KEMNAKER) tier = W.tier_kemnaker;
    const double r = static_cast<double>(c.expires - v.start);
    const double validity = std::min(1.0, 0.5 + 0.5 * r / W.full_validity_days);
    return tier * (0.5 + c.kkni / 18.0) * validity;
  }

  // Candidates of `v` among `workers`, best first (score desc, id asc).
  std::vector<RefCandidate> Match(const std::vector<RefWorker>& workers, const RefVacancy& v,
                                  bool exclude_welfare) const {
    std::vector<RefCandidate> out;
    for (const RefWorker& w : workers) {
      RefEvaluation e = Evaluate(w, v, exclude_welfare);
      if (e.candidate()) out.push_back(RefCandidate{&w, std::move(e)});
    }
    SortCandidates(&out);
    return out;
  }

  static void SortCandidates(std::vector<RefCandidate>* cs) {
    std::sort(cs->begin(), cs->end(), [](const RefCandidate& a, const RefCandidate& b) {
      if (a.eval.score_micro != b.eval.score_micro) {
        return a.eval.score_micro > b.eval.score_micro;
      }
      return a.worker->id < b.worker->id;
    });
  }

  RefFacets Facets(const std::vector<RefCandidate>& cs, const RefVacancy& v) const {
    RefFacets f;
    for (const RefCandidate& c : cs) {
      std::set<std::string> issuers;
      int best = 0;
      for (const RefCert& cert : c.worker->certs) {
        if (!ValidOn(cert, v.start)) continue;
        issuers.insert(IssuerName(cert.issuer));
        best = std::max(best, cert.kkni);
      }
      for (const std::string& i : issuers) f.issuer[i]++;
      f.region[c.worker->region_code]++;
      f.kkni_level[absl::StrCat(best)]++;
    }
    return f;
  }

  std::string Code(cakap::SkillId id) const {
    const cakap::Skill* s = lexicon_.Find(id);
    return s == nullptr ? absl::StrCat("#", id) : s->code;
  }

  std::string Codes(const std::set<cakap::SkillId>& ids) const {
    std::vector<std::string> out;
    for (cakap::SkillId id : ids) out.push_back(Code(id));
    return absl::StrJoin(out, ",");
  }

  // A readable account of one evaluation, for failure messages.
  std::string Describe(const RefWorker& w, const RefVacancy& v, const RefEvaluation& e) const {
    std::string s = absl::StrCat("worker ", w.id, " [", w.source.ShortDebugString(), "]\n");
    absl::StrAppend(&s, "  reference: skills(w)={", Codes(w.skills), "} point=(", w.lat, ",",
                    w.lon, ") region=\"", w.region_code, "\" travel=", w.travel_km,
                    " relocate=", w.relocate, "\n");
    for (size_t i = 0; i < w.certs.size(); ++i) {
      const RefCert& c = w.certs[i];
      absl::StrAppend(&s, "  cert[", i, "] ", IssuerName(c.issuer), " kkni=", c.kkni,
                      " covers={", Codes(c.covers), "} ", absl::FormatCivilTime(c.issued),
                      "..", absl::FormatCivilTime(c.expires),
                      RelevantForScore(c, v) ? absl::StrFormat(" relevant strength=%.9f",
                                                               CertStrength(c, v))
                                             : std::string(" not relevant"),
                      "\n");
    }
    absl::StrAppend(&s, "  reference: ", e.candidate() ? "CANDIDATE" : "NOT a candidate");
    for (size_t i = 0; i < e.failed.size(); ++i) {
      absl::StrAppend(&s, " fails ", e.failed[i], " (", e.failed_detail[i], ")");
    }
    absl::StrAppendFormat(&s,
                          "\n  reference score %.6f = preferred %.6f + certificate %.6f + "
                          "distance %.6f + welfare %.6f; distance_km %.6f\n",
                          e.score(), e.preferred_micro / 1e6, e.certificate_micro / 1e6,
                          e.distance_micro / 1e6, e.welfare_micro / 1e6, e.distance_km);
    return s;
  }

  std::string DescribeVacancy(const cakap::v1::Vacancy& raw, const RefVacancy& v) const {
    std::vector<std::string> req, pref;
    for (auto id : v.required) req.push_back(Code(id));
    for (auto id : v.preferred) pref.push_back(Code(id));
    return absl::StrCat("vacancy [", raw.ShortDebugString(), "]\n  resolved: required={",
                        absl::StrJoin(req, ","), "} preferred={", absl::StrJoin(pref, ","),
                        "} start=", absl::FormatCivilTime(v.start),
                        v.has_point ? absl::StrCat(" point=(", v.lat, ",", v.lon, ")")
                                    : std::string(" no place"),
                        "\n");
  }

 private:
  const cakap::Lexicon& lexicon_;
  const cakap::Regions& regions_;
  cakap::EngineOptions options_;
  Xapian::Stem stemmer_;
};

// A string for an engine candidate, for failure messages.
inline std::string DescribeEngineCandidate(const cakap::v1::Candidate& c) {
  std::string s = absl::StrFormat("  engine: score %.6f distance_km %.6f:", c.score(),
                                  c.distance_km());
  for (const auto& e : c.explanation()) {
    absl::StrAppendFormat(&s, " %s=%.6f (%s)", e.name(), e.value(), e.detail());
  }
  return s + "\n";
}

}  // namespace cakap_ref

#endif  // CAKAP_BENCH_REFERENCE_REFERENCE_MATCHER_H_
