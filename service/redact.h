// What a partner may see: redaction of workers and match results, and the region
// restriction of a partner key applied to a vacancy.
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

// Redacts every worker of the result and rounds distances to whole km (the match itself
// ran with MatchOptions.coarse_locations, so no score or explanation is finer than the
// coordinates shown). Also drops near misses `key` may not see (a restricted partner's
// region filter makes workers outside it near misses on "region"), and the resolved
// vacancy's owner unless it is `key`'s.
void RedactMatchResult(const ApiKey& key, v1::MatchResult* result);
// Rounds distances to whole km (the vacancies themselves are not personal data), and
// clears the owner of every vacancy not `key`'s.
void RedactVacancyMatchResult(const ApiKey& key, v1::VacancyMatchResult* result);

// Whether a partner `key` may see a stored vacancy: an open one, or its own
// (Vacancy.owner).
bool PartnerMaySeeVacancy(const ApiKey& key, const v1::Vacancy& vacancy);
// Clears the owner unless it is `key`'s: partners never learn each other's key names.
void RedactVacancy(const ApiKey& key, v1::Vacancy* vacancy);

// Narrows vacancy->region_codes to what a restricted `key` may see: the intersection of
// the request's codes (empty: everywhere) with the key's provinces and kabupaten/kota.
// Sets *nothing_visible (and leaves the vacancy unchanged) when the intersection is
// empty. A kabupaten/kota is dropped when its province is in the list. InvalidArgument
// naming region_codes[i] for an unknown code, and region_codes when the narrowed list has
// more than kMaxVacancyRegionCodes codes.
absl::Status RestrictVacancy(const ApiKey& key, const Regions& regions, v1::Vacancy* vacancy,
                             bool* nothing_visible);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_REDACT_H_
