// Engine: opening an index and every write. Matching lives in match.cc.
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>
#include <system_error>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "cakap/status_macros.h"
#include "document.h"
#include "durable_dir.h"
#include "engine_impl.h"
#include "facts.h"
#include "ledger.h"
#include "normalize.h"
#include "schema.h"
#include "xapian_status.h"

namespace cakap {
namespace {

absl::Status ValidateOptions(const EngineOptions& o) {
  const RankingWeights& w = o.ranking;
  for (double weight : {w.preferred_skills, w.certificate, w.distance, w.welfare, w.tier_bnsp,
                        w.tier_kemnaker, w.tier_other}) {
    if (!(weight >= 0)) return absl::InvalidArgumentError("options.ranking: weights must be >= 0");
  }
  if (!(w.distance_half_life_km > 0)) {
    return absl::InvalidArgumentError("options.ranking.distance_half_life_km: must be > 0");
  }
  if (w.full_validity_days <= 0) {
    return absl::InvalidArgumentError("options.ranking.full_validity_days: must be > 0");
  }
  if (o.geo_cell_levels.empty()) {
    return absl::InvalidArgumentError("options.geo_cell_levels: needs at least one level");
  }
  for (size_t i = 0; i < o.geo_cell_levels.size(); ++i) {
    int level = o.geo_cell_levels[i];
    if (level < 0 || level > 12 || (i > 0 && level <= o.geo_cell_levels[i - 1])) {
      return absl::InvalidArgumentError(
          "options.geo_cell_levels: each in [0, 12], strictly increasing");
    }
  }
  if (o.max_cover_cells < 1 || o.max_cover_cells > 4096) {
    return absl::InvalidArgumentError("options.max_cover_cells: must be in [1, 4096]");
  }
  if (!(o.default_travel_km > 0)) {
    return absl::InvalidArgumentError("options.default_travel_km: must be > 0");
  }
  for (int years : {o.default_validity_years_bnsp, o.default_validity_years_kemnaker,
                    o.default_validity_years_other}) {
    if (years < 1 || years > 50) {
      return absl::InvalidArgumentError("options.default_validity_years_*: must be in [1, 50]");
    }
  }
  if (o.commit_delay < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("options.commit_delay: must be >= 0");
  }
  if (o.max_writes_per_commit < 1) {
    return absl::InvalidArgumentError("options.max_writes_per_commit: must be >= 1");
  }
  return absl::OkStatus();
}

// Reads (or, for a new index, writes) the schema metadata.
absl::Status CheckSchema(Xapian::WritableDatabase& db, const std::string& path) {
  const std::string version = db.get_metadata(schema::kMetaSchema);
  if (version.empty() && db.get_doccount() > 0) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, " holds a Xapian database that is not a cakap index"));
  }
  const bool older = std::find(std::begin(schema::kOlderSchemaVersions),
                              std::end(schema::kOlderSchemaVersions),
                              version) != std::end(schema::kOlderSchemaVersions);
  if (version.empty() || older) {
    db.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
    db.commit();
    return absl::OkStatus();
  }
  if (version != schema::kSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": index schema ", version, ", this build reads ", schema::kSchemaVersion));
  }
  return absl::OkStatus();
}

