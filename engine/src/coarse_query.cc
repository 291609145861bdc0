#include "coarse_query.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>
#include <optional>
#include <string>

#include "document.h"
#include "evaluate.h"
#include "geo.h"
#include "schema.h"

namespace cakap {

std::optional<TermQuery> KeywordWordsQuery(const ResolvedVacancy& v,
                                           const Xapian::Stem& stem) {
  if (v.keyword_words.empty()) return std::nullopt;
  std::vector<TermQuery> parts;
  // A word matches exactly or by its Indonesian stem; an exact match has the same stem.
  for (const std::string& word : v.keyword_words) {
    parts.push_back(TermQuery::Term(StemTerm(stem, word)));
  }
  return TermQuery::AllOf(std::move(parts));
}

bool KeywordSkillsOk(const MatchRecord& record, const ResolvedVacancy& v) {
  return std::all_of(v.keyword_skills.begin(), v.keyword_skills.end(),
                     [&](SkillId s) { return record.HasSkill(s); });
}

namespace {

// One group: a worker meeting its constraint is in at least one of the record cache's
// `lists`, or (keyword words) matches `query`. `in_memory` adds a superset test of the
// constraint to a CandidateFilter.
struct Group {
  std::vector<uint64_t> lists;
  std::optional<TermQuery> query;
  std::function<void(CandidateFilter*)> in_memory;
  bool narrowable = false;  // the radius or the regions: lists narrowable to a skill
  bool keywords = false;    // decided by the caller for near misses
  bool scope = false;       // MatchOptions.scope_region_codes: never failed, not a constraint
  SkillId skill = 0;        // when not 0, every worker in `lists` has this skill

