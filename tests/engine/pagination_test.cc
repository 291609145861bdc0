// Pagination (docs/ranking.md "Pagination", match.proto MatchOptions.page_token): pages
// concatenate to the full ordered list, tokens survive writes, foreign and malformed
// tokens are rejected.
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

constexpr double kLat = -0.50;  // near Samarinda
constexpr double kLon = 117.15;

// A welder `km` from the vacancy centre; deciles make ties and near-ties.
cakap::v1::Worker Welder(const std::string& id, double km, int decile, double bearing = 0) {
  return WorkerBuilder(id)
      .Region("64.72")
      .At(PointAtDistance(kLat, kLon, km, bearing))
      .Skill("LAS.SMAW")
      .Decile(decile);
}

cakap::v1::Vacancy WeldingJob() {
  return VacancyBuilder().Require("LAS").At(kLat, kLon).Radius(45);
}

bool InOrder(const cakap::v1::Candidate& a, const cakap::v1::Candidate& b) {
  return a.score() > b.score() || (a.score() == b.score() && a.worker().id() < b.worker().id());
}

class PaginationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
    std::vector<cakap::v1::Worker> workers;
    // 57 candidates: 19 distances x 3 deciles, so that some scores tie exactly.
    for (int i = 0; i < 57; ++i) {
      workers.push_back(Welder(absl::StrCat("s-", 100 + i), 2.0 * (i % 19) + 1, i % 3 + 1,
                               (i * 37) % 360));
    }
    // Not candidates: too far, or without the skill.
    workers.push_back(Welder("far", 80, 1));
    workers.push_back(WorkerBuilder("cook").Region("64.72").At(kLat, kLon).Skill("MSK"));
    ASSERT_OK_AND_ASSIGN(cakap::BulkResult r, engine_->UpsertWorkers(workers));
    ASSERT_TRUE(r.rejected.empty());
  }

  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
};

TEST_F(PaginationTest, PagesConcatenateToTheFullList) {
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult full,
                       engine_->Match(WeldingJob(), MatchOpts(200)));
  ASSERT_EQ(full.candidates_size(), 57);
  EXPECT_EQ(full.total(), 57);
  EXPECT_EQ(full.next_page_token(), "");
  for (int i = 1; i < full.candidates_size(); ++i) {
    EXPECT_TRUE(InOrder(full.candidates(i - 1), full.candidates(i))) << i;
  }
  const std::vector<std::string> want = CandidateIds(full.candidates());
  for (int page_size : {1, 2, 7, 19, 20, 56, 57, 58}) {
    SCOPED_TRACE(absl::StrCat("page_size ", page_size));
    cakap::v1::MatchOptions o = MatchOpts(page_size);
    std::vector<std::string> got;
    std::vector<double> scores;
    int pages = 0;
    for (;;) {
      ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine_->Match(WeldingJob(), o));
      ++pages;
      ASSERT_LE(pages, 100);
      EXPECT_EQ(r.total(), 57);
      EXPECT_LE(r.candidates_size(), page_size);
      if (!r.next_page_token().empty()) {
        EXPECT_EQ(r.candidates_size(), page_size);
      }
      for (const auto& c : r.candidates()) got.push_back(c.worker().id());
      if (r.next_page_token().empty()) break;
      o.set_page_token(r.next_page_token());
    }
    EXPECT_THAT(got, ElementsAreArray(want));
    EXPECT_GE(pages, (57 + page_size - 1) / page_size);
    EXPECT_LE(pages, 57 / page_size + 1);
  }
}

TEST_F(PaginationTest, DefaultPageSizeIs20) {
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine_->Match(WeldingJob(), {}));
  EXPECT_EQ(r.candidates_size(), 20);
  EXPECT_EQ(r.total(), 57);
  EXPECT_NE(r.next_page_token(), "");
}

