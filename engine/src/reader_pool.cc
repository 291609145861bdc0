#include "reader_pool.h"

namespace cakap {

ReaderPool::ReaderPool(std::string path, const std::vector<int>& geo_levels,
                       bool keep_stored)
    : path_(std::move(path)) {
  auto db = std::make_unique<Xapian::Database>(path_);
  cache_.Load(*db, geo_levels, keep_stored);
  absl::MutexLock lock(&mu_);
  free_.push_back(std::move(db));
}

ReaderPool::Lease ReaderPool::Acquire() {
  std::unique_ptr<Xapian::Database> db;
  {
    absl::MutexLock lock(&mu_);
    auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return !building_; };
    mu_.Await(absl::Condition(&idle));
    ++leases_;  // from here no commit starts until Release
    if (!free_.empty()) {
      db = std::move(free_.back());
      free_.pop_back();
    }
  }
  try {
    // A database whose open or reopen throws is dropped.
    if (db == nullptr) {
      db = std::make_unique<Xapian::Database>(path_);
    } else {
      db->reopen();
    }
  } catch (...) {
    Release(nullptr);
    throw;
  }
  return Lease(this, std::move(db));
}

void ReaderPool::Release(std::unique_ptr<Xapian::Database> db) {
  absl::MutexLock lock(&mu_);
  --leases_;
  if (db != nullptr) free_.push_back(std::move(db));
}

}  // namespace cakap
