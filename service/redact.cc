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

void RedactCandidate(v1::Candidate* c) {
  RedactWorker(c->mutable_worker());
  c->set_distance_km(RoundKm(c->distance_km()));
}

void AddUnique(std::vector<std::string>* out, const std::string& code) {
  if (std::find(out->begin(), out->end(), code) == out->end()) out->push_back(code);
}

}  // namespace

void RedactWorker(v1::Worker* worker) {
  worker->clear_nik();
  worker->clear_welfare_decile();
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
  auto* near = result->mutable_near_misses();
  near->erase(std::remove_if(near->begin(), near->end(),
                             [&](const v1::NearMiss& n) {
                               return !key.MaySee(n.candidate().worker().domicile().region_code());
                             }),
              near->end());
  for (v1::NearMiss& n : *near) RedactCandidate(n.mutable_candidate());
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

absl::Status RestrictVacancy(const ApiKey& key, const Regions& regions, v1::Vacancy* vacancy,
                             bool* nothing_visible) {
  *nothing_visible = false;
  if (!key.restricted()) return absl::OkStatus();
  std::vector<std::string> allowed;
  if (vacancy->region_codes().empty()) {
    for (const std::string& p : key.provinces) AddUnique(&allowed, p);
    for (const std::string& r : key.regions) AddUnique(&allowed, r);
  }
  for (int i = 0; i < vacancy->region_codes_size(); ++i) {
    const Region* r = regions.Find(vacancy->region_codes(i));
    if (r == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("region_codes[", i, "]: unknown region \"",
                       vacancy->region_codes(i).substr(0, 20), "\""));
    }
    if (r->is_province()) {
      // The whole province when the key has it, else the key's kabupaten/kota in it.
      if (std::find(key.provinces.begin(), key.provinces.end(), r->code) !=
          key.provinces.end()) {
        AddUnique(&allowed, r->code);
      } else {
        for (const std::string& k : key.regions) {
          if (k.substr(0, k.find('.')) == r->code) AddUnique(&allowed, k);
        }
      }
    } else if (key.MaySee(r->code)) {
      AddUnique(&allowed, r->code);
    }
  }
  if (allowed.empty()) {
    *nothing_visible = true;
    return absl::OkStatus();
  }
  // A kabupaten/kota whose province is allowed adds nothing.
  std::vector<std::string> provinces;
  for (const std::string& code : allowed) {
    if (code.find('.') == std::string::npos) provinces.push_back(code);
  }
  allowed.erase(std::remove_if(allowed.begin(), allowed.end(),
                               [&](const std::string& code) {
                                 const size_t dot = code.find('.');
                                 return dot != std::string::npos &&
                                        std::find(provinces.begin(), provinces.end(),
                                                  code.substr(0, dot)) != provinces.end();
                               }),
                allowed.end());
  if (allowed.size() > static_cast<size_t>(kMaxVacancyRegionCodes)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "region_codes: ", allowed.size(), " codes once limited to the key's regions, at most ",
        kMaxVacancyRegionCodes, " (split the match, or name whole provinces)"));
  }
  vacancy->clear_region_codes();
  for (std::string& code : allowed) vacancy->add_region_codes(std::move(code));
  return absl::OkStatus();
}

}  // namespace service
}  // namespace cakap
