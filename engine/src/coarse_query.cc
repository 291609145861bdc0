#include "coarse_query.h"

#include <algorithm>
#include <cmath>
#include <functional>
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

// One group: a worker has at least one of `any_of`, or (keywords) matches `query`;
// `in_memory` adds the same test, as a superset, to a CandidateFilter (null for
// keywords: only the index knows a worker's words).
struct Group {
  std::vector<std::string> any_of;
  std::optional<TermQuery> query;
  std::function<void(CandidateFilter*)> in_memory;

  TermQuery ToQuery() const { return query ? *query : TermQuery::AnyOfTerms(any_of); }
  // Rough time for Xapian to read the group's postings, in ns (measured at 1M workers on
  // the 2-core machine: one term 13.6 ns per posting through a PostingIterator; an OR
  // merges its lists on a heap). Infinite for keywords, never the cheapest.
  double CostNs(const Xapian::Database& db) const {
    if (query) return std::numeric_limits<double>::infinity();
    double postings = 0;
    for (const std::string& term : any_of) postings += db.get_termfreq(term);
    return postings * (14 + 6 * std::log2(static_cast<double>(any_of.size())));
  }
};

std::vector<Group> Groups(const ResolvedVacancy& v, const EngineEnv& env,
                          const Xapian::Stem& stem) {
  std::vector<Group> groups;
  for (SkillId s : v.required) {
    groups.push_back({{SkillTerm(env.lexicon, s)}, std::nullopt,
                      [s](CandidateFilter* f) { f->skills_all |= SkillBit(s); }});
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
    auto cells = CoverCircle(v.latitude, v.longitude, v.radius_km, env.geo_levels,
                             env.options.max_cover_cells);
    auto box = BoundingBox(v.latitude, v.longitude, v.radius_km, RecordCache::kPointMarginDeg);
    // Both exist unless the circle reaches a pole (or no cell level fits): then the exact
    // distance check alone decides.
    if (cells && box) {
      groups.push_back({*std::move(cells), std::nullopt,
                        [box](CandidateFilter* f) { f->box = box; }});
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
  if (v.HasKeywords()) groups.push_back({{}, KeywordQuery(v, env, stem), nullptr});
  return groups;
}

}  // namespace

CandidatePlan PlanCandidates(const Xapian::Database& db, const ResolvedVacancy& v,
                             const EngineEnv& env, const Xapian::Stem& stem) {
  std::vector<Group> groups = Groups(v, env, stem);
  // Every group's terms are on worker documents only (document.cc), so the kind term is
  // needed only when there is no group.
  if (groups.empty()) return {TermQuery::Term(schema::kKindWorker), {}};
  // Xapian reads the cheapest group's postings (and the keywords, which only it can
  // decide); every other group is checked on the candidates' hot records, a few ns each,
  // where a leapfrog AND would pay a skip_to (~35 ns) per candidate and group.
  size_t driver = 0;
  double cheapest = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < groups.size(); ++i) {
    const double cost = groups[i].CostNs(db);
    if (cost < cheapest) {
      cheapest = cost;
      driver = i;
    }
  }
  std::vector<TermQuery> query = {groups[driver].ToQuery()};
  CandidateFilter filter;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (i == driver) continue;
    if (groups[i].in_memory) {
      groups[i].in_memory(&filter);
    } else {
      query.push_back(groups[i].ToQuery());
    }
  }
  return {TermQuery::AllOf(std::move(query)), std::move(filter)};
}

NearMissPlan PlanNearMisses(const Xapian::Database& db, const ResolvedVacancy& v,
                            const EngineEnv& env, const Xapian::Stem& stem) {
  std::vector<Group> groups = Groups(v, env, stem);
  NearMissPlan plan{TermQuery::Term(schema::kKindWorker), {}};
  // With at most one group, failing it is allowed: every worker is a candidate.
  if (groups.size() <= 1) return plan;
  // A worker failing at most one group is in at least one of any two groups: read the
  // two cheapest, then count failures on the hot records (keywords: by the caller).
  std::vector<std::pair<double, size_t>> by_cost;
  for (size_t i = 0; i < groups.size(); ++i) by_cost.push_back({groups[i].CostNs(db), i});
  std::partial_sort(by_cost.begin(), by_cost.begin() + 2, by_cost.end());
  plan.query = TermQuery::AnyOf(
      {groups[by_cost[0].second].ToQuery(), groups[by_cost[1].second].ToQuery()});
  for (const Group& g : groups) {
    if (!g.in_memory) continue;
    g.in_memory(&plan.groups.emplace_back());
  }
  return plan;
}

}  // namespace cakap
