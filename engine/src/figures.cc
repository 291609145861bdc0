// The office's figures (figures.proto): one scan of the fact table (facts.h) under its
// reader lock. Every filter is resolved to a table indexed by an interned id or a skill
// id before the scan, so the scan compares numbers only.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cakap/status_macros.h"
#include "engine_impl.h"

namespace cakap {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

// Day of an optional date field; kNoDay when empty.
absl::StatusOr<Day> OptionalDay(const std::string& text, absl::string_view field) {
  if (text.empty()) return kNoDay;
  CAKAP_ASSIGN_OR_RETURN(absl::CivilDay day, ParseDate(text, field));
  return ToDay(day);
}

bool InRange(Day d, Day from, Day to) {
  return d != kNoDay && (from == kNoDay || d >= from) && (to == kNoDay || d <= to);
}

// A slice resolved against the lexicon, the regions and the fact table's interned names.
struct Resolved {
  std::vector<bool> region_ok;  // by region id; empty: no region filter
  int decile_min = 0, decile_max = 0;
  std::vector<bool> skill_in;   // by SkillId: the skill or a specialisation; empty: any
  uint8_t issuer = 0;
  bool training_filter = false;
  std::optional<uint32_t> programme, institution;  // nullopt: no filter
  bool no_training_matches = false;  // a named programme or institution nobody has
  std::vector<bool> institution_ok;  // by name id; empty: no kind filter
  Day cohort_from = kNoDay, cohort_to = kNoDay;
  Day period_from = kNoDay, period_to = kNoDay;
  Day as_of = 0;

  bool TrainingMatches(const TrainingFact& t) const {
    if (programme && t.programme != *programme) return false;
    if (institution && t.institution != *institution) return false;
    if (!institution_ok.empty() &&
        (t.institution >= institution_ok.size() || !institution_ok[t.institution])) {
      return false;
    }
    if ((cohort_from != kNoDay || cohort_to != kNoDay) &&
        !InRange(t.ended, cohort_from, cohort_to)) {
      return false;
    }
    return true;
  }
  bool SkillOk(SkillId s) const { return skill_in.empty() || (s < skill_in.size() && skill_in[s]); }
};

absl::StatusOr<Resolved> Resolve(const v1::GetFiguresRequest& req, const EngineEnv& env,
                                 const FactTable& facts) {
  const v1::FiguresSlice& s = req.slice();
  Resolved r;
  if (s.region_codes_size() > 0) {
    std::vector<std::string> codes;
    for (int i = 0; i < s.region_codes_size(); ++i) {
      if (env.regions.Find(s.region_codes(i)) == nullptr) {
        return Invalid(absl::StrCat("slice.region_codes[", i, "]"),
                       absl::StrCat("unknown region \"", s.region_codes(i), "\""));
      }
      codes.push_back(s.region_codes(i));
    }
    const std::vector<std::string> interned = facts.regions().Snapshot();
    r.region_ok.resize(interned.size());
    for (size_t id = 1; id < interned.size(); ++id) {
      for (const std::string& code : codes) {
        if (interned[id] == code ||
            (code.size() == 2 && absl::StartsWith(interned[id], code + "."))) {
          r.region_ok[id] = true;
        }
      }
    }
  }
  if (s.welfare_decile_min() < 0 || s.welfare_decile_min() > 10) {
    return Invalid("slice.welfare_decile_min", "must be in 0-10");
  }
  if (s.welfare_decile_max() < 0 || s.welfare_decile_max() > 10) {
    return Invalid("slice.welfare_decile_max", "must be in 0-10");
  }
  r.decile_min = s.welfare_decile_min();
  r.decile_max = s.welfare_decile_max();
  if (!s.skill().empty()) {
    const Skill* skill = env.lexicon.Resolve(s.skill());
    if (skill == nullptr) {
      return Invalid("slice.skill", absl::StrCat("no lexicon skill \"", s.skill(), "\""));
    }
    for (const Skill& k : env.lexicon.skills()) {
      for (SkillId a : env.lexicon.WithAncestors(k.id)) {
        if (a != skill->id) continue;
        if (r.skill_in.size() <= k.id) r.skill_in.resize(k.id + 1);
        r.skill_in[k.id] = true;
      }
    }
  }
  if (!v1::Issuer_IsValid(s.certificate_issuer())) {
    return Invalid("slice.certificate_issuer", "unknown value");
  }
  r.issuer = static_cast<uint8_t>(s.certificate_issuer());
  auto name_id = [&](const std::string& name) -> std::optional<uint32_t> {
    std::optional<uint32_t> id = facts.names().Find(absl::AsciiStrToLower(name));
    if (!id) r.no_training_matches = true;
    return id.value_or(0);
  };
  if (!s.programme().empty()) r.programme = name_id(s.programme());
  if (!s.institution().empty()) r.institution = name_id(s.institution());
  if (!s.institution_kind().empty()) {
    const std::string kind = absl::AsciiStrToLower(s.institution_kind());
    const std::vector<std::string> names = facts.names().Snapshot();
    r.institution_ok.resize(names.size());
    for (size_t id = 1; id < names.size(); ++id) {
      r.institution_ok[id] = absl::StartsWith(names[id], kind);
    }
  }
  CAKAP_ASSIGN_OR_RETURN(r.cohort_from, OptionalDay(s.cohort_from(), "slice.cohort_from"));
  CAKAP_ASSIGN_OR_RETURN(r.cohort_to, OptionalDay(s.cohort_to(), "slice.cohort_to"));
  CAKAP_ASSIGN_OR_RETURN(r.period_from, OptionalDay(s.period_from(), "slice.period_from"));
  CAKAP_ASSIGN_OR_RETURN(r.period_to, OptionalDay(s.period_to(), "slice.period_to"));
  r.training_filter = r.programme || r.institution || !r.institution_ok.empty() ||
                      r.cohort_from != kNoDay || r.cohort_to != kNoDay;
  CAKAP_ASSIGN_OR_RETURN(Day as_of, OptionalDay(req.as_of(), "as_of"));
  r.as_of = as_of == kNoDay ? ToDay(env.Today()) : as_of;
  return r;
}

struct Row {
  int64_t available = 0, openings = 0, exp30 = 0, exp90 = 0, exp180 = 0;
};

// Exact median; -1 for none.
double Median(std::vector<int32_t>& v) {
  if (v.empty()) return -1;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + mid);
  return (lower + upper) / 2;
}

