// The phases of one cakap-bench run. Each returns JSON the report reads
// (docs/benchmarks.md describes every field).
#ifndef CAKAP_BENCH_DRIVER_PHASES_H_
#define CAKAP_BENCH_DRIVER_PHASES_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cakap/engine.h"
#include "config.h"
#include "corpus.h"
#include "latency.h"
#include "nlohmann/json.hpp"
#include "reference/reference_matcher.h"

namespace cakap {
namespace bench {

inline constexpr corpus::VacancyClass kClasses[] = {
    corpus::VacancyClass::kLocal10, corpus::VacancyClass::kLocal50,
    corpus::VacancyClass::kRegional200, corpus::VacancyClass::kRegionCodes,
    corpus::VacancyClass::kNational};

// The fixed, seeded vacancy mix: per class, the vacancies as cakap takes them and as the
// peers take them (resolved by the independent reference resolver).
struct ClassVacancies {
  corpus::VacancyClass cls;
  std::vector<v1::Vacancy> raw;
  std::vector<cakap_ref::RefVacancy> resolved;
};

// Everything a run shares: reference data, generators, the vacancy mix.
struct Workload {
  const BenchConfig* config;
  Lexicon lexicon;
  Regions regions;
  std::unique_ptr<cakap_ref::ReferenceMatcher> reference;
  std::unique_ptr<corpus::WorkerGenerator> workers;
  std::vector<ClassVacancies> vacancies;
};
absl::StatusOr<std::unique_ptr<Workload>> MakeWorkload(const BenchConfig& config);

// Engine options every cakap instance of the run uses (today pinned to the corpus').
EngineOptions BaseEngineOptions(const BenchConfig& config);

// Indexes workers [0, n) into a new engine in `dir` with bulk upserts; reports rate and
// on-disk size before and after xapian-compact. The engine stays open in *engine.
absl::StatusOr<nlohmann::json> IndexCakap(const Workload& w, int64_t n, const EngineOptions& opts,
                                          const std::string& dir,
                                          std::unique_ptr<Engine>* engine);

// One timed query: returns the number of candidates (total) or an error.
using QueryFn = std::function<absl::StatusOr<int64_t>(size_t class_index, size_t vacancy_index)>;

// Runs `make_query()` on `threads` threads over every class (warm-up pass first), each
// class for config.queries_per_class queries or config.max_seconds, and returns one row
// per class: {"system","variant","threads","class", latency summary, "mean_total"}.
// make_query is called once per thread (each thread gets its own query function).
absl::StatusOr<nlohmann::json> RunLatency(const Workload& w, const std::string& system,
                                          const std::string& variant, int threads,
                                          const std::function<QueryFn()>& make_query);

// Update visibility and match latency under a stream of updates (docs/benchmarks.md).
absl::StatusOr<nlohmann::json> MeasureVisibility(const Workload& w, Engine& engine, int64_t n);

// Loads, verifies against cakap and times every peer of config.systems.
absl::StatusOr<nlohmann::json> RunPeers(const Workload& w, int64_t n, const Engine& engine,
                                        const std::string& dir);

}  // namespace bench
}  // namespace cakap

#endif  // CAKAP_BENCH_DRIVER_PHASES_H_
