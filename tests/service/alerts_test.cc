// AlertService.WatchVacancy over gRPC and over HTTP (a Connect server stream): alerts
// within a bounded time of the write, exactly once across a reconnect and a server
// restart, partner scope, redaction and audit, and every request field validated.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <httplib.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "cakap/v1/alerts.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "connect.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using cakap::v1::VacancyAlert;
using cakap::v1::WatchVacancyRequest;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

cakap::v1::Worker Welder(const std::string& id, const std::string& region = "63.11") {
  return WorkerBuilder(id).Region(region).Skill("LAS").Nik("6311010101900001").Decile(2);
}
cakap::v1::Worker Cook(const std::string& id) { return WorkerBuilder(id).Skill("MSK"); }

WatchVacancyRequest Request(const std::string& cursor = "", int heartbeat_seconds = 1) {
  WatchVacancyRequest req;
  req.set_vacancy_id("v-las");
  req.set_cursor(cursor);
  req.set_heartbeat_seconds(heartbeat_seconds);
  return req;
}

// One WatchVacancy call over gRPC.
class GrpcWatch {
 public:
  GrpcWatch(TestServer& s, const std::string& key, const WatchVacancyRequest& req,
            absl::Duration deadline = absl::Seconds(20))
      : stub_(cakap::v1::AlertService::NewStub(s.channel)) {
    Auth(&ctx_, key, deadline);
    reader_ = stub_->WatchVacancy(&ctx_, req);
  }
  // The next message (alert or heartbeat); false when the stream ended.
  bool Next(VacancyAlert* out) { return reader_->Read(out); }
  // The next alert, skipping heartbeats (each moves the cursor too).
  bool NextAlert(VacancyAlert* out) {
    while (reader_->Read(out)) {
      if (out->has_candidate()) return true;
    }
    return false;
  }
  grpc::Status Cancel() {
    ctx_.TryCancel();
    VacancyAlert ignored;
    while (reader_->Read(&ignored)) {
    }
    return reader_->Finish();
  }
  grpc::Status Finish() { return reader_->Finish(); }

 private:
  std::unique_ptr<cakap::v1::AlertService::Stub> stub_;
  grpc::ClientContext ctx_;
  std::unique_ptr<grpc::ClientReader<VacancyAlert>> reader_;
};

class AlertsTest : public ::testing::Test {
 protected:
  AlertsTest()
      : server_([](cakap::service::ServerOptions* o) {
          o->http.listen = "127.0.0.1:0";
          o->audit_log = o->data_dir + "-audit";
        }) {
    server_.Put(VacancyBuilder("v-las").Require("LAS").Open());
    server_.Put(VacancyBuilder("v-closed").Require("LAS").Open(false));
  }
  cakap::Engine& engine() { return server_.server->engine(); }
  // The ids of `n` writes of which every third is a cook (no alert), the others welders:
  // returns the welders' ids, the alerts expected, in order.
  std::vector<std::string> WriteMixed(const std::string& prefix, int n) {
    std::vector<std::string> expected;
    for (int i = 0; i < n; ++i) {
      const std::string id = absl::StrCat(prefix, i < 10 ? "0" : "", i);
      if (i % 3 == 2) {
        server_.Put(Cook(id));
      } else {
        server_.Put(Welder(id));
        expected.push_back(id);
      }
    }
    return expected;
  }
  TestServer server_;
};

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

// ---------------------------------------------------------------------------------------
// HTTP: a Connect server stream.

// The messages of one Connect stream as they arrive; stops reading (the client goes
// away) once `stop_after` alerts came, unless 0.
struct ConnectStream {
  std::vector<VacancyAlert> messages;
  std::string end;  // the end-of-stream JSON, when it came
  int http_status = 0;
  std::string content_type;
};

