// The handlers of WorkerService, VacancyService and AdminService (MatchService:
// match_service.cc).
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/status_macros.h"
#include "handlers.h"
#include "redact.h"

namespace cakap {
namespace service {
namespace {

// A failed import: the status, saying how far it got.
absl::Status Partial(const absl::Status& s, const v1::UpsertWorkersResponse& resp) {
  return absl::Status(s.code(), absl::StrCat(s.message(), " (", resp.accepted(),
                                             " records committed before, ", resp.rejected(),
                                             " rejected)"));
}

}  // namespace

absl::Status UpsertWorker(Call& call, const v1::UpsertWorkerRequest& req,
                          v1::UpsertWorkerResponse*) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kWriters));
  if (!req.has_worker()) return InvalidField("worker", "required");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  return call.engine().UpsertWorker(req.worker());
}

absl::Status UpsertWorkers(Call& call, const StreamReader& read,
                           v1::UpsertWorkersResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kWriters));
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
  auto flush = [&]() -> absl::Status {
    if (batch.empty()) return absl::OkStatus();
    CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
    absl::StatusOr<BulkResult> result = call.engine().UpsertWorkers(batch);
    if (!result.ok()) return result.status();
    resp->set_accepted(resp->accepted() + result->accepted);
    for (const BulkResult::Rejection& r : result->rejected) {
      reject(positions[r.index], batch[r.index].id(), r.status.message());
    }
    batch.clear();
    positions.clear();
    return absl::OkStatus();
  };
  v1::UpsertWorkersRequest req;
  for (int64_t index = 0;; ++index) {
    const StreamRecord record = read(&req);
    if (record.kind == StreamRecord::kEnd) break;
    if (record.kind == StreamRecord::kCut) {
      return Partial(absl::CancelledError(absl::StrCat("import cut: ", record.error)), *resp);
    }
    if (record.kind == StreamRecord::kMalformed) {
      reject(index, "", record.error);
    } else if (!req.has_worker()) {
      reject(index, "", "worker: required");
    } else {
      batch.push_back(std::move(*req.mutable_worker()));
      positions.push_back(index);
    }
    if (batch.size() >= kImportBatch) {
      if (absl::Status s = flush(); !s.ok()) return Partial(s, *resp);
    }
  }
  if (absl::Status s = flush(); !s.ok()) return Partial(s, *resp);
  return absl::OkStatus();
}

absl::Status GetWorker(Call& call, const v1::GetWorkerRequest& req,
                       v1::GetWorkerResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  if (req.id().empty()) return InvalidField("id", "required");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<v1::Worker> worker = call.engine().GetWorker(req.id());
  if (!worker.ok()) return worker.status();
  if (call.partner()) {
    if (!call.key().MaySee(worker->domicile().region_code())) {
      // The same answer as for a worker that does not exist: no existence leak.
      return NotFound(absl::StrCat("worker ", req.id()));
    }
    RedactWorker(&*worker);
  }
  *resp->mutable_worker() = *std::move(worker);
  return absl::OkStatus();
}

absl::Status DeleteWorker(Call& call, const v1::DeleteWorkerRequest& req,
                          v1::DeleteWorkerResponse*) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kWriters));
  if (req.id().empty()) return InvalidField("id", "required");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  return call.engine().DeleteWorker(req.id());
}

absl::Status UpsertVacancy(Call& call, const v1::UpsertVacancyRequest& req,
                           v1::UpsertVacancyResponse*) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kWriters));
  if (!req.has_vacancy()) return InvalidField("vacancy", "required");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  return call.engine().UpsertVacancy(req.vacancy());
}

absl::Status GetVacancy(Call& call, const v1::GetVacancyRequest& req,
                        v1::GetVacancyResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  if (req.id().empty()) return InvalidField("id", "required");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<v1::Vacancy> vacancy = call.engine().GetVacancy(req.id());
  if (!vacancy.ok()) return vacancy.status();
  if (call.partner()) {
    if (!PartnerMaySeeVacancy(call.key(), *vacancy)) {
      return NotFound(absl::StrCat("vacancy ", req.id()));
    }
    RedactVacancy(call.key(), &*vacancy);
  }
  *resp->mutable_vacancy() = *std::move(vacancy);
  return absl::OkStatus();
}

absl::Status DeleteVacancy(Call& call, const v1::DeleteVacancyRequest& req,
                           v1::DeleteVacancyResponse*) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kWriters));
  if (req.id().empty()) return InvalidField("id", "required");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  return call.engine().DeleteVacancy(req.id());
}

absl::Status Stats(Call& call, const v1::StatsRequest&, v1::StatsResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAdminBit));
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<EngineStats> stats = call.engine().Stats();
  if (!stats.ok()) return stats.status();
  resp->set_workers(stats->workers);
  resp->set_vacancies(stats->vacancies);
  resp->set_open_vacancies(stats->open_vacancies);
  resp->set_revision(stats->revision);
  resp->set_size_bytes(stats->size_bytes);
  return absl::OkStatus();
}

}  // namespace service
}  // namespace cakap
