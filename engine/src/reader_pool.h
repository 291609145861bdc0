// Read-only Xapian databases handed out one per thread at a time. Xapian objects have no
// locks and non-atomic reference counts (field notes), so a Database is never shared
// between threads; the pool keeps them open between matches because opening costs far
// more than reopen() (~4 us when nothing changed).
//
// The pool also orders reads and commits: no lease is held while the writer changes the
// database. Measured (tests/engine/concurrency_test.cc): glass readers of revision r fail
// with DatabaseModifiedError, and sometimes DatabaseCorruptError, while the writer builds
// and commits r+1, and under a steady stream of writes a match could fail on every retry.
// So a commit waits for the leases in flight and holds new ones back until it is
// published. Group commit (EngineOptions::commit_delay) bounds how often that happens.
//
// The pool owns the RecordCache, changed by each commit while no lease is held.
#ifndef CAKAP_ENGINE_READER_POOL_H_
#define CAKAP_ENGINE_READER_POOL_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "record_cache.h"

namespace cakap {

class ReaderPool {
 public:
  // Loads the record cache from the database at `path`, with a grid at `geo_levels` and
  // (`keep_stored`) the stored Workers; throws Xapian::Error.
  ReaderPool(std::string path, const std::vector<int>& geo_levels, bool keep_stored);
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;

  // A database for the holder's exclusive use, returned to the pool on destruction.
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<Xapian::Database> db)
        : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&& other) : pool_(other.pool_), db_(std::move(other.db_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (db_ != nullptr) pool_->Release(std::move(db_));
    }
    Xapian::Database& db() { return *db_; }
    // The records of db()'s revision.
    const RecordCache& records() const { return pool_->cache_; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Xapian::Database> db_;
  };

  // Reopened at the latest published commit, so it sees every acknowledged write; no
  // commit happens while the lease lives. Throws Xapian::Error (callers run inside
  // CatchXapian). A thread holds at most one lease at a time.
  Lease Acquire() ABSL_LOCKS_EXCLUDED(mu_);

  // Runs `build_and_commit(&updates)`, which changes the database, commits and lists
  // the record changes it made in `updates`, while no lease is held; then applies the
  // updates. Only the (single) writer calls this.
  template <typename F>
  void Publish(F&& build_and_commit) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    building_ = true;  // no new leases
    auto drained = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return leases_ == 0; };
    mu_.Await(absl::Condition(&drained));
    std::vector<RecordUpdate> updates;
    try {
      build_and_commit(&updates);
    } catch (...) {
      building_ = false;
      throw;
    }
    cache_.Apply(updates);
    building_ = false;
  }

 private:
  void Release(std::unique_ptr<Xapian::Database> db) ABSL_LOCKS_EXCLUDED(mu_);

  const std::string path_;
  absl::Mutex mu_;
  int64_t leases_ ABSL_GUARDED_BY(mu_) = 0;
  bool building_ ABSL_GUARDED_BY(mu_) = false;  // a commit is under way
  // Read by lease holders without the lock; changed only in Publish, with no lease held.
  RecordCache cache_;
  std::vector<std::unique_ptr<Xapian::Database>> free_ ABSL_GUARDED_BY(mu_);
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_READER_POOL_H_
