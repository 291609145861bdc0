// Engine::Allocate on real indexes: on small random ones its objective is the best any
// assignment of Match's candidates reaches (exhaustive search over the candidates Match
// returns, with the quota and interview settings); on a generated corpus every proposed
// pair is a candidate of Match and every capacity holds; and the request is validated
// field by field.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cakap/allocate.h"
#include "corpus/corpus.h"
#include "engine/test_util.h"
#include "gtest/gtest.h"

namespace cakap {
namespace {

using cakap_test::MatchAll;

struct PairInfo {
  int64_t score;
  bool local;
};
// Match's candidates: vacancy index -> worker id -> (score micro, local).
using Candidates = std::vector<std::map<std::string, PairInfo>>;

Candidates CandidatesOf(const Engine& engine, const std::vector<v1::Vacancy>& vacancies) {
  Candidates out;
  for (const v1::Vacancy& v : vacancies) {
    absl::StatusOr<std::vector<v1::Candidate>> all = MatchAll(engine, v);
    EXPECT_TRUE(all.ok()) << all.status();
    std::map<std::string, PairInfo>& m = out.emplace_back();
    if (!all.ok()) continue;
    for (const v1::Candidate& c : *all) m[c.worker().id()] = {std::llround(c.score() * 1e6), c.local()};
  }
  return out;
}

int Places(const v1::Vacancy& v, int factor) { return std::max(1, v.openings()) * factor; }
int MaxNonLocal(const v1::Vacancy& v, int places) {
  if (v.local_region_codes_size() == 0 || v.min_local_share() <= 0) return places;
  return static_cast<int>(std::floor((1 - v.min_local_share()) * places + 1e-9));
}

// The best total score of any assignment: each worker to at most `slots` of its
// candidate vacancies, each vacancy within its places and non-local places.
int64_t BruteForce(const std::vector<std::string>& workers, const Candidates& cands,
                   const std::vector<v1::Vacancy>& vacancies, int slots, int factor) {
  std::vector<int> places, non_local;
  for (const v1::Vacancy& v : vacancies) {
    places.push_back(Places(v, factor));
    non_local.push_back(MaxNonLocal(v, places.back()));
  }
  int64_t best = 0;
  std::function<void(size_t, size_t, int, int64_t)> go = [&](size_t w, size_t v, int left,
                                                             int64_t total) {
    if (w == workers.size()) {
      best = std::max(best, total);
      return;
    }
    if (v == vacancies.size() || left == 0) return go(w + 1, 0, slots, total);
    go(w, v + 1, left, total);
    auto it = cands[v].find(workers[w]);
    if (it == cands[v].end() || places[v] == 0 || (!it->second.local && non_local[v] == 0)) return;
    --places[v];
    if (!it->second.local) --non_local[v];
    go(w, v + 1, left - 1, total + it->second.score);
    ++places[v];
    if (!it->second.local) ++non_local[v];
  };
  go(0, 0, slots, 0);
  return best;
}

// Every proposed pair is a candidate of Match with Match's score; every capacity holds;
// placements and vacancies agree. Returns the total score in micro units.
int64_t CheckFeasible(const v1::AllocationResult& r, const Candidates& cands,
                      const std::vector<v1::Vacancy>& vacancies, int slots, int factor) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < vacancies.size(); ++i) index[vacancies[i].id()] = i;
  std::map<std::string, std::set<std::string>> by_worker;
  int64_t total = 0;
  for (const v1::VacancyAllocation& va : r.vacancies()) {
    const size_t v = index.at(va.vacancy_id());
    const int places = Places(vacancies[v], factor);
    EXPECT_EQ(va.places(), places);
    EXPECT_LE(va.proposed_size(), places) << va.vacancy_id();
    int non_local = 0;
    for (const v1::Candidate& c : va.proposed()) {
      auto it = cands[v].find(c.worker().id());
      EXPECT_NE(it, cands[v].end()) << c.worker().id() << " is no candidate of " << va.vacancy_id();
      if (it == cands[v].end()) continue;
      EXPECT_EQ(std::llround(c.score() * 1e6), it->second.score);
      EXPECT_FALSE(c.explanation().empty());
      EXPECT_FALSE(c.moved_for_quota());
      for (const v1::ScoreComponent& e : c.explanation()) EXPECT_NE(e.name(), "quota");
      non_local += it->second.local ? 0 : 1;
      total += it->second.score;
      EXPECT_TRUE(by_worker[c.worker().id()].insert(va.vacancy_id()).second);
    }
    EXPECT_LE(non_local, MaxNonLocal(vacancies[v], places)) << va.vacancy_id();
  }
  for (const auto& [worker, vs] : by_worker) EXPECT_LE(static_cast<int>(vs.size()), slots);
  EXPECT_EQ(static_cast<size_t>(r.placements_size()), by_worker.size());
  for (const v1::WorkerPlacement& p : r.placements()) {
    const std::set<std::string> listed(p.vacancy_ids().begin(), p.vacancy_ids().end());
    EXPECT_EQ(listed, by_worker[p.worker_id()]) << p.worker_id();
  }
  EXPECT_EQ(std::llround(r.summary().total_score() * 1e6), total);
  EXPECT_GE(r.summary().objective() + 1e-9, r.summary().greedy_objective());
  return total;
}

class AllocateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = cakap_test::OpenEngine(dir_.path());
    ASSERT_TRUE(engine.ok()) << engine.status();
    engine_ = *std::move(engine);
  }
  cakap_test::TempDir dir_;
  std::unique_ptr<Engine> engine_;
};

// Random workers with overlapping skills and deciles; four stored vacancies, some with a
// quota for Balangan (63.11). Several seeds, one index each.
TEST(AllocateExhaustive, OptimalOnSmallIndexes) {
  const char* kSkills[] = {"LAS", "LISTRIK", "MEKANIK"};
  const char* kRegions[] = {"63.11", "63.08", "64.08"};
  int greedy_worse = 0;
  for (int seed = 0; seed < 12; ++seed) {
    cakap_test::TempDir dir;
    auto engine = cakap_test::OpenEngine(dir.path());
    ASSERT_TRUE(engine.ok());
    std::mt19937 rng(seed);
    std::vector<std::string> workers;
    for (int w = 0; w < 7; ++w) {
      cakap_test::WorkerBuilder b("w" + std::to_string(w));
      b.Region(kRegions[rng() % 3]).Decile(1 + rng() % 10);
      for (const char* s : kSkills) {
        if (rng() % 2) b.Skill(s);
      }
      if (rng() % 2) b.Skill("PERANCAH");  // a preferred skill: scores differ
      ASSERT_TRUE((*engine)->UpsertWorker(b.Build()).ok());
      workers.push_back("w" + std::to_string(w));
    }
    std::vector<v1::Vacancy> vacancies;
    for (int v = 0; v < 4; ++v) {
      cakap_test::VacancyBuilder b("v" + std::to_string(v));
      b.Require(kSkills[rng() % 3]).Prefer("PERANCAH").Region("63.11").Open();
      v1::Vacancy vacancy = b.Build();
      vacancy.set_openings(rng() % 3);
      if (v % 2 == 1) {
        vacancy.add_local_region_codes("63.11");
        vacancy.set_min_local_share(0.5);
      }
      ASSERT_TRUE((*engine)->UpsertVacancy(vacancy).ok());
      vacancies.push_back(vacancy);
    }
    const Candidates cands = CandidatesOf(**engine, vacancies);
    for (int slots : {1, 2}) {
      v1::AllocateRequest req;
      req.set_open_vacancies(true);
      req.set_slots_per_worker(slots);
      req.set_places_per_opening(slots);
      absl::StatusOr<v1::AllocationResult> r = (*engine)->Allocate(req);
      ASSERT_TRUE(r.ok()) << r.status();
      const int64_t total = CheckFeasible(*r, cands, vacancies, slots, slots);
      EXPECT_EQ(total, BruteForce(workers, cands, vacancies, slots, slots)) << "seed " << seed;
      if (r->summary().greedy_objective() < r->summary().objective()) ++greedy_worse;
    }
  }
  std::printf("greedy below the optimum on %d of 24 allocations\n", greedy_worse);
}

