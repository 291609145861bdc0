#include "rpc.h"

#include <utility>

#include "call.h"
#include "handlers.h"

namespace cakap {
namespace service {
namespace {

namespace pb = google::protobuf;

template <typename Req, typename Resp>
std::unique_ptr<RpcMethod> UnaryMethod(const char* service, const char* name,
                                 absl::Status (*handler)(Call&, const Req&, Resp*)) {
  auto method = std::make_unique<RpcMethod>();
  method->service = service;
  method->name = name;
  method->request = &Req::default_instance();
  method->response = &Resp::default_instance();
  method->unary = [handler](Call& call, const pb::Message& req, pb::Message* resp) {
    return handler(call, static_cast<const Req&>(req), static_cast<Resp*>(resp));
  };
  return method;
}

template <typename Req, typename Resp>
std::unique_ptr<RpcMethod> ClientStreamMethod(const char* service, const char* name,
                                        absl::Status (*handler)(Call&, const StreamReader&,
                                                                Resp*)) {
  auto method = std::make_unique<RpcMethod>();
  method->service = service;
  method->name = name;
  method->request = &Req::default_instance();
  method->response = &Resp::default_instance();
  method->client_stream = [handler](Call& call, const StreamReader& read, pb::Message* resp) {
    return handler(call, read, static_cast<Resp*>(resp));
  };
  return method;
}

template <typename Req, typename Resp>
std::unique_ptr<RpcMethod> ServerStreamMethod(const char* service, const char* name,
                                              absl::Status (*handler)(Call&, const Req&,
                                                                      const StreamWriter&)) {
  auto method = std::make_unique<RpcMethod>();
  method->service = service;
  method->name = name;
  method->request = &Req::default_instance();
  method->response = &Resp::default_instance();
  method->server_stream = [handler](Call& call, const pb::Message& req,
                                    const StreamWriter& writer) {
    return handler(call, static_cast<const Req&>(req), writer);
  };
  return method;
}

// Counts an HTTP call in Backend::inflight while it runs, so a shutdown drains it (gRPC
// calls are counted by their interceptor, until their status is sent).
class HttpInflight {
 public:
  HttpInflight(Backend& backend, Transport transport)
      : backend_(transport == Transport::kHttp ? &backend : nullptr) {
    if (backend_ == nullptr) return;
    absl::MutexLock lock(&backend_->inflight_mu);
    ++backend_->inflight;
  }
  ~HttpInflight() {
    if (backend_ == nullptr) return;
    absl::MutexLock lock(&backend_->inflight_mu);
    --backend_->inflight;
  }

 private:
  Backend* const backend_;
};

}  // namespace

const char* TransportName(Transport transport) {
  return transport == Transport::kHttp ? "http" : "grpc";
}

RpcTable::RpcTable(Backend* backend) : backend_(backend) {
  constexpr char kWorkers[] = "cakap.v1.WorkerService";
  constexpr char kVacancies[] = "cakap.v1.VacancyService";
  constexpr char kMatch[] = "cakap.v1.MatchService";
  constexpr char kAdmin[] = "cakap.v1.AdminService";
  constexpr char kLexicon[] = "cakap.v1.LexiconService";
  constexpr char kAllocation[] = "cakap.v1.AllocationService";
  methods_.push_back(UnaryMethod(kWorkers, "UpsertWorker", &UpsertWorker));
  methods_.push_back(ClientStreamMethod<v1::UpsertWorkersRequest>(kWorkers, "UpsertWorkers",
                                                            &UpsertWorkers));
  methods_.push_back(UnaryMethod(kWorkers, "GetWorker", &GetWorker));
  methods_.push_back(UnaryMethod(kWorkers, "DeleteWorker", &DeleteWorker));
  methods_.push_back(UnaryMethod(kVacancies, "UpsertVacancy", &UpsertVacancy));
  methods_.push_back(ClientStreamMethod<v1::UpsertVacanciesRequest>(kVacancies,
                                                                    "UpsertVacancies",
                                                                    &UpsertVacancies));
  methods_.push_back(UnaryMethod(kVacancies, "GetVacancy", &GetVacancy));
  methods_.push_back(UnaryMethod(kVacancies, "DeleteVacancy", &DeleteVacancy));
  methods_.push_back(UnaryMethod(kVacancies, "ListVacancies", &ListVacancies));
  methods_.push_back(UnaryMethod(kMatch, "MatchCandidates", &MatchCandidates));
  methods_.push_back(UnaryMethod(kMatch, "MatchVacancies", &MatchVacancies));
  methods_.push_back(UnaryMethod(kAdmin, "Stats", &Stats));
  methods_.push_back(UnaryMethod(kAdmin, "Backup", &Backup));
  methods_.push_back(UnaryMethod(kLexicon, "LookupSkills", &LookupSkills));
  methods_.push_back(UnaryMethod(kLexicon, "ListRegions", &ListRegions));
  methods_.push_back(UnaryMethod(kAllocation, "Allocate", &Allocate));
  methods_.push_back(ServerStreamMethod<v1::WatchVacancyRequest, v1::VacancyAlert>(
      "cakap.v1.AlertService", "WatchVacancy", &WatchVacancy));
  constexpr char kLedger[] = "cakap.v1.LedgerService";
  methods_.push_back(UnaryMethod(kLedger, "RecordPlacement", &RecordPlacement));
  methods_.push_back(UnaryMethod(kLedger, "RecordOutcome", &RecordOutcome));
  methods_.push_back(UnaryMethod(kLedger, "GetHistory", &GetHistory));
  methods_.push_back(UnaryMethod("cakap.v1.FiguresService", "GetFigures", &GetFigures));
  for (const auto& method : methods_) by_path_[method->path()] = method.get();
}

const RpcMethod* RpcTable::Find(absl::string_view path) const {
  auto it = by_path_.find(path);
  return it == by_path_.end() ? nullptr : it->second;
}

absl::Status RpcTable::Unary(const RpcMethod& method, const CallContext& context,
                             const pb::Message& request, pb::Message* response,
                             const absl::Status& parsed) const {
  HttpInflight inflight(*backend_, context.transport);
  Call call(*backend_, context, method.name);
  if (!parsed.ok()) {
    absl::Status authorized = call.Authorize(kAnyRole);
    return call.Finish(authorized.ok() ? parsed : authorized);
  }
  return call.Finish(method.unary(call, request, response));
}

absl::Status RpcTable::ClientStream(const RpcMethod& method, const CallContext& context,
                                    const StreamReader& read, pb::Message* response) const {
  HttpInflight inflight(*backend_, context.transport);
  Call call(*backend_, context, method.name);
  return call.Finish(method.client_stream(call, read, response));
}

absl::Status RpcTable::ServerStream(const RpcMethod& method, const CallContext& context,
                                    const pb::Message& request, const StreamWriter& writer,
                                    const absl::Status& parsed) const {
  HttpInflight inflight(*backend_, context.transport);
  Call call(*backend_, context, method.name);
  if (!parsed.ok()) {
    absl::Status authorized = call.Authorize(kAnyRole);
    return call.Finish(authorized.ok() ? parsed : authorized);
  }
  return call.Finish(method.server_stream(call, request, writer));
}

absl::Status RpcTable::CheckAdmin(const CallContext& context) const {
  Call call(*backend_, context, "Metrics");
  return call.Finish(call.Authorize(kAdminBit));
}

}  // namespace service
}  // namespace cakap
