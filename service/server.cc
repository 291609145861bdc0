#include "server.h"

#include <unistd.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "audit.h"
#include "auth.h"
#include "call.h"
#include "grpc_services.h"
#include "http_server.h"
#include "metrics.h"
#include "rpc.h"

namespace cakap {
namespace service {
namespace {

// The services that write: NOT_SERVING while the engine's writer is broken (a full disk),
// SERVING again once a commit succeeds. Reads and matches go on meanwhile.
constexpr const char* kWritingServiceNames[] = {"cakap.v1.WorkerService",
                                                "cakap.v1.VacancyService"};

absl::StatusOr<std::string> ReadFile(const std::string& path, absl::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(what, ": cannot read ", path));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// `listen` with its host replaced by 127.0.0.1 when `loopback_only`. InvalidArgument
// when it is not host:port.
absl::StatusOr<std::string> ListenAddress(const std::string& listen, bool loopback_only) {
  const size_t colon = listen.rfind(':');
  int port = 0;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(absl::string_view(listen).substr(colon + 1), &port) || port < 0 ||
      port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("listen: \"", listen, "\" is not host:port (e.g. 127.0.0.1:7843)"));
  }
  if (!loopback_only) return listen;
  return absl::StrCat("127.0.0.1:", port);
}

class ServerImpl final : public RunningServer {
 public:
  absl::Status Start(const ServerOptions& options);
  void AddServerGauges();

  ~ServerImpl() override {
    if (server_ != nullptr) Shutdown(absl::ZeroDuration());
  }
  int port() const override { return port_; }
  int http_port() const override { return http_ != nullptr ? http_->port() : 0; }
  int metrics_port() const override { return ops_http_ != nullptr ? ops_http_->port() : 0; }
  const Metrics& metrics() const override { return metrics_; }
  std::string address() const override {
    return absl::StrCat(host_.substr(0, host_.rfind(':')), ":", port_);
  }
  bool open_mode() const override { return keys_ == nullptr; }
  absl::Status ReloadKeys() override {
    if (keys_ == nullptr) return absl::FailedPreconditionError("no keys file (open mode)");
    return keys_->Reload();
  }
  void Shutdown(absl::Duration grace) override {
    bool first = false;
    {
      absl::MutexLock lock(&shutdown_mu_);
      first = !shutting_down_;
      shutting_down_ = true;
    }
    if (!first) {
      stopped_.WaitForNotification();
      return;
    }
    StopProbing();
    if (grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService()) {
      health->Shutdown();  // every service NOT_SERVING from now on
    }
    // Drain: new calls get UNAVAILABLE; wait (up to the grace) until the calls in flight
    // have sent their replies. Then stop the gRPC server at once: Shutdown(deadline)
    // would also wait for idle client connections to go away, i.e. until the deadline.
    {
      absl::MutexLock lock(&backend_.inflight_mu);
      backend_.draining = true;
      backend_.inflight_mu.AwaitWithTimeout(
          absl::Condition(+[](int* n) { return *n == 0; }, &backend_.inflight), grace);
    }
    if (http_ != nullptr) http_->Stop();
    if (ops_http_ != nullptr) ops_http_->Stop();
    server_->Shutdown(absl::ToChronoTime(absl::Now()));
    server_->Wait();
    stopped_.Notify();
  }
  void Wait() override { stopped_.WaitForNotification(); }
  Engine& engine() override { return *engine_; }

 private:
  // Sets the writing services' health (on_write_health calls it, on the writing thread).
  void SetWritesServing(bool serving) {
    absl::MutexLock lock(&health_mu_);
    writes_serving_ = serving;
    if (health_ == nullptr) return;  // not started yet, or shut down
    for (const char* name : kWritingServiceNames) health_->SetServingStatus(name, serving);
  }
  // While writes fail, probes them every `interval` so that health turns SERVING once
  // space is freed even if no client writes meanwhile.
  void ProbeWrites(absl::Duration interval) {
    absl::MutexLock lock(&health_mu_);
    while (!health_mu_.AwaitWithTimeout(absl::Condition(&stop_probing_), interval)) {
      if (writes_serving_) continue;
      health_mu_.Unlock();
      engine_->ProbeWrite().IgnoreError();  // its outcome reaches SetWritesServing
      health_mu_.Lock();
    }
  }
  void StopProbing() {
    {
      absl::MutexLock lock(&health_mu_);
      stop_probing_ = true;
      health_ = nullptr;
    }
    if (prober_.joinable()) prober_.join();
  }

