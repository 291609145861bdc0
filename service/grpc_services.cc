#include "grpc_services.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <string>

#include <grpcpp/impl/rpc_service_method.h>
#include <grpcpp/support/method_handler.h>

#include "absl/strings/match.h"
#include "call.h"
#include "request.h"

namespace cakap {
namespace service {
namespace {

namespace pb = google::protobuf;
using grpc::ByteBuffer;
using grpc::ServerContext;
using grpc::Status;

CallContext ContextOf(ServerContext* ctx) {
  CallContext context;
  context.transport = Transport::kGrpc;
  const auto& metadata = ctx->client_metadata();
  if (auto it = metadata.find("authorization"); it != metadata.end()) {
    context.authorization.assign(it->second.data(), it->second.size());
  }
  if (ctx->deadline() != std::chrono::system_clock::time_point::max()) {
    context.deadline = absl::FromChrono(ctx->deadline());
  }
  context.peer = ctx->peer();
  return context;
}

void ToByteBuffer(const pb::Message& message, ByteBuffer* out) {
  const std::string bytes = message.SerializeAsString();
  grpc::Slice slice(bytes);
  *out = ByteBuffer(&slice, 1);
}

// One proto service (e.g. cakap.v1.MatchService): every rpc of the table under that
// name, registered with raw bytes in and out, so that cakap parses the requests
// (request.h) and the handlers are the table's.
class TableService final : public grpc::Service {
 public:
  TableService(const RpcTable& table, const std::string& service) {
    for (const auto& owned : table.methods()) {
      const RpcMethod* method = owned.get();
      if (method->service != service) continue;
      paths_.push_back(method->path());  // RpcServiceMethod keeps the pointer
      if (method->unary) {
        AddMethod(new grpc::internal::RpcServiceMethod(
            paths_.back().c_str(), grpc::internal::RpcMethod::NORMAL_RPC,
            new grpc::internal::RpcMethodHandler<TableService, ByteBuffer, ByteBuffer>(
                [&table, method](TableService*, ServerContext* ctx, const ByteBuffer* bytes,
                                 ByteBuffer* reply) -> Status {
                  std::unique_ptr<pb::Message> request(method->request->New());
                  const absl::Status parsed = ParseRequest(*bytes, request.get());
                  std::unique_ptr<pb::Message> response(method->response->New());
                  const absl::Status status =
                      table.Unary(*method, ContextOf(ctx), *request, response.get(), parsed);
                  if (status.ok()) ToByteBuffer(*response, reply);
                  return ToGrpc(status);
                },
                this)));
      } else if (method->server_stream) {
        AddMethod(new grpc::internal::RpcServiceMethod(
            paths_.back().c_str(), grpc::internal::RpcMethod::SERVER_STREAMING,
            new grpc::internal::ServerStreamingHandler<TableService, ByteBuffer, ByteBuffer>(
                [&table, method](TableService*, ServerContext* ctx, const ByteBuffer* bytes,
                                 grpc::ServerWriter<ByteBuffer>* out) -> Status {
                  std::unique_ptr<pb::Message> request(method->request->New());
                  const absl::Status parsed = ParseRequest(*bytes, request.get());
                  StreamWriter writer;
                  writer.write = [out](const pb::Message& message) {
                    ByteBuffer buffer;
                    ToByteBuffer(message, &buffer);
                    return out->Write(buffer);
                  };
                  // Polls the completion queue (a syscall): the handler asks between
                  // waits, not per message.
                  writer.cancelled = [ctx] { return ctx->IsCancelled(); };
                  return ToGrpc(
                      table.ServerStream(*method, ContextOf(ctx), *request, writer, parsed));
                },
                this)));
      } else {
        AddMethod(new grpc::internal::RpcServiceMethod(
            paths_.back().c_str(), grpc::internal::RpcMethod::CLIENT_STREAMING,
            new grpc::internal::ClientStreamingHandler<TableService, ByteBuffer, ByteBuffer>(
                [&table, method](TableService*, ServerContext* ctx,
                                 grpc::ServerReader<ByteBuffer>* reader,
                                 ByteBuffer* reply) -> Status {
                  StreamReader read = [&](pb::Message* message) -> StreamRecord {
                    message->Clear();
                    ByteBuffer bytes;
                    if (!reader->Read(&bytes)) {
                      // Read is false at the end and when the stream broke: only the
                      // context tells.
                      if (ctx->IsCancelled()) {
                        return {StreamRecord::kCut, "the client cancelled the stream"};
                      }
                      return {StreamRecord::kEnd, ""};
                    }
                    absl::Status parsed = ParseRequest(bytes, message);
                    if (parsed.ok()) return {StreamRecord::kMessage, ""};
                    // Named within the record, as the engine's rejections are
                    // ("worker.name: ..." -> "name: ...").
                    absl::string_view reason = parsed.message();
                    const std::string record = message->GetDescriptor()->field(0)->name() + ".";
                    if (absl::StartsWith(reason, record)) reason.remove_prefix(record.size());
                    return {StreamRecord::kMalformed, std::string(reason)};
                  };
                  std::unique_ptr<pb::Message> response(method->response->New());
                  const absl::Status status =
                      table.ClientStream(*method, ContextOf(ctx), read, response.get());
                  if (status.ok()) ToByteBuffer(*response, reply);
                  return ToGrpc(status);
                },
                this)));
      }
    }
  }

 private:
  std::deque<std::string> paths_;  // stable addresses
};

}  // namespace

std::vector<std::unique_ptr<grpc::Service>> NewGrpcServices(const RpcTable* table) {
  std::vector<std::unique_ptr<grpc::Service>> services;
  std::vector<std::string> names;
  for (const auto& method : table->methods()) {
    if (std::find(names.begin(), names.end(), method->service) == names.end()) {
      names.push_back(method->service);
    }
  }
  for (const std::string& name : names) {
    services.push_back(std::make_unique<TableService>(*table, name));
  }
  return services;
}

}  // namespace service
}  // namespace cakap
