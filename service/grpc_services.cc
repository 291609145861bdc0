#include "grpc_services.h"

#include <chrono>

#include "call.h"
#include "cakap/v1/service.grpc.pb.h"

namespace cakap {
namespace service {
namespace {

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

// One unary rpc of `table`, by its path.
template <typename Req, typename Resp>
Status Serve(const RpcTable& table, ServerContext* ctx, const char* path, const Req& req,
             Resp* resp) {
  return ToGrpc(table.Unary(*table.Find(path), ContextOf(ctx), req, resp));
}

class WorkerServiceImpl final : public v1::WorkerService::Service {
 public:
  explicit WorkerServiceImpl(const RpcTable* table) : table_(*table) {}

  Status UpsertWorker(ServerContext* ctx, const v1::UpsertWorkerRequest* req,
                      v1::UpsertWorkerResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.WorkerService/UpsertWorker", *req, resp);
  }
  Status UpsertWorkers(ServerContext* ctx, grpc::ServerReader<v1::UpsertWorkersRequest>* reader,
                       v1::UpsertWorkersResponse* resp) override {
    StreamReader read = [&](google::protobuf::Message* message) -> StreamRecord {
      auto* req = static_cast<v1::UpsertWorkersRequest*>(message);
      req->Clear();
      if (reader->Read(req)) return {StreamRecord::kMessage, ""};
      // Read is false at the end and when the stream broke: only the context tells.
      if (ctx->IsCancelled()) return {StreamRecord::kCut, "the client cancelled the stream"};
      return {StreamRecord::kEnd, ""};
    };
    return ToGrpc(table_.ClientStream(*table_.Find("/cakap.v1.WorkerService/UpsertWorkers"),
                                      ContextOf(ctx), read, resp));
  }
  Status GetWorker(ServerContext* ctx, const v1::GetWorkerRequest* req,
                   v1::GetWorkerResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.WorkerService/GetWorker", *req, resp);
  }
  Status DeleteWorker(ServerContext* ctx, const v1::DeleteWorkerRequest* req,
                      v1::DeleteWorkerResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.WorkerService/DeleteWorker", *req, resp);
  }

 private:
  const RpcTable& table_;
};

class VacancyServiceImpl final : public v1::VacancyService::Service {
 public:
  explicit VacancyServiceImpl(const RpcTable* table) : table_(*table) {}

  Status UpsertVacancy(ServerContext* ctx, const v1::UpsertVacancyRequest* req,
                       v1::UpsertVacancyResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.VacancyService/UpsertVacancy", *req, resp);
  }
  Status GetVacancy(ServerContext* ctx, const v1::GetVacancyRequest* req,
                    v1::GetVacancyResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.VacancyService/GetVacancy", *req, resp);
  }
  Status DeleteVacancy(ServerContext* ctx, const v1::DeleteVacancyRequest* req,
                       v1::DeleteVacancyResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.VacancyService/DeleteVacancy", *req, resp);
  }

 private:
  const RpcTable& table_;
};

class MatchServiceImpl final : public v1::MatchService::Service {
 public:
  explicit MatchServiceImpl(const RpcTable* table) : table_(*table) {}

  Status MatchCandidates(ServerContext* ctx, const v1::MatchCandidatesRequest* req,
                         v1::MatchCandidatesResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.MatchService/MatchCandidates", *req, resp);
  }
  Status MatchVacancies(ServerContext* ctx, const v1::MatchVacanciesRequest* req,
                        v1::MatchVacanciesResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.MatchService/MatchVacancies", *req, resp);
  }

 private:
  const RpcTable& table_;
};

class AdminServiceImpl final : public v1::AdminService::Service {
 public:
  explicit AdminServiceImpl(const RpcTable* table) : table_(*table) {}

  Status Stats(ServerContext* ctx, const v1::StatsRequest* req,
               v1::StatsResponse* resp) override {
    return Serve(table_, ctx, "/cakap.v1.AdminService/Stats", *req, resp);
  }

 private:
  const RpcTable& table_;
};

}  // namespace

std::vector<std::unique_ptr<grpc::Service>> NewGrpcServices(const RpcTable* table) {
  std::vector<std::unique_ptr<grpc::Service>> services;
  services.push_back(std::make_unique<WorkerServiceImpl>(table));
  services.push_back(std::make_unique<VacancyServiceImpl>(table));
  services.push_back(std::make_unique<MatchServiceImpl>(table));
  services.push_back(std::make_unique<AdminServiceImpl>(table));
  return services;
}

}  // namespace service
}  // namespace cakap
