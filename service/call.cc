#include "call.h"

#include <chrono>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

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

grpc::Status InvalidField(absl::string_view field, absl::string_view what) {
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, absl::StrCat(field, ": ", what));
}

grpc::Status NotFound(absl::string_view what) {
  return grpc::Status(grpc::StatusCode::NOT_FOUND, absl::StrCat(what, " not found"));
}

Call::Call(Backend& backend, grpc::ServerContext* context, const char* rpc)
    : backend_(backend), context_(context), rpc_(rpc), start_(absl::Now()) {
  absl::MutexLock lock(&backend_.inflight_mu);
  draining_ = backend_.draining;
}

Call::~Call() { Log(); }

void Call::Log() {
  if (backend_.request_log == nullptr) return;
  const absl::Time end = absl::Now();
  std::string line = absl::StrCat(
      "{\"time\":", JsonTime(end), ",\"rpc\":", JsonString(rpc_),
      ",\"key\":", JsonString(key_ ? key_->name : ""), ",\"status\":",
      JsonString(absl::StatusCodeToString(static_cast<absl::StatusCode>(status_.error_code()))),
      absl::StrFormat(",\"latency_ms\":%.3f", absl::ToDoubleMilliseconds(end - start_)));
  if (!status_.ok()) absl::StrAppend(&line, ",\"error\":", JsonString(status_.error_message()));
  line += "}\n";
  absl::MutexLock lock(&backend_.log_mu);
  std::fwrite(line.data(), 1, line.size(), backend_.request_log);
  std::fflush(backend_.request_log);
}

grpc::Status Call::Authorize(unsigned roles) {
  if (draining_) return grpc::Status(grpc::StatusCode::UNAVAILABLE, "server is shutting down");
  if (backend_.keys == nullptr) {
    key_ = OpenModeKey();
  } else {
    const auto& metadata = context_->client_metadata();
    auto it = metadata.find("authorization");
    if (it == metadata.end()) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          "missing \"authorization: Bearer <key>\" metadata");
    }
    absl::string_view value(it->second.data(), it->second.size());
    constexpr absl::string_view kBearer = "bearer ";
    if (value.size() <= kBearer.size() ||
        !absl::EqualsIgnoreCase(value.substr(0, kBearer.size()), kBearer)) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                          "authorization metadata must be \"Bearer <key>\"");
    }
    std::shared_ptr<const ApiKey> key =
        backend_.keys->Lookup(absl::StripAsciiWhitespace(value.substr(kBearer.size())));
    if (key == nullptr) {
      return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "unknown or revoked key");
    }
    key_ = std::move(key);
  }
  if ((RoleBit(key_->role) & roles) == 0) {
    return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                        absl::StrCat(rpc_, " is not allowed for role ", RoleName(key_->role)));
  }
  const double rate = key_->rate > 0                 ? key_->rate
                      : key_->role == Role::kPartner ? backend_.partner_rate
                                                     : backend_.default_rate;
  if (!backend_.limiter.Allow(key_->name, rate)) {
    return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                        absl::StrCat("rate limit of ", rate, " requests/s exceeded"));
  }
  return grpc::Status::OK;
}

grpc::Status Call::BeforeEngine() {
  if (backend_.before_engine_call) backend_.before_engine_call();
  if (context_->deadline() <= std::chrono::system_clock::now()) {
    return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                        "deadline exceeded before the engine was called");
  }
  return grpc::Status::OK;
}

bool Call::Draining() const {
  absl::MutexLock lock(&backend_.inflight_mu);
  return backend_.draining;
}

grpc::Status Call::Finish(grpc::Status status) {
  status_ = status;
  return status;
}

}  // namespace service
}  // namespace cakap