  // Destroyed bottom-up: the server first, the engine last, then the metrics its
  // on_commit and the audit log's on_sync write to.
  Metrics metrics_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<KeyStore> keys_;
  std::unique_ptr<AuditLog> audit_;
  std::unique_ptr<CallMetrics> call_metrics_;
  Backend backend_;
  std::unique_ptr<RpcTable> table_;
  std::vector<std::unique_ptr<grpc::Service>> services_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<HttpServer> http_;
  std::unique_ptr<HttpServer> ops_http_;  // --metrics-listen
  int port_ = 0;
  std::string host_;  // the listen address as given to gRPC
  absl::Mutex shutdown_mu_;
  bool shutting_down_ ABSL_GUARDED_BY(shutdown_mu_) = false;
  absl::Notification stopped_;
  absl::Mutex health_mu_;
  grpc::HealthCheckServiceInterface* health_ ABSL_GUARDED_BY(health_mu_) = nullptr;
  bool writes_serving_ ABSL_GUARDED_BY(health_mu_) = true;
  bool stop_probing_ ABSL_GUARDED_BY(health_mu_) = false;
  std::thread prober_;  // ProbeWrites
};

absl::Status ServerImpl::Start(const ServerOptions& options) {
  if (options.data_dir.empty()) return absl::InvalidArgumentError("data: required");
  if (options.max_message_bytes <= 0) {
    return absl::InvalidArgumentError("max-message-bytes: must be > 0");
  }
  if (!(options.default_rate >= 0)) {
    return absl::InvalidArgumentError("default-rate: must be >= 0");
  }
  if (!(options.partner_rate >= 0)) {
    return absl::InvalidArgumentError("partner-rate: must be >= 0");
  }
  absl::StatusOr<PageTokenMac> page_tokens = options.page_token_secrets_file.empty()
                                                 ? PageTokenMac::Random()
                                                 : PageTokenMac::FromFile(options.page_token_secrets_file);
  if (!page_tokens.ok()) return page_tokens.status();
  if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
    return absl::InvalidArgumentError("tls-cert and tls-key: give both or neither");
  }
  absl::StatusOr<std::string> address =
      ListenAddress(options.listen, options.keys_file.empty());
  if (!address.ok()) return address.status();

  std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
  if (!options.tls_cert_file.empty()) {
    absl::StatusOr<std::string> cert = ReadFile(options.tls_cert_file, "tls-cert");
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key = ReadFile(options.tls_key_file, "tls-key");
    if (!key.ok()) return key.status();
    grpc::SslServerCredentialsOptions ssl;
    ssl.pem_key_cert_pairs.push_back({*std::move(key), *std::move(cert)});
    credentials = grpc::SslServerCredentials(ssl);
  }

  if (!options.keys_file.empty()) {
    absl::StatusOr<std::unique_ptr<KeyStore>> keys = KeyStore::Load(options.keys_file);
    if (!keys.ok()) return keys.status();
    keys_ = *std::move(keys);
  }
  EngineOptions engine_options = options.engine;
  HistogramFamily& commit_seconds = metrics_.AddHistogram(
      "cakap_commit_duration_seconds",
      "Group commits of the index (fsyncs included), by outcome.", {"ok"}, LatencyBuckets());
  HistogramFamily& commit_writes = metrics_.AddHistogram(
      "cakap_commit_writes", "Writes sharing one group commit (a bulk upsert counts as one).",
      {}, {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000});
  engine_options.on_commit = [&commit_seconds, &commit_writes,
                              also = options.engine.on_commit](const CommitInfo& commit) {
    commit_seconds.Observe({commit.ok ? "true" : "false"},
                           absl::ToDoubleSeconds(commit.duration));
    commit_writes.Observe({}, commit.writes);
    if (also) also(commit);
  };
  engine_options.on_write_health = [this, also = options.engine.on_write_health](
                                       const absl::Status& health) {
    SetWritesServing(health.ok());
    if (also) also(health);
  };
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(engine_options, options.data_dir);
  if (!engine.ok()) return engine.status();
  engine_ = *std::move(engine);
  AuditLogOptions audit_options = options.audit_log_options;
  HistogramFamily& audit_sync_seconds = metrics_.AddHistogram(
      "cakap_audit_sync_duration_seconds",
      "fdatasyncs of the audit log (a partner's reply waits for one).", {}, LatencyBuckets());
  audit_options.on_sync = [&audit_sync_seconds,
                           also = options.audit_log_options.on_sync](absl::Duration d) {
    audit_sync_seconds.Observe({}, absl::ToDoubleSeconds(d));
    if (also) also(d);
  };
  absl::StatusOr<std::unique_ptr<AuditLog>> audit = AuditLog::Open(
      options.audit_log.empty() ? options.data_dir + "/audit.jsonl" : options.audit_log,
      audit_options);
  if (!audit.ok()) return audit.status();
  audit_ = *std::move(audit);