  // Rough time to produce the group's workers, in ns (measured at 1M workers on the
  // 2-core machine): ~1 ns per docid to copy, 5 to filter, ~2 per merge level when
  // several lists are merged. Infinite for keywords: read through Xapian, never first.
  double CostNs(const RecordCache& cache) const {
    if (query) return std::numeric_limits<double>::infinity();
    double docids = 0;
    for (uint64_t key : lists) {
      if (const auto* ids = cache.List(key)) docids += ids->size();
    }
    return docids * (6 + 2 * std::log2(static_cast<double>(std::max<size_t>(lists.size(), 1))));
  }
};

std::vector<Group> Groups(const ResolvedVacancy& v, const EngineEnv& env,
                          const Xapian::Stem& stem, bool coarse_locations,
                          const std::vector<std::string>& scope) {
  std::vector<Group> groups;
  for (SkillId s : v.required) {
    Group& g = groups.emplace_back();
    g.lists = {list_key::Skill(s)};
    g.skill = s;
    g.in_memory = [s](CandidateFilter* f) { f->skills_all |= SkillBit(s); };
  }
  if (!v.issuers.empty()) {
    Group& g = groups.emplace_back();
    uint64_t bits = 0;
    for (uint8_t issuer : v.issuers) {
      if (v.required.empty()) {
        g.lists.push_back(list_key::Cert(issuer, 0));
        bits |= CertBit(issuer, 0);
      }
      for (SkillId s : v.required) {
        g.lists.push_back(list_key::Cert(issuer, s));
        bits |= CertBit(issuer, s);
      }
    }
    g.in_memory = [bits](CandidateFilter* f) { f->certs_any |= bits; };
  }
  if (v.has_location && v.radius_km > 0) {
    // The cells and the box hold the stored points; with coarse locations, those whose
    // rounded point is in the circle.
    const double reach = v.radius_km + (coarse_locations ? kCoarseMarginKm : 0);
    auto cells = CoverCircle(v.latitude, v.longitude, reach, env.options.geo_cell_levels,
                             env.options.max_cover_cells);
    auto box = BoundingBox(v.latitude, v.longitude, reach, RecordCache::kPointMarginDeg);
    // Both exist unless the circle reaches a pole (or no cell level fits): then the exact
    // distance check alone decides.
    if (cells && box) {
      Group& g = groups.emplace_back();
      for (const GeoCell& cell : *cells) g.lists.push_back(list_key::Cell(cell));
      g.in_memory = [box](CandidateFilter* f) { f->box = box; };
      g.narrowable = true;
    }
  }
  if (!v.region_codes.empty()) {
    Group& g = groups.emplace_back();
    std::vector<uint64_t> keys;
    for (const std::string& code : v.region_codes) {
      g.lists.push_back(list_key::Region(code));
      keys.push_back(RegionKey(code));
    }
    g.in_memory = [keys](CandidateFilter* f) { f->regions = keys; };
    g.narrowable = true;
  }
  if (!scope.empty()) {
    // Read and checked like the region list; PlanNearMisses keeps it apart.
    Group& g = groups.emplace_back();
    std::vector<uint64_t> keys;
    for (const std::string& code : scope) {
      g.lists.push_back(list_key::Region(code));
      keys.push_back(RegionKey(code));
    }
    g.in_memory = [keys](CandidateFilter* f) { f->scope = keys; };
    g.narrowable = true;
    g.scope = true;
  }
  if (v.HasKeywords()) {
    // One group, as the constraint is one: the words from Xapian; without words, the
    // workers with any keyword skill (a superset of those with all of them).
    Group& g = groups.emplace_back();
    g.keywords = true;
    g.query = KeywordWordsQuery(v, stem);
    uint64_t bits = 0;
    for (SkillId s : v.keyword_skills) {
      if (!g.query) g.lists.push_back(list_key::Skill(s));
      bits |= SkillBit(s);
    }
    if (bits != 0) g.in_memory = [bits](CandidateFilter* f) { f->skills_all |= bits; };
  }
  return groups;
}

// A match needs every group, so the radius or region group may read, instead of every
// worker in its cells or regions, those with one of the required skills (the cache keeps
// a list per cell or region and skill): the skill with the fewest there, if fewer than
// all. (Not for near misses: those may lack the skill.)
void NarrowToRequiredSkill(const RecordCache& cache, const std::vector<SkillId>& required,
                           Group* g) {
  auto workers_with = [&](SkillId skill) {  // skill 0: every worker
    size_t n = 0;
    for (uint64_t key : g->lists) {
      if (const auto* ids = cache.List(list_key::WithSkill(key, skill))) n += ids->size();
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
  for (uint64_t& key : g->lists) key = list_key::WithSkill(key, best);
  g->skill = best;
}

// The union of the cache's lists `keys`, ascending; with `filter`, only the docids whose
// hot record it accepts. Each list is copied and filtered in turn, so the result is a run
// of sorted lists, merged pairwise (log2(lists) passes over the survivors only).
std::vector<Xapian::docid> UnionOfLists(const RecordCache& cache,
                                        const std::vector<uint64_t>& keys,
                                        const CandidateFilter* filter) {
  std::vector<Xapian::docid> ids;
  std::vector<size_t> runs = {0};  // start of each sorted run, then the end
  std::vector<Xapian::docid> part;
  for (uint64_t key : keys) {
    const auto* list = cache.List(key);
    if (list == nullptr) continue;
    part.assign(list->begin(), list->end());
    if (filter != nullptr && !filter->empty()) cache.Filter(*filter, &part);
    if (part.empty()) continue;
    ids.insert(ids.end(), part.begin(), part.end());
    runs.push_back(ids.size());
  }
  while (runs.size() > 2) {
    std::vector<size_t> merged = {0};
    for (size_t r = 0; r + 1 < runs.size(); r += 2) {
      if (r + 2 < runs.size()) {
        std::inplace_merge(ids.begin() + runs[r], ids.begin() + runs[r + 1],
                           ids.begin() + runs[r + 2]);
        merged.push_back(runs[r + 2]);
      } else {
        merged.push_back(runs[r + 1]);
      }
    }
    runs.swap(merged);
  }
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());  // lists may overlap
  return ids;
}

// Keeps the docids of `ids` (ascending) that `list` (ascending) holds. Gallops through
// `list` from the last position found, so a short `ids` costs about
// ids.size() * log2(list.size() / ids.size()) comparisons.
void KeepIn(const std::vector<Xapian::docid>& list, std::vector<Xapian::docid>* ids) {
  size_t kept = 0, at = 0;
  for (const Xapian::docid d : *ids) {
    size_t step = 1, hi = at;
    while (hi < list.size() && list[hi] < d) {
      at = hi + 1;
      hi += step;
      step *= 2;
    }
    at = std::lower_bound(list.begin() + at, list.begin() + std::min(hi, list.size()), d) -
         list.begin();
    if (at == list.size()) break;
    if (list[at] == d) (*ids)[kept++] = d;
  }
  ids->resize(kept);
}

}  // namespace

CandidatePlan PlanCandidates(const RecordCache& cache, const ResolvedVacancy& v,
                             const EngineEnv& env, const Xapian::Stem& stem,
                             bool coarse_locations, const std::vector<std::string>& scope) {
  // The scope is one more group: a candidate must be in it as in every other, so it may
  // drive (a partner's few regions often are the cheapest lists) and is checked on every
  // candidate's hot record, exactly, before anything is counted.
  std::vector<Group> groups = Groups(v, env, stem, coarse_locations, scope);
  for (Group& g : groups) {
    if (g.narrowable) NarrowToRequiredSkill(cache, v.required, &g);
  }
  CandidatePlan plan;
  // Constraints without lists that hot records still decide, or rule out for sure (also
  // read by the match loop when no group drives).
  plan.filter.distance = HotDistanceOf(v, env, coarse_locations);
  if (!v.include_employed) plan.filter.available_by = v.start;
  // Without keyword constraints, the filter decides regions exactly, and the lists decide
  // the required skills: the driver's (when its lists hold only workers with one of
  // them) and, intersected, the others'. A location's limits and the certificate are
  // decided per candidate (CheckHotDistance, MeetsCertificate).
  // The report requirements (education, experience, age) only decoded records decide.
  const bool exact_shape = !v.HasKeywords() && !v.HasReportRequirements();
  // Every group is about workers only, so the kind term is needed only without groups.
  if (groups.empty()) {
    plan.query = TermQuery::Term(schema::kKindWorker);
    plan.exact = exact_shape;
    return plan;
  }
  // The cheapest group produces the candidates from the cache's lists; every group
  // (the driver's too: a cover's corners, a region list's key collisions) is then checked
  // on their hot records, a few ns each; only the keywords stay with Xapian.
  size_t driver = 0;
  double cheapest = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < groups.size(); ++i) {
    const double cost = groups[i].CostNs(cache);
    if (cost < cheapest) {
      cheapest = cost;
      driver = i;
    }
  }
  if (groups[driver].query) {  // the keyword words alone
    plan.query = groups[driver].query;
    return plan;
  }
  plan.lists = groups[driver].lists;
  plan.exact = exact_shape;
  if (plan.exact) {
    // Intersecting sorted lists costs ~10 ns per candidate; it makes the candidates
    // exact, so that most need no decoding (match.cc). (A driver holding no required
    // skill, such as the certificate group, is intersected with all of them.)
    for (SkillId s : v.required) {
      if (s != groups[driver].skill) plan.intersect.push_back(list_key::Skill(s));
    }
  }
  for (const Group& g : groups) {
    if (g.in_memory) g.in_memory(&plan.filter);
    if (g.query) plan.query = g.query;
  }
  return plan;
}

std::vector<Xapian::docid> Candidates(const Xapian::Database& db, const RecordCache& cache,
                                      const CandidatePlan& plan) {
  if (plan.lists.empty()) return AllMatches(db, *plan.query);
  std::vector<Xapian::docid> ids = UnionOfLists(cache, plan.lists, &plan.filter);
  for (uint64_t key : plan.intersect) {
    static const std::vector<Xapian::docid> kEmpty;
    const std::vector<Xapian::docid>* list = cache.List(key);
    KeepIn(list != nullptr ? *list : kEmpty, &ids);
  }
  if (plan.query) {  // the keywords: only Xapian knows the words
    const std::vector<Xapian::docid> matching = AllMatches(db, *plan.query);
    std::vector<Xapian::docid> both;
    std::set_intersection(ids.begin(), ids.end(), matching.begin(), matching.end(),
                          std::back_inserter(both));
    ids.swap(both);
  }
  return ids;
}

NearMissPlan PlanNearMisses(const RecordCache& cache, const ResolvedVacancy& v,
                            const EngineEnv& env, const Xapian::Stem& stem,
                            bool coarse_locations, const std::vector<std::string>& scope) {
  std::vector<Group> groups;
  NearMissPlan plan;
  // The scope is no constraint a near miss may fail: it filters every candidate (exactly,
  // on the hot record) before any is counted, and is read instead of the two cheapest
  // groups when its lists are cheaper.
  std::optional<Group> scope_group;
  for (Group& g : Groups(v, env, stem, coarse_locations, scope)) {
    if (g.scope) {
      g.in_memory(&plan.scope);
      scope_group = std::move(g);
    } else {
      groups.push_back(std::move(g));
    }
  }
  // With at most one group, failing it is allowed: every worker (in the scope) is a
  // candidate.
  if (groups.size() <= 1) {
    if (scope_group) {
      plan.lists = scope_group->lists;
    } else {
      plan.query = TermQuery::Term(schema::kKindWorker);
    }
    return plan;
  }
  // A worker failing at most one group is in at least one of any two groups: read the
  // two cheapest, then count failures on the hot records (keywords: by the caller).
  std::vector<std::pair<double, size_t>> by_cost;
  for (size_t i = 0; i < groups.size(); ++i) by_cost.push_back({groups[i].CostNs(cache), i});
  std::partial_sort(by_cost.begin(), by_cost.begin() + 2, by_cost.end());
  if (scope_group && scope_group->CostNs(cache) <= by_cost[0].first + by_cost[1].first) {
    plan.lists = scope_group->lists;
    by_cost.clear();
  }
  for (size_t i = 0; i < std::min<size_t>(2, by_cost.size()); ++i) {
    const Group& g = groups[by_cost[i].second];
    if (g.query) {
      plan.query = g.query;
    } else {
      plan.lists.insert(plan.lists.end(), g.lists.begin(), g.lists.end());
    }
  }
  for (const Group& g : groups) {
    if (!g.in_memory) continue;
    g.in_memory(g.keywords ? &plan.keyword_skills : &plan.groups.emplace_back());
  }
  return plan;
}

std::vector<Xapian::docid> NearMissCandidates(const Xapian::Database& db,
                                              const RecordCache& cache,
                                              const NearMissPlan& plan) {
  const CandidateFilter* scope = plan.scope.empty() ? nullptr : &plan.scope;
  std::vector<Xapian::docid> ids = UnionOfLists(cache, plan.lists, scope);
  if (!plan.query) return ids;
  std::vector<Xapian::docid> matching = AllMatches(db, *plan.query);
  if (scope != nullptr) cache.Filter(*scope, &matching);
  if (ids.empty()) return matching;
  std::vector<Xapian::docid> either;
  std::set_union(ids.begin(), ids.end(), matching.begin(), matching.end(),
                 std::back_inserter(either));
  return either;
}

}  // namespace cakap
