#include "record_cache.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <new>
#include <stdexcept>

#include "record.h"
#include "schema.h"

namespace cakap {
template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  constexpr size_t kHuge = size_t{2} << 20;
  const size_t bytes = n * sizeof(T);
  if (bytes < kHuge) {
    void* p = std::malloc(bytes);
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  const size_t rounded = (bytes + kHuge - 1) & ~(kHuge - 1);
  void* p = std::aligned_alloc(kHuge, rounded);
  if (p == nullptr) throw std::bad_alloc();
  madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure leaves 4 KB pages
  return static_cast<T*>(p);
}
template struct HugePageAllocator<char>;
template struct HugePageAllocator<uint64_t>;
template struct HugePageAllocator<float>;

namespace {
constexpr float kNoPoint = std::numeric_limits<float>::quiet_NaN();
}  // namespace

void RecordCache::Load(const Xapian::Database& db) {
  slots_.assign(static_cast<size_t>(db.get_lastdocid()) + 1, 0);
  points_.assign(2 * slots_.size(), kNoPoint);
  arena_.clear();
  garbage_ = 0;
  for (auto it = db.valuestream_begin(schema::kSlotMatchRecord);
       it != db.valuestream_end(schema::kSlotMatchRecord); ++it) {
    Put(it.get_docid(), *it);
  }
}

void RecordCache::Put(Xapian::docid docid, absl::string_view record) {
  // Validation bounds a record to a few KB (normalize.cc), far below the slot's limit.
  if (record.size() > kLengthMask) throw std::length_error("match record too long");
  if (docid >= slots_.size()) {
    // Docids grow one by one: grow geometrically, not per document.
    slots_.resize(std::max<size_t>(docid + 1, slots_.size() * 3 / 2), 0);
    points_.resize(2 * slots_.size(), kNoPoint);
  }
  garbage_ += slots_[docid] & kLengthMask;
  double lat, lon;
  if (record.empty() || !RecordPoint(record, &lat, &lon)) {
    // A malformed record stays (matching reports it as data loss) but has no point.
    lat = lon = kNoPoint;
  }
  points_[2 * docid] = static_cast<float>(lat);
  points_[2 * docid + 1] = static_cast<float>(lon);
  if (record.empty()) {
    slots_[docid] = 0;
    return;
  }
  if (arena_.size() + record.size() > arena_.capacity()) {
    arena_.reserve(std::max<size_t>(arena_.size() + record.size(), arena_.capacity() * 2));
  }
  slots_[docid] = (static_cast<uint64_t>(arena_.size()) << kLengthBits) | record.size();
  arena_.insert(arena_.end(), record.begin(), record.end());
}

void RecordCache::Apply(std::vector<RecordUpdate>& updates) {
  for (const RecordUpdate& u : updates) Put(u.docid, u.record);
  if (garbage_ > arena_.size() / 2) Compact();
}

void RecordCache::Compact() {
  RecordCache fresh;
  fresh.slots_.assign(slots_.size(), 0);
  fresh.points_.assign(points_.size(), kNoPoint);
  fresh.arena_.reserve(arena_.size() - garbage_);
  for (Xapian::docid d = 0; d < slots_.size(); ++d) fresh.Put(d, Get(d));
  *this = std::move(fresh);
}

}  // namespace cakap
