// An in-memory copy of every worker's MatchRecord (value slot schema::kSlotMatchRecord),
// indexed by docid, and optionally of its stored Worker (the document data). Matching
// decides each coarse candidate from its record; reading it through Xapian costs a pread
// of a whole 8 KB block per scattered candidate (measured: most of a broad match's time),
// reading it from here costs a memory access. Likewise a page of results: each stored
// Worker read through Xapian cost ~5 us (a block read and zlib), half of a local match
// at 1M workers.
//
// Both live in DocidArenas (docid_arena.h), in docid order after Load. Beside them, a
// HotRecord per docid (point, region, 64-bit signatures of the skill and certificate
// terms) lets a match check the groups Xapian did not read (CandidateFilter,
// coarse_query.h) without touching the records, and a grid files every docid under its
// cell at each geo level.
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
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "cakap/lexicon.h"
#include "docid_arena.h"
#include "geo.h"
#include "record.h"

namespace cakap {

// One change to the cache made by a commit: the record and stored Worker of `docid`, or
// their removal (both empty).
struct RecordUpdate {
  Xapian::docid docid;
  std::string record;
  std::string stored;
};

// What the candidate filter reads of one docid: 40 bytes beside the arena, so that a
// match can reject most coarse candidates without touching their records. The
// signatures hash each skill / certificate term to one of 64 bits: a test on them is a
// superset test (a set bit may belong to another term); Evaluate decides exactly. The
// availability fields are exact copies, and with the welfare decile and the best
// certificate level they bound a worker's score (ScoreBound, evaluate.h).
struct HotRecord {
  HotRecord()
      : employment_status(0), malformed(0), willing_to_relocate(0), welfare_decile(0),
        best_level(0) {}
  float latitude = std::numeric_limits<float>::quiet_NaN();  // the domicile point
  float longitude = std::numeric_limits<float>::quiet_NaN();
  uint64_t region = 0;  // RegionKey of the domicile region; 0 without one
  uint64_t skills = 0;  // SkillBit of every skill in skills(w)
  uint64_t certs = 0;   // CertBit of every (issuer, covered skill) and (issuer, 0)
  uint16_t travel_km = 0;  // MatchRecord's, rounded up to whole km (<= 5000); 0: not given
  uint8_t employment_status : 4;    // as MatchRecord (values 0-3)
  uint8_t malformed : 1;            // an undecodable record: let it through, to be reported
  uint8_t willing_to_relocate : 1;  // as MatchRecord
  uint8_t welfare_decile : 4;       // as MatchRecord (0-10)
  uint8_t best_level : 4;  // highest KKNI level of a certificate covering a skill (0-9)
  Day available_from = kNoDay;  // as MatchRecord
};
static_assert(sizeof(HotRecord) == 40, "two hot records per 80 bytes; keep it small");
uint64_t SkillBit(SkillId skill);
uint64_t CertBit(uint8_t issuer, SkillId skill);  // skill 0: any skill of that issuer
// The region code packed into 8 bytes (codes are at most 5 characters: "63.01"); its
// first two bytes are the province's key (docs/ranking.md: the province is the code's
// first two characters).
uint64_t RegionKey(absl::string_view code);

// Keys of the record cache's posting lists (RecordCache::List). Each list holds, ascending,
// the docids whose record has one property, the same as the Xapian term of that meaning
// would (document.cc), and can be narrowed to the workers with one skill. The top 4 bits
// say the kind.
namespace list_key {
// Workers whose domicile point lies in the cell, at one of the grid levels (the cell's
// 44-bit GeoCell::Key).
inline uint64_t Cell(const GeoCell& cell) { return cell.Key(); }
// Workers with the skill in skills(w), parents and certificate skills included.
inline uint64_t Skill(SkillId skill) { return (uint64_t{1} << 60) | skill; }
// Workers with a certificate of the issuer covering the skill; skill 0: covering any.
inline uint64_t Cert(uint8_t issuer, SkillId skill) {
  return (uint64_t{2} << 60) | (uint64_t{issuer} << 16) | skill;
}
// Workers domiciled in the kabupaten/kota, or in the province (a 2-character code).
uint64_t Region(absl::string_view code);
// A Cell or Region list narrowed to the workers with `skill` (0: not narrowed).
uint64_t WithSkill(uint64_t cell_or_region, SkillId skill);
}  // namespace list_key

// A vacancy's distance constraints (radius and the worker's travel radius) as they apply
// to hot points, which are floats: a worker is rejected only when farther than a limit
// by more than margin_km (evaluate.h: CheckHotDistance).
struct HotDistance {
  double latitude = 0, longitude = 0;  // the vacancy's point
  double radius_km = 0;                // 0: no radius
  double default_travel_km = 0;        // for workers who gave no travel radius
  double margin_km = 0;                // how far a hot point may be from Evaluate's
};

// Groups of a match checked against HotRecords instead of by Xapian terms. A worker
// failing the filter fails a hard constraint for sure; passing proves nothing.
struct CandidateFilter {
  std::optional<GeoBox> box;      // the radius: domicile point in the (widened) box
  uint64_t skills_all = 0;        // required skills: each bit set
  uint64_t certs_any = 0;         // the certificate group: some bit set (0: no group)
  std::vector<uint64_t> regions;  // the region group: region or province key among these
  // MatchOptions.scope_region_codes, the same test as `regions`: not a constraint, but
  // whether the worker exists for the match at all (coarse_query.h).
  std::vector<uint64_t> scope;
  // Constraints no group reads from lists, decided on the hot record where it can.
  std::optional<HotDistance> distance;  // the vacancy has a location
  std::optional<Day> available_by;      // the vacancy's start, unless it takes the employed

