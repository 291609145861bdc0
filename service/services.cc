// The handlers of WorkerService, VacancyService and AdminService (MatchService:
// match_service.cc).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "handlers.h"
#include "redact.h"
#include "request.h"

namespace cakap {
namespace service {
namespace {

// A failed import: the status, saying how far it got.
template <typename Response>
absl::Status Partial(const absl::Status& s, const Response& resp) {
  return absl::Status(s.code(), absl::StrCat(s.message(), " (", resp.accepted(),
                                             " records committed before, ", resp.rejected(),
                                             " rejected)"));
}

// What differs between importing workers and vacancies.
struct WorkerImport {
  using Request = v1::UpsertWorkersRequest;
  using Response = v1::UpsertWorkersResponse;
  using Record = v1::Worker;
  static constexpr char kField[] = "worker";
  static bool Has(const Request& r) { return r.has_worker(); }
  static Record* Take(Request* r) { return r->mutable_worker(); }
  static absl::StatusOr<BulkResult> Store(Engine& engine, absl::Span<const Record> batch) {
    return engine.UpsertWorkers(batch);
  }
  static void SetId(v1::Rejection* r, std::string id) { r->set_worker_id(std::move(id)); }
};

struct VacancyImport {
  using Request = v1::UpsertVacanciesRequest;
  using Response = v1::UpsertVacanciesResponse;
  using Record = v1::Vacancy;
  static constexpr char kField[] = "vacancy";
  static bool Has(const Request& r) { return r.has_vacancy(); }
  static Record* Take(Request* r) { return r->mutable_vacancy(); }
  static absl::StatusOr<BulkResult> Store(Engine& engine, absl::Span<const Record> batch) {
    return engine.UpsertVacancies(batch);
  }
  static void SetId(v1::Rejection* r, std::string id) { r->set_vacancy_id(std::move(id)); }
};

// A client-streamed import (UpsertWorkers, UpsertVacancies): batches of kImportBatch
// records, each one engine commit; bad records are rejected and the stream goes on.
template <typename Kind>
absl::Status Import(Call& call, const StreamReader& read, typename Kind::Response* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kWriters));
  std::vector<typename Kind::Record> batch;
  std::vector<int64_t> positions;  // stream index of each batch entry
  // Rejections of the records read since the last flush: listed at the flush, sorted,
  // so the reply lists them in stream order (a malformed line is known at once, a
  // record the engine refuses only when its batch is committed).
  struct Rejected {
    int64_t index;
    std::string id, reason;
  };
  std::vector<Rejected> rejected;
  auto flush = [&]() -> absl::Status {
    absl::Status status;
    if (!batch.empty()) status = call.BeforeEngine();
    if (!batch.empty() && status.ok()) {
      absl::StatusOr<BulkResult> result = Kind::Store(call.engine(), batch);
      status = result.status();
      if (result.ok()) {
        resp->set_accepted(resp->accepted() + result->accepted);
        for (const BulkResult::Rejection& r : result->rejected) {
          rejected.push_back(
              {positions[r.index], batch[r.index].id(), std::string(r.status.message())});
        }
      }
    }
    std::sort(rejected.begin(), rejected.end(),
              [](const Rejected& a, const Rejected& b) { return a.index < b.index; });
    for (Rejected& r : rejected) {
      resp->set_rejected(resp->rejected() + 1);
      if (static_cast<size_t>(resp->rejections_size()) >= kMaxListedRejections) continue;
      v1::Rejection* listed = resp->add_rejections();
      listed->set_index(r.index);
      Kind::SetId(listed, std::move(r.id));
      listed->set_reason(std::move(r.reason));
    }
    rejected.clear();
    batch.clear();
    positions.clear();
    return status;
  };
  typename Kind::Request req;
  for (int64_t index = 0;; ++index) {
    const StreamRecord record = read(&req);
    if (record.kind == StreamRecord::kEnd) break;
    if (record.kind == StreamRecord::kCut) {
      return Partial(absl::CancelledError(absl::StrCat("import cut: ", record.error)), *resp);
    }
    if (record.kind == StreamRecord::kMalformed) {
      rejected.push_back({index, "", record.error});
    } else if (!Kind::Has(req)) {
      rejected.push_back({index, "", absl::StrCat(Kind::kField, ": required")});
    } else {
      batch.push_back(std::move(*Kind::Take(&req)));
      positions.push_back(index);
    }
    if (batch.size() >= kImportBatch) {
      if (absl::Status s = flush(); !s.ok()) return Partial(s, *resp);
    }
    if (call.Draining()) {
      // Shutting down: commit what was read and say where to resume, rather than run on
      // until the grace period cancels the call and its reply says nothing.
      if (absl::Status s = flush(); !s.ok()) return Partial(s, *resp);
      return absl::UnavailableError(absl::StrCat(
          "server is shutting down: ", resp->accepted(), " records committed, ",
          resp->rejected(), " rejected (stream index 0 to ", index, " read); resend from index ",
          index + 1));
    }
  }
  if (absl::Status s = flush(); !s.ok()) return Partial(s, *resp);
  return absl::OkStatus();
}

}  // namespace

