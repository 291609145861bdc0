#include "redact.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"

namespace cakap {
namespace service {
namespace {

double RoundKm(double km) { return km < 0 ? km : std::round(km); }

}  // namespace

void RedactCandidate(v1::Candidate* c) {
  RedactWorker(c->mutable_worker());
  c->set_distance_km(RoundKm(c->distance_km()));
}

void RedactWorker(v1::Worker* worker) {
  worker->clear_nik();
  worker->clear_welfare_decile();
  worker->clear_birth_date();  // partners learn only that an age range fits
  if (worker->has_domicile() && worker->domicile().has_coordinates()) {
    v1::Location* d = worker->mutable_domicile();
    d->set_latitude(CoarseDegrees(d->latitude()));  // what coarse_locations measures from
    d->set_longitude(CoarseDegrees(d->longitude()));
  }
  if (worker->has_contact() && !worker->contact().consent_to_share()) {
    worker->mutable_contact()->clear_phone();
    worker->mutable_contact()->clear_email();
  }
}

void RedactMatchResult(const ApiKey& key, v1::MatchResult* result) {
  for (v1::Candidate& c : *result->mutable_candidates()) RedactCandidate(&c);
  for (v1::NearMiss& n : *result->mutable_near_misses()) RedactCandidate(n.mutable_candidate());
  RedactVacancy(key, result->mutable_resolved_vacancy());
}

void RedactVacancyMatchResult(const ApiKey& key, v1::VacancyMatchResult* result) {
  for (v1::VacancyHit& hit : *result->mutable_vacancies()) {
    hit.set_distance_km(RoundKm(hit.distance_km()));
    RedactVacancy(key, hit.mutable_vacancy());
  }
}

bool PartnerMaySeeVacancy(const ApiKey& key, const v1::Vacancy& vacancy) {
  return vacancy.open() || (!vacancy.owner().empty() && vacancy.owner() == key.name);
}

void RedactVacancy(const ApiKey& key, v1::Vacancy* vacancy) {
  if (vacancy->owner() != key.name) vacancy->clear_owner();
}

void SetPartnerScope(const ApiKey& key, v1::MatchOptions* options) {
  options->clear_scope_region_codes();  // set by the server, whatever the caller sent
  for (const std::string& p : key.provinces) options->add_scope_region_codes(p);
  for (const std::string& r : key.regions) options->add_scope_region_codes(r);
}

}  // namespace service
}  // namespace cakap
