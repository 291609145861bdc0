#include "metrics.h"

#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace cakap {
namespace service {
namespace {

TEST(MetricsTest, CountersRenderPerLabelSetWithEscaping) {
  Metrics metrics;
  CounterFamily& requests =
      metrics.AddCounter("cakap_requests_total", "Requests.\nBy rpc.", {"rpc", "code"});
  requests.Add({"Match", "OK"});
  requests.Add({"Match", "OK"}, 2);
  requests.Add({"Get\"x\\", "NOT_FOUND"});
  EXPECT_EQ(requests.Value({"Match", "OK"}), 3);
  EXPECT_EQ(requests.Value({"Match", "INTERNAL"}), 0);
  EXPECT_EQ(metrics.Render(),
            "# HELP cakap_requests_total Requests.\\nBy rpc.\n"
            "# TYPE cakap_requests_total counter\n"
            "cakap_requests_total{rpc=\"Get\\\"x\\\\\",code=\"NOT_FOUND\"} 1\n"
            "cakap_requests_total{rpc=\"Match\",code=\"OK\"} 3\n");
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithSumAndCount) {
  Metrics metrics;
  HistogramFamily& h = metrics.AddHistogram("lat_seconds", "Latency.", {"rpc"}, {0.1, 1});
  h.Observe({"a"}, 0.05);
  h.Observe({"a"}, 0.1);  // on the bound: le is inclusive
  h.Observe({"a"}, 0.5);
  h.Observe({"a"}, 7);
  EXPECT_EQ(metrics.Render(),
            "# HELP lat_seconds Latency.\n# TYPE lat_seconds histogram\n"
            "lat_seconds_bucket{rpc=\"a\",le=\"0.1\"} 2\n"
            "lat_seconds_bucket{rpc=\"a\",le=\"1\"} 3\n"
            "lat_seconds_bucket{rpc=\"a\",le=\"+Inf\"} 4\n"
            "lat_seconds_sum{rpc=\"a\"} 7.65\n"
            "lat_seconds_count{rpc=\"a\"} 4\n");
}

TEST(MetricsTest, GaugesAreReadAtRenderAndNaNLeavesTheSampleOut) {
  Metrics metrics;
  double docs = 5;
  metrics.AddGauge("docs", "Documents.", [&] { return docs; });
  metrics.AddGauge("absent", "Not known.", [] { return std::nan(""); });
  docs = 6;
  EXPECT_EQ(metrics.Render(),
            "# HELP docs Documents.\n# TYPE docs gauge\ndocs 6\n"
            "# HELP absent Not known.\n# TYPE absent gauge\n");
}

TEST(MetricsTest, ConcurrentAddsAreAllCounted) {
  Metrics metrics;
  CounterFamily& c = metrics.AddCounter("n_total", "N.", {});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) c.Add({});
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(c.Value({}), 40000);
  EXPECT_NE(metrics.Render().find("n_total 40000\n"), std::string::npos);
}

}  // namespace
}  // namespace service
}  // namespace cakap
