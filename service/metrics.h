// Metrics: counters, histograms and gauges that cakapd exposes at /metrics in the
// Prometheus text format (version 0.0.4). One Metrics object per server, no global
// registry: every family is declared once, where the server is built, and handed to the
// code that moves it.
//
//   Metrics metrics;
//   CounterFamily& requests = metrics.AddCounter(
//       "cakap_requests_total", "Requests by rpc, code and transport.",
//       {"rpc", "code", "transport"});
//   requests.Add({"MatchCandidates", "OK", "grpc"});
//   HistogramFamily& latency = metrics.AddHistogram(
//       "cakap_request_seconds", "Request latency by rpc.", {"rpc"}, LatencyBuckets());
//   latency.Observe({"MatchCandidates"}, 0.0012);
//   metrics.AddGauge("cakap_index_documents", "Documents in the index.",
//                    [&] { return double(engine.Stats()->workers); });
//   std::string text = metrics.Render();
//
// Thread-safe: Add/Observe/Render may run on any thread. Label values are escaped as the
// format requires; a family's label names are fixed when it is declared.
#ifndef CAKAP_SERVICE_METRICS_H_
#define CAKAP_SERVICE_METRICS_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/btree_map.h"
#include "absl/synchronization/mutex.h"

namespace cakap {
namespace service {

using LabelValues = std::vector<std::string>;

// Upper bounds in seconds, 100 us to 10 s, for request and commit latencies.
std::vector<double> LatencyBuckets();

// Monotonic counters, one per combination of label values.
class CounterFamily {
 public:
  // Adds `delta` (>= 0) to the counter with these label values (one per label name).
  void Add(const LabelValues& labels, double delta = 1);
  // The counter's value (0 when never added to); for tests and gauges.
  double Value(const LabelValues& labels) const;

 private:
  friend class Metrics;
  CounterFamily(std::string name, std::string help, std::vector<std::string> label_names);
  void Render(std::string* out) const;

  const std::string name_, help_;
  const std::vector<std::string> label_names_;
  mutable absl::Mutex mu_;
  absl::btree_map<LabelValues, double> values_ ABSL_GUARDED_BY(mu_);
};

// Cumulative histograms with fixed bucket bounds, one per combination of label values.
class HistogramFamily {
 public:
  void Observe(const LabelValues& labels, double value);

 private:
  friend class Metrics;
  HistogramFamily(std::string name, std::string help, std::vector<std::string> label_names,
                  std::vector<double> bounds);
  void Render(std::string* out) const;

  struct Series {
    std::vector<uint64_t> counts;  // per bound, not cumulative; the last is +Inf
    double sum = 0;
    uint64_t count = 0;
  };
  const std::string name_, help_;
  const std::vector<std::string> label_names_;
  const std::vector<double> bounds_;  // strictly increasing
  mutable absl::Mutex mu_;
  absl::btree_map<LabelValues, Series> series_ ABSL_GUARDED_BY(mu_);
};

class Metrics {
 public:
  Metrics() = default;
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Families live as long as this object; names must be unique and valid Prometheus
  // metric names (a counter's should end in _total).
  CounterFamily& AddCounter(std::string name, std::string help,
                            std::vector<std::string> label_names);
  HistogramFamily& AddHistogram(std::string name, std::string help,
                                std::vector<std::string> label_names,
                                std::vector<double> bounds);
  // A gauge read when rendered. `value` must be cheap and thread-safe; a NaN it returns
  // leaves the sample out (e.g. the index is not open).
  void AddGauge(std::string name, std::string help, std::function<double()> value);

  // Every family in the text exposition format, in declaration order.
  std::string Render() const;

 private:
  struct Gauge {
    std::string name, help;
    std::function<double()> value;
  };
  mutable absl::Mutex mu_;
  // Declaration order: each entry renders one family.
  std::vector<std::function<void(std::string*)>> renderers_ ABSL_GUARDED_BY(mu_);
  std::vector<std::unique_ptr<CounterFamily>> counters_ ABSL_GUARDED_BY(mu_);
  std::vector<std::unique_ptr<HistogramFamily>> histograms_ ABSL_GUARDED_BY(mu_);
  std::vector<std::unique_ptr<Gauge>> gauges_ ABSL_GUARDED_BY(mu_);
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_METRICS_H_
