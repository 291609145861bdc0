#include "coarse_query.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>
#include <optional>
#include <string>

#include "document.h"
#include "geo.h"
#include "schema.h"

namespace cakap {

TermQuery KeywordQuery(const ResolvedVacancy& v, const EngineEnv& env,
                       const Xapian::Stem& stem) {
  std::vector<TermQuery> parts;
  for (SkillId s : v.keyword_skills) parts.push_back(TermQuery::Term(SkillTerm(env.lexicon, s)));
  // A word matches exactly or by its Indonesian stem; an exact match has the same stem.
  for (const std::string& word : v.keyword_words) {
    parts.push_back(TermQuery::Term(StemTerm(stem, word)));
  }
  return TermQuery::AllOf(std::move(parts));
}

namespace {

// One group: a worker has at least one of `any_of`, lies in one of `cells` (the radius),
// or (keywords) matches `query`;
// `in_memory` adds the same test, as a superset, to a CandidateFilter (null for
// keywords: only the index knows a worker's words).
struct Group {
  std::vector<std::string> any_of;
  std::optional<TermQuery> query;
  std::function<void(CandidateFilter*)> in_memory;
  std::vector<uint64_t> cells;  // the radius: its cover, as grid keys

  // How Xapian reads the group; not for the radius (the record cache's grid holds it).
  TermQuery ToQuery() const { return query ? *query : TermQuery::AnyOfTerms(any_of); }
  // Adds the group's source to a plan: its grid cells, or its query to `queries`.
  void AddSource(std::vector<uint64_t>* plan_cells, std::vector<TermQuery>* queries) const {
    if (cells.empty()) {
      queries->push_back(ToQuery());
    } else {
      plan_cells->insert(plan_cells->end(), cells.begin(), cells.end());
    }
  }
  // Rough time to produce the group's workers, in ns, measured at 1M workers on the
  // 2-core machine: 13.6 ns per posting of one Xapian term, more for an OR (a heap
  // merge); ~1 ns per docid of the record cache's grid (the radius). Each is then
  // filtered (~5 ns). Infinite for keywords: never the cheapest.
  double CostNs(const Xapian::Database& db, const RecordCache& cache) const {
    constexpr double kFilterNs = 5;
    if (query) return std::numeric_limits<double>::infinity();
    if (!cells.empty()) {
      double docids = 0;
      for (uint64_t key : cells) {
        if (const auto* ids = cache.Cell(key)) docids += ids->size();
      }
      return docids * (1 + kFilterNs);
    }
    double postings = 0;
    for (const std::string& term : any_of) postings += db.get_termfreq(term);
    return postings * (14 + 6 * std::log2(static_cast<double>(any_of.size())) + kFilterNs);
  }
};

std::vector<Group> Groups(const ResolvedVacancy& v, const EngineEnv& env,
                          const Xapian::Stem& stem) {
  std::vector<Group> groups;
  for (SkillId s : v.required) {
    groups.push_back({{SkillTerm(env.lexicon, s)}, std::nullopt,
                      [s](CandidateFilter* f) { f->skills_all |= SkillBit(s); }, {}});
  }
  if (!v.issuers.empty()) {
    Group& g = groups.emplace_back();
    uint64_t bits = 0;
    for (uint8_t issuer : v.issuers) {
      if (v.required.empty()) {
        g.any_of.push_back(CertTerm(env.lexicon, issuer, 0));
        bits |= CertBit(issuer, 0);
      }
      for (SkillId s : v.required) {
        g.any_of.push_back(CertTerm(env.lexicon, issuer, s));
        bits |= CertBit(issuer, s);
      }
    }
    g.in_memory = [bits](CandidateFilter* f) { f->certs_any |= bits; };
  }
  if (v.has_location && v.radius_km > 0) {
    auto cells = CoverCircle(v.latitude, v.longitude, v.radius_km, env.options.geo_cell_levels,
                             env.options.max_cover_cells);
    auto box = BoundingBox(v.latitude, v.longitude, v.radius_km, RecordCache::kPointMarginDeg);
    // Both exist unless the circle reaches a pole (or no cell level fits): then the exact
    // distance check alone decides.
    if (cells && box) {
      Group& g = groups.emplace_back();
      for (const GeoCell& cell : *cells) g.cells.push_back(cell.Key());
      g.in_memory = [box](CandidateFilter* f) { f->box = box; };
    }
  }
  if (!v.region_codes.empty()) {
    Group& g = groups.emplace_back();
    std::vector<uint64_t> keys;
    for (const std::string& code : v.region_codes) {
      g.any_of.push_back(RegionTerm(*env.regions.Find(code)));
      keys.push_back(RegionKey(code));
    }
    g.in_memory = [keys](CandidateFilter* f) { f->regions = keys; };
  }
  if (v.HasKeywords()) groups.push_back({{}, KeywordQuery(v, env, stem), nullptr, {}});
  return groups;
}

// A match needs every group, so the radius group may read, instead of every worker in its
// cover, the cover's workers with one of the required skills (the grid keeps a list per
// cell and skill): the skill with the fewest there, if fewer than all. (Not for near
// misses: those may lack the skill.)
void NarrowToRequiredSkill(const RecordCache& cache, const std::vector<SkillId>& required,
                           Group* radius) {
  auto workers_with = [&](SkillId skill) {  // skill 0: every worker in the cover
    size_t n = 0;
    for (uint64_t key : radius->cells) {
      if (const auto* ids = cache.Cell(RecordCache::GridKey(key, skill))) n += ids->size();
    }
    return n;
  };
  SkillId best = 0;
  size_t fewest = workers_with(0);
  for (SkillId s : required) {
    const size_t n = workers_with(s);
    if (n < fewest) {
      fewest = n;
      best = s;
    }
  }
  for (uint64_t& key : radius->cells) key = RecordCache::GridKey(key, best);
}

}  // namespace

CandidatePlan PlanCandidates(const Xapian::Database& db, const RecordCache& cache,
                             const ResolvedVacancy& v, const EngineEnv& env,
                             const Xapian::Stem& stem) {
  std::vector<Group> groups = Groups(v, env, stem);
  for (Group& g : groups) {
    if (!g.cells.empty()) NarrowToRequiredSkill(cache, v.required, &g);
  }
  CandidatePlan plan;
  // Every group's terms are on worker documents only (document.cc), so the kind term is
  // needed only when there is no group.
  if (groups.empty()) {
    plan.query = TermQuery::Term(schema::kKindWorker);
    return plan;
  }
  // One group produces the candidates: the radius from the grid, or another from
  // Xapian's postings, whichever is cheaper. Every other group is checked on the
  // candidates' hot records, a few ns each, where a leapfrog AND would pay a skip_to
  // (~35 ns) per candidate and group; only the keywords stay with Xapian.
  size_t driver = 0;
  double cheapest = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < groups.size(); ++i) {
    const double cost = groups[i].CostNs(db, cache);
    if (cost < cheapest) {
      cheapest = cost;
      driver = i;
    }
  }
  std::vector<TermQuery> query;
  groups[driver].AddSource(&plan.cells, &query);
  if (!plan.cells.empty()) groups[driver].in_memory(&plan.filter);  // trims the corners
  for (size_t i = 0; i < groups.size(); ++i) {
    if (i == driver) continue;
    if (groups[i].in_memory) {
      groups[i].in_memory(&plan.filter);
    } else {
      query.push_back(groups[i].ToQuery());
    }
  }
  if (!query.empty()) plan.query = TermQuery::AllOf(std::move(query));
  return plan;
}