// A generated corpus: every proposal is a real candidate, capacities hold, and every
// unplaced worker's reason is consistent with the vacancies' final state.
TEST_F(AllocateTest, FeasibleOnAGeneratedCorpus) {
  corpus::WorkerGenerator workers(engine_->regions(), engine_->lexicon(), {});
  std::vector<v1::Worker> batch;
  for (int i = 0; i < 3000; ++i) batch.push_back(workers.Make(i));
  ASSERT_TRUE(engine_->UpsertWorkers(batch).ok());
  corpus::VacancyGenerator gen(engine_->regions(), engine_->lexicon(), {});
  std::vector<v1::Vacancy> vacancies;
  for (int i = 0; i < 40; ++i) {
    v1::Vacancy v = gen.Make(i % 2 ? corpus::VacancyClass::kRegional200
                                   : corpus::VacancyClass::kNational, i);
    v.set_openings(1 + i % 7);
    v.set_open(true);
    if (i % 4 == 0) {
      v.add_local_region_codes("64");
      v.set_min_local_share(0.75);
    }
    ASSERT_TRUE(engine_->UpsertVacancy(v).ok());
    vacancies.push_back(v);
  }
  std::sort(vacancies.begin(), vacancies.end(),
            [](const v1::Vacancy& a, const v1::Vacancy& b) { return a.id() < b.id(); });
  const Candidates cands = CandidatesOf(*engine_, vacancies);
  v1::AllocateRequest req;
  req.set_open_vacancies(true);
  absl::StatusOr<v1::AllocationResult> r = engine_->Allocate(req);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->vacancies_size(), 40);
  CheckFeasible(*r, cands, vacancies, 1, 1);
  // Enough competition for the test to mean something: more pairs than places.
  EXPECT_GT(r->summary().feasible_pairs(), 2 * r->summary().places());
  EXPECT_GT(r->summary().assignments(), 0);
  std::map<std::string, int> left;
  for (const v1::VacancyAllocation& va : r->vacancies()) {
    left[va.vacancy_id()] = va.places() - va.proposed_size();
  }
  for (const v1::UnplacedWorker& u : r->unplaced()) {
    ASSERT_TRUE(u.reason() == v1::VACANCIES_FULL || u.reason() == v1::QUOTA) << u.worker_id();
    ASSERT_FALSE(u.vacancy_ids().empty());
    if (u.reason() == v1::VACANCIES_FULL) {
      for (const std::string& v : u.vacancy_ids()) EXPECT_EQ(left[v], 0) << u.worker_id();
    }
  }
  std::printf("corpus: %lld pairs, %lld placed, objective %.3f, greedy %.3f (gap %.4f)\n",
              static_cast<long long>(r->summary().feasible_pairs()),
              static_cast<long long>(r->summary().assignments()), r->summary().objective(),
              r->summary().greedy_objective(), r->summary().greedy_gap());
}

// With welfare left out of the score two workers tie; welfare_weight prefers decile 1.
TEST_F(AllocateTest, WelfareWeightPrefersHigherPriority) {
  ASSERT_TRUE(engine_->UpsertWorker(cakap_test::WorkerBuilder("rich").Skill("LAS").Decile(10).Build()).ok());
  ASSERT_TRUE(engine_->UpsertWorker(cakap_test::WorkerBuilder("poor").Skill("LAS").Decile(1).Build()).ok());
  ASSERT_TRUE(engine_->UpsertVacancy(cakap_test::VacancyBuilder("v").Require("LAS").Open().Build()).ok());
  v1::AllocateRequest req;
  req.add_vacancy_ids("v");
  req.set_exclude_welfare(true);
  absl::StatusOr<v1::AllocationResult> r = engine_->Allocate(req);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->vacancies(0).proposed_size(), 1);  // either: their scores tie
  EXPECT_EQ(r->summary().objective(), r->summary().total_score());
  req.set_welfare_weight(1);
  r = engine_->Allocate(req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->vacancies(0).proposed(0).worker().id(), "poor");
  EXPECT_NEAR(r->summary().objective() - r->summary().total_score(), 1.0, 1e-9);
  ASSERT_EQ(r->unplaced_size(), 1);
  EXPECT_EQ(r->unplaced(0).worker_id(), "rich");
  EXPECT_EQ(r->unplaced(0).reason(), v1::VACANCIES_FULL);
}