// The last change sequence (schema::kMetaChangeSeq; absent in a new or older index: 0).
absl::StatusOr<uint64_t> ReadChangeSeq(const Xapian::Database& db, const std::string& path) {
  const std::string text = db.get_metadata(schema::kMetaChangeSeq);
  if (text.empty()) return 0;
  absl::StatusOr<ChangeCursor> cursor = DecodeChangeCursor(text);
  if (!cursor.ok() || !cursor->id.empty()) {
    return absl::DataLossError(absl::StrCat(path, ": metadata ", schema::kMetaChangeSeq,
                                            " is not a change sequence"));
  }
  return cursor->seq;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& options,
                                                     const std::string& path) {
  CAKAP_RETURN_IF_ERROR(ValidateOptions(options));
  // Decided before Xapian touches the directory: glass's create-or-open would replace an
  // index missing its postlist.glass with an empty one, and turn any directory into an
  // index. Only a missing or empty directory is created; nothing is written otherwise.
  CAKAP_ASSIGN_OR_RETURN(const IndexDirState state, InspectIndexDirectory(path));
  if (state != IndexDirState::kIndex && !options.create_if_missing) {
    return absl::NotFoundError(absl::StrCat(
        path, state == IndexDirState::kMissing ? ": no such index directory"
                                               : ": empty directory, no index in it"));
  }
  if (state == IndexDirState::kMissing) CAKAP_RETURN_IF_ERROR(CreateDirectoriesDurably(path));
  CAKAP_ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::Builtin());
  CAKAP_ASSIGN_OR_RETURN(Regions regions, Regions::Builtin());
  return CatchXapian("open " + path, [&]() -> absl::StatusOr<std::unique_ptr<Engine>> {
    Xapian::WritableDatabase writer(
        path, state == IndexDirState::kIndex ? Xapian::DB_OPEN : Xapian::DB_CREATE);
    CAKAP_RETURN_IF_ERROR(CheckSchema(writer, path));
    CAKAP_ASSIGN_OR_RETURN(const uint64_t change_seq, ReadChangeSeq(writer, path));
    // A new index's files, or the schema label just committed, survive a power cut.
    CAKAP_RETURN_IF_ERROR(SyncDirectory(path));
    EngineEnv env{options, std::move(lexicon), std::move(regions)};
    // The figures' fact table loads on a second thread while the record cache loads
    // (each parses what the other does not need).
    auto facts = std::make_unique<FactTable>();
    FactTable* const loading = facts.get();  // `facts` moves into Impl meanwhile
    absl::Status facts_loaded;
    std::thread facts_loader([&, loading] {
      facts_loaded = CatchXapian("load facts of " + path, [&]() -> absl::Status {
        Xapian::Database db(path);
        LoadFacts(db, env, loading);
        return absl::OkStatus();
      });
    });
    std::unique_ptr<Impl> impl;
    try {
      impl = std::make_unique<Impl>(env, path, std::move(writer), change_seq, std::move(facts));
    } catch (...) {
      facts_loader.join();
      throw;
    }
    facts_loader.join();
    CAKAP_RETURN_IF_ERROR(facts_loaded);
    return std::unique_ptr<Engine>(new Engine(std::move(impl)));
  });
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

