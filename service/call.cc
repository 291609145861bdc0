#include "call.h"

#include <chrono>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "cakap/v1/log.pb.h"

namespace cakap {
namespace service {
namespace {

std::shared_ptr<const ApiKey> OpenModeKey() {
  static const auto* const key = new std::shared_ptr<const ApiKey>([] {
    auto k = std::make_shared<ApiKey>();
    k->name = "local";
    k->role = Role::kAdmin;
    return k;
  }());
  return *key;
}

unsigned RoleBit(Role role) {
  switch (role) {
    case Role::kPortal:
      return kPortalBit;
    case Role::kPartner:
      return kPartnerBit;
    case Role::kAdmin:
      return kAdminBit;
  }
  return 0;
}

class InflightCounter final : public grpc::experimental::Interceptor {
 public:
  explicit InflightCounter(Backend* backend) : backend_(backend) {
    absl::MutexLock lock(&backend_->inflight_mu);
    ++backend_->inflight;
  }
  ~InflightCounter() override {
    absl::MutexLock lock(&backend_->inflight_mu);
    --backend_->inflight;
  }
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    methods->Proceed();
  }

 private:
  Backend* const backend_;
};

class InflightCounterFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit InflightCounterFactory(Backend* backend) : backend_(backend) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    // Only cakap's own rpcs: a long health Watch must not hold a shutdown up.
    if (info->method() == nullptr || !absl::StartsWith(info->method(), "/cakap.")) {
      return nullptr;
    }
    return new InflightCounter(backend_);
  }

 private:
  Backend* const backend_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewInflightCounter(
    Backend* backend) {
  return std::make_unique<InflightCounterFactory>(backend);
}

grpc::Status ToGrpc(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(static_cast<int>(status.code())),
                      std::string(status.message()));
}

absl::Status InvalidField(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

absl::Status NotFound(absl::string_view what) {
  return absl::NotFoundError(absl::StrCat(what, " not found"));
}

CallMetrics::CallMetrics(Metrics* metrics)
    : requests(metrics->AddCounter("cakap_requests_total",
                                   "Requests by rpc, status code and transport.",
                                   {"rpc", "code", "transport"})),
      latency(metrics->AddHistogram("cakap_request_duration_seconds",
                                    "Time from a request's arrival to its status, by rpc and "
                                    "transport.",
                                    {"rpc", "transport"}, LatencyBuckets())),
      rate_limited(metrics->AddCounter("cakap_rate_limited_total",
                                       "Requests refused for a key's rate limit, by key name.",
                                       {"key"})) {}

Call::Call(Backend& backend, const CallContext& context, absl::string_view rpc)
    : backend_(backend), context_(context), rpc_(rpc), start_(absl::Now()) {
  absl::MutexLock lock(&backend_.inflight_mu);
  draining_ = backend_.draining;
}

Call::~Call() {
  if (backend_.metrics != nullptr) {
    const char* transport = TransportName(context_.transport);
    backend_.metrics->requests.Add(
        {rpc_, absl::StatusCodeToString(status_.code()), transport});
    backend_.metrics->latency.Observe({rpc_, transport},
                                      absl::ToDoubleSeconds(absl::Now() - start_));
  }
  Log();
}

void Call::Log() {
  if (backend_.request_log == nullptr) return;
  const absl::Time end = absl::Now();
  v1::RequestLogLine log;
  log.set_time(LogTime(end));
  log.set_rpc(rpc_);
  log.set_key(key_ ? ValidUtf8(key_->name) : "");
  log.set_status(absl::StatusCodeToString(status_.code()));
  log.set_latency_ms(absl::ToDoubleMilliseconds(end - start_));
  log.set_transport(TransportName(context_.transport));
  log.set_error(ValidUtf8(status_.message()));
  const std::string line = JsonLine(log);
  absl::MutexLock lock(&backend_.log_mu);
  std::fwrite(line.data(), 1, line.size(), backend_.request_log);
  std::fflush(backend_.request_log);
}

absl::Status Call::Authorize(unsigned roles) {
  if (draining_) return absl::UnavailableError("server is shutting down");
  if (backend_.keys == nullptr) {
    key_ = OpenModeKey();
  } else {
    absl::string_view value = context_.authorization;
    if (value.empty()) {
      return absl::UnauthenticatedError("missing \"authorization: Bearer <key>\" metadata");
    }
    constexpr absl::string_view kBearer = "bearer ";
    if (value.size() <= kBearer.size() ||
        !absl::EqualsIgnoreCase(value.substr(0, kBearer.size()), kBearer)) {
      return absl::UnauthenticatedError("authorization metadata must be \"Bearer <key>\"");
    }
    std::shared_ptr<const ApiKey> key =
        backend_.keys->Lookup(absl::StripAsciiWhitespace(value.substr(kBearer.size())));
    if (key == nullptr) return absl::UnauthenticatedError("unknown or revoked key");
    key_ = std::move(key);
  }
  if ((RoleBit(key_->role) & roles) == 0) {
    return absl::PermissionDeniedError(
        absl::StrCat(rpc_, " is not allowed for role ", RoleName(key_->role)));
  }
  const double rate = key_->rate > 0                 ? key_->rate
                      : key_->role == Role::kPartner ? backend_.partner_rate
                                                     : backend_.default_rate;
  if (!backend_.limiter.Allow(key_->name, rate)) {
    if (backend_.metrics != nullptr) backend_.metrics->rate_limited.Add({key_->name});
    return absl::ResourceExhaustedError(
        absl::StrCat("rate limit of ", rate, " requests/s exceeded"));
  }
  return absl::OkStatus();
}

absl::Status Call::BeforeEngine() {
  if (backend_.before_engine_call) backend_.before_engine_call();
  if (context_.deadline <= absl::Now()) {
    return absl::DeadlineExceededError("deadline exceeded before the engine was called");
  }
  return absl::OkStatus();
}

bool Call::Draining() const {
  absl::MutexLock lock(&backend_.inflight_mu);
  return backend_.draining;
}

absl::Status Call::Finish(absl::Status status) {
  status_ = status;
  return status;
}

}  // namespace service
}  // namespace cakap