// An explicit cohort: unknown ids are NOT_FOUND, workers who fit nothing say so, and
// nobody outside the cohort is placed.
TEST_F(AllocateTest, CohortListAndReasons) {
  ASSERT_TRUE(engine_->UpsertWorker(cakap_test::WorkerBuilder("a").Skill("LAS").Build()).ok());
  ASSERT_TRUE(engine_->UpsertWorker(cakap_test::WorkerBuilder("b").Skill("LAS").Build()).ok());
  ASSERT_TRUE(engine_->UpsertWorker(cakap_test::WorkerBuilder("c").Skill("LISTRIK").Build()).ok());
  ASSERT_TRUE(engine_->UpsertVacancy(cakap_test::VacancyBuilder("v").Require("LAS").Build()).ok());
  v1::AllocateRequest req;
  req.add_vacancy_ids("v");
  for (const char* id : {"b", "c", "ghost"}) req.add_worker_ids(id);
  absl::StatusOr<v1::AllocationResult> r = engine_->Allocate(req);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->placements_size(), 1);
  EXPECT_EQ(r->placements(0).worker_id(), "b");
  ASSERT_EQ(r->unplaced_size(), 2);
  EXPECT_EQ(r->unplaced(0).worker_id(), "c");
  EXPECT_EQ(r->unplaced(0).reason(), v1::NO_FEASIBLE_VACANCY);
  EXPECT_EQ(r->unplaced(1).worker_id(), "ghost");
  EXPECT_EQ(r->unplaced(1).reason(), v1::NOT_FOUND);
  EXPECT_EQ(r->summary().workers(), 3);
}

// Placements in the ledger fill a vacancy's openings: an allocation proposes workers only
// for the openings left, and none for a full vacancy even when asked for it by id.
TEST_F(AllocateTest, FilledOpeningsHaveNoPlaces) {
  for (const char* id : {"a", "b", "c", "d"}) {
    ASSERT_TRUE(engine_->UpsertWorker(cakap_test::WorkerBuilder(id).Skill("LAS").Build()).ok());
  }
  v1::Vacancy v = cakap_test::VacancyBuilder("v").Require("LAS").Open().Build();
  v.set_openings(2);
  ASSERT_TRUE(engine_->UpsertVacancy(v).ok());
  auto place = [&](const char* worker) {
    v1::LedgerEntry e;
    e.set_worker_id(worker);
    e.mutable_placement()->set_kind(v1::PLACEMENT_KIND_JOB);
    e.mutable_placement()->set_vacancy_id("v");
    e.mutable_placement()->set_date("2026-11-02");
    ASSERT_TRUE(engine_->RecordLedgerEntry(e, {}).ok());
  };
  auto allocate = [&](std::vector<const char*> cohort) {
    v1::AllocateRequest req;
    req.add_vacancy_ids("v");
    for (const char* id : cohort) req.add_worker_ids(id);
    absl::StatusOr<v1::AllocationResult> r = engine_->Allocate(req);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *r : v1::AllocationResult();
  };
  place("c");  // one of two openings filled
  v1::AllocationResult one_left = allocate({"a", "b"});
  ASSERT_EQ(one_left.vacancies_size(), 1);
  EXPECT_EQ(one_left.vacancies(0).places(), 1);
  ASSERT_EQ(one_left.placements_size(), 1);
  ASSERT_EQ(one_left.unplaced_size(), 1);
  EXPECT_EQ(one_left.unplaced(0).reason(), v1::VACANCIES_FULL);
  place("d");  // full, and closed by the placement
  v1::AllocationResult full = allocate({"a", "b"});
  ASSERT_EQ(full.vacancies_size(), 1);
  EXPECT_EQ(full.vacancies(0).places(), 0);
  EXPECT_EQ(full.placements_size(), 0);
  EXPECT_EQ(full.summary().places(), 0);
}

