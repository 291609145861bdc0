// The SQL peers (bench/peers/sqlite.cc, postgres.cc) against the brute-force reference
// (bench/reference) on a generated corpus: same candidate sets, exact totals, and the
// same top page with the same scores, for generated vacancies of every class and for
// variations the generator rarely makes. SQLite always runs; PostgreSQL runs when
// CAKAP_PG_CONNINFO names a server (scripts/bench-postgres.sh starts one) and is skipped
// otherwise.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "corpus.h"
#include "engine/reference_world.h"
#include "engine/test_util.h"
#include "gtest/gtest.h"
#include "peers/peer.h"
#include "reference/reference_matcher.h"

namespace cakap_test {
namespace {

using cakap::corpus::VacancyClass;
using cakap_ref::RefVacancy;
using cakap_ref::RefWorker;

constexpr int kWorkers = 3000;
constexpr int kPerClass = 40;     // generated vacancies per class
constexpr int kVariations = 100;  // varied copies of generated vacancies
constexpr int kPage = 20;
constexpr int kMaxReported = 3;  // vacancies whose diff is printed in full

struct Shared : ReferenceWorld {
  std::vector<RefWorker> workers;
  std::vector<std::pair<std::string, RefVacancy>> vacancies;  // label, vacancy
};

class SqlPeersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto shared = std::make_unique<Shared>();
    if (absl::Status s = InitReferenceWorld(shared.get()); !s.ok()) {
      setup_error_ = s.ToString();
      return;
    }
    cakap::corpus::CorpusOptions copts;
    for (const cakap::v1::Worker& w : VariedWorkers(*shared, kWorkers, copts.seed, /*seed=*/5)) {
      absl::StatusOr<RefWorker> rw = shared->ref->ResolveWorker(w);
      if (!rw.ok()) {
        setup_error_ = absl::StrCat("reference rejects ", w.id(), ": ", rw.status().ToString());
        return;
      }
      shared->workers.push_back(*std::move(rw));
    }

    cakap::corpus::VacancyGenerator vgen(*shared->regions, *shared->lexicon, copts);
    for (VacancyClass cls :
         {VacancyClass::kLocal10, VacancyClass::kLocal50, VacancyClass::kRegional200,
          VacancyClass::kRegionCodes, VacancyClass::kNational}) {
      for (int i = 0; i < kPerClass; ++i) {
        absl::StatusOr<RefVacancy> v = shared->ref->ResolveVacancy(vgen.Make(cls, i));
        if (!v.ok()) {
          setup_error_ = absl::StrCat("reference rejects a vacancy: ", v.status().ToString());
          return;
        }
        shared->vacancies.emplace_back(absl::StrCat(cakap::corpus::VacancyClassName(cls), " #", i),
                                       *std::move(v));
      }
    }
    // Variations: no required skill (the certificate then counts by preferred skills or
    // by covering anything), issuers without a skill, a point without a radius (travel
    // radius only), region codes with a point, a radius placed exactly at a worker's
    // distance (the SQL haversine must be the same double), no availability filter.
    const size_t generated = shared->vacancies.size();
    for (int i = 0; i < kVariations; ++i) {
      RefVacancy v = shared->vacancies[(i * 7) % generated].second;
      const RefWorker& w = shared->workers[(i * 31) % kWorkers];
      switch (i % 6) {
        case 0:
          v.required.clear();
          break;
        case 1:
          v.required.clear();
          v.preferred.clear();
          v.accepted = {cakap::v1::ISSUER_BNSP, cakap::v1::ISSUER_OTHER};
          break;
        case 2:
          v.has_point = true;
          v.lat = w.lat + 0.1;
          v.lon = w.lon;
          v.radius_km = 0;
          break;
        case 3:
          v.has_point = true;
          v.lat = w.lat;
          v.lon = w.lon;
          v.region_codes = {w.province_code.empty() ? "63" : w.province_code};
          break;
        case 4:
          v.has_point = true;
          v.lat = w.lat - 0.05;
          v.lon = w.lon + 0.05;
          v.radius_km = cakap_ref::RefHaversineKm(v.lat, v.lon, w.lat, w.lon);
          v.required.clear();
          break;
        case 5:
          v.include_employed = !v.include_employed;
          v.start = v.start + 400;
          break;
      }
      shared->vacancies.emplace_back(absl::StrCat("variation #", i), std::move(v));
    }
    shared_ = shared.release();
  }

  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }

  void SetUp() override {
    ASSERT_TRUE(shared_ != nullptr) << "suite set-up failed: " << setup_error_;
  }

  // Loads the corpus into `peer` in batches, then compares every vacancy.
  static void LoadAndCompare(cakap::bench::Peer* peer) {
    constexpr size_t kBatch = 700;  // not a divisor of kWorkers: the last batch is short
    const std::vector<RefWorker>& ws = shared_->workers;
    for (size_t i = 0; i < ws.size(); i += kBatch) {
      const size_t n = std::min(kBatch, ws.size() - i);
      ASSERT_OK(peer->Add(absl::MakeConstSpan(ws.data() + i, n)));
    }
    ASSERT_OK(peer->FinishLoad());
    EXPECT_GT(peer->SizeBytes(), 0u);

    int failed = 0;
    int64_t seen = 0;
    for (const auto& [label, v] : shared_->vacancies) {
      std::vector<cakap_ref::RefCandidate> expected = shared_->ref->Match(ws, v, false);
      seen += static_cast<int64_t>(expected.size());
      std::vector<std::string> want_ids;
      for (const auto& c : expected) want_ids.push_back(c.worker->id);
      std::sort(want_ids.begin(), want_ids.end());

      absl::StatusOr<std::vector<std::string>> all = peer->AllCandidates(v);
      ASSERT_OK(all) << label;
      absl::StatusOr<cakap::bench::PeerAnswer> answer = peer->Match(v, kPage);
      ASSERT_OK(answer) << label;
      bool ok = *all == want_ids && answer->total == static_cast<int64_t>(expected.size()) &&
                answer->top.size() == std::min<size_t>(kPage, expected.size());
      for (size_t i = 0; ok && i < answer->top.size(); ++i) {
        ok = answer->top[i].id == expected[i].worker->id &&
             answer->top[i].score_micro == expected[i].eval.score_micro;
      }
      if (ok) continue;
      if (++failed > kMaxReported) continue;
      std::string diff =
          absl::StrCat(peer->Name(), " differs on ", label, ": candidates ", all->size(),
                       " (reference ", want_ids.size(), "), total ", answer->total, "\n");
      for (size_t i = 0; i < std::max(answer->top.size(), std::min<size_t>(kPage, expected.size()));
           ++i) {
        absl::StrAppend(&diff, "  #", i, " peer ",
                        i < answer->top.size()
                            ? absl::StrCat(answer->top[i].id, " ", answer->top[i].score_micro)
                            : "-",
                        " reference ",
                        i < expected.size() ? absl::StrCat(expected[i].worker->id, " ",
                                                           expected[i].eval.score_micro)
                                            : "-",
                        "\n");
      }
      ADD_FAILURE() << diff;
    }
    EXPECT_EQ(failed, 0) << "of " << shared_->vacancies.size() << " vacancies";
    // The comparison must exercise the peer: plenty of candidates overall.
    EXPECT_GT(seen, 1000);
    std::cout << "[ stats    ] " << peer->Name() << ": " << shared_->vacancies.size()
              << " vacancies, " << seen << " candidates compared\n";

    // Keywords are not part of the benchmark question (peer.h).
    RefVacancy with_keywords = shared_->vacancies[0].second;
    with_keywords.keyword_words = {"tukang"};
    EXPECT_THAT(peer->Match(with_keywords, kPage),
                StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("keywords")));
    // page_size 0 still counts.
    absl::StatusOr<cakap::bench::PeerAnswer> counted = peer->Match(shared_->vacancies[0].second, 0);
    ASSERT_OK(counted);
    EXPECT_TRUE(counted->top.empty());
    EXPECT_EQ(
        counted->total,
        static_cast<int64_t>(shared_->ref->Match(ws, shared_->vacancies[0].second, false).size()));
  }

  static Shared* shared_;
  static std::string setup_error_;
};

