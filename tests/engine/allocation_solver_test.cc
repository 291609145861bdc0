// The allocation solver against exhaustive search: on small random instances (with
// quotas, interview slots and ties) the min-cost flow's objective is the best any
// assignment reaches; the greedy baseline is feasible and never better.
#include "allocation_solver.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <utility>

#include "gtest/gtest.h"

namespace cakap {
namespace alloc {
namespace {

struct Best {
  int64_t value = -1;
  int64_t count = -1;
};

// Every assignment: each worker takes a subset of its pairs (at most its slots), every
// vacancy's places and non-local places respected. Lexicographic (value, count) max.
class Exhaustive {
 public:
  explicit Exhaustive(const Problem& p)
      : p_(p), places_(p.places), non_local_(p.max_non_local), by_worker_(p.worker_slots.size()) {
    for (size_t i = 0; i < p.pairs.size(); ++i) by_worker_[p.pairs[i].worker].push_back(i);
  }
  Best Run() {
    Worker(0, 0, 0);
    return best_;
  }

 private:
  void Worker(size_t w, int64_t value, int64_t count) {
    if (w == by_worker_.size()) {
      if (value > best_.value || (value == best_.value && count > best_.count)) {
        best_ = {value, count};
      }
      return;
    }
    Subsets(w, 0, p_.worker_slots[w], value, count);
  }
  // Chooses pairs of worker w from by_worker_[w][k...], at most `left` more.
  void Subsets(size_t w, size_t k, int left, int64_t value, int64_t count) {
    if (k == by_worker_[w].size() || left == 0) {
      Worker(w + 1, value, count);
      return;
    }
    Subsets(w, k + 1, left, value, count);  // without this pair
    const Pair& pair = p_.pairs[by_worker_[w][k]];
    if (places_[pair.vacancy] == 0 || (!pair.local && non_local_[pair.vacancy] == 0)) return;
    --places_[pair.vacancy];
    if (!pair.local) --non_local_[pair.vacancy];
    Subsets(w, k + 1, left - 1, value + pair.value, count + 1);
    ++places_[pair.vacancy];
    if (!pair.local) ++non_local_[pair.vacancy];
  }

