// Helpers for the cakapd tests: a real server started in-process on 127.0.0.1:<free port>
// over a temporary data directory, with one key per role, and the generated stubs.
//
//   cakap_svc_test::TestServer s;                      // keys: s.keys.portal, ...
//   grpc::ClientContext ctx;
//   cakap_svc_test::Auth(&ctx, s.keys.partner);
//   grpc::Status st = s.match->MatchCandidates(&ctx, req, &resp);
#ifndef CAKAP_TESTS_SERVICE_SERVICE_TEST_UTIL_H_
#define CAKAP_TESTS_SERVICE_SERVICE_TEST_UTIL_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "auth.h"
#include "cakap/v1/service.grpc.pb.h"
#include "engine/test_util.h"
#include "gtest/gtest.h"
#include "server.h"

namespace cakap_svc_test {

using cakap::service::ApiKey;
using cakap::service::Role;
using cakap_test::TempDir;
using cakap_test::VacancyBuilder;
using cakap_test::WorkerBuilder;

// Adds a key to `path`; fails the test (and returns "") on error.
inline std::string MakeKey(const std::string& path, const std::string& name, Role role,
                           std::vector<std::string> provinces = {},
                           std::vector<std::string> regions = {}, double rate = 0) {
  ApiKey key;
  key.name = name;
  key.role = role;
  key.provinces = std::move(provinces);
  key.regions = std::move(regions);
  key.rate = rate;
  absl::StatusOr<std::string> secret = cakap::service::AddKey(path, key);
  EXPECT_TRUE(secret.ok()) << secret.status();
  return secret.ok() ? *secret : "";
}

struct TestKeys {
  std::string portal, partner, admin;
  std::string partner_kaltim;    // partner restricted to province 64 (Kalimantan Timur)
  std::string partner_balangan;  // partner restricted to kabupaten 63.11 (Balangan)
  std::string limited;           // portal key limited to 1 request/s
};

// Sets the bearer key (none when empty) and a deadline (bounded, so no test hangs).
inline void Auth(grpc::ClientContext* ctx, const std::string& key,
                 absl::Duration deadline = absl::Seconds(30)) {
  if (!key.empty()) ctx->AddMetadata("authorization", "Bearer " + key);
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
}

class TestServer {
 public:
  // `customize` may change the options (keys_file is set; clear it for open mode).
  explicit TestServer(std::function<void(cakap::service::ServerOptions*)> customize = nullptr,
                      bool with_keys = true) {
    options.data_dir = dir.Sub("data");
    options.listen = "127.0.0.1:0";
    options.engine = cakap_test::TestOptions();
    options.request_log = nullptr;
    if (with_keys) {
      options.keys_file = dir.Sub("keys");
      keys.portal = MakeKey(options.keys_file, "portal", Role::kPortal);
      keys.partner = MakeKey(options.keys_file, "partner", Role::kPartner);
      keys.admin = MakeKey(options.keys_file, "admin", Role::kAdmin);
      keys.partner_kaltim = MakeKey(options.keys_file, "partner-kaltim", Role::kPartner, {"64"});
      keys.partner_balangan =
          MakeKey(options.keys_file, "partner-balangan", Role::kPartner, {}, {"63.11"});
      keys.limited = MakeKey(options.keys_file, "limited", Role::kPortal, {}, {}, 1);
    }
    if (customize) customize(&options);
    absl::StatusOr<std::unique_ptr<cakap::service::RunningServer>> started =
        cakap::service::StartServer(options);
    EXPECT_TRUE(started.ok()) << started.status();
    if (!started.ok()) return;
    server = *std::move(started);
    if (options.tls_cert_file.empty()) Connect(grpc::InsecureChannelCredentials());
  }

  void Connect(std::shared_ptr<grpc::ChannelCredentials> creds,
               const grpc::ChannelArguments& args = grpc::ChannelArguments()) {
    channel = grpc::CreateCustomChannel(Target(), std::move(creds), args);
    workers = cakap::v1::WorkerService::NewStub(channel);
    vacancies = cakap::v1::VacancyService::NewStub(channel);
    match = cakap::v1::MatchService::NewStub(channel);
    admin = cakap::v1::AdminService::NewStub(channel);
  }

  std::string Target() const { return "127.0.0.1:" + std::to_string(server->port()); }

  // Stores a worker through the engine directly (setup, not under test).
  void Put(const cakap::v1::Worker& w) {
    absl::Status s = server->engine().UpsertWorker(w);
    EXPECT_TRUE(s.ok()) << s;
  }
  void Put(const cakap::v1::Vacancy& v) {
    absl::Status s = server->engine().UpsertVacancy(v);
    EXPECT_TRUE(s.ok()) << s;
  }

