// The coarse side of a match: one group per hard constraint that terms can express (each
// required skill; the certificate, issuer x required skill; the radius, grid cells when a
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

// How a match selects its candidates (a superset of them): the docids in the grid
// `cells` of the record cache, or when there are none the workers `query` matches; then
// those whose hot records `filter` accepts, and (with cells) that `query`, if any, also
// matches. The driving group is the cheapest to produce (grid sizes, term frequencies);
// `query` holds it when it is not the radius, and the keywords; `filter` the others.
struct CandidatePlan {
  std::vector<uint64_t> cells;
  std::optional<TermQuery> query;
  CandidateFilter filter;
};
CandidatePlan PlanCandidates(const Xapian::Database& db, const RecordCache& cache,
                             const ResolvedVacancy& vacancy, const EngineEnv& env,
                             const Xapian::Stem& stem);
// The candidates of `plan`, ascending. Throws Xapian::Error.
std::vector<Xapian::docid> Candidates(const Xapian::Database& db, const RecordCache& cache,
                                      const CandidatePlan& plan);

// How near misses (workers failing exactly one constraint) select their candidates: the
// docids in the grid `cells` or matching `query` (the two cheapest groups, of which a
// near miss meets at least one), of whom at most one of `groups` rejects the hot record,
// counting the keywords (not among `groups`: only the index knows a worker's words) as
// the caller decides them.
struct NearMissPlan {
  std::vector<uint64_t> cells;
  std::optional<TermQuery> query;
  std::vector<CandidateFilter> groups;  // one filter per group checkable in memory
};
NearMissPlan PlanNearMisses(const Xapian::Database& db, const RecordCache& cache,
                            const ResolvedVacancy& vacancy, const EngineEnv& env,
                            const Xapian::Stem& stem);
// The docids in `plan`'s cells or matching its query, ascending. Throws Xapian::Error.
std::vector<Xapian::docid> NearMissCandidates(const Xapian::Database& db,
                                              const RecordCache& cache,
                                              const NearMissPlan& plan);

}  // namespace cakap

#endif  // CAKAP_ENGINE_COARSE_QUERY_H_
