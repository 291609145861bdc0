// Concurrency (engine.h "Thread safety"): matches run while a writer upserts and deletes;
// every result is internally consistent, and every acknowledged write is visible to the
// next match from any thread.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "reference/reference_matcher.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
using namespace cakap_ref;  // NOLINT: the oracle's types read best unqualified here
namespace {

using cakap::v1::ISSUER_BNSP;
using cakap::v1::ISSUER_KEMNAKER;

constexpr double kLat = -1.16667;  // Balikpapan (64.71)
constexpr double kLon = 116.88333;

const char* const kSkills[] = {"LAS", "LAS.SMAW", "LAS.GTAW", "OAB.EXCAVATOR", "K3"};

cakap::v1::Worker RandomWorker(const std::string& id, std::mt19937* rng) {
  auto pick = [&](int n) { return static_cast<int>((*rng)() % static_cast<unsigned>(n)); };
  WorkerBuilder b(id);
  b.Region(pick(2) ? "64.71" : "64.72")
      .At(PointAtDistance(kLat, kLon, pick(600) / 10.0, pick(360)))
      .Skill(kSkills[pick(5)])
      .Decile(pick(11));
  if (pick(2)) b.Skill(kSkills[pick(5)]);
  if (pick(3)) {
    b.Cert(pick(2) ? ISSUER_BNSP : ISSUER_KEMNAKER, {kSkills[pick(5)]}, pick(6) + 1,
           "2025-01-01", pick(2) ? "2026-12-31" : "");
  }
  if (pick(4) == 0) b.Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED);
  if (pick(4) == 0) b.Travel(pick(40) + 1);
  return b;
}

std::vector<cakap::v1::Vacancy> Vacancies() {
  return {
      VacancyBuilder().Require("LAS").At(kLat, kLon).Radius(40),
      VacancyBuilder().Require("LAS.SMAW").Issuer(ISSUER_BNSP).Start("2026-12-15"),
      VacancyBuilder().Prefer("K3").Prefer("LAS.GTAW").InRegion("64.72").IncludeEmployed(),
      VacancyBuilder().Require("OAB").Region("64.71").Radius(25).Issuer(ISSUER_BNSP)
          .Issuer(ISSUER_KEMNAKER).MinKkni(3),
  };
}

class ConcurrencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
    ASSERT_OK_AND_ASSIGN(lexicon_, cakap::Lexicon::Builtin());
    ASSERT_OK_AND_ASSIGN(regions_, cakap::Regions::Builtin());
    ref_ = std::make_unique<ReferenceMatcher>(lexicon_, regions_, TestOptions());
  }
  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
  cakap::Lexicon lexicon_;
  cakap::Regions regions_;
  std::unique_ptr<ReferenceMatcher> ref_;
};

