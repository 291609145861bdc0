// RecordCache (engine/src/record_cache.h): records (and stored Workers) by docid in
// arenas; replacements and removals applied by commits; an arena rewritten once garbage
// dominates.
#include "record_cache.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "geo.h"
#include "record.h"
#include "schema.h"

namespace cakap {
namespace {

// An in-memory database whose documents 1..n carry record "r<i>" and data "w<i>" (every
// third: no record, data "v<i>", like a vacancy).
Xapian::WritableDatabase DatabaseWith(int n) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= n; ++i) {
    Xapian::Document doc;
    if (i % 3 != 0) {
      doc.add_value(schema::kSlotMatchRecord, "r" + std::to_string(i));
      doc.set_data("w" + std::to_string(i));
    } else {
      doc.set_data("v" + std::to_string(i));
    }
    db.add_document(doc);
  }
  return db;
}

TEST(RecordCacheTest, LoadsEveryRecordByDocid) {
  Xapian::WritableDatabase db = DatabaseWith(100);
  RecordCache cache;
  cache.Load(db, {}, /*stored_from=*/&db);
  for (Xapian::docid d = 1; d <= 100; ++d) {
    EXPECT_EQ(cache.Get(d), d % 3 != 0 ? "r" + std::to_string(d) : "") << d;
    EXPECT_EQ(cache.Stored(d), d % 3 != 0 ? "w" + std::to_string(d) : "") << d;
  }
  RecordCache without;
  without.Load(db, {}, /*stored_from=*/nullptr);
  EXPECT_EQ(without.Get(1), "r1");
  EXPECT_EQ(without.Stored(1), "");
  EXPECT_EQ(cache.Get(0), "");
  EXPECT_EQ(cache.Get(101), "");  // beyond the last docid
  EXPECT_EQ(cache.Get(1u << 30), "");
  cache.Prefetch(1u << 30);  // out of range: no effect
  cache.PrefetchSlot(1u << 30);
}

// Random replacements, removals and new docids against a std::map model, over enough
// rounds that the arena is compacted several times.
TEST(RecordCacheTest, AppliedUpdatesMatchAModel) {
  Xapian::WritableDatabase db = DatabaseWith(50);
  RecordCache cache;
  cache.Load(db, {}, /*stored_from=*/&db);
  std::map<Xapian::docid, std::pair<std::string, std::string>> model;  // record, stored
  for (Xapian::docid d = 1; d <= 50; ++d) {
    if (d % 3 != 0) model[d] = {"r" + std::to_string(d), "w" + std::to_string(d)};
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<RecordUpdate> updates;
    for (int k = 0; k < 20; ++k) {
      const Xapian::docid d = 1 + rng() % 80;  // some beyond the loaded docids
      std::string record, stored;
      if (rng() % 4 != 0) {
        record = std::string(1 + rng() % 200, static_cast<char>('a' + round % 26));
        stored = std::string(1 + rng() % 400, static_cast<char>('A' + k));
      }
      updates.push_back({d, record, stored});
      if (record.empty()) {
        model.erase(d);
      } else {
        model[d] = {record, stored};
      }
    }
    cache.Apply(updates);
    for (Xapian::docid d = 0; d <= 90; ++d) {
      auto it = model.find(d);
      ASSERT_EQ(cache.Get(d), it == model.end() ? "" : it->second.first)
          << "round " << round << " docid " << d;
      ASSERT_EQ(cache.Stored(d), it == model.end() ? "" : it->second.second)
          << "round " << round << " docid " << d;
    }
  }
}

// The filter is a superset test: a record meeting a group's exact condition is never
// rejected for it, whatever the hash collisions; and a record meeting none of them is
// rejected often (the filter earns its keep).
TEST(RecordCacheTest, FilterNeverRejectsARecordThatMeetsTheGroups) {
  std::mt19937 rng(5);
  const std::vector<std::string> regions = {"63.01", "63.02", "64.71", "61.05", ""};
  std::vector<MatchRecord> records(2000);
  std::vector<RecordUpdate> updates;
  for (size_t i = 0; i < records.size(); ++i) {
    MatchRecord& r = records[i];
    r.id = "w" + std::to_string(i);
    r.latitude = -4 + (rng() % 8000) / 1000.0;
    r.longitude = 108 + (rng() % 12000) / 1000.0;
    r.region_code = regions[rng() % regions.size()];
    for (int k = rng() % 5; k > 0; --k) r.skills.push_back(1 + rng() % 200);
    std::sort(r.skills.begin(), r.skills.end());
    r.skills.erase(std::unique(r.skills.begin(), r.skills.end()), r.skills.end());
    for (int k = rng() % 3; k > 0; --k) {
      CertRecord c;
      c.issuer = 1 + rng() % 3;
      if (!r.skills.empty()) c.covers.push_back(r.skills[rng() % r.skills.size()]);
      r.certs.push_back(c);
    }
    updates.push_back({static_cast<Xapian::docid>(i + 1), EncodeRecord(r), ""});
  }
  updates.push_back({static_cast<Xapian::docid>(records.size() + 1), "not a record", ""});
  RecordCache cache;
  cache.Apply(updates);
  int rejected = 0;
  for (int round = 0; round < 300; ++round) {
    const SkillId skill = 1 + rng() % 200;
    const uint8_t issuer = 1 + rng() % 3;
    const std::string& region = regions[rng() % 4];
    const bool by_province = rng() % 2;
    const double lat = -4 + (rng() % 8000) / 1000.0, lon = 108 + (rng() % 12000) / 1000.0;
    const double radius = 5 + rng() % 300;
    CandidateFilter f;
    f.skills_all = SkillBit(skill);
    f.certs_any = CertBit(issuer, skill) | CertBit(issuer, 0);
    f.box = BoundingBox(lat, lon, radius, RecordCache::kPointMarginDeg);
    f.regions = {RegionKey(by_province ? region.substr(0, 2) : region)};
    std::vector<Xapian::docid> ids;
    for (Xapian::docid d = 1; d <= records.size() + 1; ++d) ids.push_back(d);
    cache.Filter(f, &ids);
    std::set<Xapian::docid> kept(ids.begin(), ids.end());
    EXPECT_TRUE(kept.count(records.size() + 1)) << "a malformed record must reach Evaluate";
    for (size_t i = 0; i < records.size(); ++i) {
      const MatchRecord& r = records[i];
      const bool has_skill = std::binary_search(r.skills.begin(), r.skills.end(), skill);
      const bool has_cert = std::any_of(r.certs.begin(), r.certs.end(), [&](const CertRecord& c) {
        return c.issuer == issuer && !c.covers.empty();
      });
      const bool in_radius = HaversineKm(lat, lon, r.latitude, r.longitude) <= radius;
      const bool in_region = !r.region_code.empty() &&
                             (r.region_code == region ||
                              (by_province && r.region_code.substr(0, 2) == region.substr(0, 2)));
      const bool kept_i = kept.count(i + 1) > 0;
      if (has_skill && has_cert && in_radius && in_region) {
        ASSERT_TRUE(kept_i) << "round " << round << " record " << i;
      }
      rejected += kept_i ? 0 : 1;
    }
  }
  EXPECT_GT(rejected, 300 * 2000 * 9 / 10);
}

