// AlertService.WatchVacancy over gRPC: alerts within a bounded time of the write, exactly
// once across a reconnect and a server restart, partner scope, redaction and audit, and
// every request field validated. (HTTP: alerts_http_test.cc.)
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "service/alerts_test_util.h"

namespace cakap_svc_test {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

TEST_F(AlertsTest, AWriteIsAlertedWithinASecondAndANonMatchingOneNever) {
  GrpcWatch watch(server_, server_.keys.portal, Request());
  VacancyAlert first;
  ASSERT_TRUE(watch.Next(&first));  // the starting cursor
  EXPECT_FALSE(first.has_candidate());
  EXPECT_FALSE(first.cursor().empty());
  for (int round = 0; round < 5; ++round) {
    server_.Put(Cook(absl::StrCat("cook-", round)));  // no alert
    const absl::Time written = absl::Now();
    server_.Put(Welder(absl::StrCat("w-", round)));
    VacancyAlert alert;
    ASSERT_TRUE(watch.NextAlert(&alert));
    EXPECT_LT(absl::Now() - written, absl::Seconds(1));
    EXPECT_EQ(alert.candidate().worker().id(), absl::StrCat("w-", round));
    EXPECT_GT(alert.candidate().score(), 0);
    EXPECT_EQ(alert.candidate().worker().nik(), "6311010101900001");  // portal: unredacted
  }
  EXPECT_TRUE(watch.Cancel().error_code() == grpc::StatusCode::CANCELLED);
}

// A client that cancels a watch before reading anything: the server's handler ends within
// a poll slice, not at the watch's deadline or next heartbeat (it would hold a serving
// thread). Ended watches are counted in cakap_requests_total when the handler returns.
TEST_F(AlertsTest, AWatchCancelledAtOnceEndsOnTheServerPromptly) {
  auto ended_watches = [&] {
    double n = 0;
    for (absl::string_view line :
         absl::StrSplit(server_.server->metrics().Render(), '\n', absl::SkipEmpty())) {
      if (absl::StartsWith(line, "cakap_requests_total{rpc=\"WatchVacancy\"")) {
        n += std::stod(std::string(line.substr(line.rfind(' ') + 1)));
      }
    }
    return n;
  };
  for (int round = 0; round < 5; ++round) {
    const double before = ended_watches();
    {
      GrpcWatch watch(server_, server_.keys.portal, Request("", 60), absl::Seconds(60));
      watch.Cancel();
    }
    const absl::Time cancelled = absl::Now();
    while (ended_watches() == before && absl::Now() - cancelled < absl::Seconds(10)) {
      absl::SleepFor(absl::Milliseconds(10));
    }
    EXPECT_EQ(ended_watches(), before + 1) << "round " << round;
    EXPECT_LT(absl::Now() - cancelled, absl::Seconds(3)) << "round " << round;
  }
}

TEST_F(AlertsTest, ExactlyOnceAcrossAReconnect) {
  GrpcWatch watch(server_, server_.keys.portal, Request());
  VacancyAlert start;
  ASSERT_TRUE(watch.Next(&start));
  std::vector<std::string> expected = WriteMixed("a", 12);
  // One commit of several workers: a reconnect may fall inside it.
  std::vector<cakap::v1::Worker> bulk;
  for (const char* id : {"b3", "b1", "b2"}) bulk.push_back(Welder(id));
  ASSERT_TRUE(engine().UpsertWorkers(bulk).ok());
  for (const char* id : {"b1", "b2", "b3"}) expected.push_back(id);
  std::vector<std::string> got;
  std::string cursor = start.cursor();
  VacancyAlert alert;
  while (got.size() < expected.size() - 2 && watch.NextAlert(&alert)) {
    got.push_back(alert.candidate().worker().id());
    cursor = alert.cursor();
  }
  watch.Cancel();
  // Written while nobody watched.
  for (const std::string& id : WriteMixed("c", 6)) expected.push_back(id);
  GrpcWatch resumed(server_, server_.keys.portal, Request(cursor));
  while (got.size() < expected.size() && resumed.NextAlert(&alert)) {
    got.push_back(alert.candidate().worker().id());
  }
  EXPECT_THAT(got, ElementsAreArray(expected));
  // Then nothing more: the next message is a heartbeat.
  ASSERT_TRUE(resumed.Next(&alert));
  EXPECT_FALSE(alert.has_candidate()) << alert.candidate().worker().id();
}

TEST_F(AlertsTest, ExactlyOnceAcrossAServerRestart) {
  std::vector<std::string> expected = WriteMixed("a", 9);
  WatchVacancyRequest from_beginning = Request();
  from_beginning.set_from_beginning(true);
  std::string cursor;
  std::vector<std::string> got;
  {
    GrpcWatch watch(server_, server_.keys.portal, from_beginning);
    VacancyAlert alert;
    while (got.size() < 3 && watch.NextAlert(&alert)) {
      got.push_back(alert.candidate().worker().id());
      cursor = alert.cursor();
    }
    // Shutting down ends the stream with UNAVAILABLE (resume with the last cursor).
    std::thread stop([&] { server_.server->Shutdown(absl::Seconds(10)); });
    VacancyAlert rest;
    while (watch.Next(&rest)) {
    }
    EXPECT_EQ(watch.Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
    stop.join();
  }
  server_.server.reset();  // the engine closed
  absl::StatusOr<std::unique_ptr<cakap::service::RunningServer>> again =
      cakap::service::StartServer(server_.options);
  ASSERT_TRUE(again.ok()) << again.status();
  server_.server = *std::move(again);
  server_.Connect(grpc::InsecureChannelCredentials());
  for (const std::string& id : WriteMixed("d", 5)) expected.push_back(id);
  GrpcWatch resumed(server_, server_.keys.portal, Request(cursor));
  VacancyAlert alert;
  while (got.size() < expected.size() && resumed.NextAlert(&alert)) {
    got.push_back(alert.candidate().worker().id());
  }
  EXPECT_THAT(got, ElementsAreArray(expected));
  ASSERT_TRUE(resumed.Next(&alert));
  EXPECT_FALSE(alert.has_candidate());
}

TEST_F(AlertsTest, PartnersGetTheirScopeRedactedAndAudited) {
  // partner-kaltim sees province 64 only.
  GrpcWatch watch(server_, server_.keys.partner_kaltim, Request());
  VacancyAlert alert;
  ASSERT_TRUE(watch.Next(&alert));
  server_.Put(Welder("outside", "63.11"));
  server_.Put(Welder("inside", "64.02"));
  ASSERT_TRUE(watch.NextAlert(&alert));
  EXPECT_EQ(alert.candidate().worker().id(), "inside");
  EXPECT_TRUE(alert.candidate().worker().nik().empty());
  EXPECT_EQ(alert.candidate().worker().welfare_decile(), 0);
  for (const auto& c : alert.candidate().explanation()) EXPECT_NE(c.name(), "welfare");
  watch.Cancel();
  std::ifstream in(server_.options.audit_log);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_THAT(lines[0], HasSubstr("\"key\":\"partner-kaltim\""));
  EXPECT_THAT(lines[0], HasSubstr("\"rpc\":\"WatchVacancy\""));
  EXPECT_THAT(lines[0], HasSubstr("\"vacancy_id\":\"v-las\""));
  EXPECT_THAT(lines[0], HasSubstr("\"worker_ids\":[\"inside\"]"));
  // A closed vacancy not its own does not exist for a partner; the portal may watch it.
  WatchVacancyRequest closed = Request();
  closed.set_vacancy_id("v-closed");
  GrpcWatch refused(server_, server_.keys.partner, closed);
  EXPECT_FALSE(refused.Next(&alert));
  EXPECT_EQ(refused.Finish().error_code(), grpc::StatusCode::NOT_FOUND);
  GrpcWatch portal(server_, server_.keys.portal, closed);
  EXPECT_TRUE(portal.Next(&alert));
  portal.Cancel();
}

// Writes that alert nobody still move the cursor: the next heartbeat carries the index's
// sequence, so a client resumes past them without re-reading them.
TEST_F(AlertsTest, HeartbeatsCarryTheCursorPastWritesThatAlertNobody) {
  GrpcWatch watch(server_, server_.keys.portal, Request());
  VacancyAlert message;
  ASSERT_TRUE(watch.Next(&message));
  for (int i = 0; i < 3; ++i) server_.Put(Cook(absl::StrCat("cook-", i)));
  const uint64_t sequence = engine().ChangeSequence();
  while (watch.Next(&message) && message.sequence() < sequence) {
    EXPECT_FALSE(message.has_candidate());
  }
  EXPECT_FALSE(message.has_candidate());
  EXPECT_EQ(message.sequence(), sequence);
  EXPECT_EQ(message.cursor(), cakap::EncodeChangeCursor({sequence, ""}));
  watch.Cancel();
}

// A partner's watch ends when the vacancy closes (it may see only open ones not its own),
// a portal's goes on; a deleted vacancy ends every watch.
TEST_F(AlertsTest, AWatchEndsWhenItsVacancyClosesOrGoes) {
  GrpcWatch partner(server_, server_.keys.partner, Request());
  GrpcWatch portal(server_, server_.keys.portal, Request());
  VacancyAlert message;
  ASSERT_TRUE(partner.Next(&message));
  ASSERT_TRUE(portal.Next(&message));
  server_.Put(VacancyBuilder("v-las").Require("LAS").Open(false));
  while (partner.Next(&message)) EXPECT_FALSE(message.has_candidate());
  EXPECT_EQ(partner.Finish().error_code(), grpc::StatusCode::NOT_FOUND);
  server_.Put(Welder("still"));
  ASSERT_TRUE(portal.NextAlert(&message));
  EXPECT_EQ(message.candidate().worker().id(), "still");
  ASSERT_TRUE(engine().DeleteVacancy("v-las").ok());
  while (portal.Next(&message)) EXPECT_FALSE(message.has_candidate());
  const grpc::Status st = portal.Finish();
  EXPECT_EQ(st.error_code(), grpc::StatusCode::NOT_FOUND) << Describe(st);
  EXPECT_THAT(st.error_message(), HasSubstr("vacancy v-las not found"));
}

TEST_F(AlertsTest, EveryFieldIsValidatedByName) {
  struct Case {
    std::string what;
    WatchVacancyRequest req;
    grpc::StatusCode code;
    std::string message;
  };
  std::vector<Case> cases;
  const auto add = [&](std::string what, auto change, grpc::StatusCode code, std::string msg) {
    WatchVacancyRequest req = Request();
    change(&req);
    cases.push_back({std::move(what), req, code, std::move(msg)});
  };
  using R = WatchVacancyRequest;
  const auto invalid = grpc::StatusCode::INVALID_ARGUMENT;
  add("no vacancy", [](R* r) { r->clear_vacancy_id(); }, invalid, "vacancy_id: required");
  add("unknown", [](R* r) { r->set_vacancy_id("v-none"); }, grpc::StatusCode::NOT_FOUND,
      "vacancy v-none not found");
  add("bad id", [](R* r) { r->set_vacancy_id("a b"); }, invalid, "vacancy_id: ");
  add("long id", [](R* r) { r->set_vacancy_id(std::string(200, 'v')); }, invalid,
      "vacancy_id: is 200 bytes");
  add("cursor", [](R* r) { r->set_cursor("nope"); }, invalid, "cursor: ");
  add("future", [](R* r) { r->set_cursor("00000000000000ff"); },
      grpc::StatusCode::FAILED_PRECONDITION, "cursor: at change sequence 255");
  add("both", [](R* r) { r->set_cursor("0000000000000000"); r->set_from_beginning(true); },
      invalid, "from_beginning: must be false");
  add("heartbeat", [](R* r) { r->set_heartbeat_seconds(301); }, invalid,
      "heartbeat_seconds: 301 is outside 0-300");
  add("batch", [](R* r) { r->set_batch_size(-1); }, invalid, "batch_size: -1 is outside 0-1000");
  for (const Case& c : cases) {
    GrpcWatch watch(server_, server_.keys.portal, c.req);
    VacancyAlert alert;
    EXPECT_FALSE(watch.Next(&alert)) << c.what;
    const grpc::Status st = watch.Finish();
    EXPECT_EQ(st.error_code(), c.code) << c.what << ": " << Describe(st);
    EXPECT_THAT(st.error_message(), HasSubstr(c.message)) << c.what;
  }
  GrpcWatch anonymous(server_, "", Request());
  VacancyAlert alert;
  EXPECT_FALSE(anonymous.Next(&alert));
  EXPECT_EQ(anonymous.Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace cakap_svc_test
