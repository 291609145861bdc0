// RecordCache (engine/src/record_cache.h): records by docid in one arena; replacements
// and removals applied by commits; the arena rewritten once garbage dominates.
#include "record_cache.h"

#include <xapian.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "schema.h"

namespace cakap {
namespace {

// An in-memory database whose documents 1..n carry record "r<i>" (every third: none).
Xapian::WritableDatabase DatabaseWith(int n) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= n; ++i) {
    Xapian::Document doc;
    if (i % 3 != 0) doc.add_value(schema::kSlotMatchRecord, "r" + std::to_string(i));
    db.add_document(doc);
  }
  return db;
}

TEST(RecordCacheTest, LoadsEveryRecordByDocid) {
  Xapian::WritableDatabase db = DatabaseWith(100);
  RecordCache cache;
  cache.Load(db);
  for (Xapian::docid d = 1; d <= 100; ++d) {
    EXPECT_EQ(cache.Get(d), d % 3 != 0 ? "r" + std::to_string(d) : "") << d;
  }
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
  cache.Load(db);
  std::map<Xapian::docid, std::string> model;
  for (Xapian::docid d = 1; d <= 50; ++d) {
    if (d % 3 != 0) model[d] = "r" + std::to_string(d);
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<RecordUpdate> updates;
    for (int k = 0; k < 20; ++k) {
      const Xapian::docid d = 1 + rng() % 80;  // some beyond the loaded docids
      std::string record;
      if (rng() % 4 != 0) record = std::string(1 + rng() % 200, static_cast<char>('a' + round % 26));
      updates.push_back({d, record});
      if (record.empty()) {
        model.erase(d);
      } else {
        model[d] = record;
      }
    }
    cache.Apply(updates);
    for (Xapian::docid d = 0; d <= 90; ++d) {
      auto it = model.find(d);
      ASSERT_EQ(cache.Get(d), it == model.end() ? "" : it->second) << "round " << round << " docid " << d;
    }
  }
}

}  // namespace
}  // namespace cakap
