// cakap: a search engine that matches certified workers to vacancies.
//
// An Engine is an index of workers (and stored vacancies) in a local directory. Writes
// are committed before they return; matches see every acknowledged write.
//
//   cakap::EngineOptions options;
//   absl::StatusOr<std::unique_ptr<cakap::Engine>> engine =
//       cakap::Engine::Open(options, "/var/lib/cakap");
//   if (!engine.ok()) { ...engine.status()... }
//
//   cakap::v1::Worker w;                         // see proto/cakap/v1/worker.proto
//   w.set_id("w-1");
//   w.mutable_domicile()->set_region_code("63.11");   // Balangan
//   w.add_skills("juru las");
//   absl::Status s = (*engine)->UpsertWorker(w);      // InvalidArgument names the field
//
//   cakap::v1::Vacancy v;
//   v.add_required_skills("LAS");
//   v.add_accepted_issuers(cakap::v1::ISSUER_BNSP);
//   v.mutable_location()->set_region_code("63.11");
//   v.set_radius_km(50);
//   absl::StatusOr<cakap::v1::MatchResult> r = (*engine)->Match(v, {});
//
// Thread safety: every method may be called from many threads at once. Matches run in
// parallel; writes are serialised. The Engine is neither copyable nor movable (it owns
// the database lock).
//
// Errors: InvalidArgument (bad input; the message names the field, nothing is changed),
// NotFound, FailedPrecondition (the directory holds no cakap index or another process
// holds the write lock), DataLoss (corrupt database, or part of one), ResourceExhausted
// (the disk is full: nothing of the write is stored, and writes resume once space is
// freed), Internal (anything else from Xapian).
#ifndef CAKAP_ENGINE_H_
#define CAKAP_ENGINE_H_

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "cakap/allocate.h"
#include "cakap/lexicon.h"
#include "cakap/limits.h"
#include "cakap/options.h"
#include "cakap/regions.h"
#include "cakap/v1/allocation.pb.h"
#include "cakap/v1/figures.pb.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/match.pb.h"
#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"

namespace cakap {

// A coordinate in degrees rounded to 2 decimals (~1 km): the precision of the worker
// locations partners are shown, and the point MatchOptions.coarse_locations measures from.
inline double CoarseDegrees(double degrees) { return std::round(degrees * 100.0) / 100.0; }

// Whether `name` can be a Vacancy.owner, and so a cakapd key's name: 1 to
// kMaxOwnerNameBytes characters of [A-Za-z0-9._-].
bool IsValidOwnerName(absl::string_view name);

// Outcome of a bulk upsert: which records were rejected and why.
struct BulkResult {
  struct Rejection {
    size_t index;          // position in the input
    absl::Status status;   // InvalidArgument naming the field
  };
  int64_t accepted = 0;
  std::vector<Rejection> rejected;
};

struct EngineStats {
  int64_t workers = 0;
  int64_t vacancies = 0;
  int64_t open_vacancies = 0;
  uint64_t revision = 0;       // the index revision, +1 per committed write
  uint64_t size_bytes = 0;     // size of the database files on disk
  // Memory held by the record cache (match records, stored workers, posting lists by
  // skill and cell), the bulk of the engine's resident memory.
  uint64_t record_cache_bytes = 0;
};

// What a full check found (Engine::Check, Engine::CheckDirectory).
struct CheckReport {
  // One line per problem, naming the record ("worker w-17: stored record fails its
  // checksum") or the table; empty when the index is sound.
  std::vector<std::string> problems;
};

// Who writes a ledger entry (Engine::RecordLedgerEntry).
struct LedgerWriteOptions {
  // Stored as LedgerEntry.source: a cakapd key name, or "portal".
  std::string source = "portal";
  // Non-empty: the caller is this partner. A placement must name a vacancy whose owner
  // it is, and corrections and outcomes may only follow placements it recorded;
  // PermissionDenied otherwise.
  std::string partner;
};

// How figures are reported (Engine::Figures).
struct FiguresOptions {
  // > 0: every count from 1 to min_cell_size - 1 is reported as 0, suppressed (a
  // partner's reply; docs/design.md).
  int min_cell_size = 0;
};

// What Engine::ListVacancies lists (ListVacanciesRequest in service.proto).
struct VacancyListOptions {
  // Only the vacancies open today, the set reverse matching and Allocate's
  // open_vacancies use: stored open (Vacancy.open; the engine stores a vacancy closed
  // once its filled count reaches max(openings, 1)) and valid_until empty or not before
  // the engine's today. False: every stored vacancy.
  bool open_only = false;
  // Non-empty: only the vacancies whose Vacancy.owner is this name (IsValidOwnerName,
  // else InvalidArgument "owner: ..."). Empty: whatever the owner.
  std::string owner;
  // 0: kDefaultVacancyListPageSize; else 1 to kMaxVacancyListPageSize (InvalidArgument
  // "page_size: ..." outside).
  int page_size = 0;
  // Empty: from the first id. Else a VacancyPage::next_page_token: resume after the id it
  // holds (InvalidArgument "page_token: ..." when malformed).
  std::string page_token;
};

// A page of Engine::ListVacancies.
struct VacancyPage {
  // As stored, in ascending (bytewise) id order.
  std::vector<v1::Vacancy> vacancies;
  // Resume after this page's last vacancy; empty: no vacancy after it passes the filters.
  std::string next_page_token;
};

// A backup made by Engine::Backup.
struct BackupInfo {
  uint64_t revision = 0;    // the committed revision copied
  uint64_t size_bytes = 0;  // size of the copied files
};

// A position in the change feed (Engine::MatchChanges): just after the write of worker
// `id` in the commit of change sequence `seq`; with an empty id, after every write of
// `seq`. {0, ""} is before everything.
struct ChangeCursor {
  uint64_t seq = 0;
  std::string id;
  bool operator==(const ChangeCursor& o) const { return seq == o.seq && id == o.id; }
};
// The cursor as an opaque token: 16 lowercase hex digits of `seq`, then, with an id, "."
// and its unpadded base64url. One token per cursor (DecodeChangeCursor accepts only
// what EncodeChangeCursor makes).
std::string EncodeChangeCursor(const ChangeCursor& cursor);
// InvalidArgument "cursor: ..." for anything EncodeChangeCursor does not make.
absl::StatusOr<ChangeCursor> DecodeChangeCursor(absl::string_view token);

// One write of a worker that left it a candidate of the vacancy (Engine::MatchChanges).
struct WorkerChange {
  uint64_t seq = 0;          // the change sequence of the commit that wrote it
  v1::Candidate candidate;   // as Match would return it now (score, explanation)
  ChangeCursor cursor;       // just after this write: resume here once it is handled
};
struct ChangeBatch {
  std::vector<WorkerChange> changes;  // in (seq, worker id) order
  // Resume here: after every write this call examined, candidates or not.
  ChangeCursor next;
  uint64_t sequence = 0;  // the index's last change sequence at the read
};

class Engine {
 public:
  // Opens the index in directory `path`, or, with options.create_if_missing, creates one
  // when `path` is missing or an empty directory. Anything else is never written to: a
  // directory holding part of a Xapian index is DataLoss, one holding other files
  // FailedPrecondition, both naming the path and what is wrong; without
  // create_if_missing a missing or empty directory is NotFound.
  static absl::StatusOr<std::unique_ptr<Engine>> Open(const EngineOptions& options,
                                                      const std::string& path);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Inserts the worker, or replaces the one with the same id. Committed on return.
  absl::Status UpsertWorker(const v1::Worker& worker);
  // Validates every record; writes the valid ones in one atomic commit and reports the
  // rejected ones by index. A non-OK status means nothing was written.
  absl::StatusOr<BulkResult> UpsertWorkers(absl::Span<const v1::Worker> workers);
  // NotFound when no worker has this id.
  absl::Status DeleteWorker(absl::string_view id);
  // The worker as stored: skills and dates normalised (see worker.proto).
  absl::StatusOr<v1::Worker> GetWorker(absl::string_view id) const;