absl::Status Engine::UpsertWorker(const v1::Worker& w) { return impl_->UpsertWorker(w); }
absl::StatusOr<BulkResult> Engine::UpsertWorkers(absl::Span<const v1::Worker> w) {
  return impl_->UpsertWorkers(w);
}
absl::Status Engine::DeleteWorker(absl::string_view id) { return impl_->DeleteWorker(id); }
absl::StatusOr<v1::Worker> Engine::GetWorker(absl::string_view id) const {
  return impl_->GetWorker(id);
}
absl::Status Engine::UpsertVacancy(const v1::Vacancy& v) { return impl_->UpsertVacancy(v); }
absl::StatusOr<BulkResult> Engine::UpsertVacancies(absl::Span<const v1::Vacancy> v) {
  return impl_->UpsertVacancies(v);
}
absl::Status Engine::DeleteVacancy(absl::string_view id) { return impl_->DeleteVacancy(id); }
absl::StatusOr<v1::Vacancy> Engine::GetVacancy(absl::string_view id) const {
  return impl_->GetVacancy(id);
}
absl::StatusOr<VacancyPage> Engine::ListVacancies(const VacancyListOptions& options) const {
  return impl_->ListVacancies(options);
}
absl::StatusOr<v1::MatchResult> Engine::Match(const v1::Vacancy& v,
                                              const v1::MatchOptions& o) const {
  return impl_->Match(v, o);
}
absl::StatusOr<v1::VacancyMatchResult> Engine::MatchVacancies(absl::string_view worker_id,
                                                              int limit, bool exclude_welfare,
                                                              bool coarse_locations) const {
  return impl_->MatchVacancies(worker_id, limit, exclude_welfare, coarse_locations);
}
absl::StatusOr<ChangeBatch> Engine::MatchChanges(const v1::Vacancy& v,
                                                 const v1::MatchOptions& o,
                                                 const ChangeCursor& after, int limit) const {
  return impl_->MatchChanges(v, o, after, limit);
}
uint64_t Engine::ChangeSequence() const { return impl_->ChangeSequence(); }
uint64_t Engine::WaitForChange(uint64_t after, absl::Time deadline) const {
  return impl_->WaitForChange(after, deadline);
}
absl::StatusOr<EngineStats> Engine::Stats() const { return impl_->Stats(); }
absl::StatusOr<v1::LedgerEntry> Engine::RecordLedgerEntry(const v1::LedgerEntry& entry,
                                                          const LedgerWriteOptions& options) {
  CAKAP_ASSIGN_OR_RETURN(auto results, impl_->RecordLedgerEntries({&entry, 1}, options));
  return std::move(results.front());
}
absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> Engine::RecordLedgerEntries(
    absl::Span<const v1::LedgerEntry> entries, const LedgerWriteOptions& options) {
  return impl_->RecordLedgerEntries(entries, options);
}
absl::StatusOr<std::vector<v1::LedgerEntry>> Engine::GetHistory(
    absl::string_view worker_id) const {
  return impl_->GetHistory(worker_id);
}
absl::StatusOr<v1::GetFiguresResponse> Engine::Figures(const v1::GetFiguresRequest& request,
                                                       const FiguresOptions& options) const {
  return impl_->Figures(request, options);
}
absl::Status Engine::WriteHealth() const { return impl_->WriteHealth(); }
absl::Status Engine::ProbeWrite() { return impl_->ProbeWrite(); }
absl::StatusOr<CheckReport> Engine::Check() const { return impl_->Check(); }
absl::StatusOr<BackupInfo> Engine::Backup(const std::string& dir) const {
  return impl_->Backup(dir);
}
const Lexicon& Engine::lexicon() const { return impl_->env().lexicon; }
const Regions& Engine::regions() const { return impl_->env().regions; }

absl::Status Engine::Impl::Write(absl::string_view what, std::function<absl::Status()> change) {
  PendingWrite write;
  write.what = what;
  write.change = std::move(change);
  std::vector<PendingWrite*> batch;
  {
    absl::MutexLock lock(&queue_mu_);
    queue_.push_back(&write);
    auto done_or_leading = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue_mu_) {
      return write.done || queue_.front() == &write;
    };
    queue_mu_.Await(absl::Condition(&done_or_leading));
    if (write.done) return write.status;
    // The leader: give others `commit_delay` to join, then take everyone queued.
    if (env_.options.commit_delay > absl::ZeroDuration()) {
      auto full = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue_mu_) {
        return queue_.size() >= static_cast<size_t>(env_.options.max_writes_per_commit);
      };
      queue_mu_.AwaitWithTimeout(absl::Condition(&full), env_.options.commit_delay);
    }
    const size_t n = std::min<size_t>(queue_.size(), env_.options.max_writes_per_commit);
    batch.assign(queue_.begin(), queue_.begin() + n);
  }
  CommitBatch(batch);
  absl::MutexLock lock(&queue_mu_);
  for (PendingWrite* w : batch) {
    queue_.pop_front();  // the batch is the front of the queue, in order
    w->done = true;
  }
  return write.status;
}

