// What a partner may see: redaction of workers and match results, and the region scope
// of a partner key's matches.
#ifndef CAKAP_SERVICE_REDACT_H_
#define CAKAP_SERVICE_REDACT_H_

#include "absl/status/status.h"
#include "auth.h"
#include "cakap/regions.h"
#include "cakap/v1/match.pb.h"
#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"

namespace cakap {
namespace service {

// Clears NIK and welfare decile, rounds coordinates to 2 decimals (~1 km), and clears
// phone and e-mail unless the worker consented to share them.
void RedactWorker(v1::Worker* worker);

// Redacts the candidate's worker (RedactWorker) and rounds its distance to whole km.
void RedactCandidate(v1::Candidate* candidate);

// Redacts every worker of the result and rounds distances to whole km (the match itself
// ran with MatchOptions.coarse_locations, so no score or explanation is finer than the
// coordinates shown), and clears the resolved vacancy's owner unless it is `key`'s. (A
// restricted key's matches ran with its scope, SetPartnerScope: nothing outside it is in
// the result to drop.)
void RedactMatchResult(const ApiKey& key, v1::MatchResult* result);
// Rounds distances to whole km (the vacancies themselves are not personal data), and
// clears the owner of every vacancy not `key`'s.
void RedactVacancyMatchResult(const ApiKey& key, v1::VacancyMatchResult* result);

// Whether a partner `key` may see a stored vacancy: an open one, or its own
// (Vacancy.owner).
bool PartnerMaySeeVacancy(const ApiKey& key, const v1::Vacancy& vacancy);
// Clears the owner unless it is `key`'s: partners never learn each other's key names.
void RedactVacancy(const ApiKey& key, v1::Vacancy* vacancy);

// Sets options->scope_region_codes to a partner `key`'s provinces and kabupaten/kota
// (cleared for an unrestricted key, whatever the caller sent): the engine then treats
// every worker outside them as absent from the match (match.proto).
void SetPartnerScope(const ApiKey& key, v1::MatchOptions* options);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_REDACT_H_
