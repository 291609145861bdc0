// The coarse side of a match: one group per hard constraint that the index can express
// (each required skill; the certificate, issuer x required skill; the radius, grid cells
// when a cover fits; the region list; the keywords, exact); a worker outside a group
// fails that constraint for sure, inside it Evaluate decides.
// Candidates come from the cheapest group's posting lists, kept in memory by the record
// cache (the keywords' alone are read from Xapian), then every group is checked as a
// superset on the candidates' hot records (CandidateFilter).
#ifndef CAKAP_ENGINE_COARSE_QUERY_H_
#define CAKAP_ENGINE_COARSE_QUERY_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "env.h"
#include "geo.h"
#include "normalize.h"
#include "record_cache.h"
#include "term_query.h"

namespace cakap {

// The keyword words (none: nullopt): a worker matches it exactly when it has every word,
// as such or by its Indonesian stem. The keyword skills are checked on the records
// (KeywordSkillsOk): the index holds no skill terms.
std::optional<TermQuery> KeywordWordsQuery(const ResolvedVacancy& vacancy,
                                           const Xapian::Stem& stem);
// True when the record has every keyword skill of the vacancy.
bool KeywordSkillsOk(const MatchRecord& record, const ResolvedVacancy& vacancy);

// How a match selects its candidates (a superset of them): the union of the record
// cache's `lists` (the cheapest group's) whose hot records `filter` accepts (every group
// checkable in memory), that are in every list of `intersect`, and that `query` (the
// keywords), if any, matches; or, without lists, the workers `query` matches (no groups,
// or the keywords alone).
struct CandidatePlan {
  std::vector<uint64_t> lists;
  std::vector<uint64_t> intersect;  // lists every candidate must also be in
  std::optional<TermQuery> query;
  CandidateFilter filter;
  // True when every candidate meets every constraint except availability and a
  // location's limits, which its hot record decides (AvailableOn; CheckHotDistance, when
  // it can), and the certificate (MeetsCertificate, on the decoded record): a match may
  // then count candidates without scoring, and mostly without decoding, them. (No
  // keyword constraint, no report requirement (ResolvedVacancy::HasReportRequirements);
  // the required skills not held by every worker in `lists` in `intersect`.)
  bool exact = false;
};
// `coarse_locations`: Evaluate measures from rounded points (MatchOptions), so the radius
// group must hold every worker whose rounded point is in the circle. `scope`:
// MatchOptions.scope_region_codes, canonical codes; a candidate is always in it (checked
// exactly by the filter).
CandidatePlan PlanCandidates(const RecordCache& cache, const ResolvedVacancy& vacancy,
                             const EngineEnv& env, const Xapian::Stem& stem,
                             bool coarse_locations, const std::vector<std::string>& scope);
// The candidates of `plan`, ascending. Throws Xapian::Error.
std::vector<Xapian::docid> Candidates(const Xapian::Database& db, const RecordCache& cache,
                                      const CandidatePlan& plan);

// How near misses (workers failing exactly one constraint) select their candidates: the
// docids in the cache's `lists` or matching `query` (the two cheapest groups, of which a
// near miss meets at least one), of whom at most one of `groups` rejects the hot record,
// counting the keywords (not among `groups`: only the index knows a worker's words) as
// the caller decides them.
struct NearMissPlan {
  std::vector<uint64_t> lists;
  std::optional<TermQuery> query;
  std::vector<CandidateFilter> groups;  // one filter per group checkable in memory
  // The keyword skills' superset test: a hot record it rejects fails the keywords (which
  // the caller counts, with the words, as one failure).
  CandidateFilter keyword_skills;
  // The match's scope (empty: none): exact, and never a failure; every docid of
  // NearMissCandidates is in it.
  CandidateFilter scope;
};
NearMissPlan PlanNearMisses(const RecordCache& cache, const ResolvedVacancy& vacancy,
                            const EngineEnv& env, const Xapian::Stem& stem,
                            bool coarse_locations, const std::vector<std::string>& scope);
// The docids in `plan`'s lists or matching its query that are in its scope, ascending.
// Throws Xapian::Error.
std::vector<Xapian::docid> NearMissCandidates(const Xapian::Database& db,
                                              const RecordCache& cache,
                                              const NearMissPlan& plan);

}  // namespace cakap

#endif  // CAKAP_ENGINE_COARSE_QUERY_H_
