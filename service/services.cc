// WorkerService, VacancyService and AdminService (MatchService: match_service.cc).
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cakap/v1/service.pb.h"
#include "redact.h"
#include "request.h"
#include "services.h"

namespace cakap {
namespace service {
namespace {

using grpc::ServerContext;
using grpc::Status;

class WorkerServiceImpl final : public RequestService {
 public:
  explicit WorkerServiceImpl(Backend* backend) : RequestService(backend) {
    AddUnary("/cakap.v1.WorkerService/UpsertWorker", "UpsertWorker",
             &WorkerServiceImpl::UpsertWorker);
    AddClientStream("/cakap.v1.WorkerService/UpsertWorkers", &WorkerServiceImpl::UpsertWorkers);
    AddUnary("/cakap.v1.WorkerService/GetWorker", "GetWorker", &WorkerServiceImpl::GetWorker);
    AddUnary("/cakap.v1.WorkerService/DeleteWorker", "DeleteWorker",
             &WorkerServiceImpl::DeleteWorker);
  }

  Status UpsertWorker(ServerContext* ctx, const v1::UpsertWorkerRequest* req,
                      v1::UpsertWorkerResponse*) {
    Call call(*backend_, ctx, "UpsertWorker");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kWriters); !s.ok()) return s;
      if (!req->has_worker()) return InvalidField("worker", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      return ToGrpc(Within(call.engine().UpsertWorker(req->worker()), "worker"));
    }());
  }

  Status UpsertWorkers(ServerContext* ctx, grpc::ServerReader<grpc::ByteBuffer>* reader,
                       v1::UpsertWorkersResponse* resp) {
    Call call(*backend_, ctx, "UpsertWorkers");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kWriters); !s.ok()) return s;
      std::vector<v1::Worker> batch;
      std::vector<int64_t> positions;  // stream index of each batch entry
      auto reject = [&](int64_t index, const std::string& id, absl::string_view reason) {
        resp->set_rejected(resp->rejected() + 1);
        if (static_cast<size_t>(resp->rejections_size()) >= kMaxListedRejections) return;
        v1::Rejection* r = resp->add_rejections();
        r->set_index(index);
        r->set_worker_id(id);
        r->set_reason(std::string(reason));
      };
      auto flush = [&]() -> Status {
        if (batch.empty()) return Status::OK;
        if (Status s = call.BeforeEngine(); !s.ok()) return s;
        absl::StatusOr<BulkResult> result = call.engine().UpsertWorkers(batch);
        if (!result.ok()) return ToGrpc(result.status());
        resp->set_accepted(resp->accepted() + result->accepted);
        for (const BulkResult::Rejection& r : result->rejected) {
          reject(positions[r.index], batch[r.index].id(), r.status.message());
        }
        batch.clear();
        positions.clear();
        return Status::OK;
      };
      v1::UpsertWorkersRequest req;
      grpc::ByteBuffer bytes;
      for (int64_t index = 0; reader->Read(&bytes); ++index) {
        req.Clear();
        if (absl::Status parsed = ParseRequest(bytes, &req); !parsed.ok()) {
          // Named within the worker, as the engine's rejections are.
          absl::string_view reason = parsed.message();
          if (absl::StartsWith(reason, "worker.")) reason.remove_prefix(7);
          reject(index, "", reason);
        } else if (!req.has_worker()) {
          reject(index, "", "worker: required");
        } else {
          batch.push_back(std::move(*req.mutable_worker()));
          positions.push_back(index);
        }
        if (batch.size() >= kImportBatch) {
          if (Status s = flush(); !s.ok()) return Partial(s, *resp);
        }
        if (call.Draining()) {
          // SIGTERM: commit what was read and say where to resume, rather than run on
          // until the grace period cancels the call and its reply says nothing.
          if (Status s = flush(); !s.ok()) return Partial(s, *resp);
          return Status(grpc::StatusCode::UNAVAILABLE,
                        absl::StrCat("server is shutting down: ", resp->accepted(),
                                     " records committed, ", resp->rejected(),
                                     " rejected (stream index 0 to ", index,
                                     " read); resend from index ", index + 1));
        }
      }
      if (ctx->IsCancelled()) {
        return Partial(Status(grpc::StatusCode::CANCELLED, "import cancelled"), *resp);
      }
      if (Status s = flush(); !s.ok()) return Partial(s, *resp);
      return Status::OK;
    }());
  }

  Status GetWorker(ServerContext* ctx, const v1::GetWorkerRequest* req,
                   v1::GetWorkerResponse* resp) {
    Call call(*backend_, ctx, "GetWorker");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kAnyRole); !s.ok()) return s;
      if (req->id().empty()) return InvalidField("id", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      absl::StatusOr<v1::Worker> worker = call.engine().GetWorker(req->id());
      if (!worker.ok()) return ToGrpc(worker.status());
      if (call.partner()) {
        if (!call.key().MaySee(worker->domicile().region_code())) {
          // The same answer as for a worker that does not exist: no existence leak.
          return NotFound(absl::StrCat("worker ", req->id()));
        }
        RedactWorker(&*worker);
        worker->DiscardUnknownFields();  // records stored before ingest discarded them
        // Personal data read by a partner: on disk before the reply is sent.
        AuditEntry entry;
        entry.time = absl::Now();
        entry.key = call.key().name;
        entry.rpc = call.rpc();
        entry.worker_ids.push_back(worker->id());
        if (absl::Status s = call.backend().audit->Append(entry); !s.ok()) {
          return Status(grpc::StatusCode::INTERNAL,
                        absl::StrCat("audit log unavailable: ", s.message()));
        }
      }
      *resp->mutable_worker() = *std::move(worker);
      return Status::OK;
    }());
  }

  Status DeleteWorker(ServerContext* ctx, const v1::DeleteWorkerRequest* req,
                      v1::DeleteWorkerResponse*) {
    Call call(*backend_, ctx, "DeleteWorker");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kWriters); !s.ok()) return s;
      if (req->id().empty()) return InvalidField("id", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      return ToGrpc(call.engine().DeleteWorker(req->id()));
    }());
  }

 private:
  // A failed import: the status, saying how far it got (the reply is not sent).
  static Status Partial(const Status& s, const v1::UpsertWorkersResponse& resp) {
    return Status(s.error_code(), absl::StrCat(s.error_message(), " (", resp.accepted(),
                                               " records committed before, ", resp.rejected(),
                                               " rejected)"));
  }
};

