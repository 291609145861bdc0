// Read-only Xapian databases handed out one per thread at a time. Xapian objects have no
// locks and non-atomic reference counts (field notes), so a Database is never shared
// between threads; the pool keeps them open between matches because opening costs far
// more than reopen().
//
// The pool also orders reads and commits. Every pooled database is at the published
// revision r, the one the record cache describes. Glass keeps revision r intact while the
// writer builds and commits r+1 (blocks it frees are reused only from r+2 on), so leases
// go on reading r during a commit, fsync included; only publishing r+1 (applying it to
// the cache and reopening the pooled databases) waits for the leases in flight and holds
// new ones back, for microseconds. A reader two revisions behind does fail
// (DatabaseModifiedError), which publishing rules out. Both were measured: readers at r
// never failed across ~18k commits of r+1 (1 to 5,000 documents each), and failed at once
// when allowed to lag two revisions (tests/engine/reader_pool_test.cc keeps the first).
//
// The pool owns the RecordCache, changed only while publishing.
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

  // A database at the published revision, so it sees every acknowledged write; no
  // publish happens while the lease lives. Throws Xapian::Error (callers run inside
  // CatchXapian). A thread holds at most one lease at a time.
  Lease Acquire() ABSL_LOCKS_EXCLUDED(mu_);

  // Runs `build_and_commit(&updates)`, which changes the database, commits and lists
  // the record changes it made in `updates`, while leases go on reading the published
  // revision; then publishes the commit: waits for the leases in flight, applies the
  // updates to the cache and reopens the pooled databases. Only the (single) writer
  // calls this. If `build_and_commit` throws, nothing is published.
  template <typename F>
  void Publish(F&& build_and_commit) ABSL_LOCKS_EXCLUDED(mu_) {
    {
      absl::MutexLock lock(&mu_);
      committing_ = true;  // a database opened now could see the unpublished revision
    }
    std::vector<RecordUpdate> updates;
    try {
      build_and_commit(&updates);
    } catch (...) {
      absl::MutexLock lock(&mu_);
      committing_ = false;
      throw;
    }
    absl::MutexLock lock(&mu_);
    publishing_ = true;  // no new leases
    auto drained = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return leases_ == 0; };
    mu_.Await(absl::Condition(&drained));
    try {
      cache_.Apply(updates);
    } catch (...) {
      committing_ = publishing_ = false;
      throw;
    }
    ReopenFree();
    committing_ = publishing_ = false;
  }

 private:
  void Release(std::unique_ptr<Xapian::Database> db) ABSL_LOCKS_EXCLUDED(mu_);
  // Reopens every pooled database at the latest commit; drops one whose reopen throws.
  void ReopenFree() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const std::string path_;
  absl::Mutex mu_;
  int64_t leases_ ABSL_GUARDED_BY(mu_) = 0;
  bool committing_ ABSL_GUARDED_BY(mu_) = false;  // from building a commit to publishing it
  bool publishing_ ABSL_GUARDED_BY(mu_) = false;  // draining leases, then publishing
  // Read by lease holders without the lock; changed only while publishing, no lease held.
  RecordCache cache_;
  // Each at the published revision.
  std::vector<std::unique_ptr<Xapian::Database>> free_ ABSL_GUARDED_BY(mu_);
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_READER_POOL_H_
