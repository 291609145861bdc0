#include "latency.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cakap {
namespace bench {
namespace {

// Nearest rank: the smallest sample with at least p of all samples at or below it.
double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

}  // namespace

LatencySummary LatencySamples::Summarize(absl::Duration wall) const {
  LatencySummary s;
  s.queries = static_cast<int64_t>(micros_.size());
  s.seconds = absl::ToDoubleSeconds(wall);
  if (micros_.empty()) return s;
  std::vector<double> sorted = micros_;
  std::sort(sorted.begin(), sorted.end());
  s.qps = s.seconds > 0 ? static_cast<double>(s.queries) / s.seconds : 0;
  s.mean_ms = std::accumulate(sorted.begin(), sorted.end(), 0.0) / sorted.size() / 1000;
  s.p50_ms = Percentile(sorted, 0.50) / 1000;
  s.p90_ms = Percentile(sorted, 0.90) / 1000;
  s.p99_ms = Percentile(sorted, 0.99) / 1000;
  s.p999_ms = Percentile(sorted, 0.999) / 1000;
  s.max_ms = sorted.back() / 1000;
  return s;
}

nlohmann::json ToJson(const LatencySummary& s) {
  return {{"queries", s.queries}, {"seconds", s.seconds}, {"qps", s.qps},
          {"mean_ms", s.mean_ms}, {"p50_ms", s.p50_ms},   {"p90_ms", s.p90_ms},
          {"p99_ms", s.p99_ms},   {"p999_ms", s.p999_ms}, {"max_ms", s.max_ms}};
}

}  // namespace bench
}  // namespace cakap
