// AllocationService: batch allocation (allocation.proto) with the partner rules: only
// the partner's own stored vacancies, welfare out of scores and unweighed, coarse
// locations, its regions as the cohort, redacted workers, and an audit line naming every
// proposed worker before the reply.
#include <cmath>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "handlers.h"
#include "redact.h"
#include "request.h"

namespace cakap {
namespace service {
namespace {

// Each listed vacancy must be the partner's own. One the partner may not even see is
// NOT_FOUND, as in GetVacancy (no existence leak); an open one of another owner is
// PERMISSION_DENIED.
absl::Status CheckPartnerVacancies(Call& call, const v1::AllocateRequest& req) {
  if (req.open_vacancies()) {
    return InvalidField("open_vacancies",
                        "partners list their own vacancies in vacancy_ids instead");
  }
  for (int i = 0; i < req.vacancy_ids_size(); ++i) {
    if (req.vacancy_ids(i).empty()) continue;  // the engine names it
    CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
    absl::StatusOr<v1::Vacancy> v = call.engine().GetVacancy(req.vacancy_ids(i));
    if (!v.ok() && !absl::IsNotFound(v.status())) return v.status();
    if (!v.ok() || !PartnerMaySeeVacancy(call.key(), *v)) {
      return NotFound(absl::StrCat("vacancy ", req.vacancy_ids(i)));
    }
    if (v->owner() != call.key().name) {
      return absl::PermissionDeniedError(absl::StrCat(
          "vacancy_ids[", i, "]: a partner allocates only its own vacancies (Vacancy.owner)"));
    }
  }
  return absl::OkStatus();
}

void RedactForPartner(v1::AllocationResult* result) {
  for (v1::VacancyAllocation& va : *result->mutable_vacancies()) {
    for (v1::Candidate& c : *va.mutable_proposed()) {
      RedactWorker(c.mutable_worker());
      // Whole km, as RedactMatchResult: the match itself ran on coarse coordinates.
      if (c.distance_km() >= 0) c.set_distance_km(std::round(c.distance_km()));
    }
  }
  result->DiscardUnknownFields();
}

}  // namespace

absl::Status Allocate(Call& call, const v1::AllocateRequest& req, v1::AllocateResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  v1::AllocateRequest request = req;
  const bool partner = call.partner();
  if (partner) {
    if (req.welfare_weight() != 0) {
      return InvalidField("welfare_weight", "partners may not weigh welfare (they never see it)");
    }
    CAKAP_RETURN_IF_ERROR(CheckPartnerVacancies(call, req));
    request.set_exclude_welfare(true);
    request.set_coarse_locations(true);
    if (call.key().restricted()) {
      // The key's regions are the cohort's, whatever the caller sent: workers outside
      // are absent from every match the allocation runs.
      v1::MatchOptions scope;
      SetPartnerScope(call.key(), &scope);
      *request.mutable_cohort_region_codes() = scope.scope_region_codes();
    }
  }
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<v1::AllocationResult> result =
      call.engine().Allocate(request, call.context().deadline);
  if (!result.ok()) return result.status();
  if (partner) {
    RedactForPartner(&*result);
    AuditEntry entry;
    entry.time = absl::Now();
    entry.key = call.key().name;
    entry.rpc = call.rpc();
    for (const v1::VacancyAllocation& va : result->vacancies()) {
      entry.vacancy_ids.push_back(va.vacancy_id());
      for (const v1::Candidate& c : va.proposed()) entry.worker_ids.push_back(c.worker().id());
    }
    if (absl::Status s = call.backend().audit->Append(entry); !s.ok()) {
      return absl::InternalError(absl::StrCat("audit log unavailable: ", s.message()));
    }
  }
  *resp->mutable_result() = *std::move(result);
  return absl::OkStatus();
}

}  // namespace service
}  // namespace cakap
