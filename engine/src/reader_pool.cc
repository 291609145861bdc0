#include "reader_pool.h"

#include <optional>

namespace cakap {

ReaderPool::ReaderPool(std::string path, const std::vector<int>& geo_levels,
                       bool keep_stored)
    : path_(std::move(path)) {
  auto db = std::make_unique<Xapian::Database>(path_);
  // Nothing writes while the engine opens (it holds the writer), so both handles see the
  // same revision.
  std::optional<Xapian::Database> stored_from;
  if (keep_stored) stored_from.emplace(path_);
  cache_.Load(*db, geo_levels, stored_from ? &*stored_from : nullptr);
  absl::MutexLock lock(&mu_);
  free_.push_back(std::move(db));
}

ReaderPool::Lease ReaderPool::Acquire() {
  absl::MutexLock lock(&mu_);
  auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return !publishing_; };
  mu_.Await(absl::Condition(&idle));
  if (free_.empty()) {
    // A new database opens the latest commit, which during a commit may not be published
    // yet: wait for it to be (rare: only when more threads read at once than ever before).
    auto settled = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return !committing_; };
    mu_.Await(absl::Condition(&settled));
    if (free_.empty()) free_.push_back(std::make_unique<Xapian::Database>(path_));
  }
  ++leases_;  // from here nothing is published until Release
  std::unique_ptr<Xapian::Database> db = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(db));
}

void ReaderPool::Release(std::unique_ptr<Xapian::Database> db) {
  absl::MutexLock lock(&mu_);
  --leases_;
  if (db != nullptr) free_.push_back(std::move(db));
}

void ReaderPool::ReopenFree() {
  for (auto it = free_.begin(); it != free_.end();) {
    try {
      (*it)->reopen();
      ++it;
    } catch (const Xapian::Error&) {
      it = free_.erase(it);  // the next Acquire opens a fresh one
    }
  }
}

}  // namespace cakap