  // Stores a vacancy (id required) for reverse matching.
  absl::Status UpsertVacancy(const v1::Vacancy& vacancy);
  // As UpsertWorkers, for vacancies: the valid ones in one commit, the invalid ones
  // reported by index; a non-OK status means nothing was written.
  absl::StatusOr<BulkResult> UpsertVacancies(absl::Span<const v1::Vacancy> vacancies);
  absl::Status DeleteVacancy(absl::string_view id);
  absl::StatusOr<v1::Vacancy> GetVacancy(absl::string_view id) const;
  // The stored vacancies in ascending id order, a page at a time, filtered by `options`
  // (open_only, owner). Pages resume after the last id of the previous one, so they are
  // stable under concurrent writes: a vacancy stored throughout is listed exactly once,
  // one written between pages appears when its id is after the cursor, and one deleted
  // meanwhile is simply absent. A stored record that fails its checksum or does not
  // parse is skipped, as reverse matching skips it (Check reports it). InvalidArgument
  // naming the field (page_size, owner, page_token).
  absl::StatusOr<VacancyPage> ListVacancies(const VacancyListOptions& options) const;

  // Workers that satisfy every hard constraint of `vacancy`, ranked (docs/ranking.md).
  absl::StatusOr<v1::MatchResult> Match(const v1::Vacancy& vacancy,
                                        const v1::MatchOptions& options) const;
  // Open stored vacancies that the stored worker `worker_id` satisfies, best first; at
  // most `limit` (1-1000) of them.
  // `exclude_welfare` and `coarse_locations` as in MatchOptions.
  absl::StatusOr<v1::VacancyMatchResult> MatchVacancies(absl::string_view worker_id,
                                                        int limit,
                                                        bool exclude_welfare = false,
                                                        bool coarse_locations = false) const;

