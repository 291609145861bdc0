#include "coarse_query.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>

#include "document.h"
#include "geo.h"
#include "schema.h"

namespace cakap {
namespace {

Xapian::Query OrOf(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query AndOf(const std::vector<Xapian::Query>& queries) {
  return Xapian::Query(Xapian::Query::OP_AND, queries.begin(), queries.end());
}

// Collects the docids the matcher offers that `keep_` accepts, and rejects them all, so
// that no MSet is built: an MSet of every candidate cost ~40% of a broad match's Xapian
// time (measured at 1M workers: national p50 4.9 -> 3.1 ms).
class Collector : public Xapian::MatchDecider {
 public:
  Collector(absl::FunctionRef<bool(Xapian::docid)> keep, std::vector<Xapian::docid>* ids)
      : keep_(keep), ids_(ids) {}
  bool operator()(const Xapian::Document& doc) const override {
    const Xapian::docid docid = doc.get_docid();
    if (keep_(docid)) ids_->push_back(docid);
    return false;
  }

 private:
  absl::FunctionRef<bool(Xapian::docid)> keep_;
  std::vector<Xapian::docid>* ids_;
};

}  // namespace

Xapian::Query KeywordQuery(const ResolvedVacancy& v, const EngineEnv& env,
                           const Xapian::Stem& stem) {
  std::vector<Xapian::Query> parts;
  for (SkillId s : v.keyword_skills) parts.emplace_back(SkillTerm(env.lexicon, s));
  for (const std::string& word : v.keyword_words) {
    // The exact word, or (fallback) any word with the same Indonesian stem.
    parts.emplace_back(Xapian::Query::OP_OR, Xapian::Query(WordTerm(word)),
                       Xapian::Query(StemTerm(stem, word)));
  }
  return AndOf(parts);
}

namespace {

// One group: a worker has at least one of `any_of`, or (keywords) matches `query`.
struct Group {
  std::vector<std::string> any_of;
  std::optional<Xapian::Query> query;
  bool radius = false;  // the geo cells of the radius

  Xapian::Query ToQuery() const { return query ? *query : OrOf(any_of); }
  // Postings Xapian reads to evaluate the group alone; infinite for keywords (an AND of
  // ORs: not estimated, so never preferred).
  double Postings(const Xapian::Database& db) const {
    if (query) return std::numeric_limits<double>::infinity();
    double postings = 0;
    for (const std::string& term : any_of) postings += db.get_termfreq(term);
    return postings;
  }
  // Time per posting, measured at 1M workers on the 2-core machine: one term 11 ns, an
  // OR of 49 cells 63 ns (merging many lists).
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

Xapian::Query CandidateQuery(const std::vector<Group>& groups) {
  std::vector<Xapian::Query> all = {Xapian::Query(schema::kKindWorker)};
  for (const Group& g : groups) all.push_back(g.ToQuery());
  return AndOf(all);
}

}  // namespace

std::vector<Xapian::Query> ConstraintGroups(const ResolvedVacancy& v, const EngineEnv& env,
                                            const Xapian::Stem& stem) {
  std::vector<Xapian::Query> queries;
  for (const Group& g : Groups(v, env, stem)) queries.push_back(g.ToQuery());
  return queries;
}

CandidatePlan PlanCandidates(const Xapian::Database& db, const ResolvedVacancy& v,
                             const EngineEnv& env, const Xapian::Stem& stem) {
  std::vector<Group> groups = Groups(v, env, stem);
  CandidatePlan plan;
  auto radius = std::find_if(groups.begin(), groups.end(), [](const Group& g) { return g.radius; });
  if (radius != groups.end() && groups.size() > 1) {
    // The OR of the radius cells costs ~6 times a single term per posting. When another
    // group can drive the AND alone for less, its workers are checked against the cached
    // points instead (~10 ns each: the decider call and two floats read in docid order).
    constexpr double kBoxCheckNs = 10;
    double best = std::numeric_limits<double>::infinity();
    for (const Group& g : groups) {
      if (g.radius) continue;
      const double postings = g.Postings(db);
      best = std::min(best, postings * (g.NsPerPosting() + kBoxCheckNs));
    }
    std::optional<GeoBox> box =
        BoundingBox(v.latitude, v.longitude, v.radius_km, RecordCache::kPointMarginDeg);
    if (box && best < radius->Postings(db) * radius->NsPerPosting()) {
      plan.box = box;
      groups.erase(radius);
    }
  }
  plan.query = CandidateQuery(groups);
  return plan;
}

Xapian::Query NearMissQuery(const std::vector<Xapian::Query>& groups) {
  if (groups.size() <= 1) return Xapian::Query(schema::kKindWorker);
  std::vector<Xapian::Query> alternatives;
  for (size_t skip = 0; skip < groups.size(); ++skip) {
    std::vector<Xapian::Query> rest;
    for (size_t i = 0; i < groups.size(); ++i) {
      if (i != skip) rest.push_back(groups[i]);
    }
    alternatives.push_back(AndOf(rest));
  }
  return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(schema::kKindWorker),
                       Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(),
                                     alternatives.end()));
}

std::vector<Xapian::docid> AllMatches(const Xapian::Database& db, const Xapian::Query& query,
                                      absl::FunctionRef<bool(Xapian::docid)> keep) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_query(query);
  std::vector<Xapian::docid> ids;
  Collector collect(keep, &ids);
  enquire.get_mset(0, 1, 0, nullptr, &collect);  // rejects all, so visits every match
  if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace cakap
