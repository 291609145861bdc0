// AlertService.WatchVacancy over HTTP, a Connect server stream: the envelopes, resuming
// exactly once, errors as the end-of-stream message; and the alert latency of a gRPC and
// an HTTP watcher at once.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <httplib.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "connect.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "service/alerts_test_util.h"

namespace cakap_svc_test {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

class AlertsHttpTest : public AlertsTest {};

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

TEST_F(AlertsHttpTest, HttpConnectStreamResumesExactlyOnce) {
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

TEST_F(AlertsHttpTest, HttpErrorsEndTheStreamNamingTheField) {
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
TEST_F(AlertsHttpTest, AlertLatencyIsBounded) {
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