absl::Status UpsertWorker(Call& call, const v1::UpsertWorkerRequest& req,
                          v1::UpsertWorkerResponse*) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kWriters));
  if (!req.has_worker()) return InvalidField("worker", "required");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  return Within(call.engine().UpsertWorker(req.worker()), "worker");
}

absl::Status UpsertWorkers(Call& call, const StreamReader& read,
                           v1::UpsertWorkersResponse* resp) {
  return Import<WorkerImport>(call, read, resp);
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
    worker->DiscardUnknownFields();  // records stored before ingest discarded them
    // Personal data read by a partner: on disk before the reply is sent.
    AuditEntry entry;
    entry.time = absl::Now();
    entry.key = call.key().name;
    entry.rpc = call.rpc();
    entry.worker_ids.push_back(worker->id());
    if (absl::Status s = call.backend().audit->Append(entry); !s.ok()) {
      return absl::InternalError(absl::StrCat("audit log unavailable: ", s.message()));
    }
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
  return Within(call.engine().UpsertVacancy(req.vacancy()), "vacancy");
}

absl::Status UpsertVacancies(Call& call, const StreamReader& read,
                             v1::UpsertVacanciesResponse* resp) {
  return Import<VacancyImport>(call, read, resp);
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
    vacancy->DiscardUnknownFields();
  }
  *resp->mutable_vacancy() = *std::move(vacancy);
  return absl::OkStatus();
}

absl::Status ListVacancies(Call& call, const v1::ListVacanciesRequest& req,
                           v1::ListVacanciesResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  VacancyListOptions options;
  options.open_only = req.open_only();
  options.owner = req.owner();
  options.page_size = req.page_size();  // checked by the engine, as its limits say
  const bool partner = call.partner();
  if (partner) {
    // A partner lists its own vacancies only, never the open ones of other owners (which
    // GetVacancy shows it one at a time): asking for another owner is refused outright.
    if (!req.owner().empty() && req.owner() != call.key().name) {
      return absl::PermissionDeniedError(
          "owner: a partner key lists only its own vacancies (owner empty or its key's name)");
    }
    options.owner = call.key().name;
  }
  if (!req.page_token().empty()) {
    // Bound to the caller's key, as match page tokens are (page_token_mac.h).
    absl::StatusOr<std::string> engine_token =
        call.backend().page_tokens->Open(call.key().name, req.page_token());
    if (!engine_token.ok()) {
      return Renamed(engine_token.status(), "options.page_token", "page_token");
    }
    options.page_token = *std::move(engine_token);
  }
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<VacancyPage> page = call.engine().ListVacancies(options);
  if (!page.ok()) return page.status();
  resp->mutable_vacancies()->Reserve(static_cast<int>(page->vacancies.size()));
  for (v1::Vacancy& vacancy : page->vacancies) {
    if (partner) {
      RedactVacancy(call.key(), &vacancy);  // its own: nothing to redact, as GetVacancy
      vacancy.DiscardUnknownFields();
    }
    *resp->add_vacancies() = std::move(vacancy);
  }
  if (!page->next_page_token.empty()) {
    resp->set_next_page_token(
        call.backend().page_tokens->Seal(call.key().name, page->next_page_token));
  }
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
  if (call.backend().keys != nullptr) {
    const KeyStore::ReloadStats reloads = call.backend().keys->reload_stats();
    resp->set_key_reload_failures(reloads.failures);
    resp->set_key_reload_error(reloads.last_error);
  }
  return absl::OkStatus();
}

absl::Status Backup(Call& call, const v1::BackupRequest& req, v1::BackupResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAdminBit));
  // Relative to cakapd's working directory would surprise the caller.
  if (req.dir().empty() || req.dir()[0] != '/') {
    return InvalidField("dir", "an absolute path on the server's host is required");
  }
  if (req.dir().size() > 4096) return InvalidField("dir", "longer than 4096 bytes");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<BackupInfo> info = call.engine().Backup(req.dir());
  if (!info.ok()) return info.status();
  resp->set_revision(info->revision);
  resp->set_size_bytes(info->size_bytes);
  return absl::OkStatus();
}

}  // namespace service
}  // namespace cakap
