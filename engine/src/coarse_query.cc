#include "coarse_query.h"

#include <algorithm>

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

std::vector<Xapian::Query> ConstraintGroups(const ResolvedVacancy& v, const EngineEnv& env,
                                            const Xapian::Stem& stem) {
  std::vector<Xapian::Query> groups;
  for (SkillId s : v.required) groups.emplace_back(SkillTerm(env.lexicon, s));
  if (!v.issuers.empty()) {
    std::vector<std::string> terms;
    for (uint8_t issuer : v.issuers) {
      if (v.required.empty()) terms.push_back(CertTerm(env.lexicon, issuer, 0));
      for (SkillId s : v.required) terms.push_back(CertTerm(env.lexicon, issuer, s));
    }
    groups.push_back(OrOf(terms));
  }
  if (v.has_location && v.radius_km > 0) {
    if (auto cells = CoverCircle(v.latitude, v.longitude, v.radius_km, env.geo_levels,
                                 env.options.max_cover_cells)) {
      groups.push_back(OrOf(*cells));
    }
  }
  if (!v.region_codes.empty()) {
    std::vector<std::string> terms;
    for (const std::string& code : v.region_codes) {
      terms.push_back(RegionTerm(*env.regions.Find(code)));
    }
    groups.push_back(OrOf(terms));
  }
  if (v.HasKeywords()) groups.push_back(KeywordQuery(v, env, stem));
  return groups;
}

Xapian::Query CandidateQuery(const std::vector<Xapian::Query>& groups) {
  std::vector<Xapian::Query> all = {Xapian::Query(schema::kKindWorker)};
  all.insert(all.end(), groups.begin(), groups.end());
  return AndOf(all);
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

std::vector<Xapian::docid> AllMatches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_query(query);
  Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(1, db.get_doccount()));
  std::vector<Xapian::docid> ids;
  ids.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace cakap
