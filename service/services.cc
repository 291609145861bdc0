// WorkerService, VacancyService and AdminService (MatchService: match_service.cc).
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/v1/service.grpc.pb.h"
#include "redact.h"
#include "services.h"

namespace cakap {
namespace service {
namespace {

using grpc::ServerContext;
using grpc::Status;

class WorkerServiceImpl final : public v1::WorkerService::Service {
 public:
  explicit WorkerServiceImpl(Backend* backend) : backend_(backend) {}

  Status UpsertWorker(ServerContext* ctx, const v1::UpsertWorkerRequest* req,
                      v1::UpsertWorkerResponse*) override {
    Call call(*backend_, ctx, "UpsertWorker");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kWriters); !s.ok()) return s;
      if (!req->has_worker()) return InvalidField("worker", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      return ToGrpc(call.engine().UpsertWorker(req->worker()));
    }());
  }

  Status UpsertWorkers(ServerContext* ctx, grpc::ServerReader<v1::UpsertWorkersRequest>* reader,
                       v1::UpsertWorkersResponse* resp) override {
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
      for (int64_t index = 0; reader->Read(&req); ++index) {
        if (!req.has_worker()) {
          reject(index, "", "worker: required");
        } else {
          batch.push_back(std::move(*req.mutable_worker()));
          positions.push_back(index);
        }
        req.Clear();
        if (batch.size() >= kImportBatch) {
          if (Status s = flush(); !s.ok()) return Partial(s, *resp);
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
                   v1::GetWorkerResponse* resp) override {
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
      }
      *resp->mutable_worker() = *std::move(worker);
      return Status::OK;
    }());
  }

  Status DeleteWorker(ServerContext* ctx, const v1::DeleteWorkerRequest* req,
                      v1::DeleteWorkerResponse*) override {
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

  Backend* const backend_;
};

class VacancyServiceImpl final : public v1::VacancyService::Service {
 public:
  explicit VacancyServiceImpl(Backend* backend) : backend_(backend) {}

  Status UpsertVacancy(ServerContext* ctx, const v1::UpsertVacancyRequest* req,
                       v1::UpsertVacancyResponse*) override {
    Call call(*backend_, ctx, "UpsertVacancy");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kWriters); !s.ok()) return s;
      if (!req->has_vacancy()) return InvalidField("vacancy", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      return ToGrpc(call.engine().UpsertVacancy(req->vacancy()));
    }());
  }

  Status GetVacancy(ServerContext* ctx, const v1::GetVacancyRequest* req,
                    v1::GetVacancyResponse* resp) override {
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
      }
      *resp->mutable_vacancy() = *std::move(vacancy);
      return Status::OK;
    }());
  }

  Status DeleteVacancy(ServerContext* ctx, const v1::DeleteVacancyRequest* req,
                       v1::DeleteVacancyResponse*) override {
    Call call(*backend_, ctx, "DeleteVacancy");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kWriters); !s.ok()) return s;
      if (req->id().empty()) return InvalidField("id", "required");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      return ToGrpc(call.engine().DeleteVacancy(req->id()));
    }());
  }

 private:
  Backend* const backend_;
};

class AdminServiceImpl final : public v1::AdminService::Service {
 public:
  explicit AdminServiceImpl(Backend* backend) : backend_(backend) {}

  Status Stats(ServerContext* ctx, const v1::StatsRequest*, v1::StatsResponse* resp) override {
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
      return Status::OK;
    }());
  }

  Status Backup(ServerContext* ctx, const v1::BackupRequest* req,
                v1::BackupResponse* resp) override {
    Call call(*backend_, ctx, "Backup");
    return call.Finish([&]() -> Status {
      if (Status s = call.Authorize(kAdminBit); !s.ok()) return s;
      // Relative to cakapd's working directory would surprise the caller.
      if (req->dir().empty() || req->dir()[0] != '/') {
        return InvalidField("dir", "an absolute path on the server's host is required");
      }
      if (req->dir().size() > 4096) return InvalidField("dir", "longer than 4096 bytes");
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      absl::StatusOr<BackupInfo> info = call.engine().Backup(req->dir());
      if (!info.ok()) return ToGrpc(info.status());
      resp->set_revision(info->revision);
      resp->set_size_bytes(info->size_bytes);
      return Status::OK;
    }());
  }

 private:
  Backend* const backend_;
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