  bool empty() const {
    return !box && skills_all == 0 && certs_any == 0 && regions.empty() && scope.empty() &&
           !distance && !available_by;
  }
  bool Accepts(const HotRecord& h) const;  // record_cache.cc
};

class RecordCache {
 public:
  // Replaces the contents with the record of every document of `db` that has one, and
  // files each in its posting lists, with the cells of every one of `geo_levels` (the
  // grid). With `stored_from`, also keeps those documents' data (the stored Workers),
  // read from it: another handle on the same revision, read by a second thread
  // meanwhile (Xapian objects are not shared between threads), or `&db` itself, read
  // afterwards. Throws Xapian::Error.
  void Load(const Xapian::Database& db, const std::vector<int>& geo_levels,
            const Xapian::Database* stored_from);
  // The encoded record of `docid`; empty when the document has none (or does not exist).
  // Valid until the next Load or Apply.
  absl::string_view Get(Xapian::docid docid) const { return records_.Get(docid); }
  // The stored Worker (document data) of `docid` when the cache keeps them; else, or
  // without a record, empty. Valid until the next Load or Apply.
  absl::string_view Stored(Xapian::docid docid) const { return stored_.Get(docid); }
  // Hints that Get(docid) comes soon: starts loading its bytes into the CPU cache.
  void Prefetch(Xapian::docid docid) const { records_.Prefetch(docid); }
  // Hints that Prefetch(docid) comes soon (the slot table is itself too large to cache).
  void PrefetchSlot(Xapian::docid docid) const { records_.PrefetchSlot(docid); }
  // Hints that Hot(docid) comes soon.
  void PrefetchHot(Xapian::docid docid) const {
    if (docid < hot_.size()) PrefetchLine(&hot_[docid]);
  }
  // The hot record of `docid` (default without a record).
  const HotRecord& Hot(Xapian::docid docid) const {
    static const HotRecord kNone;
    return docid < hot_.size() ? hot_[docid] : kNone;
  }
  // Points are kept as floats, so a filter's box needs a margin of kPointMarginDeg over
  // the exact one.
  static constexpr double kPointMarginDeg = 1e-4;  // float rounding is < 1e-5 deg
  // Keeps the docids of `ids` whose HotRecord `filter` accepts, in order.
  void Filter(const CandidateFilter& filter, std::vector<Xapian::docid>* ids) const;
  // Keeps the docids of `ids` whose HotRecord at most one of `groups` rejects, with
  // `extra_failure(docid, hot record)` counted as one more rejection; in order.
  void FilterAtMostOneFailure(
      const std::vector<CandidateFilter>& groups,
      absl::FunctionRef<bool(Xapian::docid, const HotRecord&)> extra_failure,
      std::vector<Xapian::docid>* ids) const;
  // The posting list `key` (list_key), ascending; null when empty. A match reads its
  // groups from here, ~1 ns per docid, where Xapian's posting lists cost 13.6 ns per
  // posting (measured at 1M workers); and one that requires a skill can read only the
  // workers with that skill in its radius or regions (at 1M workers a 50 km cover holds
  // ~20k workers, ~1k of them with a given skill).
  const std::vector<Xapian::docid>* List(uint64_t key) const {
    auto it = lists_.find(key);
    return it == lists_.end() ? nullptr : &it->second;
  }
  // Applies a commit's changes; a stored Worker only when the cache keeps them.
  void Apply(const std::vector<RecordUpdate>& updates);
  // Whether Load found the record of `docid`, or its stored Worker when the cache keeps
  // them, failing its checksum (integrity.h). Such a record is in no list and its hot
  // record is `malformed`, so a match reaches it only to skip it; reading it is DATA_LOSS.
  bool Corrupt(Xapian::docid docid) const {
    return !corrupt_.empty() && corrupt_.contains(docid);
  }
  size_t corrupt_count() const { return corrupt_.size(); }
  // Memory allocated for all of the above (walks the posting lists: for metrics, not for
  // a hot path).
  size_t MemoryBytes() const;
  // One past the highest docid the cache has a slot for (Check walks them).
  size_t docids() const { return records_.docids(); }

 private:
  // `corrupt`: the record failed its checksum (kept for Check, filed nowhere).
  void Put(Xapian::docid docid, absl::string_view record, bool corrupt = false);
  // The list keys of a decoded record, sorted (none for a malformed one, `record` null).
  void ListKeys(const MatchRecord* record, std::vector<uint64_t>* keys) const;
  // Moves `docid` from the lists `from` to the lists `to` (both sorted).
  void MoveInLists(Xapian::docid docid, const std::vector<uint64_t>& from,
                   const std::vector<uint64_t>& to);

  DocidArena records_;
  bool keep_stored_ = false;
  DocidArena stored_;  // empty unless keep_stored_
  // By docid; default (NaN point, no bits) without a record.
  std::vector<HotRecord, HugePageAllocator<HotRecord>> hot_;
  MatchRecord scratch_;   // Put's decoding buffers
  std::vector<uint64_t> old_keys_, new_keys_;
  std::vector<int> geo_levels_;
  // list_key -> docids, ascending; the cells at every geo level.
  absl::flat_hash_map<uint64_t, std::vector<Xapian::docid>> lists_;
  // Docids whose record or stored Worker failed its checksum at Load (see Corrupt).
  absl::flat_hash_set<Xapian::docid> corrupt_;
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_RECORD_CACHE_H_