// A quota with no local candidate: the vacancy keeps its local places empty and the
// non-local worker left over is unplaced for the quota.
TEST_F(AllocateTest, QuotaReason) {
  ASSERT_TRUE(engine_->UpsertWorker(cakap_test::WorkerBuilder("a").Region("64.08").Skill("LAS").Build()).ok());
  ASSERT_TRUE(engine_->UpsertWorker(cakap_test::WorkerBuilder("b").Region("64.08").Skill("LAS").Build()).ok());
  v1::Vacancy v = cakap_test::VacancyBuilder("v").Require("LAS").Build();
  v.add_local_region_codes("63.11");
  v.set_min_local_share(0.8);
  v.set_openings(10);  // at most floor(0.2 x 10) = 2 non-local (in binary 1.999...: 2)
  ASSERT_TRUE(engine_->UpsertVacancy(v).ok());
  v1::AllocateRequest req;
  req.add_vacancy_ids("v");
  absl::StatusOr<v1::AllocationResult> r = engine_->Allocate(req);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->vacancies(0).max_non_local(), 2);
  EXPECT_EQ(r->vacancies(0).proposed_size(), 2);
  EXPECT_FALSE(r->vacancies(0).quota_share_met());  // 0 local of 2 < floor(0.8 x 2)
  v.set_openings(4);  // at most floor(0.2 x 4) = 0 non-local
  ASSERT_TRUE(engine_->UpsertVacancy(v).ok());
  r = engine_->Allocate(req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->vacancies(0).max_non_local(), 0);
  EXPECT_EQ(r->vacancies(0).proposed_size(), 0);
  ASSERT_EQ(r->unplaced_size(), 2);
  EXPECT_EQ(r->unplaced(0).reason(), v1::QUOTA);
}

TEST_F(AllocateTest, ValidationNamesTheField) {
  auto error = [&](const v1::AllocateRequest& req) {
    return std::string(engine_->Allocate(req).status().message());
  };
  v1::AllocateRequest req;
  EXPECT_EQ(error(req).rfind("vacancy_ids:", 0), 0u) << error(req);
  req.add_vacancy_ids("");
  EXPECT_EQ(error(req).rfind("vacancy_ids[0]", 0), 0u) << error(req);
  req.set_vacancy_ids(0, "missing");
  EXPECT_TRUE(absl::IsNotFound(engine_->Allocate(req).status()));
  req.set_slots_per_worker(11);
  EXPECT_EQ(error(req).rfind("slots_per_worker:", 0), 0u);
  req.set_slots_per_worker(1);
  req.set_places_per_opening(-1);
  EXPECT_EQ(error(req).rfind("places_per_opening:", 0), 0u);
  req.set_places_per_opening(1);
  req.set_welfare_weight(NAN);
  EXPECT_EQ(error(req).rfind("welfare_weight:", 0), 0u);
  req.set_welfare_weight(0);
  req.add_cohort_region_codes("99.99");
  EXPECT_EQ(error(req).rfind("cohort_region_codes[0]:", 0), 0u) << error(req);
  req.clear_cohort_region_codes();
  req.add_worker_ids("bad id");
  EXPECT_EQ(error(req).rfind("worker_ids[0]", 0), 0u) << error(req);
}

TEST_F(AllocateTest, DeadlineIsRespected) {
  ASSERT_TRUE(engine_->UpsertVacancy(cakap_test::VacancyBuilder("v").Require("LAS").Build()).ok());
  v1::AllocateRequest req;
  req.add_vacancy_ids("v");
  EXPECT_TRUE(absl::IsDeadlineExceeded(engine_->Allocate(req, absl::InfinitePast()).status()));
  EXPECT_TRUE(engine_->Allocate(req, absl::Now() + absl::Seconds(60)).ok());
}

}  // namespace
}  // namespace cakap
