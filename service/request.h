// Requests arrive as bytes and are parsed here, not by gRPC.
//
// gRPC's own parsing of a request that is not a valid message (a malformed protobuf, or
// a string field that is not valid UTF-8, which proto3 rejects) answers INTERNAL with an
// empty message, before any cakap code runs, and in a client stream it ends the stream
// as if the client had finished. So every cakap rpc is registered with a grpc::ByteBuffer
// request (RequestService below) and parses it with ParseRequest: INVALID_ARGUMENT naming
// the field ("worker.display_name: is not valid UTF-8") or "request: ...", and the
// request's strings and lists are checked against the one table of limits
// (cakap/field_limits.h) with their path in the request.
#ifndef CAKAP_SERVICE_REQUEST_H_
#define CAKAP_SERVICE_REQUEST_H_

#include <functional>
#include <string>

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/impl/rpc_service_method.h>
#include <grpcpp/impl/service_type.h>
#include <grpcpp/support/method_handler.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "call.h"
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

// Base of the cakap services: registers rpcs whose request is parsed by ParseRequest.
// A request that does not parse is answered after authentication (so a caller without a
// key still gets UNAUTHENTICATED) with ParseRequest's INVALID_ARGUMENT, and logged.
class RequestService : public grpc::Service {
 protected:
  explicit RequestService(Backend* backend) : backend_(backend) {}

  // `method` is the full name, "/cakap.v1.WorkerService/GetWorker" (static storage).
  template <class Impl, class Req, class Resp>
  void AddUnary(const char* method, const char* rpc,
                grpc::Status (Impl::*fn)(grpc::ServerContext*, const Req*, Resp*)) {
    Impl* impl = static_cast<Impl*>(this);
    Backend* backend = backend_;
    AddMethod(new grpc::internal::RpcServiceMethod(
        method, grpc::internal::RpcMethod::NORMAL_RPC,
        new grpc::internal::RpcMethodHandler<Impl, grpc::ByteBuffer, Resp>(
            [fn, backend, rpc](Impl* self, grpc::ServerContext* ctx, const grpc::ByteBuffer* bytes,
                               Resp* resp) -> grpc::Status {
              Req req;
              absl::Status parsed = ParseRequest(*bytes, &req);
              if (!parsed.ok()) return Unparsed(*backend, ctx, rpc, parsed);
              return (self->*fn)(ctx, &req, resp);
            },
            impl)));
  }

  // A client stream whose messages the handler parses one by one (ParseRequest).
  template <class Impl, class Resp>
  void AddClientStream(const char* method,
                       grpc::Status (Impl::*fn)(grpc::ServerContext*,
                                                grpc::ServerReader<grpc::ByteBuffer>*, Resp*)) {
    AddMethod(new grpc::internal::RpcServiceMethod(
        method, grpc::internal::RpcMethod::CLIENT_STREAMING,
        new grpc::internal::ClientStreamingHandler<Impl, grpc::ByteBuffer, Resp>(
            [fn](Impl* self, grpc::ServerContext* ctx, grpc::ServerReader<grpc::ByteBuffer>* reader,
                 Resp* resp) { return (self->*fn)(ctx, reader, resp); },
            static_cast<Impl*>(this))));
  }

  Backend* const backend_;

 private:
  static grpc::Status Unparsed(Backend& backend, grpc::ServerContext* ctx, const char* rpc,
                               const absl::Status& parsed);
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_REQUEST_H_
