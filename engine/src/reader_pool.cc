#include "reader_pool.h"

namespace cakap {

ReaderPool::Lease ReaderPool::Acquire() {
  gate_.ReaderLock();  // released by Release(), or below when opening fails
  std::unique_ptr<Xapian::Database> db;
  {
    absl::MutexLock lock(&mu_);
    if (!free_.empty()) {
      db = std::move(free_.back());
      free_.pop_back();
    }
  }
  try {
    if (db == nullptr) {
      db = std::make_unique<Xapian::Database>(path_);
    } else {
      db->reopen();
    }
  } catch (...) {
    gate_.ReaderUnlock();
    throw;
  }
  return Lease(this, std::move(db));
}

void ReaderPool::Release(std::unique_ptr<Xapian::Database> db) {
  {
    absl::MutexLock lock(&mu_);
    free_.push_back(std::move(db));
  }
  gate_.ReaderUnlock();
}

}  // namespace cakap
