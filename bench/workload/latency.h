// Latency samples and their summary, shared by the in-process driver and the gRPC load
// generator so every figure in a report is computed the same way.
//
//   LatencySamples s;
//   s.Add(absl::Now() - start);              // per query
//   LatencySummary sum = s.Summarize(wall);  // wall: elapsed time of the whole run
#ifndef CAKAP_BENCH_WORKLOAD_LATENCY_H_
#define CAKAP_BENCH_WORKLOAD_LATENCY_H_

#include <cstdint>
#include <vector>

#include "absl/time/time.h"
#include "nlohmann/json.hpp"

namespace cakap {
namespace bench {

struct LatencySummary {
  int64_t queries = 0;
  double seconds = 0;   // wall time of the run
  double qps = 0;       // queries / seconds
  double mean_ms = 0;
  double p50_ms = 0;
  double p90_ms = 0;
  double p99_ms = 0;
  double p999_ms = 0;
  double max_ms = 0;
};

// Nearest-rank percentiles over every sample (no histogram buckets, no sampling).
class LatencySamples {
 public:
  void Add(absl::Duration d) { micros_.push_back(absl::ToDoubleMicroseconds(d)); }
  void Merge(const LatencySamples& other) {
    micros_.insert(micros_.end(), other.micros_.begin(), other.micros_.end());
  }
  size_t size() const { return micros_.size(); }
  // `wall` is the elapsed time the samples were taken in (for QPS).
  LatencySummary Summarize(absl::Duration wall) const;

 private:
  std::vector<double> micros_;
};

// {"queries":..,"seconds":..,"qps":..,"mean_ms":..,"p50_ms":..,...}
nlohmann::json ToJson(const LatencySummary& s);

}  // namespace bench
}  // namespace cakap

#endif  // CAKAP_BENCH_WORKLOAD_LATENCY_H_