namespace {

// Runs fn(begin, end) over [0, n) in contiguous chunks, one per core, when there is enough
// work to pay for the threads. Used for bulk upserts: at 100k workers on 2 cores, indexing
// went from 15.7k to ~17.9k workers/s (the single writer's Xapian work is the rest).
void InChunks(size_t n, absl::FunctionRef<void(size_t, size_t)> fn) {
  constexpr size_t kMinChunk = 256;
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t chunks = std::clamp<size_t>(n / kMinChunk, 1, cores);
  const size_t size = (n + chunks - 1) / chunks;
  std::vector<std::thread> threads;
  for (size_t c = 1; c < chunks; ++c) {
    threads.emplace_back([&fn, c, size, n] { fn(c * size, std::min(n, (c + 1) * size)); });
  }
  fn(0, std::min(n, size));
  for (std::thread& t : threads) t.join();
}

}  // namespace

void Engine::Impl::CommitBatch(const std::vector<PendingWrite*>& batch) {
  absl::Status health;  // of the writer after this batch: OK once a commit succeeded
  const absl::Time start = absl::Now();
  {
    absl::MutexLock lock(&write_mu_);
    health = CommitBatchLocked(batch);
  }
  if (env_.options.on_commit) {
    env_.options.on_commit(
        {absl::Now() - start, static_cast<int>(batch.size()), health.ok()});
  }
  SetWriteHealth(health);  // before any write of the batch is answered
}

absl::Status Engine::Impl::CommitBatchLocked(const std::vector<PendingWrite*>& batch) {
  if (writer_needs_reopen_) {
    // The last commit failed and left the WritableDatabase unusable (glass closes it when
    // it cannot roll back its revision numbers, e.g. on a full disk): reopen it at the
    // last committed revision, so writes resume without a restart.
    if (absl::Status s = ReopenWriter(); !s.ok()) {
      for (PendingWrite* w : batch) w->status = s;
      return s;
    }
  }
  absl::string_view failed_what = batch.front()->what;
  absl::Status synced;  // of the directory sync after the commit
  const absl::Status status = CatchXapian("commit", [&]() -> absl::Status {
    readers_.Publish([&](std::vector<RecordUpdate>* updates)
                         ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
      record_updates_ = updates;
      batch_changes_workers_ = false;
      FactDelta delta;
      fact_delta_ = &delta;
      writer_.begin_transaction(/*flushed=*/true);
      try {
        for (PendingWrite* w : batch) {
          failed_what = w->what;
          w->status = w->change();  // an error here changed nothing (see Write)
        }
        failed_what = "commit";
        // The feed's sequence moves in the same transaction as the workers' terms: a
        // cancelled commit takes both back.
        if (batch_changes_workers_) {
          writer_.set_metadata(schema::kMetaChangeSeq,
                               EncodeChangeCursor({change_seq_ + 1, ""}));
        }
        // fsync'd: durable once the writers are told; visible to the next lease.
        writer_.commit_transaction();
        record_updates_ = nullptr;
        fact_delta_ = nullptr;
      } catch (...) {
        record_updates_ = nullptr;
        fact_delta_ = nullptr;
        try {
          writer_.cancel_transaction();
        } catch (const Xapian::Error&) {
          // The original error is the one worth reporting.
        }
        throw;
      }
      // Committed: the figures see it before any write of the batch is answered.
      facts_->Apply(std::move(delta));
      // Glass made the commit by renaming its version file and synced no directory: until
      // the directory is, a power cut may lose the rename, i.e. the whole commit. The
      // revision is committed either way, so it is published even when this fails.
      synced = SyncDirectory(path_);
    });
    return absl::OkStatus();
  });
  if (status.ok() && batch_changes_workers_) {
    // Committed and published (even when the directory sync failed): readers see it.
    ++change_seq_;
    absl::MutexLock lock(&seq_mu_);
    published_seq_ = change_seq_;
    seq_cv_.SignalAll();
  }
  if (status.ok() && synced.ok()) return absl::OkStatus();
  if (!status.ok()) {
    writer_needs_reopen_ = true;
    // Cancelled: nothing of the batch is stored, so every write in it fails.
    absl::Status failed = status;
    if (absl::IsResourceExhausted(status)) {
      failed = absl::ResourceExhaustedError(absl::StrCat(
          "index ", path_, ": disk full (", DescribeFreeSpace(path_),
          "); nothing of this write was stored, writes resume once space is freed (",
          status.message(), ")"));
    } else if (failed_what != "commit") {
      failed = absl::Status(status.code(), absl::StrCat(failed_what, ": ", status.message()));
    }
    for (PendingWrite* w : batch) w->status = failed;
    // Reopened now rather than at the next write, which then finds it ready.
    if (ReopenWriter().ok()) writer_needs_reopen_ = false;
    return failed;
  }
  // Committed and published, but not known to survive a power cut: say so.
  const absl::Status unsynced(
      synced.code(), absl::StrCat("committed, but may not survive a power cut: ",
                                  synced.message()));
  for (PendingWrite* w : batch) {
    if (w->status.ok()) w->status = unsynced;
  }
  return unsynced;
}

