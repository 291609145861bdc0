// How cakap-load reaches cakapd: one Caller per client thread, behind which is either the
// generated gRPC stub or cpp-httplib speaking the Connect protocol to cakapd's HTTP port
// (docs/http.md). The run loop (load.cc) only sees Caller, so every transport is timed by
// the same code.
#ifndef CAKAP_BENCH_LOAD_TRANSPORT_H_
#define CAKAP_BENCH_LOAD_TRANSPORT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cakap/v1/service.pb.h"
#include "load.h"

namespace cakap {
namespace load {

// One client thread's way to cakapd. Not thread-safe: one thread calls it.
class Caller {
 public:
  virtual ~Caller() = default;
  // Sends one MatchCandidates and waits for its reply, within LoadOptions::deadline. OK
  // with *response set, or the call's error with gRPC's code (whatever the transport).
  // Everything a client of this transport pays is inside: serialising the request,
  // the round trip and parsing the reply (for http-json, JSON both ways).
  virtual absl::Status Match(const v1::MatchCandidatesRequest& request,
                             v1::MatchCandidatesResponse* response) = 0;
};

// The callers of one run, callers[t] for thread t, and how many connections they use.
struct Callers {
  std::vector<std::unique_ptr<Caller>> callers;
  int connections = 0;
};

// options.concurrency callers for options.transport. gRPC: the threads share
// min(channels, concurrency) channels round-robin; HTTP: one keep-alive connection per
// thread (channels does not apply). Unavailable when the target does not answer within
// 5 s, so a wrong port fails at once instead of counting errors for the whole run.
absl::StatusOr<Callers> MakeCallers(const LoadOptions& options);

// The status a Connect unary error reply stands for: the code named in its JSON body
// ({"code":"unauthenticated","message":"..."}), or, for a body that is not a Connect
// error (a proxy's page), the code the Connect protocol assigns to the HTTP status.
absl::Status StatusFromConnectError(int http_status, absl::string_view body);

}  // namespace load
}  // namespace cakap

#endif  // CAKAP_BENCH_LOAD_TRANSPORT_H_
