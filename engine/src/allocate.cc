// Batch allocation (docs/ranking.md, "Batch allocation"): the feasible pairs are the
// candidates Engine::Match returns for each vacancy, every page of them, so the hard
// constraints, scores, explanations and the local flag are exactly Match's; the
// optimisation is allocation_solver's min-cost flow, compared with its greedy baseline.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "allocate_internal.h"
#include "cakap/allocate.h"
#include "cakap/limits.h"
#include "cakap/status_macros.h"
#include "dates.h"
#include "engine_impl.h"
#include "normalize.h"
#include "schema.h"
#include "xapian_status.h"

namespace cakap {
namespace {

using internal_alloc::Entry;
using internal_alloc::Target;

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

// An error of one vacancy's match, naming the vacancy (a stored vacancy that no longer
// resolves, e.g. after a lexicon change, or a damaged record).
absl::Status InVacancy(const absl::Status& s, absl::string_view id) {
  return absl::Status(s.code(), absl::StrCat("vacancy ", id, ": ", s.message()));
}

absl::Status Validate(const v1::AllocateRequest& r, const Regions& regions,
                      std::vector<std::string>* scope) {
  if (r.vacancy_ids_size() > kMaxAllocationVacancies) {
    return Invalid("vacancy_ids", absl::StrCat(r.vacancy_ids_size(), " ids, at most ",
                                               kMaxAllocationVacancies));
  }
  for (int i = 0; i < r.vacancy_ids_size(); ++i) {
    CAKAP_RETURN_IF_ERROR(ValidateId(r.vacancy_ids(i), absl::StrCat("vacancy_ids[", i, "]")));
  }
  if (r.vacancy_ids_size() == 0 && !r.open_vacancies()) {
    return Invalid("vacancy_ids", "required (or open_vacancies)");
  }
  if (r.worker_ids_size() > kMaxAllocationWorkers) {
    return Invalid("worker_ids", absl::StrCat(r.worker_ids_size(), " ids, at most ",
                                              kMaxAllocationWorkers));
  }
  for (int i = 0; i < r.worker_ids_size(); ++i) {
    CAKAP_RETURN_IF_ERROR(ValidateId(r.worker_ids(i), absl::StrCat("worker_ids[", i, "]")));
  }
  if (r.cohort_region_codes_size() > kMaxVacancyRegionCodes) {
    return Invalid("cohort_region_codes", absl::StrCat(r.cohort_region_codes_size(),
                                                       " codes, at most ",
                                                       kMaxVacancyRegionCodes));
  }
  for (int i = 0; i < r.cohort_region_codes_size(); ++i) {
    const Region* region = regions.Find(r.cohort_region_codes(i));
    if (region == nullptr) {
      return Invalid(absl::StrCat("cohort_region_codes[", i, "]"),
                     absl::StrCat("unknown region \"", r.cohort_region_codes(i).substr(0, 20),
                                  "\""));
    }
    scope->push_back(region->code);
  }
  if (r.slots_per_worker() < 0 || r.slots_per_worker() > kMaxSlotsPerWorker) {
    return Invalid("slots_per_worker",
                   absl::StrCat(r.slots_per_worker(), " is outside 0-", kMaxSlotsPerWorker));
  }
  if (r.places_per_opening() < 0 || r.places_per_opening() > kMaxPlacesPerOpening) {
    return Invalid("places_per_opening", absl::StrCat(r.places_per_opening(),
                                                      " is outside 0-", kMaxPlacesPerOpening));
  }
  if (!(r.welfare_weight() >= 0 && r.welfare_weight() <= 1)) {  // NaN fails too
    return Invalid("welfare_weight", absl::StrCat(r.welfare_weight(), " is outside [0, 1]"));
  }
  return absl::OkStatus();
}

// The places and the quota's non-local places of a vacancy: for its openings not filled
// yet (placements in the ledger fill them; a full vacancy has no places). The 1e-9 keeps
// binary rounding out of the quota: (1 - 0.8) x 10 is 1.9999999999999996, and must be 2.
void SetPlaces(const v1::AllocateRequest& r, Target* t) {
  const int64_t openings = std::max<int64_t>(0, std::max(1, t->vacancy.openings()) -
                                                    static_cast<int64_t>(t->vacancy.filled()));
  const int64_t factor = std::max(1, r.places_per_opening());
  t->places = static_cast<int32_t>(std::min<int64_t>(openings * factor, kMaxAllocationWorkers));
  const double share = t->vacancy.local_region_codes_size() > 0 ? t->vacancy.min_local_share() : 0;
  t->max_non_local =
      share > 0 ? static_cast<int32_t>(std::floor((1.0 - share) * t->places + 1e-9)) : t->places;
}

// Every candidate of `t`'s vacancy in the pool, from every page of Engine::Match.
absl::Status Collect(const Engine& engine, const v1::MatchOptions& base,
                     const absl::flat_hash_set<std::string>* cohort, absl::Time deadline,
                     Target* t) {
  v1::MatchOptions options = base;
  options.set_page_size(kMaxPageSize);
  for (;;) {
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError("allocation: deadline passed while collecting candidates");
    }
    absl::StatusOr<v1::MatchResult> page = engine.Match(t->vacancy, options);
    if (!page.ok()) return InVacancy(page.status(), t->vacancy.id());
    for (v1::Candidate& c : *page->mutable_candidates()) {
      if (cohort != nullptr && !cohort->contains(c.worker().id())) continue;
      Entry e;
      e.worker_id = c.worker().id();
      e.score_micro = std::llround(c.score() * 1e6);
      e.local = c.local();
      e.decile = c.worker().welfare_decile();
      // A ranked list's quota moves (moved_for_quota and its 0-valued "quota"
      // component) say nothing about an allocation, whose quota is its own.
      c.set_moved_for_quota(false);
      auto* explanation = c.mutable_explanation();
      explanation->erase(std::remove_if(explanation->begin(), explanation->end(),
                                        [](const v1::ScoreComponent& e) {
                                          return e.name() == "quota" && e.value() == 0;
                                        }),
                         explanation->end());
      v1::Worker brief;
      brief.set_id(c.worker().id());
      brief.set_display_name(c.worker().display_name());
      *c.mutable_worker() = std::move(brief);
      e.candidate = c.SerializeAsString();
      t->entries.push_back(std::move(e));
    }
    if (page->next_page_token().empty()) return absl::OkStatus();
    options.set_page_token(page->next_page_token());
  }
}

// Collects every target on a few threads (matches run in parallel; each target is one
// thread's). The first error wins.
absl::Status CollectAll(const Engine& engine, const v1::MatchOptions& base,
                        const absl::flat_hash_set<std::string>* cohort, absl::Time deadline,
                        std::vector<Target>* targets) {
  std::atomic<size_t> next{0};
  absl::Mutex mu;
  absl::Status first;
  auto work = [&]() {
    for (size_t i = next++; i < targets->size(); i = next++) {
      absl::Status s = Collect(engine, base, cohort, deadline, &(*targets)[i]);
      if (s.ok()) continue;
      absl::MutexLock lock(&mu);
      if (first.ok()) first = s;
      next = targets->size();
    }
  };
  const size_t n = std::min<size_t>(
      targets->size(), std::clamp<unsigned>(std::thread::hardware_concurrency(), 1u, 4u));
  std::vector<std::thread> threads;
  for (size_t i = 1; i < n; ++i) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  return first;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> Engine::Impl::OpenVacancyIds() {
  return CatchXapian("list open vacancies", [&]() -> absl::StatusOr<std::vector<std::string>> {
    ReaderPool::Lease lease = readers_.Acquire();
    const Xapian::Database& db = lease.db();
    std::vector<std::string> ids;
    const Day today = ToDay(env_.Today());
    for (auto it = db.postlist_begin(schema::kOpenVacancy);
         it != db.postlist_end(schema::kOpenVacancy); ++it) {
      // The id term names the vacancy even when its data is damaged: GetVacancy then
      // says so (DataLoss), as it would for vacancy_ids.
      const Xapian::Document doc = db.get_document(*it);
      Xapian::TermIterator term = doc.termlist_begin();
      term.skip_to(schema::kVacancyId);
      if (term == doc.termlist_end() || !absl::StartsWith(*term, schema::kVacancyId)) continue;
      v1::Vacancy stored;
      // Open by its term; closed when its valid_until has passed (OpenOn), as reverse matching.
      if (stored.ParseFromString(doc.get_data()) && ValidUntilPassed(stored, today)) continue;
      ids.push_back((*term).substr(std::string(schema::kVacancyId).size()));
    }
    return ids;
  });
}

absl::StatusOr<v1::AllocationResult> Engine::Allocate(const v1::AllocateRequest& request,
                                                      absl::Time deadline,
                                                      AllocationTimings* timings) const {
  std::vector<std::string> scope;
  CAKAP_RETURN_IF_ERROR(Validate(request, regions(), &scope));
  const absl::Time start = absl::Now();
  // The vacancies, by id without repeats.
  std::vector<std::string> ids(request.vacancy_ids().begin(), request.vacancy_ids().end());
  if (request.open_vacancies()) {
    CAKAP_ASSIGN_OR_RETURN(std::vector<std::string> open, impl_->OpenVacancyIds());
    ids.insert(ids.end(), open.begin(), open.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.empty()) return Invalid("open_vacancies", "no open vacancy is stored");
  if (ids.size() > static_cast<size_t>(kMaxAllocationVacancies)) {
    return Invalid("open_vacancies", absl::StrCat(ids.size(), " vacancies, at most ",
                                                  kMaxAllocationVacancies));
  }
  std::vector<Target> targets(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    absl::StatusOr<v1::Vacancy> v = GetVacancy(ids[i]);
    if (!v.ok()) return v.status();  // "vacancy X not found"
    targets[i].vacancy = *std::move(v);
    SetPlaces(request, &targets[i]);
  }
  absl::flat_hash_set<std::string> cohort(request.worker_ids().begin(),
                                          request.worker_ids().end());
  v1::MatchOptions base;
  base.set_exclude_welfare(request.exclude_welfare());
  base.set_coarse_locations(request.coarse_locations());
  for (const std::string& code : scope) base.add_scope_region_codes(code);
  CAKAP_RETURN_IF_ERROR(
      CollectAll(*this, base, cohort.empty() ? nullptr : &cohort, deadline, &targets));
  const absl::Time collected = absl::Now();
  return internal_alloc::Assemble(*this, request, scope, std::move(targets), cohort,
                                  collected - start, deadline, timings);
}

}  // namespace cakap