ConnectStream Watch(TestServer& s, const std::string& key, const WatchVacancyRequest& request,
                    size_t stop_after, int timeout_ms = 20000,
                    const std::function<void(const VacancyAlert&)>& on_message = nullptr) {
  httplib::Client client("127.0.0.1", s.server->http_port());
  client.set_read_timeout(30, 0);
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(request, &json).ok());
  httplib::Request req;
  req.method = "POST";
  req.path = "/cakap.v1.AlertService/WatchVacancy";
  req.headers = {{"Authorization", "Bearer " + key},
                 {"Content-Type", "application/connect+json"},
                 {"Connect-Protocol-Version", "1"},
                 {"Connect-Timeout-Ms", std::to_string(timeout_ms)}};
  req.body = cakap::service::ConnectEnvelope(0, json);
  ConnectStream out;
  std::string buffer;
  size_t alerts = 0;
  req.content_receiver = [&](const char* data, size_t n, uint64_t, uint64_t) {
    buffer.append(data, n);
    while (buffer.size() >= 5) {
      const auto byte = [&](size_t i) { return static_cast<unsigned char>(buffer[i]); };
      const size_t len = (size_t{byte(1)} << 24) | (size_t{byte(2)} << 16) |
                         (size_t{byte(3)} << 8) | byte(4);
      if (buffer.size() < 5 + len) break;
      const std::string payload = buffer.substr(5, len);
      const unsigned char flags = byte(0);
      buffer.erase(0, 5 + len);
      if (flags & cakap::service::kConnectEndStreamFlag) {
        out.end = payload;
        continue;
      }
      VacancyAlert alert;
      EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(payload, &alert).ok()) << payload;
      out.messages.push_back(alert);
      if (on_message) on_message(alert);
      if (alert.has_candidate() && ++alerts == stop_after) return false;
    }
    return true;
  };
  httplib::Result r = client.send(req);
  if (r) {
    out.http_status = r->status;
    out.content_type = r->get_header_value("Content-Type");
  }
  return out;
}

std::vector<std::string> AlertIds(const ConnectStream& s) {
  std::vector<std::string> ids;
  for (const VacancyAlert& a : s.messages) {
    if (a.has_candidate()) ids.push_back(a.candidate().worker().id());
  }
  return ids;
}

std::string LastCursor(const ConnectStream& s) {
  return s.messages.empty() ? "" : s.messages.back().cursor();
}

TEST_F(AlertsTest, HttpConnectStreamResumesExactlyOnce) {
  std::vector<std::string> expected = WriteMixed("a", 10);
  WatchVacancyRequest from_beginning = Request();
  from_beginning.set_from_beginning(true);
  // The client goes away after 4 alerts.
  ConnectStream first = Watch(server_, server_.keys.portal, from_beginning, 4);
  ASSERT_EQ(AlertIds(first).size(), 4u);
  EXPECT_FALSE(first.messages.front().has_candidate());  // the starting cursor
  for (const std::string& id : WriteMixed("b", 4)) expected.push_back(id);
  // Resumed until its deadline, which ends the stream with deadline_exceeded.
  std::vector<std::string> got = AlertIds(first);
  ConnectStream second =
      Watch(server_, server_.keys.portal, Request(LastCursor(first)), 0, 1500);
  EXPECT_EQ(second.http_status, 200);
  EXPECT_EQ(second.content_type, "application/connect+json");
  for (const std::string& id : AlertIds(second)) got.push_back(id);
  EXPECT_THAT(got, ElementsAreArray(expected));
  EXPECT_THAT(second.end, HasSubstr("\"code\":\"deadline_exceeded\""));
  // Alerts reach an HTTP watcher within a second of the write too.
  absl::Time written;
  ConnectStream live =
      Watch(server_, server_.keys.portal, Request(), 1, 20000, [&](const VacancyAlert& m) {
        if (m.has_candidate()) return;  // the starting cursor: now write
        written = absl::Now();
        server_.Put(Welder("live"));
      });
  EXPECT_THAT(AlertIds(live), ElementsAreArray({"live"}));
  EXPECT_LT(absl::Now() - written, absl::Seconds(1));
}