// Writes between pages: candidates present throughout come exactly once; new ones after
// the token come, new ones before it do not; nothing repeats.
TEST_F(PaginationTest, TokenStableAcrossWritesBetweenPages) {
  ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> before,
                       MatchAll(*engine_, WeldingJob()));
  ASSERT_EQ(before.size(), 57u);
  cakap::v1::MatchOptions o = MatchOpts(10);
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult p1, engine_->Match(WeldingJob(), o));
  ASSERT_EQ(p1.candidates_size(), 10);
  std::vector<std::string> seen = CandidateIds(p1.candidates());
  const std::string returned = seen[3];
  const std::string pending = before[30].worker().id();
  const std::string promoted = before[40].worker().id();
  // Delete one already returned and one still to come; add one better than everything
  // and one worse than everything; move one from the tail to the top.
  ASSERT_OK(engine_->DeleteWorker(returned));
  ASSERT_OK(engine_->DeleteWorker(pending));
  ASSERT_OK(engine_->UpsertWorker(Welder("new-top", 0, 1)));
  ASSERT_OK(engine_->UpsertWorker(Welder("new-bottom", 44, 0)));
  ASSERT_OK(engine_->UpsertWorker(Welder(promoted, 0, 1)));
  o.set_page_token(p1.next_page_token());
  for (int pages = 0; pages < 100; ++pages) {
    ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine_->Match(WeldingJob(), o));
    for (const auto& c : r.candidates()) seen.push_back(c.worker().id());
    if (r.next_page_token().empty()) break;
    o.set_page_token(r.next_page_token());
  }
  std::multiset<std::string> counts(seen.begin(), seen.end());
  for (const auto& id : counts) EXPECT_EQ(counts.count(id), 1u) << id << " repeated";
  for (const auto& c : before) {
    const std::string& id = c.worker().id();
    if (id == pending || id == promoted) continue;
    EXPECT_EQ(counts.count(id), 1u) << id << " vanished";
  }
  EXPECT_EQ(counts.count(pending), 0u) << "deleted worker returned";
  EXPECT_EQ(counts.count("new-top"), 0u) << "a worker before the token appeared";
  EXPECT_EQ(counts.count(promoted), 0u) << "a worker moved before the token appeared";
  EXPECT_EQ(counts.count("new-bottom"), 1u) << "a worker after the token is missing";
}

// A writer upserts and deletes other workers while pages are read: no stable candidate
// appears twice or vanishes, and the pages, concatenated, are strictly in (score desc, id
// asc) order (each page starts strictly after the last candidate of the one before). A
// worker the writer changes may itself come back with its new score, as the contract
// allows.
TEST_F(PaginationTest, TokenStableUnderConcurrentWrites) {
  ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> stable_list,
                       MatchAll(*engine_, WeldingJob()));
  std::set<std::string> stable;
  for (const auto& c : stable_list) stable.insert(c.worker().id());
  std::atomic<bool> stop{false};
  std::atomic<int> writes{0};
  std::string writer_error;
  std::thread writer([&] {
    std::mt19937 rng(99);
    for (int i = 0; i < 20000 && !stop.load(); ++i) {
      const std::string id = absl::StrCat("o-", rng() % 40);
      absl::Status s;
      if (rng() % 3 == 0) {
        s = engine_->DeleteWorker(id);
        if (absl::IsNotFound(s)) s = absl::OkStatus();
      } else {
        s = engine_->UpsertWorker(Welder(id, (rng() % 440) / 10.0, rng() % 11, rng() % 360));
      }
      if (!s.ok()) {
        writer_error = s.ToString();
        break;
      }
      writes.fetch_add(1);
    }
  });
  std::vector<std::string> errors;
  int passes = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(1200);
  while (errors.empty() && passes < 2000 &&
         (passes < 3 || std::chrono::steady_clock::now() < deadline)) {
    ++passes;
    cakap::v1::MatchOptions o = MatchOpts(4);
    std::vector<cakap::v1::Candidate> got;
    for (int pages = 0; errors.empty(); ++pages) {
      absl::StatusOr<cakap::v1::MatchResult> r = engine_->Match(WeldingJob(), o);
      if (!r.ok()) {
        errors.push_back(absl::StrCat("pass ", passes, " page ", pages, ": ",
                                      r.status().ToString()));
        break;
      }
      for (const auto& c : r->candidates()) got.push_back(c);
      if (r->next_page_token().empty()) break;
      if (pages > 1000) errors.push_back("too many pages");
      o.set_page_token(r->next_page_token());
    }
    std::set<std::string> ids;
    for (size_t i = 0; i < got.size() && errors.empty(); ++i) {
      const std::string& id = got[i].worker().id();
      if (!ids.insert(id).second && stable.count(id)) {
        errors.push_back(absl::StrCat("pass ", passes, ": stable ", id, " appeared twice"));
      }
      if (i > 0 && !InOrder(got[i - 1], got[i])) {
        errors.push_back(absl::StrCat("pass ", passes, ": ", got[i - 1].worker().id(), " (",
                                      got[i - 1].score(), ") before ", id, " (",
                                      got[i].score(), ")"));
      }
    }
    for (const auto& id : stable) {
      if (errors.empty() && !ids.count(id)) {
        errors.push_back(absl::StrCat("pass ", passes, ": stable candidate ", id, " vanished"));
      }
    }
  }
  stop = true;
  writer.join();
  EXPECT_THAT(errors, ::testing::IsEmpty());
  EXPECT_EQ(writer_error, "");
  EXPECT_GT(writes.load(), 10);
  RecordProperty("writes", writes.load());
  RecordProperty("passes", passes);
}

