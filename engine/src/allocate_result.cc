// Batch allocation, second half: the problem from the collected candidates, the exact
// solution and the greedy baseline, and the reply (allocation.proto).
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "allocate_internal.h"
#include "allocation_solver.h"
#include "cakap/allocate.h"

namespace cakap {
namespace internal_alloc {
namespace {

// The welfare preference of a pair, in micro units (allocation.proto, welfare_weight).
int64_t WelfareMicro(double weight, int32_t decile) {
  if (weight <= 0 || decile < 1 || decile > 10) return 0;
  return std::llround(weight * (10 - decile) / 9.0 * 1e6);
}

// Whether a worker domiciled in `region_code` is in the cohort's regions (the scope
// semantics of MatchOptions: the code itself or its province listed).
bool InScope(const std::vector<std::string>& scope, const std::string& region_code) {
  if (scope.empty()) return true;
  if (region_code.empty()) return false;
  const std::string province = region_code.substr(0, region_code.find('.'));
  return std::any_of(scope.begin(), scope.end(), [&](const std::string& code) {
    return code == region_code || code == province;
  });
}

double Ms(absl::Duration d) { return absl::ToDoubleMilliseconds(d); }

// The workers of the pool, by id: every candidate, and every listed cohort worker.
std::vector<std::string> PoolIds(const std::vector<Target>& targets,
                                 const absl::flat_hash_set<std::string>& cohort) {
  std::vector<std::string> ids(cohort.begin(), cohort.end());
  for (const Target& t : targets) {
    for (const Entry& e : t.entries) ids.push_back(e.worker_id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Why an unplaced worker's candidate vacancies took nobody of them, from the final
// state: a vacancy with places left, but none for a non-local worker, is the quota.
v1::UnplacedReason Reason(const std::vector<size_t>& pairs, const alloc::Problem& p,
                          const std::vector<int32_t>& used, const std::vector<int32_t>& non_local) {
  bool quota = false;
  for (size_t i : pairs) {
    const alloc::Pair& pair = p.pairs[i];
    if (used[pair.vacancy] >= p.places[pair.vacancy]) continue;  // full
    if (pair.local || non_local[pair.vacancy] < p.max_non_local[pair.vacancy]) {
      // Room this worker could take: an optimum (and the greedy pass) never leaves it.
      return v1::UNPLACED_REASON_UNSPECIFIED;
    }
    quota = true;
  }
  return quota ? v1::QUOTA : v1::VACANCIES_FULL;
}

}  // namespace

absl::StatusOr<v1::AllocationResult> Assemble(const Engine& engine,
                                              const v1::AllocateRequest& request,
                                              const std::vector<std::string>& scope,
                                              std::vector<Target> targets,
                                              const absl::flat_hash_set<std::string>& cohort,
                                              absl::Duration collect_time, absl::Time deadline,
                                              AllocationTimings* timings) {
  const std::vector<std::string> workers = PoolIds(targets, cohort);
  absl::flat_hash_map<absl::string_view, int32_t> index;
  for (size_t w = 0; w < workers.size(); ++w) index[workers[w]] = static_cast<int32_t>(w);

  alloc::Problem p;
  p.worker_slots.assign(workers.size(), std::max(1, request.slots_per_worker()));
  struct Source {
    int32_t target;
    int32_t entry;
  };
  std::vector<Source> sources;  // per pair
  for (size_t v = 0; v < targets.size(); ++v) {
    p.places.push_back(targets[v].places);
    p.max_non_local.push_back(targets[v].max_non_local);
    for (size_t k = 0; k < targets[v].entries.size(); ++k) {
      const Entry& e = targets[v].entries[k];
      p.pairs.push_back({index.at(e.worker_id), static_cast<int32_t>(v),
                         e.score_micro + WelfareMicro(request.welfare_weight(), e.decile),
                         e.local});
      sources.push_back({static_cast<int32_t>(v), static_cast<int32_t>(k)});
    }
  }
  // Pairs by worker id, then vacancy id: the greedy baseline's tie-break.
  std::vector<size_t> order(p.pairs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::make_pair(p.pairs[a].worker, p.pairs[a].vacancy) <
           std::make_pair(p.pairs[b].worker, p.pairs[b].vacancy);
  });
  {
    std::vector<alloc::Pair> pairs;
    std::vector<Source> srcs;
    for (size_t i : order) {
      pairs.push_back(p.pairs[i]);
      srcs.push_back(sources[i]);
    }
    p.pairs = std::move(pairs);
    sources = std::move(srcs);
  }
  if (absl::Now() > deadline) return absl::DeadlineExceededError("allocation: deadline passed");
  const absl::Time solve_start = absl::Now();
  absl::StatusOr<alloc::Solution> best = alloc::SolveOptimal(p);
  if (!best.ok()) return best.status();
  const absl::Time greedy_start = absl::Now();
  const alloc::Solution greedy = alloc::SolveGreedy(p);
  const absl::Time greedy_end = absl::Now();

  // The state the solution leaves, for the reasons and the per-vacancy figures.
  std::vector<int32_t> used(targets.size(), 0), non_local(targets.size(), 0);
  std::vector<std::vector<size_t>> by_worker(workers.size()), chosen_by_worker(workers.size());
  std::vector<std::vector<size_t>> chosen_by_vacancy(targets.size());
  std::vector<int64_t> candidates(targets.size(), 0);
  int64_t total_score = 0;
  for (size_t i = 0; i < p.pairs.size(); ++i) {
    const alloc::Pair& pair = p.pairs[i];
    by_worker[pair.worker].push_back(i);
    ++candidates[pair.vacancy];
    if (!best->chosen[i]) continue;
    ++used[pair.vacancy];
    if (!pair.local) ++non_local[pair.vacancy];
    chosen_by_worker[pair.worker].push_back(i);
    chosen_by_vacancy[pair.vacancy].push_back(i);
    total_score += targets[sources[i].target].entries[sources[i].entry].score_micro;
  }
  auto better = [&](size_t a, size_t b) {  // score desc, then the other side's id asc
    const Entry& ea = targets[sources[a].target].entries[sources[a].entry];
    const Entry& eb = targets[sources[b].target].entries[sources[b].entry];
    if (ea.score_micro != eb.score_micro) return ea.score_micro > eb.score_micro;
    return std::make_pair(p.pairs[a].worker, p.pairs[a].vacancy) <
           std::make_pair(p.pairs[b].worker, p.pairs[b].vacancy);
  };

  v1::AllocationResult result;
  for (size_t v = 0; v < targets.size(); ++v) {
    const Target& t = targets[v];
    v1::VacancyAllocation* out = result.add_vacancies();
    out->set_vacancy_id(t.vacancy.id());
    out->set_title(t.vacancy.title());
    out->set_places(t.places);
    out->set_max_non_local(t.max_non_local);
    out->set_candidates(candidates[v]);
    std::sort(chosen_by_vacancy[v].begin(), chosen_by_vacancy[v].end(), better);
    int32_t locals = 0;
    for (size_t i : chosen_by_vacancy[v]) {
      const Entry& e = t.entries[sources[i].entry];
      if (!out->add_proposed()->ParseFromString(e.candidate)) {
        return absl::InternalError("allocation: a kept candidate does not parse");
      }
      locals += e.local ? 1 : 0;
    }
    const bool quota = t.max_non_local < t.places;
    out->set_local_proposed(quota ? locals : 0);
    const int64_t n = static_cast<int64_t>(chosen_by_vacancy[v].size());
    out->set_quota_share_met(
        !quota || locals >= static_cast<int64_t>(
                                std::floor(t.vacancy.min_local_share() * n + 1e-9)));
  }
  for (size_t w = 0; w < workers.size(); ++w) {
    if (!chosen_by_worker[w].empty()) {
      v1::WorkerPlacement* out = result.add_placements();
      out->set_worker_id(workers[w]);
      std::sort(chosen_by_worker[w].begin(), chosen_by_worker[w].end(), better);
      for (size_t i : chosen_by_worker[w]) {
        out->add_vacancy_ids(targets[p.pairs[i].vacancy].vacancy.id());
      }
      continue;
    }
    v1::UnplacedWorker* out = result.add_unplaced();
    out->set_worker_id(workers[w]);
    if (by_worker[w].empty()) {
      // A listed worker who is nobody's candidate: stored and in the cohort's regions?
      absl::StatusOr<v1::Worker> stored = engine.GetWorker(workers[w]);
      if (!stored.ok() && !absl::IsNotFound(stored.status())) return stored.status();
      out->set_reason(stored.ok() && InScope(scope, stored->domicile().region_code())
                          ? v1::NO_FEASIBLE_VACANCY
                          : v1::NOT_FOUND);
      continue;
    }
    out->set_reason(Reason(by_worker[w], p, used, non_local));
    if (out->reason() == v1::UNPLACED_REASON_UNSPECIFIED) {
      return absl::InternalError(absl::StrCat("allocation: worker ", workers[w],
                                              " unplaced beside a free place"));
    }
    std::sort(by_worker[w].begin(), by_worker[w].end(), better);
    for (size_t i : by_worker[w]) {
      if (out->vacancy_ids_size() >= kMaxUnplacedVacancyIds) break;
      out->add_vacancy_ids(targets[p.pairs[i].vacancy].vacancy.id());
    }
  }
  v1::AllocationSummary* s = result.mutable_summary();
  s->set_workers(static_cast<int64_t>(workers.size()));
  s->set_placed_workers(result.placements_size());
  s->set_assignments(best->count);
  int64_t places = 0;
  for (int32_t c : p.places) places += c;
  s->set_places(places);
  s->set_feasible_pairs(static_cast<int64_t>(p.pairs.size()));
  s->set_objective(best->value / 1e6);
  s->set_total_score(total_score / 1e6);
  s->set_greedy_objective(greedy.value / 1e6);
  s->set_greedy_assignments(greedy.count);
  s->set_greedy_gap(best->value > 0
                        ? static_cast<double>(best->value - greedy.value) / best->value
                        : 0.0);
  if (timings != nullptr) {
    timings->collect_ms = Ms(collect_time);
    timings->solve_ms = Ms(greedy_start - solve_start);
    timings->greedy_ms = Ms(greedy_end - greedy_start);
  }
  return result;
}

}  // namespace internal_alloc
}  // namespace cakap