class VacancyServiceImpl final : public RequestService {
 public:
  explicit VacancyServiceImpl(Backend* backend) : RequestService(backend) {
    AddUnary("/cakap.v1.VacancyService/UpsertVacancy", "UpsertVacancy",
             &VacancyServiceImpl::UpsertVacancy);
    AddUnary("/cakap.v1.VacancyService/GetVacancy", "GetVacancy", &VacancyServiceImpl::GetVacancy);
    AddUnary("/cakap.v1.VacancyService/DeleteVacancy", "DeleteVacancy",
             &VacancyServiceImpl::DeleteVacancy);
  }

  Status UpsertVacancy(ServerContext* ctx, const v1::UpsertVacancyRequest* req,
                       v1::UpsertVacancyResponse*) {
    Call call(*backend_, ctx, "UpsertVacancy");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kWriters); !s.ok()) return s;
      if (!req->has_vacancy()) return InvalidField("vacancy", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      return ToGrpc(Within(call.engine().UpsertVacancy(req->vacancy()), "vacancy"));
    }());
  }

  Status GetVacancy(ServerContext* ctx, const v1::GetVacancyRequest* req,
                    v1::GetVacancyResponse* resp) {
    Call call(*backend_, ctx, "GetVacancy");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kAnyRole); !s.ok()) return s;
      if (req->id().empty()) return InvalidField("id", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      absl::StatusOr<v1::Vacancy> vacancy = call.engine().GetVacancy(req->id());
      if (!vacancy.ok()) return ToGrpc(vacancy.status());
      if (call.partner()) {
        if (!PartnerMaySeeVacancy(call.key(), *vacancy)) {
          return NotFound(absl::StrCat("vacancy ", req->id()));
        }
        RedactVacancy(call.key(), &*vacancy);
        vacancy->DiscardUnknownFields();
      }
      *resp->mutable_vacancy() = *std::move(vacancy);
      return Status::OK;
    }());
  }

  Status DeleteVacancy(ServerContext* ctx, const v1::DeleteVacancyRequest* req,
                       v1::DeleteVacancyResponse*) {
    Call call(*backend_, ctx, "DeleteVacancy");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kWriters); !s.ok()) return s;
      if (req->id().empty()) return InvalidField("id", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      return ToGrpc(call.engine().DeleteVacancy(req->id()));
    }());
  }
};

class AdminServiceImpl final : public RequestService {
 public:
  explicit AdminServiceImpl(Backend* backend) : RequestService(backend) {
    AddUnary("/cakap.v1.AdminService/Stats", "Stats", &AdminServiceImpl::Stats);
  }

  Status Stats(ServerContext* ctx, const v1::StatsRequest*, v1::StatsResponse* resp) {
    Call call(*backend_, ctx, "Stats");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kAdminBit); !s.ok()) return s;
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      absl::StatusOr<EngineStats> stats = call.engine().Stats();
      if (!stats.ok()) return ToGrpc(stats.status());
      resp->set_workers(stats->workers);
      resp->set_vacancies(stats->vacancies);
      resp->set_open_vacancies(stats->open_vacancies);
      resp->set_revision(stats->revision);
      resp->set_size_bytes(stats->size_bytes);
      if (call.backend().keys != nullptr) {
        const KeyStore::ReloadStats reloads = call.backend().keys->reload_stats();
        resp->set_key_reload_failures(reloads.failures);
        resp->set_key_reload_error(reloads.last_error);
      }
      return Status::OK;
    }());
  }
};

}  // namespace

std::unique_ptr<grpc::Service> NewWorkerService(Backend* backend) {
  return std::make_unique<WorkerServiceImpl>(backend);
}
std::unique_ptr<grpc::Service> NewVacancyService(Backend* backend) {
  return std::make_unique<VacancyServiceImpl>(backend);
}
std::unique_ptr<grpc::Service> NewAdminService(Backend* backend) {
  return std::make_unique<AdminServiceImpl>(backend);
}

}  // namespace service
}  // namespace cakap
