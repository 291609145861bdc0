// The server's life: deadlines, graceful shutdown with calls in flight, TLS, open mode
// (no keys), message size limit, and the cakapd binary itself (SIGHUP, SIGTERM).
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using namespace cakap::v1;  // NOLINT: request/response types

grpc::Status UpsertAs(TestServer& s, const std::string& key, const std::string& id,
                      absl::Duration deadline = absl::Seconds(30)) {
  grpc::ClientContext ctx;
  Auth(&ctx, key, deadline);
  UpsertWorkerRequest req;
  *req.mutable_worker() = WorkerBuilder(id).Skill("LAS").Build();
  UpsertWorkerResponse resp;
  return s.workers->UpsertWorker(&ctx, req, &resp);
}

TEST(SvcDeadlineTest, TinyDeadline) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  EXPECT_EQ(UpsertAs(s, s.keys.portal, "w-1", absl::Microseconds(1)).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_EQ(Match(s, s.keys.admin, MatchRequest(VacancyBuilder().Require("LAS")))
                .error_code(),
            grpc::StatusCode::OK);
}

TEST(SvcDeadlineTest, ServerChecksBeforeCallingTheEngine) {
  std::atomic<bool> slow{false};
  TestServer s([&](cakap::service::ServerOptions* o) {
    o->before_engine_call = [&] {
      if (slow) absl::SleepFor(absl::Milliseconds(400));
    };
  });
  ASSERT_NE(s.server, nullptr);
  slow = true;
  EXPECT_EQ(UpsertAs(s, s.keys.portal, "w-late", absl::Milliseconds(100)).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  absl::SleepFor(absl::Milliseconds(500));  // the handler has finished by now
  slow = false;
  // The server saw the deadline had passed and never wrote the worker.
  EXPECT_EQ(GetWorker(s, s.keys.portal, "w-late").error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(UpsertAs(s, s.keys.portal, "w-late").ok());
}

TEST(SvcShutdownTest, FinishesCallsInFlight) {
  constexpr int kCalls = 4;
  absl::Mutex mu;
  int entered = 0;
  bool release = false;
  TestServer s([&](cakap::service::ServerOptions* o) {
    o->before_engine_call = [&] {
      absl::MutexLock lock(&mu);
      ++entered;
      mu.AwaitWithTimeout(absl::Condition(&release), absl::Seconds(30));
    };
  });
  ASSERT_NE(s.server, nullptr);
  std::vector<grpc::Status> results(kCalls);
  std::vector<std::thread> clients;
  for (int i = 0; i < kCalls; ++i) {
    clients.emplace_back([&, i] { results[i] = UpsertAs(s, s.keys.portal, "w-" + std::to_string(i)); });
  }
  {
    // EXPECT, not ASSERT: the client threads must be released and joined in any case.
    absl::MutexLock lock(&mu);
    EXPECT_TRUE(mu.AwaitWithTimeout(absl::Condition(
                                        +[](int* n) { return *n == kCalls; }, &entered),
                                    absl::Seconds(30)));
  }
  absl::Notification stopped;
  std::thread stopper([&] {
    s.server->Shutdown(absl::Seconds(20));
    stopped.Notify();
  });
  // Shutdown waits for the calls in flight.
  EXPECT_FALSE(stopped.WaitForNotificationWithTimeout(absl::Milliseconds(300)));
  {
    absl::MutexLock lock(&mu);
    release = true;
  }
  for (auto& t : clients) t.join();
  stopper.join();
  EXPECT_TRUE(stopped.HasBeenNotified());
  for (int i = 0; i < kCalls; ++i) EXPECT_TRUE(results[i].ok()) << i << ": " << Describe(results[i]);
  // The writes were committed, and the server takes no new calls.
  for (int i = 0; i < kCalls; ++i) {
    EXPECT_TRUE(s.server->engine().GetWorker("w-" + std::to_string(i)).ok()) << i;
  }
  EXPECT_EQ(UpsertAs(s, s.keys.portal, "w-after", absl::Seconds(2)).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  s.server->Shutdown(absl::ZeroDuration());  // idempotent
  s.server->Wait();
}

// ---------------------------------------------------------------------------------------
// TLS with a self-signed certificate made here with libcrypto.

bool WriteSelfSigned(const std::string& cert_path, const std::string& key_path) {
  EVP_PKEY* pkey = EVP_RSA_gen(2048);
  if (pkey == nullptr) return false;
  X509* x509 = X509_new();
  X509_set_version(x509, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x509), 1);
  X509_gmtime_adj(X509_getm_notBefore(x509), -60);
  X509_gmtime_adj(X509_getm_notAfter(x509), 24 * 3600);
  X509_set_pubkey(x509, pkey);
  X509_NAME* name = X509_get_subject_name(x509);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(x509, name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, x509, x509, nullptr, nullptr, 0);
  bool ok = true;
  for (auto [nid, value] : std::vector<std::pair<int, const char*>>{
           {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
           {NID_basic_constraints, "critical,CA:TRUE"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    ok = ok && ext != nullptr && X509_add_ext(x509, ext, -1) == 1;
    X509_EXTENSION_free(ext);
  }
  ok = ok && X509_sign(x509, pkey, EVP_sha256()) > 0;
  FILE* cf = std::fopen(cert_path.c_str(), "w");
  FILE* kf = std::fopen(key_path.c_str(), "w");
  ok = ok && cf != nullptr && kf != nullptr && PEM_write_X509(cf, x509) == 1 &&
       PEM_write_PrivateKey(kf, pkey, nullptr, nullptr, 0, nullptr, nullptr) == 1;
  if (cf != nullptr) std::fclose(cf);
  if (kf != nullptr) std::fclose(kf);
  X509_free(x509);
  EVP_PKEY_free(pkey);
  return ok;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(SvcTlsTest, SelfSignedCertificate) {
  TempDir certs;
  const std::string cert = certs.Sub("cert.pem"), key = certs.Sub("key.pem");
  ASSERT_TRUE(WriteSelfSigned(cert, key));
  TestServer s([&](cakap::service::ServerOptions* o) {
    o->tls_cert_file = cert;
    o->tls_key_file = key;
  });
  ASSERT_NE(s.server, nullptr);
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = Slurp(cert);
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  s.Connect(grpc::SslCredentials(ssl), args);
  grpc::Status st = Stats(s, s.keys.admin);
  EXPECT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(Stats(s, s.keys.partner).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // A plaintext client cannot talk to it.
  s.Connect(grpc::InsecureChannelCredentials());
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.admin, absl::Seconds(5));
  StatsResponse resp;
  EXPECT_FALSE(s.admin->Stats(&ctx, StatsRequest(), &resp).ok());
}

TEST(SvcOptionsTest, BadOptionsAreRefused) {
  TempDir dir;
  const std::vector<std::function<void(cakap::service::ServerOptions*)>> bad = {
      [&](auto* o) { o->tls_cert_file = dir.Sub("cert.pem"); },
      [&](auto* o) { o->tls_cert_file = o->tls_key_file = dir.Sub("missing.pem"); },
      [&](auto* o) { o->keys_file = dir.Sub("missing-keys"); },
      [&](auto* o) { o->listen = "no-port"; },
      [&](auto* o) { o->max_message_bytes = 0; },
      [&](auto* o) { o->default_rate = -1; },
  };
  for (size_t i = 0; i < bad.size(); ++i) {
    cakap::service::ServerOptions o;
    o.data_dir = dir.Sub("data");
    o.listen = "127.0.0.1:0";
    o.request_log = nullptr;
    bad[i](&o);
    EXPECT_FALSE(cakap::service::StartServer(o).ok()) << i;
  }
}

TEST(SvcOpenModeTest, LoopbackOnlyAndEveryoneIsAdmin) {
  TestServer s([](cakap::service::ServerOptions* o) { o->listen = "0.0.0.0:0"; }, false);
  ASSERT_NE(s.server, nullptr);
  EXPECT_TRUE(s.server->open_mode());
  EXPECT_EQ(s.server->address(), "127.0.0.1:" + std::to_string(s.server->port()));
  EXPECT_TRUE(Stats(s, "").ok());
  EXPECT_TRUE(UpsertAs(s, "", "w-1").ok());
  EXPECT_EQ(s.server->ReloadKeys().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(SvcOptionsTest, MaxMessageSize) {
  TestServer s([](cakap::service::ServerOptions* o) { o->max_message_bytes = 4096; });
  ASSERT_NE(s.server, nullptr);
  Vacancy v = VacancyBuilder().Require("LAS");
  v.set_description(std::string(8000, 'x'));
  EXPECT_EQ(Match(s, s.keys.admin, MatchRequest(v)).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  v.set_description("short");
  EXPECT_TRUE(Match(s, s.keys.admin, MatchRequest(v)).ok());
}

TEST(SvcRequestLogTest, OneJsonLinePerRequest) {
  TempDir dir;
  const std::string path = dir.Sub("requests.log");
  FILE* log = std::fopen(path.c_str(), "w");
  ASSERT_NE(log, nullptr);
  {
    TestServer s([&](cakap::service::ServerOptions* o) { o->request_log = log; });
    ASSERT_NE(s.server, nullptr);
    EXPECT_TRUE(Stats(s, s.keys.admin).ok());
    EXPECT_FALSE(GetWorker(s, s.keys.partner, "nope").ok());
  }
  std::fclose(log);
  std::istringstream lines(Slurp(path));
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line);) got.push_back(line);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_THAT(got[0], ::testing::HasSubstr("\"rpc\":\"Stats\",\"key\":\"admin\",\"status\":\"OK\""));
  EXPECT_THAT(got[0], ::testing::HasSubstr("\"latency_ms\":"));
  EXPECT_THAT(got[1], ::testing::HasSubstr("\"key\":\"partner\",\"status\":\"NOT_FOUND\""));
}

// ---------------------------------------------------------------------------------------
// The binary: start, SIGHUP reloads the keys, SIGTERM stops it with exit code 0.

TEST(SvcCakapdTest, SignalsReloadAndStop) {
  const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
  if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
  const std::string bin = std::string(bin_dir) + "/service/cakapd";
  if (access(bin.c_str(), X_OK) != 0) GTEST_SKIP() << bin << " not built";
  TempDir dir;
  const std::string keys = dir.Sub("keys"), log = dir.Sub("stderr");
  const std::string admin = MakeKey(keys, "admin", Role::kAdmin);
  const std::string other = MakeKey(keys, "other", Role::kAdmin);
  const std::string data = dir.Sub("data");
  const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_GE(log_fd, 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {  // only async-signal-safe calls until exec
    if (dup2(log_fd, 2) < 0) _exit(126);
    execl(bin.c_str(), bin.c_str(), "--data", data.c_str(), "--listen", "127.0.0.1:0",
          "--keys", keys.c_str(), "--shutdown-grace", "5", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(log_fd);
  // Kills the child if the test returns early (a failed ASSERT).
  struct Reaper {
    pid_t pid;
    ~Reaper() {
      if (pid > 0) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
      }
    }
  } reaper{pid};
  // Waits (bounded) for a log line containing `what`; returns it.
  auto await_line = [&](const std::string& what) -> std::string {
    for (int i = 0; i < 300; ++i) {
      std::istringstream lines(Slurp(log));
      for (std::string line; std::getline(lines, line);) {
        if (line.find(what) != std::string::npos) return line;
      }
      absl::SleepFor(absl::Milliseconds(50));
    }
    return "";
  };
  const std::string start = await_line("\"event\":\"start\"");
  ASSERT_FALSE(start.empty()) << Slurp(log);
  const size_t at = start.find("\"port\":") + 7;
  int port = 0;
  ASSERT_TRUE(absl::SimpleAtoi(start.substr(at, start.find(',', at) - at), &port)) << start;

  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(port),
                                     grpc::InsecureChannelCredentials());
  auto stub = AdminService::NewStub(channel);
  auto stats = [&](const std::string& key) {
    grpc::ClientContext ctx;
    Auth(&ctx, key, absl::Seconds(10));
    StatsResponse resp;
    return stub->Stats(&ctx, StatsRequest(), &resp).error_code();
  };
  EXPECT_EQ(stats(admin), grpc::StatusCode::OK);
  EXPECT_EQ(stats(other), grpc::StatusCode::OK);
  ASSERT_TRUE(cakap::service::RevokeKey(keys, "other").ok());
  ASSERT_EQ(kill(pid, SIGHUP), 0);
  EXPECT_FALSE(await_line("\"event\":\"reload_keys\",\"status\":\"OK\"").empty()) << Slurp(log);
  EXPECT_EQ(stats(other), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(stats(admin), grpc::StatusCode::OK);
  EXPECT_THAT(Slurp(log), ::testing::HasSubstr("\"rpc\":\"Stats\",\"key\":\"admin\""));

  // A broken keys file: `keys check` says which line before any reload, and a SIGHUP
  // keeps the old keys but is loud (an error line, a counter in Stats).
  { std::ofstream(keys, std::ios::app) << "not-a-hash admin admin\n"; }
  const std::string check_out = dir.Sub("check");
  int rc = std::system((bin + " keys check " + keys + " >" + check_out + " 2>&1").c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 1) << Slurp(check_out);
  EXPECT_THAT(Slurp(check_out), ::testing::HasSubstr(keys + ":5: hash:")) << Slurp(keys);
  ASSERT_EQ(kill(pid, SIGHUP), 0);
  const std::string error = await_line("\"event\":\"error\",\"what\":\"reload_keys\"");
  EXPECT_THAT(error, ::testing::HasSubstr(":5: hash:")) << Slurp(log);
  EXPECT_EQ(stats(admin), grpc::StatusCode::OK);  // the old keys stay active
  {
    grpc::ClientContext ctx;
    Auth(&ctx, admin, absl::Seconds(10));
    StatsResponse resp;
    ASSERT_TRUE(stub->Stats(&ctx, StatsRequest(), &resp).ok());
    EXPECT_EQ(resp.key_reload_failures(), 1u);
    EXPECT_THAT(resp.key_reload_error(), ::testing::HasSubstr(":5: hash:"));
  }
  const std::string fixed = Slurp(keys).substr(0, Slurp(keys).rfind("not-a-hash"));
  { std::ofstream(keys, std::ios::trunc) << fixed; }
  rc = std::system((bin + " keys check " + keys + " >" + check_out + " 2>&1").c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 0) << Slurp(check_out);
  EXPECT_THAT(Slurp(check_out), ::testing::HasSubstr("ok, 1 active keys"));

  // The channel stays connected (idle): that must not hold the shutdown up to the grace.
  const absl::Time term = absl::Now();
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  int wstatus = 0;
  bool exited = false;
  for (int i = 0; i < 300 && !exited; ++i) {
    exited = waitpid(pid, &wstatus, WNOHANG) == pid;
    if (!exited) absl::SleepFor(absl::Milliseconds(50));
  }
  ASSERT_TRUE(exited) << "cakapd did not stop on SIGTERM";
  reaper.pid = -1;
  ASSERT_TRUE(WIFEXITED(wstatus)) << Slurp(log);
  EXPECT_EQ(WEXITSTATUS(wstatus), 0) << Slurp(log);
  EXPECT_THAT(Slurp(log), ::testing::HasSubstr("\"event\":\"stopped\""));
  EXPECT_LT(absl::Now() - term, absl::Seconds(4)) << Slurp(log);
}

}  // namespace
}  // namespace cakap_svc_test