absl::Status Engine::Impl::ReopenWriter() {
  return CatchXapian(absl::StrCat("reopen index ", path_, " for writing"), [&]() -> absl::Status {
    writer_.close();  // releases the write lock, so the new handle can take it
    writer_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN);
    writer_needs_reopen_ = false;
    // What is on disk decides the feed's sequence: a commit that failed only after
    // Xapian committed it (publishing threw) must not have its number reused.
    CAKAP_ASSIGN_OR_RETURN(change_seq_, ReadChangeSeq(writer_, path_));
    // Glass may have committed a revision with nothing in it while rolling back: bring
    // the readers to what is on disk (the record cache needs no change).
    readers_.Publish([](std::vector<RecordUpdate>*) {});
    absl::MutexLock lock(&seq_mu_);
    if (published_seq_ != change_seq_) {
      published_seq_ = change_seq_;
      seq_cv_.SignalAll();
    }
    return absl::OkStatus();
  });
}

void Engine::Impl::SetWriteHealth(const absl::Status& health) {
  std::function<void(const absl::Status&)> notify;
  {
    absl::MutexLock lock(&health_mu_);
    if (health.ok() == write_health_.ok()) {
      write_health_ = health;
      return;
    }
    write_health_ = health;
    notify = env_.options.on_write_health;
  }
  if (notify) notify(health);
}

absl::Status Engine::Impl::WriteHealth() {
  absl::MutexLock lock(&health_mu_);
  return write_health_;
}

absl::Status Engine::Impl::ProbeWrite() {
  // Rewrites the schema label with its own value: a commit that changes nothing, but
  // writes blocks and the version file like any other.
  return Write("probe write", [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
    writer_.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
    return absl::OkStatus();
  });
}

void Engine::Impl::ReplaceWorker(const NormalizedWorker& worker) {
  Xapian::Document doc = BuildWorkerDocument(worker, env_, writer_stem_);
  doc.add_value(schema::kSlotTrainings, EncodeTrainings(worker.stored));
  ReplaceWorkerDocument(worker.record.id, doc,
                        MakeWorkerFacts(worker.stored, worker.record, facts_->regions(),
                                        facts_->names()));
}

void Engine::Impl::ReplaceWorkerDocument(const std::string& id, Xapian::Document doc,
                                         WorkerFacts facts) {
  std::string record = doc.get_value(schema::kSlotMatchRecord);
  // The feed's term of this commit, added here because only the writer knows the
  // sequence. (`doc` is a handle on the caller's document, built for this one write.)
  // replace_document drops the worker's older term with its old document.
  doc.add_boolean_term(ChangeSeqTerm(change_seq_ + 1));
  batch_changes_workers_ = true;
  const Xapian::docid docid = writer_.replace_document(WorkerIdTerm(id), doc);
  record_updates_->push_back({docid, std::move(record), doc.get_data()});
  fact_delta_->workers[id] = std::move(facts);
}

