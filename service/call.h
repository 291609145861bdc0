// What every rpc of cakapd does around the engine call, whichever transport carried it:
// authenticate, authorize, rate limit, check the deadline, count, and log one line.
//
//   absl::Status GetWorker(Call& call, const v1::GetWorkerRequest& req,
//                          v1::GetWorkerResponse* resp) {
//     CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
//     ...
//   }
// RpcTable (rpc.h) makes the Call around each handler.
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
#include "metrics.h"
#include "rate_limit.h"
#include "rpc.h"

namespace cakap {
namespace service {

// The metric families every call moves; the constructor declares them on `metrics`.
struct CallMetrics {
  explicit CallMetrics(Metrics* metrics);
  CounterFamily& requests;      // rpc x code x transport
  HistogramFamily& latency;     // rpc x transport, seconds
  CounterFamily& rate_limited;  // key name
};

// State shared by every call of a server.
struct Backend {
  Engine* engine = nullptr;
  KeyStore* keys = nullptr;  // null: open mode (every caller is admin)
  AuditLog* audit = nullptr;
  double default_rate = 0;
  FILE* request_log = nullptr;
  std::function<void()> before_engine_call;
  RateLimiter limiter;
  CallMetrics* metrics = nullptr;  // null: nothing counted (tests of single handlers)
  absl::Mutex log_mu;
  // Calls in flight (NewInflightCounter for gRPC, RpcTable for HTTP), and whether the
  // server is draining (new calls get UNAVAILABLE).
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

// Counts the gRPC calls of cakap services from their arrival until gRPC has sent their
// final status (the interceptor lives as long as the call), in Backend::inflight, so
// shutdown can wait for exactly those.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewInflightCounter(
    Backend* backend);

// absl status -> gRPC status, code for code (they share the numbering).
grpc::Status ToGrpc(const absl::Status& status);
// INVALID_ARGUMENT "<field>: <what>".
absl::Status InvalidField(absl::string_view field, absl::string_view what);
// NOT_FOUND "<what> not found", the engine's words: what a caller may not see looks the
// same as what does not exist.
absl::Status NotFound(absl::string_view what);

class Call {
 public:
  Call(Backend& backend, const CallContext& context, absl::string_view rpc);
  ~Call();  // writes the request log line and moves the metrics
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;

  // UNAVAILABLE when the server is shutting down, UNAUTHENTICATED without a valid key,
  // PERMISSION_DENIED when the key's role is not in
  // `roles`, RESOURCE_EXHAUSTED over the key's rate. On OK, key() is the caller.
  absl::Status Authorize(unsigned roles);
  // Runs the testing hook, then DEADLINE_EXCEEDED when the deadline has passed. Call
  // before each engine call. It does not ask whether the client cancelled: on gRPC's
  // sync API that question polls the completion queue (a syscall, ~5% of a 1M-worker
  // match call's CPU), and a cancelled call's reply is dropped anyway.
  absl::Status BeforeEngine();
  // Records the outcome for the log line and the metrics, and returns it.
  absl::Status Finish(absl::Status status);

  const ApiKey& key() const { return *key_; }
  bool partner() const { return key_ != nullptr && key_->role == Role::kPartner; }
  Backend& backend() { return backend_; }
  Engine& engine() { return *backend_.engine; }
  const std::string& rpc() const { return rpc_; }
  const CallContext& context() const { return context_; }

 private:
  void Log();

  Backend& backend_;
  const CallContext context_;
  const std::string rpc_;
  const absl::Time start_;
  std::shared_ptr<const ApiKey> key_;
  absl::Status status_;
  bool draining_ = false;
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_CALL_H_
