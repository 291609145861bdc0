// What every rpc of cakapd does around the engine call: authenticate, authorize, rate
// limit, check the deadline, map the status, and log one line.
//
//   grpc::Status GetWorker(grpc::ServerContext* ctx, const Req* req, Resp* resp) override {
//     Call call(*backend_, ctx, "GetWorker");
//     return call.Finish(DoGetWorker(call, *req, resp));
//   }
#ifndef CAKAP_SERVICE_CALL_H_
#define CAKAP_SERVICE_CALL_H_

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_interceptor.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "audit.h"
#include "auth.h"
#include "cakap/engine.h"
#include "page_token_mac.h"
#include "rate_limit.h"

namespace cakap {
namespace service {

// State shared by every call of a server.
struct Backend {
  Engine* engine = nullptr;
  KeyStore* keys = nullptr;  // null: open mode (every caller is admin)
  AuditLog* audit = nullptr;
  double default_rate = 0;
  // Requests/s of partner keys without their own rate (they read personal data).
  double partner_rate = 0;
  // Binds page tokens to keys (page_token_mac.h). Never null while serving.
  std::shared_ptr<const PageTokenMac> page_tokens;
  FILE* request_log = nullptr;
  std::function<void()> before_engine_call;
  RateLimiter limiter;
  absl::Mutex log_mu;
  // Calls in flight (NewInflightCounter), and whether the server is draining (new calls
  // get UNAVAILABLE).
  absl::Mutex inflight_mu;
  int inflight ABSL_GUARDED_BY(inflight_mu) = 0;
  bool draining ABSL_GUARDED_BY(inflight_mu) = false;
};

// Roles allowed to make an rpc, as a bit set.
enum RoleBits : unsigned {
  kPortalBit = 1u << 0,
  kPartnerBit = 1u << 1,
  kAdminBit = 1u << 2,
  kAnyRole = kPortalBit | kPartnerBit | kAdminBit,
  kWriters = kPortalBit | kAdminBit,
};

// Counts the calls of cakap services from their arrival until gRPC has sent their final
// status (the interceptor lives as long as the call), in Backend::inflight, so shutdown
// can wait for exactly those.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewInflightCounter(
    Backend* backend);

// absl status -> gRPC status, code for code (they share the numbering).
grpc::Status ToGrpc(const absl::Status& status);
// INVALID_ARGUMENT "<field>: <what>".
grpc::Status InvalidField(absl::string_view field, absl::string_view what);
// NOT_FOUND "<what> not found", the engine's words: what a caller may not see looks the
// same as what does not exist.
grpc::Status NotFound(absl::string_view what);

class Call {
 public:
  Call(Backend& backend, grpc::ServerContext* context, const char* rpc);
  ~Call();  // writes the request log line
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;

  // UNAVAILABLE when the server is shutting down, UNAUTHENTICATED without a valid key,
  // PERMISSION_DENIED when the key's role is not in
  // `roles`, RESOURCE_EXHAUSTED over the key's rate. On OK, key() is the caller.
  grpc::Status Authorize(unsigned roles);
  // Runs the testing hook, then DEADLINE_EXCEEDED when the deadline has passed. Call
  // before each engine call. It does not ask whether the client cancelled: on the sync
  // API that question polls the completion queue (a syscall, ~5% of a 1M-worker match
  // call's CPU), and gRPC drops the reply of a cancelled call anyway.
  grpc::Status BeforeEngine();
  // Records the outcome for the log line and returns it.
  grpc::Status Finish(grpc::Status status);
  // True once the server has begun shutting down (a long call should wind up).
  bool Draining() const;

  const ApiKey& key() const { return *key_; }
  bool partner() const { return key_ != nullptr && key_->role == Role::kPartner; }
  Backend& backend() { return backend_; }
  Engine& engine() { return *backend_.engine; }
  const char* rpc() const { return rpc_; }

 private:
  void Log();

  Backend& backend_;
  grpc::ServerContext* const context_;
  const char* const rpc_;
  const absl::Time start_;
  std::shared_ptr<const ApiKey> key_;
  grpc::Status status_;
  bool draining_ = false;
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_CALL_H_