absl::Status Engine::Impl::DeleteByTerm(const std::string& term, absl::string_view what) {
  Xapian::PostingIterator it = writer_.postlist_begin(term);
  if (it == writer_.postlist_end(term)) return absl::NotFoundError(absl::StrCat(what, " not found"));
  const Xapian::docid docid = *it;
  writer_.delete_document(docid);
  record_updates_->push_back({docid, std::string(), std::string()});
  return absl::OkStatus();
}

absl::Status Engine::Impl::UpsertWorker(const v1::Worker& worker) {
  CAKAP_ASSIGN_OR_RETURN(NormalizedWorker normalized, NormalizeWorker(worker, env_));
  CAKAP_RETURN_IF_ERROR(ValidateTrainingDates(worker));
  return Write("upsert worker", [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
    return StoreUpsertedWorker(worker, normalized);
  });
}

absl::StatusOr<BulkResult> Engine::Impl::UpsertWorkers(absl::Span<const v1::Worker> workers) {
  // Validation and document building (normalising, terms, serialising) need no lock, so
  // they run on every core before the single writer takes over.
  struct Prepared {
    absl::Status status;
    std::string id;
    Xapian::Document doc;
    WorkerFacts facts;
    uint8_t employment_status = 0;
  };
  std::vector<Prepared> prepared(workers.size());
  InChunks(workers.size(), [&](size_t begin, size_t end) {
    const Xapian::Stem stem("indonesian");  // a Stem is not shared between threads
    for (size_t i = begin; i < end; ++i) {
      prepared[i].status = CatchXapian("build worker document", [&]() -> absl::Status {
        CAKAP_ASSIGN_OR_RETURN(NormalizedWorker normalized, NormalizeWorker(workers[i], env_));
        CAKAP_RETURN_IF_ERROR(ValidateTrainingDates(workers[i]));
        prepared[i].id = normalized.record.id;
        prepared[i].doc = BuildWorkerDocument(normalized, env_, stem);
        prepared[i].doc.add_value(schema::kSlotTrainings, EncodeTrainings(normalized.stored));
        prepared[i].facts = MakeWorkerFacts(normalized.stored, normalized.record,
                                            facts_->regions(), facts_->names());
        prepared[i].employment_status = normalized.record.employment_status;
        return absl::OkStatus();
      });
    }
  });
  BulkResult result;
  for (size_t i = 0; i < prepared.size(); ++i) {
    if (prepared[i].status.ok()) {
      ++result.accepted;
    } else if (absl::IsInvalidArgument(prepared[i].status)) {
      result.rejected.push_back({i, prepared[i].status});
    } else {
      return prepared[i].status;  // not the worker's fault: nothing is written
    }
  }
  if (result.accepted > 0) {
    CAKAP_RETURN_IF_ERROR(Write("upsert workers", [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
      for (size_t i = 0; i < prepared.size(); ++i) {
        Prepared& w = prepared[i];
        if (!w.status.ok()) continue;
        const LedgerState* ledger = facts_->Ledger(*fact_delta_, w.id);
        if (ledger != nullptr && ledger->Active()) {
          // Rare: the ledger overrides the status it was prepared with (see
          // StoreUpsertedWorker); normalised again here, under the lock.
          absl::StatusOr<NormalizedWorker> n = NormalizeWorker(workers[i], env_);
          if (n.ok() && StoreUpsertedWorker(workers[i], *n).ok()) continue;
        }
        ReplaceWorkerDocument(w.id, w.doc, std::move(w.facts));
      }
      return absl::OkStatus();
    }));
  }
  return result;
}