namespace {

// The docids in the grid `cells` (disjoint), in no particular order.
std::vector<Xapian::docid> GridDocids(const RecordCache& cache,
                                      const std::vector<uint64_t>& cells) {
  std::vector<Xapian::docid> ids;
  for (uint64_t key : cells) {
    if (const auto* cell = cache.Cell(key)) ids.insert(ids.end(), cell->begin(), cell->end());
  }
  return ids;
}

}  // namespace

std::vector<Xapian::docid> Candidates(const Xapian::Database& db, const RecordCache& cache,
                                      const CandidatePlan& plan) {
  if (plan.cells.empty()) {
    std::vector<Xapian::docid> ids = AllMatches(db, *plan.query);
    if (!plan.filter.empty()) cache.Filter(plan.filter, &ids);
    return ids;
  }
  std::vector<Xapian::docid> ids = GridDocids(cache, plan.cells);
  cache.Filter(plan.filter, &ids);
  std::sort(ids.begin(), ids.end());
  if (plan.query) {  // the keywords: only Xapian knows the words
    const std::vector<Xapian::docid> matching = AllMatches(db, *plan.query);
    std::vector<Xapian::docid> both;
    std::set_intersection(ids.begin(), ids.end(), matching.begin(), matching.end(),
                          std::back_inserter(both));
    ids.swap(both);
  }
  return ids;
}

NearMissPlan PlanNearMisses(const Xapian::Database& db, const RecordCache& cache,
                            const ResolvedVacancy& v, const EngineEnv& env,
                            const Xapian::Stem& stem) {
  std::vector<Group> groups = Groups(v, env, stem);
  NearMissPlan plan;
  // With at most one group, failing it is allowed: every worker is a candidate.
  if (groups.size() <= 1) {
    plan.query = TermQuery::Term(schema::kKindWorker);
    return plan;
  }
  // A worker failing at most one group is in at least one of any two groups: read the
  // two cheapest, then count failures on the hot records (keywords: by the caller).
  std::vector<std::pair<double, size_t>> by_cost;
  for (size_t i = 0; i < groups.size(); ++i) by_cost.push_back({groups[i].CostNs(db, cache), i});
  std::partial_sort(by_cost.begin(), by_cost.begin() + 2, by_cost.end());
  std::vector<TermQuery> either;
  for (int i = 0; i < 2; ++i) groups[by_cost[i].second].AddSource(&plan.cells, &either);
  if (!either.empty()) plan.query = TermQuery::AnyOf(std::move(either));
  for (const Group& g : groups) {
    if (!g.in_memory) continue;
    g.in_memory(&plan.groups.emplace_back());
  }
  return plan;
}

std::vector<Xapian::docid> NearMissCandidates(const Xapian::Database& db,
                                              const RecordCache& cache,
                                              const NearMissPlan& plan) {
  std::vector<Xapian::docid> ids = GridDocids(cache, plan.cells);
  std::sort(ids.begin(), ids.end());
  if (!plan.query) return ids;
  const std::vector<Xapian::docid> matching = AllMatches(db, *plan.query);
  if (ids.empty()) return matching;
  std::vector<Xapian::docid> either;
  std::set_union(ids.begin(), ids.end(), matching.begin(), matching.end(),
                 std::back_inserter(either));
  return either;
}

}  // namespace cakap
