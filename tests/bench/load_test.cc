// Tests of cakap-load's library against a real cakapd started in-process on 127.0.0.1:0
// (gRPC and HTTP) with a small generated corpus and API keys.
#include "load.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "corpus.h"
#include "gtest/gtest.h"
#include "service/service_test_util.h"
#include "transport.h"

namespace cakap {
namespace load {
namespace {

using cakap_svc_test::TestServer;

constexpr int kWorkers = 3000;

constexpr Transport kTransports[] = {Transport::kGrpc, Transport::kHttpJson,
                                     Transport::kHttpJsonTree, Transport::kHttpProto};

void ServeHttp(service::ServerOptions* o) { o->http.listen = "127.0.0.1:0"; }

std::string TargetOf(const TestServer& s, Transport transport) {
  return transport == Transport::kGrpc ? s.Target()
                                       : "127.0.0.1:" + std::to_string(s.server->http_port());
}

class LoadTest : public ::testing::Test {
 protected:
  // One server and corpus for the suite: importing is most of the setup time.
  static void SetUpTestSuite() {
    server_ = new TestServer(ServeHttp);
    ASSERT_NE(server_->server, nullptr);
    absl::StatusOr<Regions> regions = Regions::Builtin();
    absl::StatusOr<Lexicon> lexicon = Lexicon::Builtin();
    ASSERT_TRUE(regions.ok() && lexicon.ok());
    corpus::WorkerGenerator gen(*regions, *lexicon, corpus::CorpusOptions());
    std::vector<v1::Worker> workers(kWorkers);
    for (v1::Worker& w : workers) gen.Next(&w);
    absl::StatusOr<BulkResult> put = server_->server->engine().UpsertWorkers(workers);
    ASSERT_TRUE(put.ok()) << put.status();
    ASSERT_EQ(put->accepted, kWorkers);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static LoadOptions Options(Transport transport = Transport::kGrpc) {
    LoadOptions o;
    o.transport = transport;
    o.target = TargetOf(*server_, transport);
    o.key = server_->keys.portal;
    o.concurrency = 2;
    o.vacancies_per_class = 10;
    o.warmup = absl::Milliseconds(50);
    o.duration = absl::Milliseconds(200);
    return o;
  }

  // Every class got calls, none failed, and the percentiles are ordered.
  static void ExpectHealthy(const LoadReport& report, size_t rows) {
    ASSERT_EQ(report.rows.size(), rows);
    for (const ClassResult& r : report.rows) {
      SCOPED_TRACE(r.cls);
      const bench::LatencySummary& s = r.summary;
      EXPECT_GT(s.queries, 0);
      EXPECT_EQ(r.errors, 0) << r.error_example;
      EXPECT_EQ(r.concurrency, 2);
      EXPECT_GT(s.qps, 0);
      EXPECT_LE(s.p50_ms, s.p99_ms);
      EXPECT_LE(s.p99_ms, s.p999_ms);
      EXPECT_LE(s.p999_ms, s.max_ms);
      EXPECT_GT(r.mean_total, 0) << "the corpus should match something in every class";
    }
  }

  static TestServer* server_;
};

TestServer* LoadTest::server_ = nullptr;

TEST_F(LoadTest, PerClassRunsEveryClass) {
  absl::StatusOr<LoadReport> report = RunLoad(Options());
  ASSERT_TRUE(report.ok()) << report.status();
  ExpectHealthy(*report, 5);
  const std::vector<std::string> names = {"local10", "local50", "regional200", "regions",
                                          "national"};
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(report->rows[i].cls, names[i]);

  nlohmann::json json = ReportJson(*report);
  ASSERT_EQ(json.size(), 5u);
  EXPECT_EQ(json[0]["system"], "cakapd-grpc");
  EXPECT_EQ(json[0]["class"], "local10");
  EXPECT_EQ(json[0]["concurrency"], 2);
  EXPECT_EQ(json[0]["errors"], 0);
  EXPECT_TRUE(json[0].contains("p99_ms"));
  EXPECT_TRUE(json[0].contains("qps"));
  EXPECT_TRUE(absl::StrContains(ReportTable(*report), "national"));
}

TEST_F(LoadTest, MixReportsEveryClassFromOneRun) {
  LoadOptions o = Options();
  o.mode = Mode::kMix;
  o.duration = absl::Milliseconds(800);
  o.facets = true;
  o.channels = 2;
  absl::StatusOr<LoadReport> report = RunLoad(o);
  ASSERT_TRUE(report.ok()) << report.status();
  ExpectHealthy(*report, 6);  // five classes and "all"
  const ClassResult& all = report->rows.back();
  EXPECT_EQ(all.cls, "all");
  int64_t sum = 0;
  for (size_t i = 0; i + 1 < report->rows.size(); ++i) {
    sum += report->rows[i].summary.queries;
    // One run: every class has the same wall time.
    EXPECT_EQ(report->rows[i].summary.seconds, all.summary.seconds);
  }
  EXPECT_EQ(all.summary.queries, sum);
}

TEST_F(LoadTest, MaxCallsStopsTheRun) {
  LoadOptions o = Options();
  o.classes = {corpus::VacancyClass::kLocal10};
  o.duration = absl::Seconds(30);
  o.max_calls = 20;
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadReport> report = RunLoad(o);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->rows[0].summary.queries, 20);
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
}

// The same calls over every transport: no errors, and the same candidates counted, call
// for call (one thread and max_calls = vacancies: each vacancy exactly once, whatever
// the warmup left the cursor at).
TEST_F(LoadTest, HttpTransportsAnswerAsGrpc) {
  std::vector<LoadReport> reports;
  for (Transport transport : kTransports) {
    SCOPED_TRACE(TransportName(transport));
    LoadOptions o = Options(transport);
    o.concurrency = 1;
    o.classes = {corpus::VacancyClass::kLocal10, corpus::VacancyClass::kNational};
    o.max_calls = o.vacancies_per_class;
    o.duration = absl::Seconds(30);
    absl::StatusOr<LoadReport> report = RunLoad(o);
    ASSERT_TRUE(report.ok()) << report.status();
    ASSERT_EQ(report->rows.size(), 2u);
    for (const ClassResult& r : report->rows) {
      EXPECT_EQ(r.transport, transport);
      EXPECT_EQ(r.errors, 0) << r.error_example;
      EXPECT_EQ(r.summary.queries, o.max_calls);
      EXPECT_GT(r.mean_total, 0);
    }
    nlohmann::json json = ReportJson(*report);
    EXPECT_EQ(json[0]["transport"], TransportName(transport));
    EXPECT_EQ(json[0]["system"], std::string("cakapd-") + TransportName(transport));
    reports.push_back(*std::move(report));
  }
  for (size_t t = 1; t < reports.size(); ++t) {
    for (size_t i = 0; i < reports[0].rows.size(); ++i) {
      EXPECT_EQ(reports[t].rows[i].cls, reports[0].rows[i].cls);
      EXPECT_DOUBLE_EQ(reports[t].rows[i].mean_total, reports[0].rows[i].mean_total)
          << TransportName(reports[t].rows[i].transport) << " " << reports[t].rows[i].cls;
    }
  }
}

TEST_F(LoadTest, WrongKeyCountsErrorsNotLatencies) {
  std::string grpc_example;
  for (Transport transport : kTransports) {
    SCOPED_TRACE(TransportName(transport));
    LoadOptions o = Options(transport);
    o.key = "not-a-key";
    o.classes = {corpus::VacancyClass::kLocal50};
    absl::StatusOr<LoadReport> report = RunLoad(o);
    ASSERT_TRUE(report.ok()) << report.status();
    const ClassResult& r = report->rows[0];
    EXPECT_GT(r.errors, 0);
    EXPECT_EQ(r.summary.queries, 0);
    EXPECT_EQ(r.errors_by_code.at("UNAUTHENTICATED"), r.errors);
    EXPECT_TRUE(absl::StartsWith(r.error_example, "UNAUTHENTICATED: ")) << r.error_example;
    // One table of handlers behind both ports: the same error, word for word.
    if (transport == Transport::kGrpc) grpc_example = r.error_example;
    EXPECT_EQ(r.error_example, grpc_example);
  }
}

TEST_F(LoadTest, HttpTransportOnTheGrpcPortFailsAtOnce) {
  LoadOptions o = Options(Transport::kHttpJson);
  o.target = server_->Target();
  const absl::Time start = absl::Now();
  absl::StatusOr<LoadReport> report = RunLoad(o);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kUnavailable) << report.status();
  EXPECT_TRUE(absl::StrContains(report.status().message(), "--http-listen"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(6));
}

TEST(ConnectErrorTest, CodesFromTheBodyOrTheHttpStatus) {
  absl::Status s = StatusFromConnectError(401, R"({"code":"unauthenticated","message":"no"})");
  EXPECT_EQ(s, absl::UnauthenticatedError("no"));
  EXPECT_EQ(StatusFromConnectError(499, R"({"code":"canceled"})").code(),
            absl::StatusCode::kCancelled);
  EXPECT_EQ(StatusFromConnectError(504, R"({"code":"deadline_exceeded","message":"m"})"),
            absl::DeadlineExceededError("m"));
  EXPECT_EQ(StatusFromConnectError(400, R"({"code":"resource_exhausted"})").code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(StatusFromConnectError(500, R"({"code":"bogus","message":"m"})").code(),
            absl::StatusCode::kUnknown);
  // Not a Connect error body: the protocol's table of HTTP statuses.
  EXPECT_EQ(StatusFromConnectError(502, "<html>bad gateway</html>").code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(StatusFromConnectError(404, "").code(), absl::StatusCode::kUnimplemented);
  EXPECT_EQ(StatusFromConnectError(400, "[]").code(), absl::StatusCode::kInternal);
  EXPECT_EQ(StatusFromConnectError(418, "{}").code(), absl::StatusCode::kUnknown);
}

TEST_F(LoadTest, RefusesNonLoopbackTargets) {
  for (const char* target : {"127.0.0.1:7843", "[::1]:7843", "localhost:1"}) {
    EXPECT_TRUE(CheckLoopbackTarget(target).ok()) << target;
  }
  for (const char* target : {"10.1.2.3:7843", "0.0.0.0:7843", "example.com:443", "127.0.0.2:80",
                             "dns:///127.0.0.1:7843", "127.0.0.1", "127.0.0.1:0",
                             "127.0.0.1:99999", "[::2]:7843", "::1:7843", ""}) {
    EXPECT_EQ(CheckLoopbackTarget(target).code(), absl::StatusCode::kInvalidArgument) << target;
  }
  LoadOptions o = Options();
  o.target = "192.0.2.1:7843";
  absl::StatusOr<LoadReport> report = RunLoad(o);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(report.status().message(), "loopback"));
}

TEST_F(LoadTest, InvalidOptionsAreRefused) {
  LoadOptions o = Options();
  o.concurrency = 0;
  EXPECT_EQ(RunLoad(o).status().code(), absl::StatusCode::kInvalidArgument);
  o = Options();
  o.classes.clear();
  EXPECT_EQ(RunLoad(o).status().code(), absl::StatusCode::kInvalidArgument);
  o = Options();
  o.page_size = 201;
  EXPECT_EQ(RunLoad(o).status().code(), absl::StatusCode::kInvalidArgument);
}

// A server that does not answer: the run still ends about one deadline after its
// duration, and the timed-out calls are errors, over gRPC and HTTP alike.
TEST(LoadBoundTest, HungServerDoesNotHoldTheRun) {
  absl::Notification release;
  TestServer hung([&](service::ServerOptions* o) {
    ServeHttp(o);
    o->before_engine_call = [&] { release.WaitForNotificationWithTimeout(absl::Seconds(3)); };
  });
  ASSERT_NE(hung.server, nullptr);
  for (Transport transport : {Transport::kGrpc, Transport::kHttpJson}) {
    SCOPED_TRACE(TransportName(transport));
    LoadOptions o;
    o.transport = transport;
    o.target = TargetOf(hung, transport);
    o.key = hung.keys.portal;
    o.concurrency = 2;
    o.classes = {corpus::VacancyClass::kLocal10};
    o.warmup = absl::ZeroDuration();
    o.duration = absl::Milliseconds(300);
    o.deadline = absl::Milliseconds(200);
    const absl::Time start = absl::Now();
    absl::StatusOr<LoadReport> report = RunLoad(o);
    const absl::Duration took = absl::Now() - start;
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_LT(took, absl::Milliseconds(300 + 200 + 1000));  // not the 3 s hang
    const ClassResult& r = report->rows[0];
    EXPECT_EQ(r.summary.queries, 0);
    EXPECT_GT(r.errors, 0);
    EXPECT_EQ(r.errors_by_code.at("DEADLINE_EXCEEDED"), r.errors) << r.error_example;
  }
  release.Notify();
}

}  // namespace
}  // namespace load
}  // namespace cakap
