// cakapd's HTTP connections, as the PHP and Python clients met them: idle keep-alive
// connections neither starve new callers nor hold up shutdown, a request refused before
// its body was read does not poison the connection, calls on one connection are not
// delayed by Nagle, and an import lists its rejections in stream order on one line each.
#include <httplib.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "google/protobuf/util/json_util.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

TestServer HttpServer(int max_connections = 64) {
  return TestServer([max_connections](cakap::service::ServerOptions* o) {
    o->http.listen = "127.0.0.1:0";
    o->http.max_connections = max_connections;
    o->http.idle_timeout = absl::Seconds(30);  // longer than any wait below may take
  });
}

httplib::Headers Bearer(const std::string& key) {
  return {{"Authorization", "Bearer " + key}};
}

// One Stats call on `client` (a keep-alive connection once it has been used).
httplib::Result Stats(httplib::Client& client, const std::string& key) {
  return client.Post("/cakap.v1.AdminService/Stats", Bearer(key), "{}", "application/json");
}

TEST(HttpConnectionTest, IdleKeepAliveConnectionsDoNotStarveANewCaller) {
  TestServer s = HttpServer(/*max_connections=*/16);
  ASSERT_NE(s.server, nullptr);
  // Twelve clients that made a call and keep their connection open, as a PHP-FPM pool
  // or a browser does: each holds one of the server's connection threads.
  std::vector<std::unique_ptr<httplib::Client>> idle;
  for (int i = 0; i < 12; ++i) {
    idle.push_back(std::make_unique<httplib::Client>("127.0.0.1", s.server->http_port()));
    idle.back()->set_keep_alive(true);
    httplib::Result r = Stats(*idle.back(), s.keys.admin);
    ASSERT_TRUE(r) << i;
    ASSERT_EQ(r->status, 200) << i;
  }
  // A new caller is answered at once, not after an idle connection times out.
  httplib::Client fresh("127.0.0.1", s.server->http_port());
  const absl::Time start = absl::Now();
  httplib::Result r = Stats(fresh, s.keys.admin);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  // And the idle ones are still usable.
  for (auto& client : idle) EXPECT_EQ(Stats(*client, s.keys.admin)->status, 200);
}

TEST(HttpConnectionTest, ShutdownDoesNotWaitForIdleConnections) {
  TestServer s = HttpServer();
  ASSERT_NE(s.server, nullptr);
  httplib::Client client("127.0.0.1", s.server->http_port());
  client.set_keep_alive(true);
  ASSERT_EQ(Stats(client, s.keys.admin)->status, 200);
  const absl::Time start = absl::Now();
  s.server->Shutdown(absl::Seconds(10));
  // Before: the connection's thread waited out the 30 s idle timeout.
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
}

TEST(HttpConnectionTest, ARefusedImportLeavesTheConnectionUsable) {
  TestServer s = HttpServer();
  ASSERT_NE(s.server, nullptr);
  httplib::Client client("127.0.0.1", s.server->http_port());
  client.set_keep_alive(true);
  // Far more than cakapd reads ahead (2048 lines) before the rpc refuses the caller.
  std::string body;
  for (int i = 0; i < 20000; ++i) {
    body += R"({"id":"r-)" + std::to_string(i) + R"(","skills":["LAS"]})" "\n";
  }
  struct Refusal {
    std::string what, path, key, type;
    int http;
  };
  const std::vector<Refusal> refusals = {
      {"wrong content type", "/v1/import/workers", s.keys.portal, "application/json", 415},
      {"no key", "/v1/import/workers", "", "application/jsonl", 401},
      {"a partner", "/v1/import/workers", s.keys.partner, "application/jsonl", 403},
      {"no such rpc", "/cakap.v1.WorkerService/Fly", s.keys.portal, "application/json", 404},
  };
  for (const Refusal& refusal : refusals) {
    SCOPED_TRACE(refusal.what);
    httplib::Headers headers;
    if (!refusal.key.empty()) headers = Bearer(refusal.key);
    httplib::Result r = client.Post(refusal.path, headers, body, refusal.type);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, refusal.http);
    EXPECT_EQ(r->get_header_value("Connection"), "close");
    // The next call on the same client: before, the unread body was parsed as a request.
    httplib::Result next = Stats(client, s.keys.admin);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200) << next->body;
  }
  cakap::v1::StatsResponse stats;
  ASSERT_TRUE(cakap_svc_test::Stats(s, s.keys.admin, &stats).ok());
  EXPECT_EQ(stats.workers(), 0);
}

TEST(HttpConnectionTest, CallsOnOneConnectionAreNotDelayed) {
  TestServer s = HttpServer();
  ASSERT_NE(s.server, nullptr);
  httplib::Client client("127.0.0.1", s.server->http_port());
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // as curl and Python's http.client send: no Nagle here
  ASSERT_EQ(Stats(client, s.keys.admin)->status, 200);
  // With Nagle on the server, each reply waited for the client's delayed ACK: ~46 ms a
  // call, 2.4 s for 50 (measured). Unloaded, a Stats call takes well under a millisecond.
  const absl::Time start = absl::Now();
  for (int i = 0; i < 50; ++i) ASSERT_EQ(Stats(client, s.keys.admin)->status, 200) << i;
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(1000));
}

TEST(HttpConnectionTest, ImportRejectionsAreInStreamOrderOnOneLineEach) {
  TestServer s = HttpServer();
  ASSERT_NE(s.server, nullptr);
  httplib::Client client("127.0.0.1", s.server->http_port());
  // 0: refused by the engine when its batch commits; 1: refused as it is read; 2: fine.
  const std::string body =
      R"({"id":"o-0","skills":["LAS"],"domicile":{"regionCode":"99.99"}})" "\n"
      R"({"id": "o-1", "skills": [)" "\n"
      R"({"id":"o-2","skills":["LAS"],"domicile":{"regionCode":"63.11"}})" "\n";
  httplib::Result r =
      client.Post("/v1/import/workers", Bearer(s.keys.portal), body, "application/jsonl");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  cakap::v1::UpsertWorkersResponse resp;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r->body, &resp).ok()) << r->body;
  EXPECT_EQ(resp.accepted(), 1);
  ASSERT_EQ(resp.rejections_size(), 2) << r->body;
  EXPECT_EQ(resp.rejections(0).index(), 0);
  EXPECT_EQ(resp.rejections(0).worker_id(), "o-0");
  EXPECT_EQ(resp.rejections(1).index(), 1);
  EXPECT_NE(resp.rejections(1).reason().find("line 2"), std::string::npos)
      << resp.rejections(1).reason();
  for (const auto& rejection : resp.rejections()) {
    EXPECT_EQ(rejection.reason().find('\n'), std::string::npos) << rejection.reason();
  }
}

}  // namespace
}  // namespace cakap_svc_test