TEST_F(ConcurrencyTest, MatchesDuringWritesAreConsistent) {
  std::mt19937 rng(4242);
  // Stable workers, never written again: each match must contain every one it satisfies.
  std::vector<cakap::v1::Worker> stable;
  for (int i = 0; i < 120; ++i) stable.push_back(RandomWorker(absl::StrCat("s-", i), &rng));
  ASSERT_OK_AND_ASSIGN(cakap::BulkResult bulk, engine_->UpsertWorkers(stable));
  ASSERT_TRUE(bulk.rejected.empty());
  std::vector<RefWorker> stable_ref;
  for (const auto& w : stable) {
    ASSERT_OK_AND_ASSIGN(RefWorker rw, ref_->ResolveWorker(w));
    stable_ref.push_back(rw);
  }
  const std::vector<cakap::v1::Vacancy> vacancies = Vacancies();
  std::vector<RefVacancy> rvs;
  std::vector<std::set<std::string>> must;  // stable candidates per vacancy
  for (const auto& v : vacancies) {
    ASSERT_OK_AND_ASSIGN(RefVacancy rv, ref_->ResolveVacancy(v));
    std::set<std::string> ids;
    for (const auto& c : ref_->Match(stable_ref, rv, false)) ids.insert(c.worker->id);
    rvs.push_back(rv);
    must.push_back(ids);
  }

  std::atomic<bool> writer_done{false};
  std::map<std::string, cakap::v1::Worker> final_dynamic;  // written by the writer only
  std::string writer_error;
  int writes = 0;
  std::thread writer([&] {
    std::mt19937 wrng(7);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
    for (int i = 0; i < 1500 && std::chrono::steady_clock::now() < deadline; ++i) {
      const std::string id = absl::StrCat("d-", wrng() % 60);
      absl::Status s;
      if (wrng() % 4 == 0) {
        s = engine_->DeleteWorker(id);
        if (s.ok()) {
          final_dynamic.erase(id);
        } else if (absl::IsNotFound(s) && !final_dynamic.count(id)) {
          s = absl::OkStatus();
        }
      } else if (wrng() % 5 == 0) {
        std::vector<cakap::v1::Worker> batch;
        for (int k = 0; k < 5; ++k) {
          batch.push_back(RandomWorker(absl::StrCat("d-", wrng() % 60), &wrng));
        }
        absl::StatusOr<cakap::BulkResult> r = engine_->UpsertWorkers(batch);
        s = r.status();
        if (r.ok()) {
          for (const auto& w : batch) final_dynamic[w.id()] = w;
        }
      } else {
        cakap::v1::Worker w = RandomWorker(id, &wrng);
        s = engine_->UpsertWorker(w);
        if (s.ok()) final_dynamic[id] = w;
      }
      if (!s.ok()) {
        writer_error = absl::StrCat("write ", i, ": ", s.ToString());
        break;
      }
      ++writes;
    }
    writer_done = true;
  });

  std::mutex mu;
  std::vector<std::string> errors;
  std::atomic<int> matches{0};
  auto reader = [&](int seed) {
    std::mt19937 r(seed);
    while (!writer_done.load() || matches.load() < 40) {
      if (matches.load() > 5000) break;
      const size_t vi = r() % vacancies.size();
      const bool exclude = r() % 2 == 0;
      absl::StatusOr<cakap::v1::MatchResult> res =
          engine_->Match(vacancies[vi], MatchOpts(200, r() % 4 == 0, 0, exclude));
      matches.fetch_add(1);
      std::string problem;
      if (!res.ok()) {
        problem = res.status().ToString();
      } else if (!res->next_page_token().empty()) {
        problem = "more than 200 candidates: the test expects one page";
      } else if (res->total() != res->candidates_size()) {
        problem = absl::StrCat("total ", res->total(), " but ", res->candidates_size(),
                               " candidates on the only page");
      } else {
        std::set<std::string> ids;
        for (int i = 0; i < res->candidates_size() && problem.empty(); ++i) {
          const auto& c = res->candidates(i);
          if (!ids.insert(c.worker().id()).second) problem = "duplicate " + c.worker().id();
          if (i > 0) {
            const auto& p = res->candidates(i - 1);
            if (!(p.score() > c.score() ||
                  (p.score() == c.score() && p.worker().id() < c.worker().id()))) {
              problem = absl::StrCat("order broken at ", i);
            }
          }
          double sum = 0;
          for (const auto& e : c.explanation()) sum += e.value();
          if (std::abs(sum - c.score()) > 1e-9) problem = "explanation does not add up";
          // The record returned satisfies the vacancy, with this score.
          absl::StatusOr<RefWorker> rw = ref_->ResolveWorker(c.worker());
          if (!rw.ok()) {
            problem = "returned record unreadable: " + rw.status().ToString();
          } else {
            RefEvaluation e = ref_->Evaluate(*rw, rvs[vi], exclude);
            if (!e.candidate() || std::abs(e.score() - c.score()) > 1.5e-6) {
              problem = "returned record disagrees with the reference:\n" +
                        ref_->Describe(*rw, rvs[vi], e) + DescribeEngineCandidate(c);
            }
          }
        }
        for (const auto& id : must[vi]) {
          if (problem.empty() && !ids.count(id)) problem = "stable candidate missing: " + id;
        }
      }
      if (!problem.empty()) {
        std::lock_guard<std::mutex> l(mu);
        errors.push_back(absl::StrCat("vacancy ", vi, ": ", problem));
        if (errors.size() > 5) return;
      }
    }
  };
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) readers.emplace_back(reader, 100 + t);
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(writer_error, "");
  EXPECT_THAT(errors, ::testing::IsEmpty());
  EXPECT_GT(writes, 20);
  EXPECT_GE(matches.load(), 40);
  RecordProperty("writes", writes);
  RecordProperty("matches", matches.load());

  // After the writer stops, a match sees the final state exactly.
  std::vector<RefWorker> final_ref = stable_ref;
  for (const auto& [id, w] : final_dynamic) {
    ASSERT_OK_AND_ASSIGN(RefWorker rw, ref_->ResolveWorker(w));
    final_ref.push_back(rw);
  }
  ASSERT_OK_AND_ASSIGN(cakap::EngineStats stats, engine_->Stats());
  EXPECT_EQ(stats.workers, static_cast<int64_t>(final_ref.size()));
  for (size_t vi = 0; vi < vacancies.size(); ++vi) {
    SCOPED_TRACE(vi);
    std::vector<std::string> want;
    for (const auto& c : ref_->Match(final_ref, rvs[vi], false)) want.push_back(c.worker->id);
    ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> got,
                         MatchAll(*engine_, vacancies[vi], MatchOpts(200)));
    EXPECT_THAT(Ids(got), ::testing::ElementsAreArray(want));
  }
}