  TempDir dir;
  TestKeys keys;
  cakap::service::ServerOptions options;
  std::unique_ptr<cakap::service::RunningServer> server;
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<cakap::v1::WorkerService::Stub> workers;
  std::unique_ptr<cakap::v1::VacancyService::Stub> vacancies;
  std::unique_ptr<cakap::v1::MatchService::Stub> match;
  std::unique_ptr<cakap::v1::AdminService::Stub> admin;
};

// A unary call of `method` ("/pkg.Service/Method") with raw request bytes through the
// generic stub: what a client with its own encoder sends, or a service whose generated
// stub is not installed (health, reflection). `key` as Auth; the reply's bytes in
// *response when not null.
inline grpc::Status RawUnary(TestServer& s, const std::string& method, const std::string& key,
                             const std::string& request, std::string* response = nullptr) {
  grpc::GenericStub stub(s.channel);
  grpc::ClientContext ctx;
  Auth(&ctx, key);
  grpc::Slice slice(request);
  grpc::ByteBuffer req(&slice, 1), resp;
  grpc::CompletionQueue cq;
  auto call = stub.PrepareUnaryCall(&ctx, method, req, &cq);
  call->StartCall();
  grpc::Status status;
  call->Finish(&resp, &status, reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  EXPECT_TRUE(cq.Next(&tag, &ok));
  if (response != nullptr) {
    response->clear();
    std::vector<grpc::Slice> slices;
    if (status.ok()) {
      EXPECT_TRUE(resp.Dump(&slices).ok());
    }
    for (const grpc::Slice& sl : slices) {
      response->append(reinterpret_cast<const char*>(sl.begin()), sl.size());
    }
  }
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return status;
}

// Field `field` of wire type 2 (length-delimited) holding `value`, any length.
inline std::string Delimited(int field, const std::string& value) {
  std::string out(1, static_cast<char>((field << 3) | 2));
  for (size_t n = value.size();; n >>= 7) {
    if (n < 0x80) {
      out.push_back(static_cast<char>(n));
      break;
    }
    out.push_back(static_cast<char>((n & 0x7f) | 0x80));
  }
  return out + value;
}


// Calls that return just the status, for tables of cases.
inline grpc::Status GetWorker(TestServer& s, const std::string& key, const std::string& id,
                              cakap::v1::Worker* out = nullptr) {
  grpc::ClientContext ctx;
  Auth(&ctx, key);
  cakap::v1::GetWorkerRequest req;
  req.set_id(id);
  cakap::v1::GetWorkerResponse resp;
  grpc::Status st = s.workers->GetWorker(&ctx, req, &resp);
  if (out != nullptr) *out = resp.worker();
  return st;
}

// MatchVacancies for `worker_id` as `key`; the reply in *out when given.
inline grpc::Status MatchVacancies(TestServer& s, const std::string& key,
                                   const std::string& worker_id, int limit = 0,
                                   cakap::v1::MatchVacanciesResponse* out = nullptr) {
  grpc::ClientContext ctx;
  Auth(&ctx, key);
  cakap::v1::MatchVacanciesRequest req;
  req.set_worker_id(worker_id);
  req.set_limit(limit);
  cakap::v1::MatchVacanciesResponse resp;
  grpc::Status st = s.match->MatchVacancies(&ctx, req, &resp);
  if (out != nullptr) *out = resp;
  return st;
}

inline grpc::Status Match(TestServer& s, const std::string& key,
                          const cakap::v1::MatchCandidatesRequest& req,
                          cakap::v1::MatchResult* out = nullptr) {
  grpc::ClientContext ctx;
  Auth(&ctx, key);
  cakap::v1::MatchCandidatesResponse resp;
  grpc::Status st = s.match->MatchCandidates(&ctx, req, &resp);
  if (out != nullptr) *out = resp.result();
  return st;
}

inline cakap::v1::MatchCandidatesRequest MatchRequest(const cakap::v1::Vacancy& v,
                                                      int page_size = 200, bool facets = false,
                                                      int near_misses = 0) {
  cakap::v1::MatchCandidatesRequest req;
  *req.mutable_vacancy() = v;
  req.mutable_options()->set_page_size(page_size);
  req.mutable_options()->set_facets(facets);
  req.mutable_options()->set_near_miss_limit(near_misses);
  return req;
}

inline grpc::Status Stats(TestServer& s, const std::string& key,
                          cakap::v1::StatsResponse* out = nullptr) {
  grpc::ClientContext ctx;
  Auth(&ctx, key);
  cakap::v1::StatsResponse resp;
  grpc::Status st = s.admin->Stats(&ctx, cakap::v1::StatsRequest(), &resp);
  if (out != nullptr) *out = resp;
  return st;
}

// "CODE: message", for assertion output.
inline std::string Describe(const grpc::Status& st) {
  return std::to_string(static_cast<int>(st.error_code())) + ": " + st.error_message();
}

}  // namespace cakap_svc_test

#endif  // CAKAP_TESTS_SERVICE_SERVICE_TEST_UTIL_H_