TEST_F(AlertsTest, HttpErrorsEndTheStreamNamingTheField) {
  ConnectStream bad = Watch(server_, server_.keys.portal, Request("not-a-cursor"), 0);
  EXPECT_EQ(bad.http_status, 200);  // a Connect stream's errors are its end message
  EXPECT_TRUE(bad.messages.empty());
  EXPECT_THAT(bad.end, HasSubstr("\"code\":\"invalid_argument\""));
  EXPECT_THAT(bad.end, HasSubstr("cursor: "));
  // Unary JSON is not a stream's content type: 415.
  httplib::Client client("127.0.0.1", server_.server->http_port());
  httplib::Result r = client.Post("/cakap.v1.AlertService/WatchVacancy",
                                  {{"Authorization", "Bearer " + server_.keys.portal}},
                                  "{\"vacancyId\":\"v-las\"}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 415);
  EXPECT_THAT(r->body, HasSubstr("application/connect+json"));
}

// Latency from an acknowledged write (UpsertWorker over gRPC returned) to its alert
// reaching a gRPC watcher and an HTTP (Connect) watcher at once, over writes one after
// another. CAKAP_ALERT_WRITES sets how many (default 100; docs/benchmarks.md reports 1000).
TEST_F(AlertsTest, AlertLatencyIsBounded) {
  const char* env = std::getenv("CAKAP_ALERT_WRITES");
  const int n = env != nullptr ? std::max(1, std::atoi(env)) : 100;
  GrpcWatch watch(server_, server_.keys.portal, Request(), absl::Minutes(10));
  VacancyAlert alert;
  ASSERT_TRUE(watch.Next(&alert));
  std::vector<absl::Time> started(n), acked(n), alerted(n), http_alerted(n);
  absl::Notification http_started;
  std::thread http([&] {
    Watch(server_, server_.keys.portal, Request(), n, 600000, [&](const VacancyAlert& m) {
      if (!m.has_candidate()) {
        if (!http_started.HasBeenNotified()) http_started.Notify();
        return;
      }
      http_alerted[std::atoi(m.candidate().worker().id().c_str() + 1)] = absl::Now();
    });
  });
  http_started.WaitForNotification();
  std::thread writer([&] {
    for (int i = 0; i < n; ++i) {
      grpc::ClientContext ctx;
      Auth(&ctx, server_.keys.portal);
      cakap::v1::UpsertWorkerRequest req;
      *req.mutable_worker() = Welder(absl::StrCat("w", i));
      cakap::v1::UpsertWorkerResponse resp;
      started[i] = absl::Now();
      const grpc::Status st = server_.workers->UpsertWorker(&ctx, req, &resp);
      acked[i] = absl::Now();
      ASSERT_TRUE(st.ok()) << Describe(st);
    }
  });
  for (int got = 0; got < n && watch.NextAlert(&alert); ++got) {
    const int i = std::atoi(alert.candidate().worker().id().c_str() + 1);
    ASSERT_EQ(i, got) << "alerts in write order";
    alerted[i] = absl::Now();
  }
  writer.join();
  http.join();
  watch.Cancel();
  // Milliseconds from `from` to `to` per write, sorted; a watcher may see the commit
  // before the writer's reply arrives: then 0.
  const auto latencies = [&](const std::vector<absl::Time>& from,
                             const std::vector<absl::Time>& to) {
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
      ms.push_back(std::max(0.0, absl::ToDoubleMilliseconds(to[i] - from[i])));
    }
    std::sort(ms.begin(), ms.end());
    return ms;
  };
  const auto at = [&](const std::vector<double>& v, double q) {
    return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
  };
  for (const auto& [name, to] : {std::pair<const char*, const std::vector<absl::Time>*>{
                                     "grpc", &alerted},
                                 {"http", &http_alerted}}) {
    ASSERT_TRUE(std::none_of(to->begin(), to->end(),
                             [](absl::Time t) { return t == absl::Time(); }))
        << name << ": an alert never came";
    const std::vector<double> from_ack = latencies(acked, *to);
    const std::vector<double> from_start = latencies(started, *to);
    std::printf("%s alert latency over %d writes, ms: after the ack p50 %.2f p99 %.2f max "
                "%.2f; after the write began p50 %.2f p99 %.2f max %.2f\n",
                name, n, at(from_ack, 0.5), at(from_ack, 0.99), from_ack.back(),
                at(from_start, 0.5), at(from_start, 0.99), from_start.back());
    EXPECT_LT(at(from_start, 0.99), 1000.0) << name;
  }
}

// The Connect envelope helpers, byte for byte.
TEST(ConnectStreamTest, EnvelopesAndEndOfStream) {
  using cakap::service::ConnectEndStream;
  using cakap::service::ConnectEnvelope;
  using cakap::service::ParseConnectRequestEnvelope;
  EXPECT_EQ(ConnectEnvelope(0, "{}"), std::string("\0\0\0\0\2{}", 7));
  EXPECT_EQ(ConnectEnvelope(2, std::string(300, 'x')).substr(0, 5),
            std::string("\2\0\0\1\x2c", 5));
  EXPECT_EQ(ConnectEndStream(absl::OkStatus()), std::string("\2\0\0\0\2{}", 7));
  const std::string failed = ConnectEndStream(absl::NotFoundError("vacancy v-9 not found"));
  EXPECT_EQ(failed.substr(5),
            "{\"error\":{\"code\":\"not_found\",\"message\":\"vacancy v-9 not found\"}}");
  const absl::StatusOr<std::string> ok = ParseConnectRequestEnvelope(ConnectEnvelope(0, "{}"));
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(*ok, "{}");
  for (const std::string& bad : {std::string("{}"), ConnectEnvelope(1, "{}"),
                                 ConnectEnvelope(0, "{}") + "x",
                                 ConnectEnvelope(0, "{}").substr(0, 6)}) {
    const absl::StatusOr<std::string> r = ParseConnectRequestEnvelope(bad);
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("request body: "));
  }
}

}  // namespace
}  // namespace cakap_svc_test
