#include "allocation_solver.h"

// LEMON's SmartDigraph pushes default-constructed node records GCC 12 cannot prove
// initialised (a false positive inside the library): quiet it for this file only.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <limits>
#include <numeric>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace cakap {
namespace alloc {
namespace {

absl::Status Check(const Problem& p) {
  if (p.max_non_local.size() != p.places.size()) {
    return absl::InvalidArgumentError("max_non_local: one entry per vacancy");
  }
  for (size_t v = 0; v < p.places.size(); ++v) {
    if (p.places[v] < 0 || p.max_non_local[v] < 0) {
      return absl::InvalidArgumentError(absl::StrCat("vacancy ", v, ": negative capacity"));
    }
  }
  for (int32_t slots : p.worker_slots) {
    if (slots < 0) return absl::InvalidArgumentError("worker_slots: negative");
  }
  for (const Pair& pair : p.pairs) {
    if (pair.worker < 0 || static_cast<size_t>(pair.worker) >= p.worker_slots.size() ||
        pair.vacancy < 0 || static_cast<size_t>(pair.vacancy) >= p.places.size() ||
        pair.value < 0) {
      return absl::InvalidArgumentError("pairs: index out of range or negative value");
    }
  }
  return absl::OkStatus();
}

// Whether the vacancy's non-local places are limited below its places: only then does
// the flow need a non-local sub-node.
bool HasQuota(const Problem& p, size_t v) { return p.max_non_local[v] < p.places[v]; }

}  // namespace

bool Feasible(const Problem& p, const Solution& s) {
  if (s.chosen.size() != p.pairs.size()) return false;
  std::vector<int32_t> slots(p.worker_slots.size(), 0), places(p.places.size(), 0),
      non_local(p.places.size(), 0);
  int64_t value = 0, count = 0;
  for (size_t i = 0; i < p.pairs.size(); ++i) {
    if (!s.chosen[i]) continue;
    const Pair& pair = p.pairs[i];
    ++slots[pair.worker];
    ++places[pair.vacancy];
    if (!pair.local) ++non_local[pair.vacancy];
    value += pair.value;
    ++count;
  }
  for (size_t w = 0; w < slots.size(); ++w) {
    if (slots[w] > p.worker_slots[w]) return false;
  }
  for (size_t v = 0; v < places.size(); ++v) {
    if (places[v] > p.places[v] || non_local[v] > p.max_non_local[v]) return false;
  }
  return value == s.value && count == s.count;
}

// The flow network: source -> worker (capacity: its slots) -> vacancy (1 per pair) ->
// sink (capacity: its places). A non-local worker reaches a vacancy with a quota through
// the vacancy's non-local sub-node, whose arc into the vacancy carries at most
// max_non_local: the quota is then a plain capacity and the problem stays a min-cost
// flow, solved exactly (integral, as every capacity is). A source -> sink arc of cost 0
// lets any unit of supply stay unplaced.
//
// Costs: -(value * M + 1) per pair with M greater than the most pairs any solution can
// hold, so the flow maximises the total value first and the number of pairs second,
// both exactly in integers.
absl::StatusOr<Solution> SolveOptimal(const Problem& p) {
  if (absl::Status s = Check(p); !s.ok()) return s;
  using Graph = lemon::SmartDigraph;
  using Simplex = lemon::NetworkSimplex<Graph, int64_t, int64_t>;
  const int64_t supply =
      std::accumulate(p.worker_slots.begin(), p.worker_slots.end(), int64_t{0});
  const int64_t demand = std::accumulate(p.places.begin(), p.places.end(), int64_t{0});
  const int64_t most_pairs =
      std::min<int64_t>({supply, demand, static_cast<int64_t>(p.pairs.size())});
  const int64_t multiplier = most_pairs + 1;
  int64_t max_value = 0;
  for (const Pair& pair : p.pairs) max_value = std::max(max_value, pair.value);
  const int64_t nodes = 2 + static_cast<int64_t>(p.worker_slots.size() + 2 * p.places.size());
  // NetworkSimplex's artificial cost is (max |cost| + 1) x nodes, and potentials sum
  // costs along tree paths: keep both well inside int64.
  constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / 8;
  if (max_value > 0 && (max_value > kLimit / multiplier ||
                        max_value * multiplier + 2 > kLimit / nodes)) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "allocation too large for exact costs: ", p.pairs.size(), " pairs, value up to ",
        max_value));
  }

  Graph g;
  g.reserveNode(static_cast<int>(nodes));
  g.reserveArc(static_cast<int>(p.pairs.size() + p.worker_slots.size() + 2 * p.places.size() + 1));
  Graph::ArcMap<int64_t> capacity(g), cost(g);
  auto arc = [&](Graph::Node from, Graph::Node to, int64_t cap, int64_t c) {
    const Graph::Arc a = g.addArc(from, to);
    capacity[a] = cap;
    cost[a] = c;
    return a;
  };
  const Graph::Node source = g.addNode(), sink = g.addNode();
  std::vector<Graph::Node> worker(p.worker_slots.size()), vacancy(p.places.size()),
      non_local(p.places.size());
  for (size_t w = 0; w < worker.size(); ++w) {
    worker[w] = g.addNode();
    arc(source, worker[w], p.worker_slots[w], 0);
  }
  for (size_t v = 0; v < vacancy.size(); ++v) {
    vacancy[v] = g.addNode();
    arc(vacancy[v], sink, p.places[v], 0);
    if (HasQuota(p, v)) {
      non_local[v] = g.addNode();
      arc(non_local[v], vacancy[v], p.max_non_local[v], 0);
    }
  }
  arc(source, sink, supply, 0);
  std::vector<Graph::Arc> pair_arcs;
  pair_arcs.reserve(p.pairs.size());
  for (const Pair& pair : p.pairs) {
    const Graph::Node to =
        HasQuota(p, pair.vacancy) && !pair.local ? non_local[pair.vacancy] : vacancy[pair.vacancy];
    pair_arcs.push_back(arc(worker[pair.worker], to, 1, -(pair.value * multiplier + 1)));
  }
  Graph::NodeMap<int64_t> supplies(g, 0);
  supplies[source] = supply;
  supplies[sink] = -supply;

  Simplex simplex(g);
  simplex.upperMap(capacity).costMap(cost).supplyMap(supplies);
  const Simplex::ProblemType outcome = simplex.run();
  if (outcome != Simplex::OPTIMAL) {
    // The bypass arc makes every instance feasible and capacities bound it.
    return absl::InternalError("min-cost flow: no optimal solution");
  }
  Solution s;
  s.chosen.assign(p.pairs.size(), false);
  for (size_t i = 0; i < p.pairs.size(); ++i) {
    if (simplex.flow(pair_arcs[i]) > 0) {
      s.chosen[i] = true;
      s.value += p.pairs[i].value;
      ++s.count;
    }
  }
  return s;
}

Solution SolveGreedy(const Problem& p) {
  std::vector<size_t> order(p.pairs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return p.pairs[a].value > p.pairs[b].value;
  });
  std::vector<int32_t> slots = p.worker_slots, places = p.places, non_local = p.max_non_local;
  Solution s;
  s.chosen.assign(p.pairs.size(), false);
  for (size_t i : order) {
    const Pair& pair = p.pairs[i];
    if (slots[pair.worker] == 0 || places[pair.vacancy] == 0) continue;
    if (!pair.local && non_local[pair.vacancy] == 0) continue;
    --slots[pair.worker];
    --places[pair.vacancy];
    if (!pair.local) --non_local[pair.vacancy];
    s.chosen[i] = true;
    s.value += pair.value;
    ++s.count;
  }
  return s;
}

}  // namespace alloc
}  // namespace cakap
