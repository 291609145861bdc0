// Byte strings by docid, packed in one arena: the storage under RecordCache.
//
// After a bulk Put in docid order the bytes lie in docid order, so a match that walks
// ascending candidates walks the arena forwards, and Prefetch lets it ask for later
// entries while it works on this one. (One heap string per entry, the first version, cost
// two or three cache misses per candidate: measured at 1M workers, ~500 ns of the ~600 ns
// a national match spent per candidate.) A replaced entry is appended and its old bytes
// become garbage, reclaimed by rewriting the arena once garbage outweighs the live bytes.
//
// Not synchronised: the owner orders reads and Puts.
#ifndef CAKAP_ENGINE_DOCID_ARENA_H_
#define CAKAP_ENGINE_DOCID_ARENA_H_

#include <xapian.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "absl/strings/string_view.h"

namespace cakap {

// Starts loading the cache line at `p`. Not __builtin_prefetch: GCC 12 marks a function
// whose only effects are __builtin_prefetch calls as const and deletes the calls to it
// (seen in match.cc: not one prefetch instruction was left). An asm volatile stays.
inline void PrefetchLine(const void* p) {
#if defined(__x86_64__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
  __builtin_prefetch(p);
#endif
}

// Allocates large blocks on transparent huge pages: matches touch entries all over an
// arena, and with 4 KB pages most scattered candidates also missed the TLB. (madvise must
// come before the pages are first touched, so it cannot be applied to a vector's buffer
// after the fact.)
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n);
  void deallocate(T* p, size_t n) { std::free(p); }
  bool operator==(const HugePageAllocator&) const { return true; }
  bool operator!=(const HugePageAllocator&) const { return false; }
};

class DocidArena {
 public:
  // Longest entry: a slot keeps 24 bits of length.
  static constexpr size_t kMaxEntry = (size_t{1} << 24) - 1;

  // Empties the arena, with room in the slot table for docids below `docids`.
  void Reset(size_t docids);
  // The bytes of `docid`; empty when it has none. Valid until the next Put.
  absl::string_view Get(Xapian::docid docid) const {
    if (docid >= slots_.size()) return {};
    const uint64_t slot = slots_[docid];
    return absl::string_view(arena_.data() + (slot >> kLengthBits), slot & kLengthMask);
  }
  // Hints that Get(docid) comes soon: starts loading the first two lines of its bytes.
  void Prefetch(Xapian::docid docid) const {
    if (docid >= slots_.size() || slots_[docid] == 0) return;
    const char* p = arena_.data() + (slots_[docid] >> kLengthBits);
    PrefetchLine(p);  // two lines: most match records (~70 bytes) straddle a boundary
    PrefetchLine(p + 64);
  }
  // Hints that Prefetch(docid) comes soon (the slot table is itself too large to cache).
  void PrefetchSlot(Xapian::docid docid) const {
    if (docid < slots_.size()) PrefetchLine(&slots_[docid]);
  }
  // Sets the bytes of `docid` (empty: none), growing the slot table as needed. Throws
  // std::length_error beyond kMaxEntry.
  void Put(Xapian::docid docid, absl::string_view bytes);
  // Rewrites the arena in docid order when garbage outweighs the live bytes.
  void CompactIfWasteful();
  // Size of the slot table: one more than the highest docid it has room for.
  size_t docids() const { return slots_.size(); }
  // Bytes held, garbage included.
  size_t bytes() const { return arena_.size(); }
  // Memory allocated: the arena and the slot table, spare capacity included.
  size_t memory_bytes() const {
    return arena_.capacity() + slots_.capacity() * sizeof(uint64_t);
  }

 private:
  // A slot packs the entry's arena offset (high bits) and length (low kLengthBits);
  // 0 (offset 0, length 0) means no entry.
  static constexpr int kLengthBits = 24;
  static constexpr uint64_t kLengthMask = (uint64_t{1} << kLengthBits) - 1;

  std::vector<uint64_t, HugePageAllocator<uint64_t>> slots_;
  std::vector<char, HugePageAllocator<char>> arena_;
  uint64_t garbage_ = 0;  // bytes of arena_ no slot refers to
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_DOCID_ARENA_H_
