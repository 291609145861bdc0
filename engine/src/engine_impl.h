// Engine::Impl: the state of an open engine. Writes (engine.cc) go through the single
// WritableDatabase under write_mu_; reads (match.cc) take a database from the pool.
#ifndef CAKAP_ENGINE_ENGINE_IMPL_H_
#define CAKAP_ENGINE_ENGINE_IMPL_H_

#include <xapian.h>

#include <deque>
#include <functional>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "cakap/engine.h"
#include "env.h"
#include "facts.h"
#include "normalize.h"
#include "reader_pool.h"

namespace cakap {

class Engine::Impl {
 public:
  Impl(EngineEnv env, std::string path, Xapian::WritableDatabase writer, uint64_t change_seq,
       std::unique_ptr<FactTable> facts)
      : env_(std::move(env)),
        path_(path),
        readers_(path, env_.options.geo_cell_levels, env_.options.cache_stored_workers),
        writer_(std::move(writer)),
        facts_(std::move(facts)),
        change_seq_(change_seq),
        published_seq_(change_seq) {}

  // engine.cc
  absl::Status UpsertWorker(const v1::Worker& worker);
  absl::StatusOr<BulkResult> UpsertWorkers(absl::Span<const v1::Worker> workers);
  absl::Status DeleteWorker(absl::string_view id);
  absl::Status UpsertVacancy(const v1::Vacancy& vacancy);
  absl::StatusOr<BulkResult> UpsertVacancies(absl::Span<const v1::Vacancy> vacancies);
  absl::Status DeleteVacancy(absl::string_view id);
  absl::StatusOr<EngineStats> Stats();
  absl::Status WriteHealth() ABSL_LOCKS_EXCLUDED(health_mu_);
  absl::Status ProbeWrite();

  // backup.cc
  absl::StatusOr<CheckReport> Check();
  absl::StatusOr<BackupInfo> Backup(const std::string& dir);

  // match.cc
  absl::StatusOr<v1::Worker> GetWorker(absl::string_view id);
  absl::StatusOr<v1::Vacancy> GetVacancy(absl::string_view id);
  absl::StatusOr<VacancyPage> ListVacancies(const VacancyListOptions& options);
  absl::StatusOr<v1::MatchResult> Match(const v1::Vacancy& vacancy,
                                        const v1::MatchOptions& options);
  absl::StatusOr<v1::VacancyMatchResult> MatchVacancies(absl::string_view worker_id, int limit,
                                                        bool exclude_welfare,
                                                        bool coarse_locations);

  // allocate.cc: the ids of the open stored vacancies reverse matching would use.
  absl::StatusOr<std::vector<std::string>> OpenVacancyIds();
  // changes.cc
  absl::StatusOr<ChangeBatch> MatchChanges(const v1::Vacancy& vacancy,
                                           const v1::MatchOptions& options,
                                           const ChangeCursor& after, int limit);
  uint64_t ChangeSequence() ABSL_LOCKS_EXCLUDED(seq_mu_);
  uint64_t WaitForChange(uint64_t after, absl::Time deadline) ABSL_LOCKS_EXCLUDED(seq_mu_);
  // ledger_write.cc
  absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> RecordLedgerEntries(
      absl::Span<const v1::LedgerEntry> entries, const LedgerWriteOptions& options);
  absl::StatusOr<std::vector<v1::LedgerEntry>> GetHistory(absl::string_view worker_id);
  // figures.cc
  absl::StatusOr<v1::GetFiguresResponse> Figures(const v1::GetFiguresRequest& request,
                                                 const FiguresOptions& options);

  const EngineEnv& env() const { return env_; }
  FactTable& facts() { return *facts_; }

 private:
  // A write waiting for its commit (group commit: see EngineOptions::commit_delay).
  struct PendingWrite {
    absl::string_view what;                // for error messages
    std::function<absl::Status()> change;  // runs on the writer, under write_mu_
    absl::Status status;
    bool done = false;
  };

