// The transport-neutral view of cakapd's rpcs: what a call carries (CallContext) and the
// one table of handlers (RpcTable) that both gRPC (services.cc) and HTTP/JSON
// (http_server.cc) dispatch to. Roles, validation, redaction, audit, rate limits and
// status messages live in the handlers, so both transports behave the same by
// construction.
#ifndef CAKAP_SERVICE_RPC_H_
#define CAKAP_SERVICE_RPC_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"

namespace cakap {
namespace service {

struct Backend;
class Call;

enum class Transport { kGrpc, kHttp };
// "grpc" / "http": the label of metrics and log lines.
const char* TransportName(Transport transport);

// What a call brings besides its message, whatever carried it.
struct CallContext {
  Transport transport = Transport::kGrpc;
  // The "authorization" metadata / header as sent ("Bearer <key>"); empty when absent.
  std::string authorization;
  // When the caller stops waiting (gRPC deadline, Connect-Timeout-Ms); infinite: none.
  absl::Time deadline = absl::InfiniteFuture();
  // The caller's address, for the request log ("ipv4:127.0.0.1:53412", "127.0.0.1:53412").
  std::string peer;
};

// One record of a client stream (UpsertWorkers over gRPC; a JSON Lines body over HTTP).
struct StreamRecord {
  enum Kind {
    kMessage,    // the next record is in the message
    kMalformed,  // a record that could not be read: rejected at its index, the stream goes on
    kEnd,        // the stream ended as the client meant it to
    kCut,        // the stream broke off (client cancelled, connection lost, body cut)
  } kind = kEnd;
  // kMalformed, kCut: what went wrong, e.g. "line 7: Unexpected token".
  std::string error;
};
// Reads the next record into `message` (cleared first).
using StreamReader = std::function<StreamRecord(google::protobuf::Message* message)>;

// The sending side of a server stream (WatchVacancy over gRPC; a Connect stream over
// HTTP), given to the handler.
struct StreamWriter {
  // Sends one message; false when it could not be sent (the client has gone): stop.
  std::function<bool(const google::protobuf::Message&)> write;
  // Whether the client has gone (gRPC: the call was cancelled). Over HTTP a client that
  // went away is noticed only by the next write failing.
  std::function<bool()> cancelled;
};

// An rpc of the table. Exactly one of `unary`, `client_stream` and `server_stream` is set.
struct RpcMethod {
  std::string service;  // "cakap.v1.MatchService"
  std::string name;     // "MatchCandidates"
  const google::protobuf::Message* request = nullptr;   // the request's default instance
  const google::protobuf::Message* response = nullptr;  // the response's default instance
  std::function<absl::Status(Call&, const google::protobuf::Message&,
                             google::protobuf::Message*)>
      unary;
  std::function<absl::Status(Call&, const StreamReader&, google::protobuf::Message*)>
      client_stream;
  // Sends its messages through the writer; the status ends the stream.
  std::function<absl::Status(Call&, const google::protobuf::Message&, const StreamWriter&)>
      server_stream;

  // "/cakap.v1.MatchService/MatchCandidates": the gRPC method and the Connect path.
  std::string path() const { return "/" + service + "/" + name; }
};

// Every cakap rpc, by path. Built once per server over its Backend; immutable after.
class RpcTable {
 public:
  explicit RpcTable(Backend* backend);

  // Null when `path` is no cakap rpc.
  const RpcMethod* Find(absl::string_view path) const;
  const std::vector<std::unique_ptr<RpcMethod>>& methods() const { return methods_; }

  // Runs a unary rpc: the handler inside a Call (request log, metrics, in-flight count).
  // `parsed` is how reading the request went (request.h): an error is the answer, after
  // the caller is authenticated (so a caller without a key still gets UNAUTHENTICATED),
  // and the handler does not run.
  absl::Status Unary(const RpcMethod& method, const CallContext& context,
                     const google::protobuf::Message& request, google::protobuf::Message* response,
                     const absl::Status& parsed = absl::OkStatus()) const;
  // Runs a client-streaming rpc, reading its records from `read`.
  absl::Status ClientStream(const RpcMethod& method, const CallContext& context,
                            const StreamReader& read, google::protobuf::Message* response) const;

  // Runs a server-streaming rpc: as Unary (a request that did not parse is answered after
  // authentication), the handler writing its messages to `writer`.
  absl::Status ServerStream(const RpcMethod& method, const CallContext& context,
                            const google::protobuf::Message& request, const StreamWriter& writer,
                            const absl::Status& parsed = absl::OkStatus()) const;

  // OK when the caller's key is an admin's (every caller is in open mode); else
  // UNAUTHENTICATED or PERMISSION_DENIED, as an admin-only rpc would answer. For the
  // endpoints that are no rpc (/metrics).
  absl::Status CheckAdmin(const CallContext& context) const;

  Backend& backend() const { return *backend_; }

 private:
  Backend* const backend_;
  std::vector<std::unique_ptr<RpcMethod>> methods_;
  absl::flat_hash_map<std::string, const RpcMethod*> by_path_;
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_RPC_H_
