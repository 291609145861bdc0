// Backend over a cakapd server (proto/cakap/v1/service.proto), for `cakap --server`.
// Every call carries "authorization: Bearer <key>" when a key is given; grpc::Status maps
// to absl::Status 1:1 (the gRPC and absl code numbers are the same; the message is kept).
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpc/support/log.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "cakap/status_macros.h"
#include "backend.h"
#include "cakap/v1/allocation.grpc.pb.h"
#include "absl/time/clock.h"
#include "cakap/v1/alerts.grpc.pb.h"
#include "cakap/v1/service.grpc.pb.h"

namespace cakap {
namespace cli {
namespace {

// Replies (a page of 200 candidates with explanations, a long rejection list) can be
// larger than gRPC's default 4 MB limit; cakapd's own default limit is 16 MB.
constexpr int kMaxMessageBytes = 64 << 20;

absl::Status ToAbsl(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

class GrpcBackend : public Backend {
 public:
  GrpcBackend(std::shared_ptr<grpc::Channel> channel, std::string key)
      : channel_(channel),
        workers_(v1::WorkerService::NewStub(channel)),
        vacancies_(v1::VacancyService::NewStub(channel)),
        match_(v1::MatchService::NewStub(channel)),
        admin_(v1::AdminService::NewStub(channel)),
        allocation_(v1::AllocationService::NewStub(channel)),
        alerts_(v1::AlertService::NewStub(channel)),
        key_(std::move(key)) {}

  // One UpsertWorkers stream per batch: the records are streamed to the server, which
  // validates them one by one and commits them in its own batches; the reply's
  // rejections (indexes in the stream) become the per-record statuses.
  absl::StatusOr<std::vector<absl::Status>> UpsertWorkers(
      absl::Span<const v1::Worker> workers) override {
    std::unique_ptr<grpc::ClientContext> ctx = NewContext();
    v1::UpsertWorkersResponse resp;
    std::unique_ptr<grpc::ClientWriter<v1::UpsertWorkersRequest>> writer =
        workers_->UpsertWorkers(ctx.get(), &resp);
    v1::UpsertWorkersRequest req;
    for (const v1::Worker& w : workers) {
      *req.mutable_worker() = w;
      // A failed write means the stream is broken; Finish() says why.
      if (!writer->Write(req)) break;
    }
    writer->WritesDone();
    absl::Status status = ToAbsl(writer->Finish());
    if (!status.ok()) return status;
    std::vector<absl::Status> results(workers.size());
    for (const v1::Rejection& r : resp.rejections()) {
      if (r.index() >= 0 && static_cast<size_t>(r.index()) < results.size()) {
        results[r.index()] = absl::InvalidArgumentError(r.reason());
      }
    }
    if (resp.rejected() != resp.rejections_size()) {
      // Cannot happen with batches under the server's listing limit (10,000); never
      // count an unlisted rejection as stored.
      return absl::InternalError(absl::StrCat("server rejected ", resp.rejected(),
                                              " records of the batch but listed only ",
                                              resp.rejections_size()));
    }
    return results;
  }

  absl::Status UpsertVacancy(const v1::Vacancy& vacancy) override {
    v1::UpsertVacancyRequest req;
    *req.mutable_vacancy() = vacancy;
    v1::UpsertVacancyResponse resp;
    return ToAbsl(vacancies_->UpsertVacancy(NewContext().get(), req, &resp));
  }

  absl::StatusOr<v1::Worker> GetWorker(absl::string_view id) override {
    v1::GetWorkerRequest req;
    req.set_id(std::string(id));
    v1::GetWorkerResponse resp;
    absl::Status status = ToAbsl(workers_->GetWorker(NewContext().get(), req, &resp));
    if (!status.ok()) return status;
    return std::move(*resp.mutable_worker());
  }

  absl::StatusOr<v1::Vacancy> GetVacancy(absl::string_view id) override {
    v1::GetVacancyRequest req;
    req.set_id(std::string(id));
    v1::GetVacancyResponse resp;
    absl::Status status = ToAbsl(vacancies_->GetVacancy(NewContext().get(), req, &resp));
    if (!status.ok()) return status;
    return std::move(*resp.mutable_vacancy());
  }

  absl::Status DeleteWorker(absl::string_view id) override {
    v1::DeleteWorkerRequest req;
    req.set_id(std::string(id));
    v1::DeleteWorkerResponse resp;
    return ToAbsl(workers_->DeleteWorker(NewContext().get(), req, &resp));
  }

  absl::Status DeleteVacancy(absl::string_view id) override {
    v1::DeleteVacancyRequest req;
    req.set_id(std::string(id));
    v1::DeleteVacancyResponse resp;
    return ToAbsl(vacancies_->DeleteVacancy(NewContext().get(), req, &resp));
  }

  absl::StatusOr<v1::ListVacanciesResponse> ListVacancies(
      const v1::ListVacanciesRequest& request) override {
    v1::ListVacanciesResponse resp;
    absl::Status status = ToAbsl(vacancies_->ListVacancies(NewContext().get(), request, &resp));
    if (!status.ok()) return status;
    return resp;
  }

  absl::StatusOr<v1::MatchResult> Match(const v1::Vacancy& vacancy,
                                        const v1::MatchOptions& options) override {
    v1::MatchCandidatesRequest req;
    *req.mutable_vacancy() = vacancy;
    *req.mutable_options() = options;
    v1::MatchCandidatesResponse resp;
    absl::Status status = ToAbsl(match_->MatchCandidates(NewContext().get(), req, &resp));
    if (!status.ok()) return status;
    return std::move(*resp.mutable_result());
  }

  absl::StatusOr<v1::VacancyMatchResult> MatchVacancies(absl::string_view worker_id, int limit,
                                                        bool exclude_welfare) override {
    v1::MatchVacanciesRequest req;
    req.set_worker_id(std::string(worker_id));
    req.set_limit(limit);
    req.set_exclude_welfare(exclude_welfare);
    v1::MatchVacanciesResponse resp;
    absl::Status status = ToAbsl(match_->MatchVacancies(NewContext().get(), req, &resp));
    if (!status.ok()) return status;
    return std::move(*resp.mutable_result());
  }

  absl::StatusOr<v1::AllocationResult> Allocate(const v1::AllocateRequest& request) override {
    v1::AllocateResponse resp;
    absl::Status status = ToAbsl(allocation_->Allocate(NewContext().get(), request, &resp));
    if (!status.ok()) return status;
    return std::move(*resp.mutable_result());
  }

  absl::StatusOr<BackendStats> Stats() override {
    v1::StatsRequest req;
    v1::StatsResponse resp;
    absl::Status status = ToAbsl(admin_->Stats(NewContext().get(), req, &resp));
    if (!status.ok()) return status;
    BackendStats out;
    out.workers = resp.workers();
    out.vacancies = resp.vacancies();
    out.open_vacancies = resp.open_vacancies();
    out.revision = resp.revision();
    out.size_bytes = resp.size_bytes();
    return out;
  }  absl::StatusOr<std::vector<std::string>> Check() override {
    return absl::UnimplementedError(
        "check reads the index files: run it on the server's host with --data");
  }
  absl::StatusOr<uint64_t> Backup(const std::string& dir) override {
    v1::BackupRequest req;
    req.set_dir(dir);
    v1::BackupResponse resp;
    absl::Status status = ToAbsl(admin_->Backup(NewContext().get(), req, &resp));
    if (!status.ok()) return status;
    return resp.revision();
  }

  absl::Status Watch(const v1::WatchVacancyRequest& request, absl::Duration duration,
                     const std::function<bool(const v1::VacancyAlert&)>& on_message) override {
    std::unique_ptr<grpc::ClientContext> ctx = NewContext();
    if (duration != absl::InfiniteDuration()) {
      ctx->set_deadline(absl::ToChronoTime(absl::Now() + duration));
    }
    std::unique_ptr<grpc::ClientReader<v1::VacancyAlert>> reader =
        alerts_->WatchVacancy(ctx.get(), request);
    v1::VacancyAlert alert;
    while (reader->Read(&alert)) {
      if (!on_message(alert)) {
        ctx->TryCancel();
        while (reader->Read(&alert)) {
        }
        reader->Finish().ok();  // cancelled as asked
        return absl::OkStatus();
      }
    }
    const absl::Status status = ToAbsl(reader->Finish());
    // The end of the watch's own duration is how it is meant to end.
    if (absl::IsDeadlineExceeded(status) && duration != absl::InfiniteDuration()) {
      return absl::OkStatus();
    }
    return status;
  }
  absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> RecordLedgerEntries(
      absl::Span<const v1::LedgerEntry> entries) override {
    std::vector<absl::StatusOr<v1::LedgerEntry>> results;
    for (const v1::LedgerEntry& e : entries) {
      v1::RecordPlacementRequest req;  // RecordOutcomeRequest has the same one field
      *req.mutable_entry() = e;
      v1::RecordPlacementResponse resp;
      absl::Status status = Raw(e.has_outcome() ? "/cakap.v1.LedgerService/RecordOutcome"
                                                : "/cakap.v1.LedgerService/RecordPlacement",
                                req, &resp);
      // The entry's own fault is its result; anything else stops the batch.
      if (!status.ok() && !absl::IsInvalidArgument(status) && !absl::IsNotFound(status) &&
          !absl::IsPermissionDenied(status) && !absl::IsFailedPrecondition(status)) {
        return status;
      }
      if (status.ok()) {
        results.push_back(std::move(*resp.mutable_entry()));
      } else {
        results.push_back(status);
      }
    }
    return results;
  }

  absl::StatusOr<std::vector<v1::LedgerEntry>> GetHistory(absl::string_view worker_id) override {
    v1::GetHistoryRequest req;
    req.set_worker_id(std::string(worker_id));
    v1::GetHistoryResponse resp;
    CAKAP_RETURN_IF_ERROR(Raw("/cakap.v1.LedgerService/GetHistory", req, &resp));
    return std::vector<v1::LedgerEntry>(resp.entries().begin(), resp.entries().end());
  }

  absl::StatusOr<v1::GetFiguresResponse> Figures(const v1::GetFiguresRequest& req) override {
    v1::GetFiguresResponse resp;
    CAKAP_RETURN_IF_ERROR(Raw("/cakap.v1.FiguresService/GetFigures", req, &resp));
    return resp;
  }


 private:
  std::unique_ptr<grpc::ClientContext> NewContext() const {
    auto ctx = std::make_unique<grpc::ClientContext>();
    if (!key_.empty()) ctx->AddMetadata("authorization", absl::StrCat("Bearer ", key_));
    return ctx;
  }

  // A unary call of `method` with serialized messages: the ledger and figures services
  // have no generated stubs (their protos are messages the engine uses too; cakapd
  // serves them from the RpcTable).
  absl::Status Raw(const std::string& method, const google::protobuf::Message& request,
                   google::protobuf::Message* response) {
    grpc::GenericStub stub(channel_);
    std::unique_ptr<grpc::ClientContext> ctx = NewContext();
    grpc::CompletionQueue cq;
    const std::string bytes = request.SerializeAsString();
    grpc::Slice slice(bytes);
    grpc::ByteBuffer req(&slice, 1), resp;
    std::unique_ptr<grpc::GenericClientAsyncResponseReader> call =
        stub.PrepareUnaryCall(ctx.get(), method, req, &cq);
    call->StartCall();
    grpc::Status status;
    call->Finish(&resp, &status, reinterpret_cast<void*>(1));
    void* tag = nullptr;
    bool ok = false;
    if (!cq.Next(&tag, &ok) || !ok) status = grpc::Status(grpc::StatusCode::INTERNAL, "call lost");
    cq.Shutdown();
    while (cq.Next(&tag, &ok)) {
    }
    if (!status.ok()) return ToAbsl(status);
    std::vector<grpc::Slice> slices;
    std::string out;
    if (resp.Dump(&slices).ok()) {
      for (const grpc::Slice& s : slices) {
        out.append(reinterpret_cast<const char*>(s.begin()), s.size());
      }
    }
    if (!response->ParseFromString(out)) {
      return absl::InternalError(absl::StrCat(method, ": reply does not parse"));
    }
    return absl::OkStatus();
  }

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::WorkerService::Stub> workers_;
  std::unique_ptr<v1::VacancyService::Stub> vacancies_;
  std::unique_ptr<v1::MatchService::Stub> match_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::AllocationService::Stub> allocation_;
  std::unique_ptr<v1::AlertService::Stub> alerts_;
  const std::string key_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Backend>> OpenServerBackend(const ServerOptions& options) {
  // gRPC core logs connection failures (e.g. a TLS handshake) to stderr itself; the
  // failed call's status already says the same, so keep stderr to cakap's own messages
  // unless GRPC_VERBOSITY asks for gRPC's log.
  const char* verbosity = std::getenv("GRPC_VERBOSITY");
  if (verbosity == nullptr || *verbosity == '\0') gpr_set_log_function([](gpr_log_func_args*) {});
  if (options.address.empty()) return absl::InvalidArgumentError("--server: address required");
  for (char c : options.key) {
    // Metadata values must be printable ASCII.
    if (c < 0x20 || c > 0x7e) {
      return absl::InvalidArgumentError("key: contains characters that are not printable ASCII");
    }
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.tls || !options.tls_ca_file.empty()) {
    grpc::SslCredentialsOptions ssl;
    if (!options.tls_ca_file.empty()) {
      std::ifstream in(options.tls_ca_file, std::ios::binary);
      if (!in) {
        return absl::NotFoundError(absl::StrCat(options.tls_ca_file, ": cannot open"));
      }
      ssl.pem_root_certs.assign(std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>());
      if (in.bad()) {
        return absl::DataLossError(absl::StrCat(options.tls_ca_file, ": read error"));
      }
    }
    // Empty pem_root_certs: gRPC's default roots (the system's).
    credentials = grpc::SslCredentials(ssl);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxMessageBytes);
  args.SetMaxSendMessageSize(kMaxMessageBytes);
  std::shared_ptr<grpc::Channel> channel =
      grpc::CreateCustomChannel(options.address, credentials, args);
  return std::unique_ptr<Backend>(new GrpcBackend(std::move(channel), options.key));
}

}  // namespace cli
}  // namespace cakap