  backend_.engine = engine_.get();
  backend_.keys = keys_.get();
  backend_.audit = audit_.get();
  backend_.default_rate = options.default_rate;
  backend_.partner_rate = options.partner_rate;
  backend_.page_tokens = std::make_shared<const PageTokenMac>(*std::move(page_tokens));
  backend_.request_log = options.request_log;
  backend_.before_engine_call = options.before_engine_call;
  call_metrics_ = std::make_unique<CallMetrics>(&metrics_);
  backend_.metrics = call_metrics_.get();
  AddServerGauges();
  table_ = std::make_unique<RpcTable>(&backend_);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  host_ = *address;
  builder.AddListeningPort(*address, credentials, &port_);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  services_ = NewGrpcServices(table_.get());
  for (auto& s : services_) builder.RegisterService(s.get());
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> counters;
  counters.push_back(NewInflightCounter(&backend_));
  builder.experimental().SetInterceptorCreators(std::move(counters));
  server_ = builder.BuildAndStart();
  if (server_ == nullptr || port_ == 0) {
    server_.reset();
    return absl::FailedPreconditionError(absl::StrCat("cannot listen on ", *address));
  }
  if (grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService()) {
    health->SetServingStatus("", true);
    // Every service of the rpc table, so that none can be left out of the list.
    for (const auto& method : table_->methods()) health->SetServingStatus(method->service, true);
    absl::MutexLock lock(&health_mu_);
    health_ = health;
    for (const char* name : kWritingServiceNames) health_->SetServingStatus(name, writes_serving_);
  }
  if (options.write_probe_interval > absl::ZeroDuration()) {
    prober_ = std::thread([this, interval = options.write_probe_interval] {
      ProbeWrites(interval);
    });
  }
  // Ready: the index is open and the keys are loaded (both done above), and the server
  // is not draining.
  auto ready = [this] {
    absl::MutexLock lock(&backend_.inflight_mu);
    return !backend_.draining;
  };
  if (!options.http.listen.empty()) {
    HttpOptions http = options.http;
    if (http.tls_cert_file.empty()) {
      http.tls_cert_file = options.tls_cert_file;
      http.tls_key_file = options.tls_key_file;
    }
    absl::StatusOr<std::string> listen = ListenAddress(http.listen, options.keys_file.empty());
    if (!listen.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("http-", listen.status().message()));
    }
    http.listen = *listen;
    absl::StatusOr<std::unique_ptr<HttpServer>> started =
        HttpServer::Start(http, table_.get(), &metrics_, ready);
    if (!started.ok()) return started.status();
    http_ = *std::move(started);
  }
  if (!options.metrics_listen.empty()) {
    HttpOptions ops;
    ops.ops_only = true;
    absl::StatusOr<std::string> listen = ListenAddress(options.metrics_listen, false);
    if (!listen.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("metrics-", listen.status().message()));
    }
    ops.listen = *listen;
    absl::StatusOr<std::unique_ptr<HttpServer>> started =
        HttpServer::Start(ops, table_.get(), &metrics_, ready);
    if (!started.ok()) return started.status();
    ops_http_ = *std::move(started);
  }
  return absl::OkStatus();
}

// Resident set size of this process in bytes, from /proc/self/statm; NaN where unknown.
double ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return std::nan("");
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

void ServerImpl::AddServerGauges() {
  metrics_.AddGauge("cakap_requests_in_flight", "Requests being served, both transports.",
                    [this] {
                      absl::MutexLock lock(&backend_.inflight_mu);
                      return static_cast<double>(backend_.inflight);
                    });
  metrics_.AddGauge("cakap_index_workers", "Workers in the index.", [this] {
    absl::StatusOr<EngineStats> stats = engine_->Stats();
    return stats.ok() ? static_cast<double>(stats->workers) : std::nan("");
  });
  metrics_.AddGauge("cakap_index_vacancies", "Stored vacancies in the index.", [this] {
    absl::StatusOr<EngineStats> stats = engine_->Stats();
    return stats.ok() ? static_cast<double>(stats->vacancies) : std::nan("");
  });
  metrics_.AddGauge("cakap_index_revision", "The index revision (+1 per commit).", [this] {
    absl::StatusOr<EngineStats> stats = engine_->Stats();
    return stats.ok() ? static_cast<double>(stats->revision) : std::nan("");
  });
  metrics_.AddGauge("cakap_audit_lines", "Lines appended to the audit log since start.", [this] {
    return static_cast<double>(audit_->counters().lines);
  });
  metrics_.AddGauge("cakap_audit_syncs", "fdatasyncs of the audit log since start.", [this] {
    return static_cast<double>(audit_->counters().syncs);
  });
  metrics_.AddGauge("cakap_process_resident_bytes", "Resident memory of cakapd.", &ResidentBytes);
  metrics_.AddGauge("cakap_record_cache_bytes",
                    "Memory of the engine's record cache (most of cakapd's resident memory).",
                    [this] {
                      absl::StatusOr<EngineStats> stats = engine_->Stats();
                      return stats.ok() ? static_cast<double>(stats->record_cache_bytes)
                                        : std::nan("");
                    });
  metrics_.AddGauge("cakap_writes_serving",
                    "1 while writes commit, 0 while they fail (a full disk, an I/O error).",
                    [this] {
                      absl::MutexLock lock(&health_mu_);
                      return writes_serving_ ? 1.0 : 0.0;
                    });
  if (keys_ != nullptr) {
    metrics_.AddGauge("cakap_key_reload_failures",
                      "Reloads of the keys file (SIGHUP) that failed since start; the keys "
                      "loaded before stay active.",
                      [this] { return static_cast<double>(keys_->reload_stats().failures); });
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<RunningServer>> StartServer(const ServerOptions& options) {
  auto server = std::make_unique<ServerImpl>();
  if (absl::Status s = server->Start(options); !s.ok()) return s;
  return std::unique_ptr<RunningServer>(std::move(server));
}

}  // namespace service
}  // namespace cakap
