// The coarse side of a match: one group per hard constraint that terms can express (each
// required skill; the certificate, issuer x required skill; the radius, geo cells when a
// cover fits; the region list; the keywords, exact); a worker outside a group fails that
// constraint for sure, inside it Evaluate decides.
// Candidates come from the cheapest group's posting list (term_query.h), then the other
// groups are checked as supersets on the record cache's hot records (CandidateFilter).
#ifndef CAKAP_ENGINE_COARSE_QUERY_H_
#define CAKAP_ENGINE_COARSE_QUERY_H_

#include <xapian.h>

#include <optional>
#include <vector>

#include "env.h"
#include "geo.h"
#include "normalize.h"
#include "record_cache.h"
#include "term_query.h"

namespace cakap {

// The keywords alone: a worker matches it exactly when the `keywords` constraint holds.
TermQuery KeywordQuery(const ResolvedVacancy& vacancy, const EngineEnv& env,
                       const Xapian::Stem& stem);

// How a match selects its candidates (a superset of them): the workers `query` matches
// whose hot records (record_cache.h) `filter` accepts. `query` holds the group Xapian
// reads fastest (by term frequencies) and the keywords; `filter` the other groups.
struct CandidatePlan {
  TermQuery query;
  CandidateFilter filter;
};
CandidatePlan PlanCandidates(const Xapian::Database& db, const ResolvedVacancy& vacancy,
                             const EngineEnv& env, const Xapian::Stem& stem);

// How near misses (workers failing exactly one constraint) select their candidates: the
// workers `query` matches of whom at most one of `groups` rejects the hot record, counting
// the keywords (not among `groups`: only the index knows a worker's words) as the caller
// decides them.
struct NearMissPlan {
  TermQuery query;
  std::vector<CandidateFilter> groups;  // one filter per group checkable in memory
};
NearMissPlan PlanNearMisses(const Xapian::Database& db, const ResolvedVacancy& vacancy,
                            const EngineEnv& env, const Xapian::Stem& stem);

}  // namespace cakap

#endif  // CAKAP_ENGINE_COARSE_QUERY_H_
