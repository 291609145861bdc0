// Latency distributions per vacancy class, on 1..N threads, warm cache.
#include <atomic>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "phases.h"

namespace cakap {
namespace bench {

absl::StatusOr<nlohmann::json> RunLatency(const Workload& w, const std::string& system,
                                          const std::string& variant, int threads,
                                          const std::function<QueryFn()>& make_query) {
  const BenchConfig& c = *w.config;
  nlohmann::json rows = nlohmann::json::array();
  std::vector<QueryFn> queries;
  for (int t = 0; t < threads; ++t) queries.push_back(make_query());
  for (size_t ci = 0; ci < w.vacancies.size(); ++ci) {
    const size_t k = w.vacancies[ci].raw.size();
    // Warm-up: every vacancy of the class once, untimed.
    for (size_t vi = 0; vi < k; ++vi) {
      absl::StatusOr<int64_t> r = queries[0](ci, vi);
      if (!r.ok()) {
        return absl::Status(r.status().code(),
                            absl::StrCat(system, " ", w.vacancies[ci].raw[vi].id(), ": ",
                                         r.status().message()));
      }
    }
    std::atomic<int64_t> next{0};
    std::atomic<bool> failed{false};
    absl::Mutex mu;
    absl::Status error;
    LatencySamples all;
    int64_t total_sum = 0;
    const absl::Time deadline = absl::Now() + absl::Seconds(c.max_seconds);
    const absl::Time start = absl::Now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        LatencySamples mine;
        int64_t totals = 0;
        for (int64_t q = next++; q < c.queries_per_class && !failed; q = next++) {
          const size_t vi = static_cast<size_t>(q) % k;
          const absl::Time s = absl::Now();
          absl::StatusOr<int64_t> r = queries[t](ci, vi);
          mine.Add(absl::Now() - s);
          if (!r.ok()) {
            absl::MutexLock lock(&mu);
            error = r.status();
            failed = true;
            break;
          }
          totals += *r;
          if (s > deadline) break;
        }
        absl::MutexLock lock(&mu);
        all.Merge(mine);
        total_sum += totals;
      });
    }
    for (std::thread& th : pool) th.join();
    const absl::Duration wall = absl::Now() - start;
    if (!error.ok()) return error;
    const LatencySummary s = all.Summarize(wall);
    nlohmann::json row = ToJson(s);
    row["system"] = system;
    row["variant"] = variant;
    row["threads"] = threads;
    row["class"] = corpus::VacancyClassName(w.vacancies[ci].cls);
    row["mean_total"] = s.queries > 0 ? static_cast<double>(total_sum) / s.queries : 0;
    std::cerr << absl::StrFormat("  %-13s %-9s %dT %-12s p50 %8.3f ms  p99 %8.3f ms  %8.0f qps  %9.0f cand\n",
                                 system, variant, threads, row["class"].get<std::string>(),
                                 s.p50_ms, s.p99_ms, s.qps, row["mean_total"].get<double>());
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace bench
}  // namespace cakap