// The posting lists hold each docid in the cell of its (double) point at every level, in
// its skills', certificates' (issuer x covered skill, and issuer alone), region's and
// province's lists, and in each cell's and region's list for each of its skills, through
// inserts, moves, changes and removals; and nothing else.
TEST(RecordCacheTest, ListsFollowTheRecords) {
  const std::vector<int> levels = {4, 8};
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  RecordCache cache;
  cache.Load(db, levels, /*stored_from=*/nullptr);
  std::mt19937 rng(9);
  const std::vector<std::string> regions = {"", "63.01", "63.02", "64.71"};
  std::map<Xapian::docid, MatchRecord> model;
  std::set<uint64_t> ever;  // every key the model has used
  for (int round = 0; round < 100; ++round) {
    std::vector<RecordUpdate> updates;
    for (int k = 0; k < 30; ++k) {
      const Xapian::docid d = 1 + rng() % 300;
      if (rng() % 5 == 0) {
        updates.push_back({d, "", ""});
        model.erase(d);
        continue;
      }
      MatchRecord r;
      r.id = "w" + std::to_string(d);
      // Points near cell edges too: multiples of the level-8 cell size (8/256 degrees).
      r.latitude = -3 + (rng() % 64) * (8.0 / 256) + (rng() % 2 ? 0 : 1e-9);
      r.longitude = 114 + (rng() % 64) * (8.0 / 256) - (rng() % 2 ? 0 : 1e-9);
      for (SkillId s = 1; s <= 4; ++s) {
        if (rng() % 2) r.skills.push_back(s);
      }
      r.region_code = regions[rng() % regions.size()];
      if (rng() % 2) {
        CertRecord c;
        c.issuer = static_cast<uint8_t>(1 + rng() % 2);
        if (rng() % 4) c.covers = {static_cast<SkillId>(1 + rng() % 4)};
        r.certs.push_back(c);
      }
      updates.push_back({d, EncodeRecord(r), ""});
      model[d] = r;
    }
    cache.Apply(updates);
    std::map<uint64_t, std::vector<Xapian::docid>> expected;
    for (const auto& [d, r] : model) {
      std::set<uint64_t> keys;  // a docid appears once per list
      auto add_with_skills = [&](uint64_t key) {
        keys.insert(key);
        for (SkillId s : r.skills) keys.insert(list_key::WithSkill(key, s));
      };
      for (int level : levels) add_with_skills(CellOf(level, r.latitude, r.longitude).Key());
      for (SkillId s : r.skills) keys.insert(list_key::Skill(s));
      for (const CertRecord& c : r.certs) {
        if (c.covers.empty()) continue;
        keys.insert(list_key::Cert(c.issuer, 0));
        for (SkillId s : c.covers) keys.insert(list_key::Cert(c.issuer, s));
      }
      if (!r.region_code.empty()) {
        add_with_skills(list_key::Region(r.region_code));
        add_with_skills(list_key::Region(r.region_code.substr(0, 2)));
      }
      for (uint64_t key : keys) expected[key].push_back(d);
    }
    for (const auto& [key, ids] : expected) {
      const std::vector<Xapian::docid>* list = cache.List(key);
      ASSERT_NE(list, nullptr) << "round " << round;
      ASSERT_EQ(*list, ids) << "round " << round;
    }
    // Lists emptied by moves and removals are gone.
    for (uint64_t key : ever) {
      if (!expected.count(key)) {
        EXPECT_EQ(cache.List(key), nullptr) << "round " << round;
      }
    }
    for (const auto& [key, ids] : expected) ever.insert(key);
  }
  // The kinds do not collide: a province, its region, a skill and a cell differ.
  EXPECT_NE(list_key::Region("63"), list_key::Region("63.01"));
  EXPECT_NE(list_key::Skill(1), list_key::Cert(0, 1));
  EXPECT_NE(list_key::WithSkill(list_key::Region("63.01"), 1), list_key::Region("63.01"));
}

}  // namespace
}  // namespace cakap
