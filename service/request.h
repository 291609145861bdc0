// Requests arrive as bytes and are parsed here, not by gRPC.
//
// gRPC's own parsing of a request that is not a valid message (a malformed protobuf, or
// a string field that is not valid UTF-8, which proto3 rejects) answers INTERNAL with an
// empty message, before any cakap code runs, and in a client stream it ends the stream
// as if the client had finished. So every cakap rpc is registered with a grpc::ByteBuffer
// request (grpc_services.cc) and parses it with ParseRequest: INVALID_ARGUMENT naming
// the field ("worker.display_name: is not valid UTF-8") or "request: ...", and the
// request's strings and lists are checked against the one table of limits
// (cakap/field_limits.h) with their path in the request. The HTTP transport checks the
// same limits on what it parsed from JSON.
#ifndef CAKAP_SERVICE_REQUEST_H_
#define CAKAP_SERVICE_REQUEST_H_

#include <functional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace cakap {
namespace service {

// Parses `bytes` into `out` and checks it against the field limits. InvalidArgument
// naming the field path (or "request") on failure.
absl::Status ParseRequest(absl::string_view bytes, google::protobuf::Message* out);
absl::Status ParseRequest(const grpc::ByteBuffer& bytes, google::protobuf::Message* out);

// The engine names fields of what it was given ("domicile.latitude", "id",
// "page_size"); a caller needs them named in its request. For an InvalidArgument
// "<field>: <what>": `Within(s, "worker")` makes it "worker.<field>: <what>", and
// `Renamed(s, "id", "vacancy_id")` makes "id: ..." "vacancy_id: ...". Other statuses are
// returned unchanged.
absl::Status Within(const absl::Status& status, absl::string_view parent);
absl::Status Renamed(const absl::Status& status, absl::string_view from, absl::string_view to);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_REQUEST_H_