absl::Status Engine::Impl::DeleteWorker(absl::string_view id) {
  CAKAP_RETURN_IF_ERROR(ValidateId(id, "id"));
  return Write("delete worker", [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
    CAKAP_RETURN_IF_ERROR(DeleteByTerm(WorkerIdTerm(id), absl::StrCat("worker ", id)));
    // A deletion is in no posting list of the feed, but it moves the sequence, so a
    // watcher's cursor past it proves it saw the index after the deletion.
    batch_changes_workers_ = true;
    fact_delta_->workers[std::string(id)] = std::nullopt;  // its ledger stays
    return absl::OkStatus();
  });
}

namespace {

// The vacancy as stored: as given, with skills as codes and issuers de-duplicated, unknown
// fields dropped (never stored: see NormalizeWorker); an empty start date stays empty (it
// means "the day of the match"). InvalidArgument naming the field when it is invalid.
absl::StatusOr<v1::Vacancy> StoredVacancy(const v1::Vacancy& vacancy, const EngineEnv& env) {
  CAKAP_ASSIGN_OR_RETURN(ResolvedVacancy resolved, ResolveVacancy(vacancy, env, true));
  v1::Vacancy stored = vacancy;
  stored.DiscardUnknownFields();
  *stored.mutable_required_skills() = resolved.normalized.required_skills();
  *stored.mutable_preferred_skills() = resolved.normalized.preferred_skills();
  *stored.mutable_accepted_issuers() = resolved.normalized.accepted_issuers();
  return stored;
}

}  // namespace

absl::Status Engine::Impl::UpsertVacancy(const v1::Vacancy& vacancy) {
  CAKAP_ASSIGN_OR_RETURN(v1::Vacancy stored, StoredVacancy(vacancy, env_));
  return Write("upsert vacancy", [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
    StoreVacancy(stored);
    return absl::OkStatus();
  });
}

absl::StatusOr<BulkResult> Engine::Impl::UpsertVacancies(absl::Span<const v1::Vacancy> vacancies) {
  std::vector<absl::StatusOr<v1::Vacancy>> stored;
  stored.reserve(vacancies.size());
  BulkResult result;
  for (size_t i = 0; i < vacancies.size(); ++i) {
    stored.push_back(StoredVacancy(vacancies[i], env_));
    if (stored.back().ok()) {
      ++result.accepted;
    } else if (absl::IsInvalidArgument(stored.back().status())) {
      result.rejected.push_back({i, stored.back().status()});
    } else {
      return stored.back().status();  // not the vacancy's fault: nothing is written
    }
  }
  if (result.accepted > 0) {
    CAKAP_RETURN_IF_ERROR(Write("upsert vacancies", [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
      for (const absl::StatusOr<v1::Vacancy>& v : stored) {
        if (v.ok()) StoreVacancy(*v);
      }
      return absl::OkStatus();
    }));
  }
  return result;
}

absl::Status Engine::Impl::DeleteVacancy(absl::string_view id) {
  CAKAP_RETURN_IF_ERROR(ValidateId(id, "id"));
  return Write("delete vacancy", [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
    CAKAP_RETURN_IF_ERROR(DeleteByTerm(VacancyIdTerm(id), absl::StrCat("vacancy ", id)));
    fact_delta_->vacancies[std::string(id)] = std::nullopt;
    return absl::OkStatus();
  });
}

absl::StatusOr<EngineStats> Engine::Impl::Stats() {
  return CatchXapian("stats", [&]() -> absl::StatusOr<EngineStats> {
    ReaderPool::Lease lease = readers_.Acquire();
    Xapian::Database& db = lease.db();
    EngineStats stats;
    stats.workers = db.get_termfreq(schema::kKindWorker);
    stats.vacancies = db.get_termfreq(schema::kKindVacancy);
    stats.open_vacancies = db.get_termfreq(schema::kOpenVacancy);
    stats.revision = db.get_revision();
    stats.record_cache_bytes = lease.records().MemoryBytes();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(path_, ec)) {
      if (entry.is_regular_file(ec)) stats.size_bytes += entry.file_size(ec);
    }
    return stats;
  });
}

}  // namespace cakap
