// ReaderPool (engine/src/reader_pool.h): leases keep reading the published revision while
// the writer builds and commits the next one, and never fail for it; each publish makes
// the new revision (and its records) visible to the next lease.
#include "reader_pool.h"

#include <xapian.h>

#include <atomic>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "engine/test_util.h"
#include "gtest/gtest.h"
#include "schema.h"

namespace cakap {
namespace {

constexpr int kDocs = 20000;

Xapian::Document Doc(int i, std::mt19937* rng) {
  Xapian::Document doc;
  doc.set_data(std::string(200 + (*rng)() % 200, static_cast<char>('a' + (*rng)() % 26)));
  doc.add_boolean_term("Q" + std::to_string(i));
  for (int t = 0; t < 10; ++t) doc.add_boolean_term("T" + std::to_string((*rng)() % 300));
  doc.add_value(schema::kSlotMatchRecord, "r" + std::to_string(i) + "." + std::to_string((*rng)()));
  return doc;
}

TEST(ReaderPoolTest, LeasesReadThePublishedRevisionThroughCommits) {
  cakap_test::TempDir dir;
  std::mt19937 rng(5);
  {
    Xapian::WritableDatabase db(dir.path(), Xapian::DB_CREATE_OR_OPEN);
    for (int i = 0; i < kDocs; ++i) db.replace_document("Q" + std::to_string(i), Doc(i, &rng));
    db.commit();
  }
  Xapian::WritableDatabase writer(dir.path(), Xapian::DB_OPEN);
  ReaderPool pool(dir.path(), {}, /*keep_stored=*/true);
  std::atomic<bool> stop{false}, in_commit{false};
  std::atomic<long> reads{0}, reads_during_commits{0}, errors{0}, stale{0};
  auto reader = [&](unsigned seed) {
    std::mt19937 r(seed);
    while (!stop) {
      try {
        ReaderPool::Lease lease = pool.Acquire();
        Xapian::Database& db = lease.db();
        const bool during = in_commit;
        // A few posting lists, and scattered documents whose data and value must be what
        // the lease's records say (both of the published revision).
        for (int k = 0; k < 3; ++k) {
          const std::string term = "T" + std::to_string(r() % 300);
          for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
          }
          const Xapian::docid d = 1 + r() % kDocs;
          const Xapian::Document doc = db.get_document(d);
          if (doc.get_data() != lease.records().Stored(d) ||
              doc.get_value(schema::kSlotMatchRecord) != lease.records().Get(d)) {
            ++stale;
          }
        }
        ++reads;
        if (during && in_commit) ++reads_during_commits;
      } catch (const Xapian::Error& e) {
        if (errors++ == 0) ADD_FAILURE() << e.get_type() << ": " << e.get_msg();
      }
    }
  };
  std::vector<std::thread> readers;
  for (unsigned i = 0; i < 2; ++i) readers.emplace_back(reader, 100 + i);
  for (int commit = 0; commit < 120; ++commit) {
    // Batches from 1 to ~1,000 documents: large ones exhaust the free list of older
    // revisions, which is when a lagging reader's blocks would be reused.
    const int batch = commit % 3 == 0 ? 1 + static_cast<int>(rng() % 1000) : 1 + rng() % 20;
    pool.Publish([&](std::vector<RecordUpdate>* updates) {
      in_commit = true;
      writer.begin_transaction(/*flushed=*/true);
      for (int b = 0; b < batch; ++b) {
        const int i = static_cast<int>(rng() % kDocs);
        const Xapian::Document doc = Doc(i, &rng);
        const Xapian::docid d = writer.replace_document("Q" + std::to_string(i), doc);
        updates->push_back({d, doc.get_value(schema::kSlotMatchRecord), doc.get_data()});
      }
      writer.commit_transaction();
      in_commit = false;
    });
  }
  stop = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(stale, 0) << "a lease's database and records disagreed";
  EXPECT_GT(reads, 1000);
  // Not vacuous: reads did overlap commits.
  EXPECT_GT(reads_during_commits, 50);
}

}  // namespace
}  // namespace cakap
