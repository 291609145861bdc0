#include "record_cache.h"

#include <algorithm>
#include <cstring>
#include <cstdint>
#include <limits>

#include "record.h"
#include "schema.h"

namespace cakap {

namespace {

// One of 64 bits for a key (Fibonacci hashing: the top 6 bits of the product).
uint64_t BitOf(uint64_t key) { return uint64_t{1} << ((key * 0x9E3779B97F4A7C15ull) >> 58); }

HotRecord HotRecordOf(absl::string_view bytes, MatchRecord* scratch) {
  HotRecord hot;
  if (!DecodeRecord(bytes, scratch)) {
    hot.malformed = true;
    return hot;
  }
  hot.latitude = static_cast<float>(scratch->latitude);
  hot.longitude = static_cast<float>(scratch->longitude);
  hot.region = RegionKey(scratch->region_code);
  for (SkillId s : scratch->skills) hot.skills |= SkillBit(s);
  for (const CertRecord& c : scratch->certs) {
    if (c.covers.empty()) continue;  // indexed with no cert term either (document.cc)
    hot.certs |= CertBit(c.issuer, 0);
    for (SkillId s : c.covers) hot.certs |= CertBit(c.issuer, s);
  }
  return hot;
}

}  // namespace

uint64_t SkillBit(SkillId skill) { return BitOf(skill); }
uint64_t CertBit(uint8_t issuer, SkillId skill) {
  return BitOf((uint64_t{issuer} << 16) | skill | (uint64_t{1} << 40));
}
uint64_t RegionKey(absl::string_view code) {
  uint64_t key = 0;
  std::memcpy(&key, code.data(), std::min<size_t>(code.size(), sizeof(key)));
  return key;  // little-endian: the first two characters are the low 16 bits
}

void RecordCache::Load(const Xapian::Database& db, const std::vector<int>& geo_levels,
                       bool keep_stored) {
  geo_levels_ = geo_levels;
  keep_stored_ = keep_stored;
  grid_.clear();
  const size_t docids = static_cast<size_t>(db.get_lastdocid()) + 1;
  records_.Reset(docids);
  stored_.Reset(keep_stored ? docids : 0);
  hot_.assign(docids, HotRecord());
  for (auto it = db.valuestream_begin(schema::kSlotMatchRecord);
       it != db.valuestream_end(schema::kSlotMatchRecord); ++it) {
    Put(it.get_docid(), *it);
    // In docid order, so the docdata B-tree is read block by block.
    if (keep_stored) {
      stored_.Put(it.get_docid(),
                  db.get_document(it.get_docid(), Xapian::DOC_ASSUME_VALID).get_data());
    }
  }
}

void RecordCache::Put(Xapian::docid docid, absl::string_view record) {
  MoveInGrid(docid, Get(docid), record);
  records_.Put(docid, record);
  if (records_.docids() > hot_.size()) hot_.resize(records_.docids(), HotRecord());
  hot_[docid] = record.empty() ? HotRecord() : HotRecordOf(record, &scratch_);
}

namespace {

// Runs `keep(docid, hot)` over `ids`, keeping those it accepts, in order. The ids are
// scattered over hot_ (40 MB at 1M workers) and a check takes a few ns, so it prefetches
// far ahead: a miss costs 300-500 ns in this VM.
template <typename Keep>
void KeepIds(const std::vector<HotRecord, HugePageAllocator<HotRecord>>& hot, Keep keep,
             std::vector<Xapian::docid>* ids) {
  constexpr size_t kAhead = 64;
  size_t kept = 0;
  for (size_t i = 0; i < ids->size(); ++i) {
    if (i + kAhead < ids->size() && (*ids)[i + kAhead] < hot.size()) {
      const char* p = reinterpret_cast<const char*>(&hot[(*ids)[i + kAhead]]);
      PrefetchLine(p);
      PrefetchLine(p + sizeof(HotRecord) - 1);  // a 40-byte record may straddle two lines
    }
    const Xapian::docid d = (*ids)[i];
    if (d < hot.size() && keep(d, hot[d])) (*ids)[kept++] = d;
  }
  ids->resize(kept);
}

}  // namespace

void RecordCache::Filter(const CandidateFilter& filter, std::vector<Xapian::docid>* ids) const {
  KeepIds(hot_, [&](Xapian::docid, const HotRecord& h) { return filter.Accepts(h); }, ids);
}

void RecordCache::FilterAtMostOneFailure(const std::vector<CandidateFilter>& groups,
                                         absl::FunctionRef<bool(Xapian::docid)> extra_failure,
                                         std::vector<Xapian::docid>* ids) const {
  KeepIds(hot_, [&](Xapian::docid d, const HotRecord& h) {
    int failures = extra_failure(d) ? 1 : 0;
    for (const CandidateFilter& g : groups) {
      if (!g.Accepts(h) && ++failures > 1) return false;
    }
    return true;
  }, ids);
}

void RecordCache::Apply(const std::vector<RecordUpdate>& updates) {
  for (const RecordUpdate& u : updates) {
    Put(u.docid, u.record);
    if (keep_stored_) stored_.Put(u.docid, u.stored);
  }
  records_.CompactIfWasteful();
  stored_.CompactIfWasteful();
}

void RecordCache::MoveInGrid(Xapian::docid docid, absl::string_view from,
                             absl::string_view to) {
  // Cells from the exact (double) points, as CoverCircle computes the cover: a float
  // point near a cell's edge could fall in the neighbouring cell. A malformed record has
  // no cell, so only matches that Xapian drives see it (and report it as data loss).
  double from_lat, from_lon, to_lat, to_lon;
  const bool had = !from.empty() && RecordPoint(from, &from_lat, &from_lon);
  const bool has = !to.empty() && RecordPoint(to, &to_lat, &to_lon);
  for (int level : geo_levels_) {
    const uint64_t before = had ? CellOf(level, from_lat, from_lon).Key() : 0;
    const uint64_t after = has ? CellOf(level, to_lat, to_lon).Key() : 0;
    if (had && has && before == after) continue;
    if (had) {
      std::vector<Xapian::docid>& ids = grid_[before];
      auto it = std::lower_bound(ids.begin(), ids.end(), docid);
      if (it != ids.end() && *it == docid) ids.erase(it);
      if (ids.empty()) grid_.erase(before);
    }
    if (has) {
      std::vector<Xapian::docid>& ids = grid_[after];
      ids.insert(std::lower_bound(ids.begin(), ids.end(), docid), docid);  // end at Load
    }
  }
}

}  // namespace cakap
