#include "server.h"

#include <fstream>
#include <sstream>
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
#include "services.h"

namespace cakap {
namespace service {
namespace {

constexpr const char* kServiceNames[] = {
    "cakap.v1.WorkerService", "cakap.v1.VacancyService", "cakap.v1.MatchService",
    "cakap.v1.AdminService"};

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

  ~ServerImpl() override {
    if (server_ != nullptr) Shutdown(absl::ZeroDuration());
  }
  int port() const override { return port_; }
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
    server_->Shutdown(absl::ToChronoTime(absl::Now()));
    server_->Wait();
    stopped_.Notify();
  }
  void Wait() override { stopped_.WaitForNotification(); }
  Engine& engine() override { return *engine_; }

 private:
  // Destroyed bottom-up: the server first, the engine last.
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<KeyStore> keys_;
  std::unique_ptr<AuditLog> audit_;
  Backend backend_;
  std::vector<std::unique_ptr<grpc::Service>> services_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string host_;  // the listen address as given to gRPC
  absl::Mutex shutdown_mu_;
  bool shutting_down_ ABSL_GUARDED_BY(shutdown_mu_) = false;
  absl::Notification stopped_;
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
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options.engine, options.data_dir);
  if (!engine.ok()) return engine.status();
  engine_ = *std::move(engine);
  absl::StatusOr<std::unique_ptr<AuditLog>> audit = AuditLog::Open(
      options.audit_log.empty() ? options.data_dir + "/audit.jsonl" : options.audit_log,
      options.audit_log_options);
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

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  host_ = *address;
  builder.AddListeningPort(*address, credentials, &port_);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetMaxSendMessageSize(options.max_message_bytes);
  services_.push_back(NewWorkerService(&backend_));
  services_.push_back(NewVacancyService(&backend_));
  services_.push_back(NewMatchService(&backend_));
  services_.push_back(NewAdminService(&backend_));
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
    for (const char* name : kServiceNames) health->SetServingStatus(name, true);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<RunningServer>> StartServer(const ServerOptions& options) {
  auto server = std::make_unique<ServerImpl>();
  if (absl::Status s = server->Start(options); !s.ok()) return s;
  return std::unique_ptr<RunningServer>(std::move(server));
}

}  // namespace service
}  // namespace cakap
