// The optimisation of batch allocation, apart from the index: a bipartite problem of
// workers and vacancies with integer pair values, solved exactly as a min-cost flow
// (LEMON's NetworkSimplex), and the greedy baseline it is compared against. The exact
// definition is docs/ranking.md, "Batch allocation"; allocate.cc builds the problem
// from Engine::Match.
#ifndef CAKAP_ENGINE_ALLOCATION_SOLVER_H_
#define CAKAP_ENGINE_ALLOCATION_SOLVER_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"

namespace cakap {
namespace alloc {

// A feasible (worker, vacancy) pair: the worker is a candidate of the vacancy.
struct Pair {
  int32_t worker = 0;
  int32_t vacancy = 0;
  // What placing the worker there is worth, in micro units, >= 0.
  int64_t value = 0;
  // Whether the worker counts as local for the vacancy's quota.
  bool local = false;
};

struct Problem {
  std::vector<int32_t> worker_slots;   // per worker: at most this many pairs, >= 1
  std::vector<int32_t> places;         // per vacancy: at most this many pairs, >= 1
  std::vector<int32_t> max_non_local;  // per vacancy: at most this many non-local pairs
  // Distinct (worker, vacancy) pairs. Their order is the tie-break of the greedy
  // baseline among pairs of equal value (allocate.cc sorts them by worker id, then
  // vacancy id).
  std::vector<Pair> pairs;
};

struct Solution {
  std::vector<bool> chosen;  // per pair
  int64_t value = 0;         // sum of the chosen pairs' values
  int64_t count = 0;         // chosen pairs
};

// Whether `s` respects every capacity and quota of `p` (and its sums are right).
bool Feasible(const Problem& p, const Solution& s);

// An optimal solution: the largest total value; among those, the most pairs (so a pair
// of value 0 is still taken when there is room). InvalidArgument for a malformed problem
// (an index out of range, a negative value or capacity); ResourceExhausted when the
// values are too large for exact 64-bit costs.
absl::StatusOr<Solution> SolveOptimal(const Problem& p);

// The greedy baseline: pairs by value desc (ties: their order in p.pairs), each taken
// when its worker has a slot, its vacancy a place, and, for a non-local worker, the
// vacancy's quota a non-local place left. Expects a problem SolveOptimal accepts.
Solution SolveGreedy(const Problem& p);

}  // namespace alloc
}  // namespace cakap

#endif  // CAKAP_ENGINE_ALLOCATION_SOLVER_H_
