// The Xapian side of a match: boolean queries that select a superset of the candidates
// using only terms (so a stock xapian-tcpsrv could run them), refined exactly by
// Evaluate. One group per hard constraint that terms can express: a worker outside a
// group fails that constraint for sure; inside it, Evaluate still decides.
#ifndef CAKAP_ENGINE_COARSE_QUERY_H_
#define CAKAP_ENGINE_COARSE_QUERY_H_

#include <xapian.h>

#include <vector>

#include "env.h"
#include "normalize.h"

namespace cakap {

// Groups for: each required skill; the certificate (issuer x required skill); the radius
// (geo cells, when a cover fits); the region list; the keywords (exact: no refine).
std::vector<Xapian::Query> ConstraintGroups(const ResolvedVacancy& vacancy,
                                            const EngineEnv& env, const Xapian::Stem& stem);

// The keywords alone: a worker matches it exactly when the `keywords` constraint holds.
Xapian::Query KeywordQuery(const ResolvedVacancy& vacancy, const EngineEnv& env,
                           const Xapian::Stem& stem);

// Workers in every group: the candidates' superset.
Xapian::Query CandidateQuery(const std::vector<Xapian::Query>& groups);
// Workers in all groups but at most one: the near misses' superset.
Xapian::Query NearMissQuery(const std::vector<Xapian::Query>& groups);

// Every docid `query` matches, ascending, with BoolWeight (no scoring work).
std::vector<Xapian::docid> AllMatches(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace cakap

#endif  // CAKAP_ENGINE_COARSE_QUERY_H_