  // Runs `change` on the writer and commits it durably, together with the other writes
  // queued meanwhile. A change that returns an error must not have changed anything; it
  // fails alone. When Xapian throws, the whole commit is cancelled and every write in it
  // fails with that error: nothing of it is stored.
  absl::Status Write(absl::string_view what, std::function<absl::Status()> change);
  // Applies and commits `batch` (the leader of a group commit does this).
  void CommitBatch(const std::vector<PendingWrite*>& batch) ABSL_LOCKS_EXCLUDED(write_mu_);
  // CommitBatch's work; returns the writer's health after it (OK: the commit succeeded).
  absl::Status CommitBatchLocked(const std::vector<PendingWrite*>& batch)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Replaces writer_ with a fresh handle on the last committed revision.
  absl::Status ReopenWriter() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Records the writer's health; calls EngineOptions::on_write_health when it flips.
  void SetWriteHealth(const absl::Status& health) ABSL_LOCKS_EXCLUDED(health_mu_);
  // Changes made by a write, with their record cache updates (inside CommitBatch only).
  void ReplaceWorker(const NormalizedWorker& worker) ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Stores `doc` (BuildWorkerDocument's) as the worker `id`, with its figures' facts.
  void ReplaceWorkerDocument(const std::string& id, Xapian::Document doc, WorkerFacts facts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Stores a worker as upserted (`input` normalised into `normalized`), unless the
  // ledger says otherwise about its employment: a worker with an active placement stays
  // employed whatever the portal sends (ledger_write.cc).
  absl::Status StoreUpsertedWorker(const v1::Worker& input, const NormalizedWorker& normalized)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Stores the vacancy with its filled count from the ledger, closed when full.
  void StoreVacancy(v1::Vacancy stored) ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // One ledger entry inside a commit (ledger_write.cc).
  absl::StatusOr<v1::LedgerEntry> ApplyLedgerEntry(const v1::LedgerEntry& entry,
                                                   const LedgerWriteOptions& options,
                                                   const std::string& recorded_at)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // NotFound "<what> not found" when no document has `term`.
  absl::Status DeleteByTerm(const std::string& term, absl::string_view what)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  const EngineEnv env_;
  const std::string path_;
  ReaderPool readers_;
  absl::Mutex queue_mu_;
  std::deque<PendingWrite*> queue_ ABSL_GUARDED_BY(queue_mu_);  // front: the leader
  absl::Mutex write_mu_;
  Xapian::WritableDatabase writer_ ABSL_GUARDED_BY(write_mu_);
  Xapian::Stem writer_stem_ ABSL_GUARDED_BY(write_mu_){"indonesian"};
  // Record cache changes of the batch being committed (CommitBatch sets it).
  std::vector<RecordUpdate>* record_updates_ ABSL_GUARDED_BY(write_mu_) = nullptr;
  // Fact changes of the batch being committed (CommitBatch sets it); applied to facts_
  // once the commit is durable, before any write of it is answered.
  FactDelta* fact_delta_ ABSL_GUARDED_BY(write_mu_) = nullptr;
  const std::unique_ptr<FactTable> facts_;
  // The last commit threw: writer_ must be reopened before the next one.
  bool writer_needs_reopen_ ABSL_GUARDED_BY(write_mu_) = false;
  // The change feed (schema::kChangeSeq): the last sequence committed, and whether the
  // batch being committed wrote a worker (then it commits change_seq_ + 1).
  uint64_t change_seq_ ABSL_GUARDED_BY(write_mu_);
  bool batch_changes_workers_ ABSL_GUARDED_BY(write_mu_) = false;
  // The last sequence readers can see (set after publishing), and its waiters.
  absl::Mutex seq_mu_;
  absl::CondVar seq_cv_;
  uint64_t published_seq_ ABSL_GUARDED_BY(seq_mu_);
  absl::Mutex health_mu_;
  absl::Status write_health_ ABSL_GUARDED_BY(health_mu_);  // of the last commit
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_ENGINE_IMPL_H_
