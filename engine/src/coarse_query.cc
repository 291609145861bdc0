#include "coarse_query.h"

#include <algorithm>
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

// One group: a worker has at least one of `any_of`, or (keywords) matches `query`.
struct Group {
  std::vector<std::string> any_of;
  std::optional<TermQuery> query;
  bool radius = false;  // the geo cells of the radius

  TermQuery ToQuery() const { return query ? *query : TermQuery::AnyOfTerms(any_of); }
  // Postings Xapian reads to evaluate the group alone; infinite for keywords (an AND of
  // ORs: not estimated, so never preferred).
  double Postings(const Xapian::Database& db) const {
    if (query) return std::numeric_limits<double>::infinity();
    double postings = 0;
    for (const std::string& term : any_of) postings += db.get_termfreq(term);
    return postings;
  }
  // Time per posting, measured at 1M workers on the 2-core machine: one term 11-14 ns
  // (Enquire or a PostingIterator), an OR of 49 cells 63 ns through Enquire (merging many
  // lists; term_query.h's heap merge was not measured apart).
  double NsPerPosting() const { return any_of.size() == 1 ? 11 : 60; }
};

std::vector<Group> Groups(const ResolvedVacancy& v, const EngineEnv& env,
                          const Xapian::Stem& stem) {
  std::vector<Group> groups;
  for (SkillId s : v.required) groups.push_back({{SkillTerm(env.lexicon, s)}});
  if (!v.issuers.empty()) {
    Group& g = groups.emplace_back();
    for (uint8_t issuer : v.issuers) {
      if (v.required.empty()) g.any_of.push_back(CertTerm(env.lexicon, issuer, 0));
      for (SkillId s : v.required) g.any_of.push_back(CertTerm(env.lexicon, issuer, s));
    }
  }
  if (v.has_location && v.radius_km > 0) {
    if (auto cells = CoverCircle(v.latitude, v.longitude, v.radius_km, env.geo_levels,
                                 env.options.max_cover_cells)) {
      groups.push_back({*std::move(cells), std::nullopt, true});
    }
  }
  if (!v.region_codes.empty()) {
    Group& g = groups.emplace_back();
    for (const std::string& code : v.region_codes) {
      g.any_of.push_back(RegionTerm(*env.regions.Find(code)));
    }
  }
  if (v.HasKeywords()) groups.push_back({{}, KeywordQuery(v, env, stem)});
  return groups;
}

// Every group's terms are on worker documents only (document.cc), so the kind term is
// needed only when there is no group.
TermQuery CandidateQuery(const std::vector<Group>& groups) {
  if (groups.empty()) return TermQuery::Term(schema::kKindWorker);
  std::vector<TermQuery> all;
  for (const Group& g : groups) all.push_back(g.ToQuery());
  return TermQuery::AllOf(std::move(all));
}

}  // namespace

std::vector<TermQuery> ConstraintGroups(const ResolvedVacancy& v, const EngineEnv& env,
                                        const Xapian::Stem& stem) {
  std::vector<TermQuery> queries;
  for (const Group& g : Groups(v, env, stem)) queries.push_back(g.ToQuery());
  return queries;
}

CandidatePlan PlanCandidates(const Xapian::Database& db, const ResolvedVacancy& v,
                             const EngineEnv& env, const Xapian::Stem& stem) {
  std::vector<Group> groups = Groups(v, env, stem);
  std::optional<GeoBox> box;
  auto radius = std::find_if(groups.begin(), groups.end(), [](const Group& g) { return g.radius; });
  if (radius != groups.end() && groups.size() > 1) {
    // The OR of the radius cells costs ~5 times a single term per posting. When another
    // group can drive the AND alone for less, its workers are checked against the cached
    // points instead (a few ns each: two floats read in docid order).
    constexpr double kBoxCheckNs = 5;
    double best = std::numeric_limits<double>::infinity();
    for (const Group& g : groups) {
      if (g.radius) continue;
      const double postings = g.Postings(db);
      best = std::min(best, postings * (g.NsPerPosting() + kBoxCheckNs));
    }
    box = BoundingBox(v.latitude, v.longitude, v.radius_km, RecordCache::kPointMarginDeg);
    if (box && best < radius->Postings(db) * radius->NsPerPosting()) {
      groups.erase(radius);
    } else {
      box.reset();
    }
  }
  return {CandidateQuery(groups), box};
}

TermQuery NearMissQuery(const std::vector<TermQuery>& groups) {
  if (groups.size() <= 1) return TermQuery::Term(schema::kKindWorker);
  std::vector<TermQuery> alternatives;
  for (size_t skip = 0; skip < groups.size(); ++skip) {
    std::vector<TermQuery> rest;
    for (size_t i = 0; i < groups.size(); ++i) {
      if (i != skip) rest.push_back(groups[i]);
    }
    alternatives.push_back(TermQuery::AllOf(std::move(rest)));
  }
  return TermQuery::AnyOf(std::move(alternatives));
}

}  // namespace cakap
