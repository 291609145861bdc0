// The Xapian side of a match: boolean queries that select a superset of the candidates
// by terms (and at most a bounding box checked against the record cache), refined
// exactly by Evaluate. One group per hard constraint that terms can express: a worker outside a
// group fails that constraint for sure; inside it, Evaluate still decides.
#ifndef CAKAP_ENGINE_COARSE_QUERY_H_
#define CAKAP_ENGINE_COARSE_QUERY_H_

#include <xapian.h>

#include <optional>
#include <vector>

#include "absl/functional/function_ref.h"
#include "env.h"
#include "geo.h"
#include "normalize.h"
#include "record_cache.h"

namespace cakap {

// Groups for: each required skill; the certificate (issuer x required skill); the radius
// (geo cells, when a cover fits); the region list; the keywords (exact: no refine).
std::vector<Xapian::Query> ConstraintGroups(const ResolvedVacancy& vacancy,
                                            const EngineEnv& env, const Xapian::Stem& stem);

// The keywords alone: a worker matches it exactly when the `keywords` constraint holds.
Xapian::Query KeywordQuery(const ResolvedVacancy& vacancy, const EngineEnv& env,
                           const Xapian::Stem& stem);

// How a match selects its candidates (a superset of them): the workers `query` matches
// whose cached domicile point, when `box` is set, lies in `box`. The radius is checked by
// geo cell terms in `query`, or, when another group is much cheaper for Xapian to read,
// by `box` (PlanCandidates compares the term frequencies).
struct CandidatePlan {
  Xapian::Query query;
  std::optional<GeoBox> box;
};
CandidatePlan PlanCandidates(const Xapian::Database& db, const ResolvedVacancy& vacancy,
                             const EngineEnv& env, const Xapian::Stem& stem);

// Workers in all groups but at most one: the near misses' superset.
Xapian::Query NearMissQuery(const std::vector<Xapian::Query>& groups);

// Every docid `query` matches that `keep` accepts, ascending, with BoolWeight (no scoring
// work).
std::vector<Xapian::docid> AllMatches(
    const Xapian::Database& db, const Xapian::Query& query,
    absl::FunctionRef<bool(Xapian::docid)> keep = [](Xapian::docid) { return true; });

}  // namespace cakap

#endif  // CAKAP_ENGINE_COARSE_QUERY_H_