Shared* SqlPeersTest::shared_ = nullptr;
std::string SqlPeersTest::setup_error_;

TEST_F(SqlPeersTest, SqliteAnswersLikeTheReference) {
  TempDir dir;
  const std::string path = dir.Sub("peer.sqlite");
  std::unique_ptr<cakap::bench::Peer> peer = cakap::bench::NewSqlitePeer(path);
  EXPECT_EQ(peer->Name(), "sqlite");
  LoadAndCompare(peer.get());
  // The database file is the peer's size.
  EXPECT_EQ(peer->SizeBytes(), std::filesystem::file_size(path));
}

TEST_F(SqlPeersTest, SqliteRefusesAnExistingFile) {
  TempDir dir;
  const std::string path = dir.Sub("taken.sqlite");
  { std::ofstream(path) << "not a database"; }
  std::unique_ptr<cakap::bench::Peer> peer = cakap::bench::NewSqlitePeer(path);
  EXPECT_THAT(peer->FinishLoad(),
              StatusIs(absl::StatusCode::kAlreadyExists, ::testing::HasSubstr(path)));
}

TEST_F(SqlPeersTest, PostgresAnswersLikeTheReference) {
  const char* conninfo = std::getenv("CAKAP_PG_CONNINFO");
  if (conninfo == nullptr || *conninfo == '\0') {
    GTEST_SKIP() << "CAKAP_PG_CONNINFO is not set: no PostgreSQL server to test against "
                    "(start one with scripts/bench-postgres.sh start DIR PORT)";
  }
  std::unique_ptr<cakap::bench::Peer> peer = cakap::bench::NewPostgresPeer(conninfo);
  EXPECT_EQ(peer->Name(), "postgres");
  LoadAndCompare(peer.get());
}

TEST_F(SqlPeersTest, PostgresReportsAnUnreachableServer) {
  // Port 1 on localhost: nothing listens; the error names the server.
  std::unique_ptr<cakap::bench::Peer> peer =
      cakap::bench::NewPostgresPeer("host=127.0.0.1 port=1 dbname=none connect_timeout=2");
  absl::Status s = peer->FinishLoad();
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("postgres"));
}

}  // namespace
}  // namespace cakap_test