TEST_F(PaginationTest, TokenFromAnotherVacancyIsRejected) {
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult p1, engine_->Match(WeldingJob(), MatchOpts(5)));
  ASSERT_NE(p1.next_page_token(), "");
  // Another vacancy: a different requirement, radius, start date or flag.
  std::vector<cakap::v1::Vacancy> others = {
      VacancyBuilder().Require("LAS.SMAW").At(kLat, kLon).Radius(45),
      VacancyBuilder().Require("LAS").At(kLat, kLon).Radius(44),
      VacancyBuilder().Require("LAS").At(kLat, kLon).Radius(45).Start("2027-01-01"),
      VacancyBuilder().Require("LAS").At(kLat, kLon).Radius(45).IncludeEmployed(),
      VacancyBuilder().Require("LAS").At(kLat, kLon).Radius(45).Prefer("K3"),
  };
  for (size_t i = 0; i < others.size(); ++i) {
    cakap::v1::MatchOptions o = MatchOpts(5);
    o.set_page_token(p1.next_page_token());
    EXPECT_THAT(engine_->Match(others[i], o),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")))
        << others[i].ShortDebugString();
  }
  // The same vacancy with exclude_welfare flipped is another ranking.
  cakap::v1::MatchOptions o = MatchOpts(5, false, 0, /*exclude_welfare=*/true);
  o.set_page_token(p1.next_page_token());
  EXPECT_THAT(engine_->Match(WeldingJob(), o),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
  // The same vacancy written differently (a synonym for the code) resolves the same:
  // the token is accepted.
  cakap::v1::Vacancy same = WeldingJob();
  same.set_required_skills(0, "juru las");
  o = MatchOpts(5);
  o.set_page_token(p1.next_page_token());
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult p2, engine_->Match(same, o));
  ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> all, MatchAll(*engine_, WeldingJob()));
  ASSERT_GE(all.size(), 10u);
  ASSERT_EQ(p2.candidates_size(), 5);
  EXPECT_EQ(p2.candidates(0).worker().id(), all[5].worker().id());
}

TEST_F(PaginationTest, MalformedTokenIsRejected) {
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult p1, engine_->Match(WeldingJob(), MatchOpts(5)));
  const std::string good = p1.next_page_token();
  ASSERT_GT(good.size(), 4u);
  const std::vector<std::string> bad = {
      "garbage",
      "!!!",
      std::string("\0\xff\x01", 3),
      good.substr(0, good.size() / 2),
      std::string(5000, 'A'),
  };
  for (const auto& token : bad) {
    cakap::v1::MatchOptions o = MatchOpts(5);
    o.set_page_token(token);
    EXPECT_THAT(engine_->Match(WeldingJob(), o),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")))
        << "token \"" << token << "\"";
  }
  // The good token still works.
  cakap::v1::MatchOptions o = MatchOpts(5);
  o.set_page_token(good);
  EXPECT_OK(engine_->Match(WeldingJob(), o));
}

}  // namespace
}  // namespace cakap_test
