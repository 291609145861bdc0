#include "docid_arena.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>
#include <stdexcept>

#include "record_cache.h"

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
template struct HugePageAllocator<HotRecord>;

void DocidArena::Reset(size_t docids) {
  slots_.assign(docids, 0);
  arena_.clear();
  garbage_ = 0;
}

void DocidArena::Put(Xapian::docid docid, absl::string_view bytes) {
  if (bytes.size() > kMaxEntry) throw std::length_error("docid arena entry too long");
  if (docid >= slots_.size()) {
    // Docids grow one by one: grow geometrically, not per document.
    slots_.resize(std::max<size_t>(docid + 1, slots_.size() * 3 / 2), 0);
  }
  garbage_ += slots_[docid] & kLengthMask;
  if (bytes.empty()) {
    slots_[docid] = 0;
    return;
  }
  if (arena_.size() + bytes.size() > arena_.capacity()) {
    arena_.reserve(std::max<size_t>(arena_.size() + bytes.size(), arena_.capacity() * 2));
  }
  slots_[docid] = (static_cast<uint64_t>(arena_.size()) << kLengthBits) | bytes.size();
  arena_.insert(arena_.end(), bytes.begin(), bytes.end());
}

void DocidArena::CompactIfWasteful() {
  if (garbage_ <= arena_.size() / 2) return;
  std::vector<char, HugePageAllocator<char>> arena;
  arena.reserve(arena_.size() - garbage_);
  for (uint64_t& slot : slots_) {
    if (slot == 0) continue;
    const uint64_t length = slot & kLengthMask;
    const char* bytes = arena_.data() + (slot >> kLengthBits);
    slot = (static_cast<uint64_t>(arena.size()) << kLengthBits) | length;
    arena.insert(arena.end(), bytes, bytes + length);
  }
  arena_.swap(arena);
  garbage_ = 0;
}

}  // namespace cakap
