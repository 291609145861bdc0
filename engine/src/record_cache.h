// An in-memory copy of every worker's MatchRecord (value slot schema::kSlotMatchRecord),
// indexed by docid. Matching decides each coarse candidate from its record; reading it
// through Xapian costs a pread of a whole 8 KB block per scattered candidate (measured:
// most of a broad match's time), reading it from here costs a memory access.
//
// The encoded records live in one arena, in docid order after Load: candidates arrive in
// docid order, so a match walks the arena forwards, and Prefetch lets it ask for the next
// records while it evaluates this one. One heap string per record (the first version)
// cost two or three cache misses per candidate (measured at 1M workers: ~500 ns of the
// ~600 ns a national match spent per candidate). A replaced record is appended and its
// old bytes become garbage, reclaimed by rewriting the arena once garbage outweighs the
// live records.
//
// Not synchronised: ReaderPool guards it (lease holders read it; the writer changes it
// only while no lease is held).
#ifndef CAKAP_ENGINE_RECORD_CACHE_H_
#define CAKAP_ENGINE_RECORD_CACHE_H_

#include <xapian.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "geo.h"

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

// Allocates large blocks on transparent huge pages: matches touch records all over the
// cache, and with 4 KB pages most scattered candidates also missed the TLB. (madvise must
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

// One change to the cache made by a commit: the record of `docid`, or its removal (empty).
struct RecordUpdate {
  Xapian::docid docid;
  std::string record;
};

class RecordCache {
 public:
  // Replaces the contents with the records of every document of `db` that has one.
  void Load(const Xapian::Database& db);
  // The encoded record of `docid`; empty when the document has none (or does not exist).
  // Valid until the next Load or Apply.
  absl::string_view Get(Xapian::docid docid) const {
    if (docid >= slots_.size()) return {};
    const uint64_t slot = slots_[docid];
    return absl::string_view(arena_.data() + (slot >> kLengthBits), slot & kLengthMask);
  }
  // Hints that Get(docid) comes soon: starts loading its bytes into the CPU cache.
  void Prefetch(Xapian::docid docid) const {
    if (docid >= slots_.size() || slots_[docid] == 0) return;
    const char* p = arena_.data() + (slots_[docid] >> kLengthBits);
    PrefetchLine(p);  // two lines: most records (~70 bytes) straddle a line boundary
    PrefetchLine(p + 64);
  }
  // Hints that Prefetch(docid) comes soon (the slot table is itself too large to cache).
  void PrefetchSlot(Xapian::docid docid) const {
    if (docid < slots_.size()) PrefetchLine(&slots_[docid]);
  }
  // Whether the domicile point of `docid`'s record lies in `box` (false without one).
  // Points are kept as floats beside the arena (8 bytes per docid, read in docid order),
  // so `box` needs a margin of kPointMarginDeg over the exact one.
  static constexpr double kPointMarginDeg = 1e-4;  // float rounding is < 1e-5 deg
  bool InBox(Xapian::docid docid, const GeoBox& box) const {
    return docid < slots_.size() && box.Contains(points_[2 * docid], points_[2 * docid + 1]);
  }
  void Apply(std::vector<RecordUpdate>& updates);

 private:
  // A slot packs the record's arena offset (high bits) and length (low kLengthBits).
  static constexpr int kLengthBits = 24;
  static constexpr uint64_t kLengthMask = (uint64_t{1} << kLengthBits) - 1;

  void Put(Xapian::docid docid, absl::string_view record);
  // Rewrites the arena in docid order without garbage.
  void Compact();

  // By docid; 0 (offset 0, length 0) means no record.
  std::vector<uint64_t, HugePageAllocator<uint64_t>> slots_;
  std::vector<char, HugePageAllocator<char>> arena_;
  // Latitude and longitude of each docid's record; NaN without one.
  std::vector<float, HugePageAllocator<float>> points_;
  uint64_t garbage_ = 0;  // bytes of arena_ no slot refers to
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_RECORD_CACHE_H_