  // Batch allocation (docs/ranking.md, "Batch allocation"; allocation.proto): proposes
  // the request's workers for its stored vacancies, every pair a candidate of Match,
  // maximising the total score within the places and local quotas (a min-cost flow,
  // exact), with the greedy baseline's figures beside it. InvalidArgument names the
  // request field; NotFound a vacancy; DeadlineExceeded once `deadline` has passed.
  // Limits: cakap/allocate.h; `timings`, when given, says where the time went.
  absl::StatusOr<v1::AllocationResult> Allocate(const v1::AllocateRequest& request,
                                                absl::Time deadline = absl::InfiniteFuture(),
                                                AllocationTimings* timings = nullptr) const;
  // The change feed (docs/design.md, "Alerts"). Every commit that writes or deletes a
  // worker gets the next change sequence number (durable, in the same transaction); each
  // stored worker carries the sequence of its latest write. This returns the workers
  // written after `after`, each once at its latest write, in (seq, id) order, that are
  // candidates of `vacancy` now (every hard constraint, as Match decides it; options:
  // exclude_welfare, coarse_locations and scope_region_codes as in Match, the rest
  // unused), at most `limit` (1-1000) of them and at most 10,000 writes examined per
  // call. Deleted workers are gone from the feed; a worker written twice since `after`
  // is one change, its latest write. InvalidArgument naming the field ("limit",
  // "cursor", "vacancy.*" as in Match); FailedPrecondition when `after` is past the
  // index's last sequence (a cursor of another index, or of a restored older backup).
  absl::StatusOr<ChangeBatch> MatchChanges(const v1::Vacancy& vacancy,
                                           const v1::MatchOptions& options,
                                           const ChangeCursor& after, int limit) const;
  // The last change sequence committed and visible to reads (0: none yet).
  uint64_t ChangeSequence() const;
  // Waits until ChangeSequence() > `after` or `deadline`, whichever comes first, and
  // returns ChangeSequence(). Woken by the commit itself, after it is visible to reads.
  uint64_t WaitForChange(uint64_t after, absl::Time deadline) const;

  absl::StatusOr<EngineStats> Stats() const;

  // The placements and outcomes ledger (proto/cakap/v1/ledger.proto). Appends `entry`
  // (a placement or an outcome for a stored worker) to the worker's history, with what
  // it implies committed atomically with it: a placement makes the worker employed
  // (self-employed for an own business) and counts against its vacancy's openings,
  // closing the vacancy when they are all filled; a LEFT outcome or a withdrawal makes
  // the worker seeking again unless another placement is active. Returns the entry as
  // stored (seq, recorded_at, source set). InvalidArgument naming the field, NotFound
  // for a missing worker or vacancy, PermissionDenied (options.partner),
  // FailedPrecondition when the vacancy's openings are all filled.
  absl::StatusOr<v1::LedgerEntry> RecordLedgerEntry(const v1::LedgerEntry& entry,
                                                    const LedgerWriteOptions& options);
  // Many entries in one commit (bulk import), applied in order, each seeing the ones
  // before it: one result per entry. A non-OK status means nothing was written.
  absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> RecordLedgerEntries(
      absl::Span<const v1::LedgerEntry> entries, const LedgerWriteOptions& options);
  // Every entry of the worker's history, by seq (kept after the worker is deleted).
  absl::StatusOr<std::vector<v1::LedgerEntry>> GetHistory(absl::string_view worker_id) const;
  // The office's figures for a slice (proto/cakap/v1/figures.proto), exact, from the
  // in-memory fact table. InvalidArgument naming the field.
  absl::StatusOr<v1::GetFiguresResponse> Figures(const v1::GetFiguresRequest& request,
                                                 const FiguresOptions& options) const;

  // Whether writes work: OK until a commit fails for a reason other than the input (a
  // full disk: ResourceExhausted naming the index directory; an I/O error), then that
  // error until a commit succeeds again. EngineOptions::on_write_health hears each flip.
  absl::Status WriteHealth() const;
  // Commits a write that changes no record, to find out whether writes work again
  // (cakapd calls it while WriteHealth is not OK). Its status, as any write's.
  absl::Status ProbeWrite();
  // Corruption and backup (docs/design.md). Every stored record carries checksums and
  // is verified when read: a damaged one is DataLoss naming it, and matches skip it.
  //
  // The full check: Xapian's own check of every table, every document against its
  // checksums and id terms, and the in-memory record cache against the index. Writes
  // wait while it runs (it reads the whole index). Problems are in the report; an error
  // only when the check could not run.
  absl::StatusOr<CheckReport> Check() const;
  // The same check of the index in `path`, without opening an engine on it (nothing is
  // written there).
  static absl::StatusOr<CheckReport> CheckDirectory(const std::string& path);
  // Copies the last committed revision into `dir` (created; missing or empty: else
  // FailedPrecondition) while the engine goes on serving and writing, fsyncs it, then
  // checks the copy in full. Writes wait only for a moment, unless commits outrun the
  // copy twice running (then the last attempt copies under the write lock).
  absl::StatusOr<BackupInfo> Backup(const std::string& dir) const;
  // Installs the backup in `backup` as the index in `dir` (missing or empty, else
  // FailedPrecondition), after checking it in full (DataLoss naming the first problem;
  // nothing is written). No engine may be open on `dir`.
  static absl::Status Restore(const std::string& backup, const std::string& dir);

  const Lexicon& lexicon() const;
  const Regions& regions() const;

  class Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_H_
