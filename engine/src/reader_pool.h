// Read-only Xapian databases handed out one per thread at a time. Xapian objects have no
// locks and non-atomic reference counts (field notes), so a Database is never shared
// between threads; the pool keeps them open between matches because opening costs far
// more than reopen() (~4 us when nothing changed).
//
// The pool also orders reads and commits: a glass reader that sees two commits while it
// reads fails with DatabaseModifiedError, and under a steady stream of writes a long match
// could fail on every retry. So a lease holds the pool's gate shared, and the writer
// commits through Publish(), which holds it exclusively: a commit waits for the reads in
// flight (milliseconds), and a read never sees a commit happen under it.
#ifndef CAKAP_ENGINE_READER_POOL_H_
#define CAKAP_ENGINE_READER_POOL_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace cakap {

class ReaderPool {
 public:
  explicit ReaderPool(std::string path) : path_(std::move(path)) {}
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

   private:
    ReaderPool* pool_;
    std::unique_ptr<Xapian::Database> db_;
  };

  // Reopened at the latest commit, so it sees every acknowledged write; no commit happens
  // while the lease lives. Throws Xapian::Error (callers run inside CatchXapian). A thread
  // holds at most one lease at a time.
  Lease Acquire() ABSL_NO_THREAD_SAFETY_ANALYSIS;

  // Runs `commit` (which makes a write visible) while no lease is held.
  template <typename F>
  void Publish(F&& commit) {
    absl::WriterMutexLock lock(&gate_);
    commit();
  }

 private:
  void Release(std::unique_ptr<Xapian::Database> db) ABSL_NO_THREAD_SAFETY_ANALYSIS;

  const std::string path_;
  absl::Mutex gate_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Xapian::Database>> free_ ABSL_GUARDED_BY(mu_);
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_READER_POOL_H_