// An acknowledged write is visible to the very next match, from another thread.
TEST_F(ConcurrencyTest, AcknowledgedWriteVisibleToNextMatchInAnotherThread) {
  // Background workers so that the index is not trivial.
  std::mt19937 rng(1);
  std::vector<cakap::v1::Worker> background;
  for (int i = 0; i < 200; ++i) background.push_back(RandomWorker(absl::StrCat("b-", i), &rng));
  ASSERT_OK(engine_->UpsertWorkers(background));
  const cakap::v1::Vacancy v = VacancyBuilder().Require("LAS.INSPEKTOR").InRegion("61.12");
  constexpr int kRounds = 40;
  std::atomic<int> acked{-1};    // round whose write returned
  std::atomic<int> checked{-1};  // round the reader has checked
  std::vector<std::string> failures;
  std::thread reader([&] {
    for (int round = 0; round < kRounds; ++round) {
      while (acked.load() < round) std::this_thread::yield();
      absl::StatusOr<std::vector<cakap::v1::Candidate>> all = MatchAll(*engine_, v);
      if (!all.ok()) {
        failures.push_back(all.status().ToString());
      } else {
        const std::vector<std::string> ids = Ids(*all);
        const std::string id = absl::StrCat("ack-", round / 2);
        const bool present = std::find(ids.begin(), ids.end(), id) != ids.end();
        // Even rounds upsert ack-N, odd rounds delete it.
        const bool want = round % 2 == 0;
        if (present != want) {
          failures.push_back(absl::StrCat("round ", round, ": ", id,
                                          want ? " missing after upsert" : " present after delete"));
        }
        if (ids.size() != (want ? 1u : 0u)) {
          failures.push_back(absl::StrCat("round ", round, ": ", ids.size(), " candidates"));
        }
      }
      checked = round;
    }
  });
  for (int round = 0; round < kRounds; ++round) {
    const std::string id = absl::StrCat("ack-", round / 2);
    if (round % 2 == 0) {
      EXPECT_OK(engine_->UpsertWorker(
          WorkerBuilder(id).Region("61.12").Skill("welding inspector")));
    } else {
      EXPECT_OK(engine_->DeleteWorker(id));
    }
    acked = round;
    while (checked.load() < round) std::this_thread::yield();
  }
  reader.join();
  EXPECT_THAT(failures, ::testing::IsEmpty());
}

}  // namespace
}  // namespace cakap_test
