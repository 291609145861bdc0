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
// Beside the arena, a HotRecord per docid (point, region, 64-bit signatures of the skill
// and certificate terms) lets a match check the groups Xapian did not read
// (CandidateFilter, coarse_query.h) without touching the records.
//
// Not synchronised: ReaderPool guards it (lease holders read it; the writer changes it
// only while no lease is held).
#ifndef CAKAP_ENGINE_RECORD_CACHE_H_
#define CAKAP_ENGINE_RECORD_CACHE_H_

#include <xapian.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "cakap/lexicon.h"
#include "geo.h"
#include "record.h"

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

// What the candidate filter reads of one docid: 40 bytes beside the arena, so that a
// match can reject most coarse candidates without touching their records. The
// signatures hash each skill / certificate term to one of 64 bits: a test on them is a
// superset test (a set bit may belong to another term); Evaluate decides exactly.
struct HotRecord {
  float latitude = std::numeric_limits<float>::quiet_NaN();  // the domicile point
  float longitude = std::numeric_limits<float>::quiet_NaN();
  uint64_t region = 0;  // RegionKey of the domicile region; 0 without one
  uint64_t skills = 0;  // SkillBit of every skill in skills(w)
  uint64_t certs = 0;   // CertBit of every (issuer, covered skill) and (issuer, 0)
  bool malformed = false;  // an undecodable record: let it through, to be reported
};
uint64_t SkillBit(SkillId skill);
uint64_t CertBit(uint8_t issuer, SkillId skill);  // skill 0: any skill of that issuer
// The region code packed into 8 bytes (codes are at most 5 characters: "63.01"); its
// first two bytes are the province's key (docs/ranking.md: the province is the code's
// first two characters).
uint64_t RegionKey(absl::string_view code);

// Groups of a match checked against HotRecords instead of by Xapian terms. A worker
// failing the filter fails a hard constraint for sure; passing proves nothing.
struct CandidateFilter {
  std::optional<GeoBox> box;      // the radius: domicile point in the (widened) box
  uint64_t skills_all = 0;        // required skills: each bit set
  uint64_t certs_any = 0;         // the certificate group: some bit set (0: no group)
  std::vector<uint64_t> regions;  // the region group: region or province key among these

  bool empty() const { return !box && skills_all == 0 && certs_any == 0 && regions.empty(); }
  bool Accepts(const HotRecord& h) const {
    if (h.malformed) return true;
    if ((h.skills & skills_all) != skills_all) return false;
    if (certs_any != 0 && (h.certs & certs_any) == 0) return false;
    if (box && !box->Contains(h.latitude, h.longitude)) return false;
    if (regions.empty()) return true;
    for (uint64_t key : regions) {
      if (key == h.region || key == (h.region & 0xffff)) return true;
    }
    return false;
  }
};

class RecordCache {
 public:
  // Replaces the contents with the records of every document of `db` that has one, and
  // files each under its cell at every one of `geo_levels` (the grid).
  void Load(const Xapian::Database& db, const std::vector<int>& geo_levels);
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
  // Points are kept as floats, so a filter's box needs a margin of kPointMarginDeg over
  // the exact one.
  static constexpr double kPointMarginDeg = 1e-4;  // float rounding is < 1e-5 deg
  // Keeps the docids of `ids` whose HotRecord `filter` accepts, in order.
  void Filter(const CandidateFilter& filter, std::vector<Xapian::docid>* ids) const;
  // Keeps the docids of `ids` whose HotRecord at most one of `groups` rejects, with
  // `extra_failure(docid)` counted as one more rejection; in order.
  void FilterAtMostOneFailure(const std::vector<CandidateFilter>& groups,
                              absl::FunctionRef<bool(Xapian::docid)> extra_failure,
                              std::vector<Xapian::docid>* ids) const;
  // The docids whose domicile point lies in the cell with key `cell_key` (GeoCell::Key,
  // at one of the geo levels), ascending; null when there are none. A radius match reads
  // its cover from here, ~1 ns per docid (cell terms read through Xapian cost 13.6 ns
  // per posting, and 18% of the index's postings; schema.h).
  const std::vector<Xapian::docid>* Cell(uint64_t cell_key) const {
    auto it = grid_.find(cell_key);
    return it == grid_.end() ? nullptr : &it->second;
  }
  void Apply(std::vector<RecordUpdate>& updates);

 private:
  // A slot packs the record's arena offset (high bits) and length (low kLengthBits).
  static constexpr int kLengthBits = 24;
  static constexpr uint64_t kLengthMask = (uint64_t{1} << kLengthBits) - 1;

  void Put(Xapian::docid docid, absl::string_view record);
  // Rewrites the arena in docid order without garbage.
  void Compact();
  // Moves `docid` in the grid from the cells of `from` to those of `to` (either absent).
  void MoveInGrid(Xapian::docid docid, absl::string_view from, absl::string_view to);

  // By docid; 0 (offset 0, length 0) means no record.
  std::vector<uint64_t, HugePageAllocator<uint64_t>> slots_;
  std::vector<char, HugePageAllocator<char>> arena_;
  // By docid; default (NaN point, no bits) without a record.
  std::vector<HotRecord, HugePageAllocator<HotRecord>> hot_;
  uint64_t garbage_ = 0;  // bytes of arena_ no slot refers to
  MatchRecord scratch_;   // Put's decoding buffers
  std::vector<int> geo_levels_;
  // GeoCell::Key -> docids in the cell, ascending, for every geo level.
  absl::flat_hash_map<uint64_t, std::vector<Xapian::docid>> grid_;
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_RECORD_CACHE_H_