  const Problem& p_;
  std::vector<int32_t> places_, non_local_;
  std::vector<std::vector<size_t>> by_worker_;
  Best best_;
};

// A random instance: `workers` x `vacancies`, each pair feasible with probability
// `density`, values from a small set (ties are common, as rounded scores are), some
// vacancies with a quota.
Problem RandomProblem(std::mt19937* rng, int workers, int vacancies, int max_slots,
                      double density) {
  std::uniform_int_distribution<int> places(1, 3), slots(1, max_slots), value(0, 6),
      share(0, 4);
  std::bernoulli_distribution feasible(density), local(0.4);
  Problem p;
  for (int w = 0; w < workers; ++w) p.worker_slots.push_back(slots(*rng));
  for (int v = 0; v < vacancies; ++v) {
    p.places.push_back(places(*rng));
    // Quota share 0, 0.25, 0.5, 0.75 or 1: max_non_local = floor((1 - share) x places).
    const double s = share(*rng) / 4.0;
    p.max_non_local.push_back(static_cast<int32_t>((1.0 - s) * p.places.back() + 1e-9));
  }
  for (int w = 0; w < workers; ++w) {
    const bool is_local = local(*rng);
    for (int v = 0; v < vacancies; ++v) {
      if (!feasible(*rng)) continue;
      p.pairs.push_back({w, v, value(*rng) * 100000, is_local});
    }
  }
  return p;
}

void ExpectOptimal(const Problem& p, const std::string& what, double* gap_sum, int* gaps) {
  absl::StatusOr<Solution> optimal = SolveOptimal(p);
  ASSERT_TRUE(optimal.ok()) << optimal.status();
  EXPECT_TRUE(Feasible(p, *optimal)) << what;
  const Best best = Exhaustive(p).Run();
  EXPECT_EQ(optimal->value, best.value) << what;
  EXPECT_EQ(optimal->count, best.count) << what;
  const Solution greedy = SolveGreedy(p);
  EXPECT_TRUE(Feasible(p, greedy)) << what;
  EXPECT_LE(greedy.value, optimal->value) << what;
  if (optimal->value > 0) {
    *gap_sum += static_cast<double>(optimal->value - greedy.value) / optimal->value;
    ++*gaps;
  }
}

TEST(AllocationSolver, OptimalAgainstExhaustiveSearchOnePlacePerWorker) {
  double gap_sum = 0;
  int gaps = 0, greedy_worse = 0;
  for (int seed = 0; seed < 300; ++seed) {
    std::mt19937 rng(seed);
    const Problem p = RandomProblem(&rng, 8, 4, 1, 0.6);
    ExpectOptimal(p, "seed " + std::to_string(seed), &gap_sum, &gaps);
    if (SolveGreedy(p).value < SolveOptimal(p)->value) ++greedy_worse;
  }
  // The instances are hard enough to tell a solver from the greedy baseline.
  EXPECT_GT(greedy_worse, 10);
  std::printf("greedy gap over %d instances: mean %.4f, greedy worse on %d\n", gaps,
              gap_sum / gaps, greedy_worse);
}

TEST(AllocationSolver, OptimalAgainstExhaustiveSearchInterviewSlots) {
  double gap_sum = 0;
  int gaps = 0;
  for (int seed = 0; seed < 150; ++seed) {
    std::mt19937 rng(1000 + seed);
    ExpectOptimal(RandomProblem(&rng, 6, 4, 3, 0.7), "seed " + std::to_string(seed), &gap_sum,
                  &gaps);
  }
  std::printf("interview slots: greedy gap over %d instances: mean %.4f\n", gaps,
              gap_sum / gaps);
}

// A quota that binds: one place each for a local and a non-local worker is not enough;
// the vacancy with max_non_local 0 takes only the local worker even though the
// non-local one scores higher.
TEST(AllocationSolver, QuotaKeepsPlacesForLocals) {
  Problem p;
  p.worker_slots = {1, 1};
  p.places = {2};
  p.max_non_local = {0};
  p.pairs = {{0, 0, 900000, false}, {1, 0, 100000, true}};
  absl::StatusOr<Solution> s = SolveOptimal(p);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->chosen, (std::vector<bool>{false, true}));
  EXPECT_EQ(s->value, 100000);
}

// The classic case greedy gets wrong: the best pair blocks two good ones.
TEST(AllocationSolver, GreedyLosesWhereTheFlowDoesNot) {
  Problem p;
  p.worker_slots = {1, 1};
  p.places = {1, 1};
  p.max_non_local = {1, 1};
  p.pairs = {{0, 0, 900000, false}, {0, 1, 800000, false}, {1, 0, 700000, false}};
  EXPECT_EQ(SolveOptimal(p)->value, 1500000);
  EXPECT_EQ(SolveGreedy(p).value, 900000);
}

// Zero-value pairs are still taken when there is room (the count tie-break).
TEST(AllocationSolver, ZeroValuePairsArePlaced) {
  Problem p;
  p.worker_slots = {1, 1};
  p.places = {2};
  p.max_non_local = {2};
  p.pairs = {{0, 0, 0, false}, {1, 0, 0, false}};
  EXPECT_EQ(SolveOptimal(p)->count, 2);
}

TEST(AllocationSolver, MalformedProblemsAreRejected) {
  Problem p;
  p.worker_slots = {1};
  p.places = {1};
  p.max_non_local = {1};
  p.pairs = {{0, 3, 1, false}};
  EXPECT_TRUE(absl::IsInvalidArgument(SolveOptimal(p).status()));
  p.pairs = {{0, 0, -1, false}};
  EXPECT_TRUE(absl::IsInvalidArgument(SolveOptimal(p).status()));
}

// Large random instance: feasible, and at least as good as greedy.
TEST(AllocationSolver, LargeInstanceFeasible) {
  std::mt19937 rng(7);
  Problem p;
  std::uniform_int_distribution<int> value(0, 1000000), vac(0, 199);
  for (int w = 0; w < 20000; ++w) p.worker_slots.push_back(1);
  for (int v = 0; v < 200; ++v) {
    p.places.push_back(1 + v % 50);
    p.max_non_local.push_back(v % 3 == 0 ? p.places.back() / 5 : p.places.back());
  }
  for (int w = 0; w < 20000; ++w) {
    std::vector<int> vs;
    for (int k = 0; k < 5; ++k) vs.push_back(vac(rng));
    std::sort(vs.begin(), vs.end());
    vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
    for (int v : vs) p.pairs.push_back({w, v, value(rng), w % 4 == 0});
  }
  absl::StatusOr<Solution> s = SolveOptimal(p);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(Feasible(p, *s));
  const Solution greedy = SolveGreedy(p);
  EXPECT_TRUE(Feasible(p, greedy));
  EXPECT_GE(s->value, greedy.value);
  std::printf("large: %lld pairs chosen, gap %.5f\n", static_cast<long long>(s->count),
              static_cast<double>(s->value - greedy.value) / s->value);
}

}  // namespace
}  // namespace alloc
}  // namespace cakap