Day PlusMonths(Day day, int months) {
  const absl::CivilDay d = FromDay(day);
  return ToDay(absl::CivilDay(d.year(), d.month() + months, d.day()));
}

}  // namespace

absl::StatusOr<v1::GetFiguresResponse> Engine::Impl::Figures(const v1::GetFiguresRequest& req,
                                                             const FiguresOptions& options) {
  CAKAP_ASSIGN_OR_RETURN(const Resolved r, Resolve(req, env_, *facts_));
  int64_t workers = 0, trained = 0, certified = 0, placed = 0, still3 = 0, still6 = 0;
  int64_t by_kind[4] = {0, 0, 0, 0};
  std::vector<int32_t> training_days, cert_days;
  // Supply and demand, dense by (skill id, region id): a hash map cost ~20 ns per
  // (worker, skill) at 1M workers; the table is at most (skills x regions interned)
  // rows, zeroed per query.
  const std::vector<std::string> region_codes = facts_->regions().Snapshot();
  size_t n_skills = 0;
  for (const Skill& s : env_.lexicon.skills()) n_skills = std::max<size_t>(n_skills, s.id + 1);
  const size_t n_regions = region_codes.size();
  std::vector<Row> rows(req.supply_demand() ? n_skills * n_regions : 0);
  auto row_of = [&](SkillId s, uint32_t region) -> Row* {
    if (s >= n_skills || region >= n_regions) return nullptr;  // interned after the snapshot
    return &rows[size_t{s} * n_regions + region];
  };
  std::vector<SkillId> row_skills;
  facts_->Read([&](const FactTable::View& view) {
    for (size_t slot = 0; slot < view.workers.size(); ++slot) {
      if (!r.region_ok.empty()) {
        const uint32_t region = view.region_of_slot[slot];
        if (region >= r.region_ok.size() || !r.region_ok[region]) continue;
      }
      if (!view.workers[slot].has_value()) continue;
      const WorkerFacts& w = *view.workers[slot];
      if (r.decile_min > 0 && w.welfare_decile < r.decile_min) continue;
      if (r.decile_max > 0 && (w.welfare_decile == 0 || w.welfare_decile > r.decile_max)) continue;
      if (!r.skill_in.empty() &&
          std::none_of(w.skills.begin(), w.skills.end(), [&](SkillId s) { return r.SkillOk(s); })) {
        continue;
      }
      if (r.issuer != 0 && std::none_of(w.certs.begin(), w.certs.end(), [&](const CertFact& c) {
            return c.issuer == r.issuer;
          })) {
        continue;
      }
      bool has_training = false;
      for (const TrainingFact& t : w.trainings) has_training |= r.TrainingMatches(t);
      if (r.training_filter && (r.no_training_matches || !has_training)) continue;
      ++workers;
      trained += has_training;
      certified += std::any_of(w.certs.begin(), w.certs.end(), [&](const CertFact& c) {
        return (r.issuer == 0 || c.issuer == r.issuer) &&
               (r.period_from == kNoDay || c.issued >= r.period_from) &&
               (r.period_to == kNoDay || c.issued <= r.period_to);
      });
      if (const LedgerState* ledger = view.ledger_of_slot[slot]) {
        const PlacementFact* first = nullptr;
        for (const PlacementFact& p : ledger->placements) {
          if (p.withdrawn || !InRange(p.date, r.period_from, r.period_to)) continue;
          if (first == nullptr || p.date < first->date) first = &p;
        }
        if (first != nullptr) {
          ++placed;
          ++by_kind[first->kind & 3];
          auto still = [&](int months) {
            return first->checked_months >= months &&
                   (first->left == kNoDay || first->left >= PlusMonths(first->date, months));
          };
          still3 += still(3);
          still6 += still(6);
          Day ended = kNoDay;
          for (const TrainingFact& t : w.trainings) {
            if (t.ended == kNoDay || t.ended > first->date) continue;
            if (r.training_filter && !r.TrainingMatches(t)) continue;
            ended = std::max(ended, t.ended);
          }
          if (ended != kNoDay) training_days.push_back(first->date - ended);
          Day issued = kNoDay;
          for (const CertFact& c : w.certs) {
            if (c.issued > first->date || (r.issuer != 0 && c.issuer != r.issuer)) continue;
            issued = std::max(issued, c.issued);
          }
          if (issued != kNoDay) cert_days.push_back(first->date - issued);
        }
      }
      if (!req.supply_demand()) continue;
      // Supply: skills of certificates valid on as_of, for the available; and, for
      // everyone, the latest expiry of each skill's certificates.
      const bool available = w.available_from != kNoDay
                                 ? w.available_from <= r.as_of
                                 : w.employment_status <= v1::EMPLOYMENT_STATUS_SEEKING;
      row_skills.clear();
      for (const CertFact& c : w.certs) {
        for (SkillId s : c.covers) {
          if (r.SkillOk(s)) row_skills.push_back(s);
        }
      }
      std::sort(row_skills.begin(), row_skills.end());
      row_skills.erase(std::unique(row_skills.begin(), row_skills.end()), row_skills.end());
      for (SkillId s : row_skills) {
        bool valid = false;
        Day latest = kNoDay;
        for (const CertFact& c : w.certs) {
          if (std::find(c.covers.begin(), c.covers.end(), s) == c.covers.end()) continue;
          valid |= c.issued <= r.as_of && r.as_of <= c.expires;
          latest = std::max(latest, c.expires);
        }
        Row* row = row_of(s, w.region);
        if (row == nullptr) continue;
        row->available += available && valid;
        const int64_t left = int64_t{latest} - r.as_of;
        row->exp30 += left >= 0 && left <= 30;
        row->exp90 += left >= 0 && left <= 90;
        row->exp180 += left >= 0 && left <= 180;
      }
    }
    if (!req.supply_demand()) return;
    for (const auto& [id, v] : view.vacancies) {
      if (!v.open) continue;
      if (!r.region_ok.empty() && (v.region >= r.region_ok.size() || !r.region_ok[v.region])) {
        continue;
      }
      auto f = view.filled.find(id);
      const int64_t remaining =
          std::max(v.openings, 1) - int64_t{f == view.filled.end() ? 0 : f->second};
      if (remaining <= 0) continue;
      for (SkillId s : v.required) {
        if (!r.SkillOk(s)) continue;
        if (Row* row = row_of(s, v.region)) row->openings += remaining;
      }
    }
  });

  const int k = options.min_cell_size;
  auto count = [k](int64_t value, v1::Count* out) {
    if (k > 0 && value > 0 && value < k) {
      out->set_suppressed(true);
      return;
    }
    out->set_value(value);
  };
  v1::GetFiguresResponse resp;
  v1::Figures* f = resp.mutable_figures();
  count(workers, f->mutable_workers());
  count(trained, f->mutable_trained());
  count(certified, f->mutable_certified());
  count(placed, f->mutable_placed());
  count(by_kind[v1::PLACEMENT_KIND_JOB], f->mutable_placed_job());
  count(by_kind[v1::PLACEMENT_KIND_APPRENTICESHIP], f->mutable_placed_apprenticeship());
  count(by_kind[v1::PLACEMENT_KIND_OWN_BUSINESS], f->mutable_placed_own_business());
  count(still3, f->mutable_still_working_3m());
  count(still6, f->mutable_still_working_6m());
  const int64_t n_training = static_cast<int64_t>(training_days.size());
  const int64_t n_cert = static_cast<int64_t>(cert_days.size());
  count(n_training, f->mutable_with_training_before_placement());
  count(n_cert, f->mutable_with_certificate_before_placement());
  f->set_median_days_training_to_placement(
      k > 0 && n_training < k ? -1 : Median(training_days));
  f->set_median_days_certification_to_placement(k > 0 && n_cert < k ? -1 : Median(cert_days));

  if (req.supply_demand()) {
    std::vector<std::pair<std::pair<std::string, std::string>, const Row*>> sorted;
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row& row = rows[i];
      if (row.available == 0 && row.openings == 0 && row.exp180 == 0) continue;
      const Skill* skill = env_.lexicon.Find(static_cast<SkillId>(i / n_regions));
      sorted.push_back({{skill == nullptr ? "" : skill->code, region_codes[i % n_regions]},
                        &row});
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, row] : sorted) {
      v1::SupplyDemandRow* out = resp.add_supply_demand();
      out->set_skill(key.first);
      out->set_region_code(key.second);
      count(row->available, out->mutable_available_certified());
      count(row->openings, out->mutable_open_openings());
      count(row->exp30, out->mutable_expiring_30d());
      count(row->exp90, out->mutable_expiring_90d());
      count(row->exp180, out->mutable_expiring_180d());
    }
  }
  resp.set_as_of(FormatDay(r.as_of));
  resp.set_min_cell_size(k);
  return resp;
}

}  // namespace cakap
