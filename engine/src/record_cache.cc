#include "record_cache.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <thread>

#include "evaluate.h"
#include "integrity.h"
#include "record.h"
#include "schema.h"

namespace cakap {

namespace {

// One of 64 bits for a key (Fibonacci hashing: the top 6 bits of the product).
uint64_t BitOf(uint64_t key) { return uint64_t{1} << ((key * 0x9E3779B97F4A7C15ull) >> 58); }

HotRecord HotRecordOf(const MatchRecord& record) {
  HotRecord hot;
  hot.latitude = static_cast<float>(record.latitude);
  hot.longitude = static_cast<float>(record.longitude);
  hot.region = RegionKey(record.region_code);
  for (SkillId s : record.skills) hot.skills |= SkillBit(s);
  for (const CertRecord& c : record.certs) {
    if (c.covers.empty()) continue;  // indexed with no cert term either (document.cc)
    hot.certs |= CertBit(c.issuer, 0);
    for (SkillId s : c.covers) hot.certs |= CertBit(c.issuer, s);
    hot.best_level = std::max<int>(hot.best_level, c.level);
  }
  hot.travel_km = static_cast<uint16_t>(std::ceil(record.travel_km));  // <= 5000 (normalize)
  hot.employment_status = record.employment_status;
  hot.willing_to_relocate = record.willing_to_relocate;
  hot.welfare_decile = record.welfare_decile;
  hot.available_from = record.available_from;
  return hot;
}

}  // namespace

bool CandidateFilter::Accepts(const HotRecord& h) const {
  if (h.malformed) return true;
  if ((h.skills & skills_all) != skills_all) return false;
  if (certs_any != 0 && (h.certs & certs_any) == 0) return false;
  if (box && !box->Contains(h.latitude, h.longitude)) return false;
  auto in = [&](const std::vector<uint64_t>& keys) {
    return std::any_of(keys.begin(), keys.end(),
                       [&](uint64_t key) { return key == h.region || key == (h.region & 0xffff); });
  };
  if (!regions.empty() && !in(regions)) return false;
  if (!scope.empty() && !in(scope)) return false;
  if (available_by && !AvailableOn(h, *available_by)) return false;
  return !distance || !CheckHotDistance(h, *distance).too_far;
}

uint64_t SkillBit(SkillId skill) { return BitOf(skill); }
uint64_t CertBit(uint8_t issuer, SkillId skill) {
  return BitOf((uint64_t{issuer} << 16) | skill | (uint64_t{1} << 40));
}
namespace list_key {
uint64_t Region(absl::string_view code) {
  return (uint64_t{3} << 60) | (RegionKey(code) & ((uint64_t{1} << 40) - 1));
}
uint64_t WithSkill(uint64_t cell_or_region, SkillId skill) {
  // Cells use the low 44 bits, regions the low 40 (codes of at most 5 characters).
  const int shift = (cell_or_region >> 60) == 0 ? 44 : 40;
  return cell_or_region | (static_cast<uint64_t>(skill) << shift);
}
}  // namespace list_key

uint64_t RegionKey(absl::string_view code) {
  uint64_t key = 0;
  std::memcpy(&key, code.data(), std::min<size_t>(code.size(), sizeof(key)));
  return key;  // little-endian: the first two characters are the low 16 bits
}

size_t RecordCache::MemoryBytes() const {
  size_t bytes = records_.memory_bytes() + stored_.memory_bytes() +
                 hot_.capacity() * sizeof(HotRecord) + corrupt_.capacity() * sizeof(Xapian::docid);
  // A slot of the lists' table holds a key and a vector; each vector its docids.
  bytes += lists_.capacity() * (sizeof(uint64_t) + sizeof(std::vector<Xapian::docid>));
  for (const auto& [key, docids] : lists_) bytes += docids.capacity() * sizeof(Xapian::docid);
  return bytes;
}

void RecordCache::Load(const Xapian::Database& db, const std::vector<int>& geo_levels,
                       const Xapian::Database* stored_from) {
  geo_levels_ = geo_levels;
  keep_stored_ = stored_from != nullptr;
  lists_.clear();
  corrupt_.clear();
  const size_t docids = static_cast<size_t>(db.get_lastdocid()) + 1;
  records_.Reset(docids);
  stored_.Reset(keep_stored_ ? docids : 0);
  hot_.assign(docids, HotRecord());
  // The checksum slot of `docid` (integrity.h), read along a value stream in docid
  // order; "" when the document has none (written before checksums).
  struct Checksums {
    Xapian::ValueIterator it, end;
    absl::string_view Of(Xapian::docid docid) {
      if (it != end && it.get_docid() < docid) it.skip_to(docid);
      if (it == end || it.get_docid() != docid) return {};
      value = *it;
      return value;
    }
    std::string value;
  };
  // The stored Workers of the documents with a record, in docid order (so the docdata
  // B-tree is read block by block), each checked against its checksum: a deleted or
  // damaged docdata.glass must not serve empty or other workers. Touches only stored_
  // and `bad`.
  auto load_stored = [this](const Xapian::Database& from, std::vector<Xapian::docid>* bad) {
    Checksums sums{from.valuestream_begin(schema::kSlotChecksum),
                   from.valuestream_end(schema::kSlotChecksum), {}};
    for (auto it = from.valuestream_begin(schema::kSlotMatchRecord);
         it != from.valuestream_end(schema::kSlotMatchRecord); ++it) {
      const std::string data =
          from.get_document(it.get_docid(), Xapian::DOC_ASSUME_VALID).get_data();
      if (VerifyData(sums.Of(it.get_docid()), data) == Integrity::kCorrupt) {
        bad->push_back(it.get_docid());
      }
      stored_.Put(it.get_docid(), data);
    }
  };
  // On its own handle, the stored Workers load on a second core meanwhile (at 1M workers
  // each half takes ~3 s).
  std::exception_ptr stored_error;
  std::thread stored;
  std::vector<Xapian::docid> bad_stored;
  if (stored_from != nullptr && stored_from != &db) {
    stored = std::thread([&] {
      try {
        load_stored(*stored_from, &bad_stored);
      } catch (...) {
        stored_error = std::current_exception();
      }
    });
  }
  try {
    Checksums sums{db.valuestream_begin(schema::kSlotChecksum),
                   db.valuestream_end(schema::kSlotChecksum), {}};
    for (auto it = db.valuestream_begin(schema::kSlotMatchRecord);
         it != db.valuestream_end(schema::kSlotMatchRecord); ++it) {
      const std::string record = *it;
      Put(it.get_docid(), record,
          VerifyRecord(sums.Of(it.get_docid()), record) == Integrity::kCorrupt);
    }
  } catch (...) {
    if (stored.joinable()) stored.join();
    throw;
  }
  if (stored.joinable()) stored.join();
  if (stored_error) std::rethrow_exception(stored_error);
  if (stored_from == &db) load_stored(db, &bad_stored);
  // A worker whose stored Worker is damaged is unusable as a whole: out of every list.
  for (Xapian::docid docid : bad_stored) {
    if (!Corrupt(docid)) Put(docid, std::string(Get(docid)), /*corrupt=*/true);
  }
}

void RecordCache::Put(Xapian::docid docid, absl::string_view record, bool corrupt) {
  const absl::string_view old = Get(docid);
  const bool old_listed = !old.empty() && !Corrupt(docid) && DecodeRecord(old, &scratch_);
  ListKeys(old_listed ? &scratch_ : nullptr, &old_keys_);
  if (corrupt) {
    corrupt_.insert(docid);
  } else if (!corrupt_.empty()) {
    corrupt_.erase(docid);
  }
  HotRecord hot;  // none without a record
  const bool decoded = !record.empty() && !corrupt && DecodeRecord(record, &scratch_);
  if (decoded) {
    hot = HotRecordOf(scratch_);
  } else if (!record.empty()) {
    hot.malformed = true;  // let it through every filter, to be reported
  }
  ListKeys(decoded ? &scratch_ : nullptr, &new_keys_);
  MoveInLists(docid, old_keys_, new_keys_);
  records_.Put(docid, record);
  if (records_.docids() > hot_.size()) hot_.resize(records_.docids(), HotRecord());
  hot_[docid] = hot;
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

void RecordCache::FilterAtMostOneFailure(
    const std::vector<CandidateFilter>& groups,
    absl::FunctionRef<bool(Xapian::docid, const HotRecord&)> extra_failure,
    std::vector<Xapian::docid>* ids) const {
  KeepIds(hot_, [&](Xapian::docid d, const HotRecord& h) {
    if (h.malformed) return true;
    int failures = extra_failure(d, h) ? 1 : 0;
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

void RecordCache::ListKeys(const MatchRecord* record, std::vector<uint64_t>* keys) const {
  keys->clear();
  // A malformed record is in no list, so only matches that Xapian drives see it (and
  // report it as data loss).
  if (record == nullptr) return;
  auto with_skills = [&](uint64_t key) {
    keys->push_back(key);
    for (SkillId s : record->skills) keys->push_back(list_key::WithSkill(key, s));
  };
  for (int level : geo_levels_) {
    // From the exact (double) point, as CoverCircle computes the cover: a float point
    // near a cell's edge could fall in the neighbouring cell.
    with_skills(list_key::Cell(CellOf(level, record->latitude, record->longitude)));
  }
  for (SkillId s : record->skills) keys->push_back(list_key::Skill(s));
  for (const CertRecord& c : record->certs) {
    if (c.covers.empty()) continue;  // indexed with no cert term either (document.cc)
    keys->push_back(list_key::Cert(c.issuer, 0));
    for (SkillId s : c.covers) keys->push_back(list_key::Cert(c.issuer, s));
  }
  if (!record->region_code.empty()) {
    with_skills(list_key::Region(record->region_code));
    with_skills(list_key::Region(absl::string_view(record->region_code).substr(0, 2)));
  }
  std::sort(keys->begin(), keys->end());
  keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
}

void RecordCache::MoveInLists(Xapian::docid docid, const std::vector<uint64_t>& from,
                              const std::vector<uint64_t>& to) {
  auto leave = [&](uint64_t key) {
    std::vector<Xapian::docid>& ids = lists_[key];
    auto it = std::lower_bound(ids.begin(), ids.end(), docid);
    if (it != ids.end() && *it == docid) ids.erase(it);
    if (ids.empty()) lists_.erase(key);
  };
  auto enter = [&](uint64_t key) {
    std::vector<Xapian::docid>& ids = lists_[key];
    if (ids.empty() || ids.back() < docid) {
      ids.push_back(docid);  // a new document: always, at Load and for bulk loads
    } else {
      ids.insert(std::lower_bound(ids.begin(), ids.end(), docid), docid);
    }
  };
  // Both sorted: walk them together, leaving keys only in `from`, entering keys only in `to`.
  size_t i = 0, j = 0;
  while (i < from.size() || j < to.size()) {
    if (j == to.size() || (i < from.size() && from[i] < to[j])) {
      leave(from[i++]);
    } else if (i == from.size() || to[j] < from[i]) {
      enter(to[j++]);
    } else {
      ++i, ++j;
    }
  }
}

}  // namespace cakap
