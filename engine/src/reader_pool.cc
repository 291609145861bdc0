#include "reader_pool.h"

namespace cakap {

ReaderPool::Lease ReaderPool::Acquire() {
  std::unique_ptr<Xapian::Database> db;
  {
    absl::MutexLock lock(&mu_);
    if (!free_.empty()) {
      db = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (db == nullptr) {
    db = std::make_unique<Xapian::Database>(path_);
  } else {
    db->reopen();
  }
  return Lease(this, std::move(db));
}

void ReaderPool::Release(std::unique_ptr<Xapian::Database> db) {
  absl::MutexLock lock(&mu_);
  free_.push_back(std::move(db));
}

}  // namespace cakap
