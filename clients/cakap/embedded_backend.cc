// Backend over a cakap::Engine opened in this process.
#include <utility>

#include "absl/strings/str_cat.h"
#include "backend.h"
#include "cakap/engine.h"

namespace cakap {
namespace cli {
namespace {

class EmbeddedBackend : public Backend {
 public:
  explicit EmbeddedBackend(std::unique_ptr<Engine> engine) : engine_(std::move(engine)) {}

  absl::StatusOr<std::vector<absl::Status>> UpsertWorkers(
      absl::Span<const v1::Worker> workers) override {
    absl::StatusOr<BulkResult> bulk = engine_->UpsertWorkers(workers);
    if (!bulk.ok()) return bulk.status();
    std::vector<absl::Status> results(workers.size());
    for (const BulkResult::Rejection& r : bulk->rejected) {
      if (r.index < results.size()) results[r.index] = r.status;
    }
    return results;
  }
  absl::Status UpsertVacancy(const v1::Vacancy& vacancy) override {
    return engine_->UpsertVacancy(vacancy);
  }
  absl::StatusOr<v1::Worker> GetWorker(absl::string_view id) override {
    return engine_->GetWorker(id);
  }
  absl::StatusOr<v1::Vacancy> GetVacancy(absl::string_view id) override {
    return engine_->GetVacancy(id);
  }
  absl::Status DeleteWorker(absl::string_view id) override { return engine_->DeleteWorker(id); }
  absl::Status DeleteVacancy(absl::string_view id) override {
    return engine_->DeleteVacancy(id);
  }
  absl::StatusOr<v1::ListVacanciesResponse> ListVacancies(
      const v1::ListVacanciesRequest& request) override {
    VacancyListOptions options;
    options.open_only = request.open_only();
    options.owner = request.owner();
    options.page_size = request.page_size();
    options.page_token = request.page_token();
    absl::StatusOr<VacancyPage> page = engine_->ListVacancies(options);
    if (!page.ok()) return page.status();
    v1::ListVacanciesResponse out;
    for (v1::Vacancy& v : page->vacancies) *out.add_vacancies() = std::move(v);
    out.set_next_page_token(std::move(page->next_page_token));
    return out;
  }
  absl::StatusOr<v1::MatchResult> Match(const v1::Vacancy& vacancy,
                                        const v1::MatchOptions& options) override {
    return engine_->Match(vacancy, options);
  }
  absl::StatusOr<v1::VacancyMatchResult> MatchVacancies(absl::string_view worker_id, int limit,
                                                        bool exclude_welfare) override {
    return engine_->MatchVacancies(worker_id, limit, exclude_welfare);
  }
  absl::StatusOr<v1::AllocationResult> Allocate(const v1::AllocateRequest& request) override {
    return engine_->Allocate(request);
  }
  absl::StatusOr<BackendStats> Stats() override {
    absl::StatusOr<EngineStats> s = engine_->Stats();
    if (!s.ok()) return s.status();
    BackendStats out;
    out.workers = s->workers;
    out.vacancies = s->vacancies;
    out.open_vacancies = s->open_vacancies;
    out.revision = s->revision;
    out.size_bytes = s->size_bytes;
    return out;
  }
  absl::StatusOr<std::vector<std::string>> Check() override {
    absl::StatusOr<CheckReport> report = engine_->Check();
    if (!report.ok()) return report.status();
    return std::move(report->problems);
  }
  absl::StatusOr<uint64_t> Backup(const std::string& dir) override {
    absl::StatusOr<BackupInfo> info = engine_->Backup(dir);
    if (!info.ok()) return info.status();
    return info->revision;
  }
  absl::Status Watch(const v1::WatchVacancyRequest& request, absl::Duration,
                     const std::function<bool(const v1::VacancyAlert&)>& on_message) override {
    if (request.from_beginning() && !request.cursor().empty()) {
      return absl::InvalidArgumentError("from_beginning: must be false when a cursor is given");
    }
    ChangeCursor cursor;
    if (!request.cursor().empty()) {
      absl::StatusOr<ChangeCursor> decoded = DecodeChangeCursor(request.cursor());
      if (!decoded.ok()) return decoded.status();
      cursor = *decoded;
    } else if (!request.from_beginning()) {
      cursor = {engine_->ChangeSequence(), ""};
    }
    absl::StatusOr<v1::Vacancy> vacancy = engine_->GetVacancy(request.vacancy_id());
    if (!vacancy.ok()) return vacancy.status();
    v1::MatchOptions options;
    options.set_exclude_welfare(request.exclude_welfare());
    const int limit = request.batch_size() > 0 ? request.batch_size() : 100;
    while (true) {
      absl::StatusOr<ChangeBatch> batch = engine_->MatchChanges(*vacancy, options, cursor, limit);
      if (!batch.ok()) return batch.status();
      for (WorkerChange& change : batch->changes) {
        v1::VacancyAlert alert;
        *alert.mutable_candidate() = std::move(change.candidate);
        alert.set_cursor(EncodeChangeCursor(change.cursor));
        alert.set_sequence(change.seq);
        if (!on_message(alert)) return absl::OkStatus();
      }
      cursor = batch->next;
      if (cursor.seq == batch->sequence && cursor.id.empty()) break;  // caught up
    }
    v1::VacancyAlert last;  // the heartbeat that says where to resume
    last.set_cursor(EncodeChangeCursor(cursor));
    last.set_sequence(cursor.seq);
    on_message(last);
    return absl::OkStatus();
  }
  absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> RecordLedgerEntries(
      absl::Span<const v1::LedgerEntry> entries) override {
    return engine_->RecordLedgerEntries(entries, LedgerWriteOptions());
  }
  absl::StatusOr<std::vector<v1::LedgerEntry>> GetHistory(absl::string_view worker_id) override {
    return engine_->GetHistory(worker_id);
  }
  absl::StatusOr<v1::GetFiguresResponse> Figures(const v1::GetFiguresRequest& request) override {
    return engine_->Figures(request, FiguresOptions());
  }

 private:
  std::unique_ptr<Engine> engine_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Backend>> OpenEmbeddedBackend(const EmbeddedOptions& options) {
  EngineOptions engine_options;
  engine_options.create_if_missing = options.create_if_missing;
  // One command per process: preloading every stored worker would cost more than the
  // few it prints.
  engine_options.cache_stored_workers = false;
  if (options.today.has_value()) {
    absl::CivilDay today = *options.today;
    engine_options.today = [today] { return today; };
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(engine_options,
                                                                options.data_dir);
  if (!engine.ok()) {
    if (absl::IsNotFound(engine.status())) {
      return absl::NotFoundError(absl::StrCat("no cakap index at ", options.data_dir,
                                              " (create one with `cakap import`, or pass "
                                              "--data DIR)"));
    }
    return engine.status();
  }
  return std::unique_ptr<Backend>(new EmbeddedBackend(std::move(*engine)));
}

}  // namespace cli
}  // namespace cakap
