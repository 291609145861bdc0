// MatchService: forward and reverse matching, with the partner rules (forced
// exclude_welfare, region restriction, redaction, audit).
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "handlers.h"
#include "redact.h"

namespace cakap {
namespace service {
namespace {

constexpr int kMaxPageSize = 200;
constexpr int kMaxNearMisses = 100;
constexpr int kMaxVacancyLimit = 1000;
constexpr int kDefaultVacancyLimit = 20;

// First 16 bytes of SHA-256 over the vacancy as sent to the engine, hex.
std::string Fingerprint(const v1::Vacancy& vacancy) {
  std::string bytes;
  vacancy.SerializeToString(&bytes);
  return Sha256Hex(bytes).substr(0, 32);
}

absl::Status AuditFailed(const absl::Status& s) {
  return absl::InternalError(absl::StrCat("audit log unavailable: ", s.message()));
}

}  // namespace

absl::Status MatchCandidates(Call& call, const v1::MatchCandidatesRequest& req,
                             v1::MatchCandidatesResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  v1::MatchOptions options = req.options();
  if (options.page_size() < 0 || options.page_size() > kMaxPageSize) {
    return InvalidField("options.page_size",
                        absl::StrCat(options.page_size(), " is outside 0-", kMaxPageSize));
  }
  if (options.near_miss_limit() < 0 || options.near_miss_limit() > kMaxNearMisses) {
    return InvalidField("options.near_miss_limit", absl::StrCat(options.near_miss_limit(),
                                                                " is outside 0-", kMaxNearMisses));
  }
  v1::Vacancy vacancy;
  switch (req.source_case()) {
    case v1::MatchCandidatesRequest::kVacancy:
      vacancy = req.vacancy();
      break;
    case v1::MatchCandidatesRequest::kVacancyId: {
      if (req.vacancy_id().empty()) return InvalidField("vacancy_id", "required");
      CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
      absl::StatusOr<v1::Vacancy> stored = call.engine().GetVacancy(req.vacancy_id());
      if (!stored.ok()) return stored.status();
      if (call.partner() && !PartnerMaySeeVacancy(call.key(), *stored)) {
        return NotFound(absl::StrCat("vacancy ", req.vacancy_id()));
      }
      vacancy = *std::move(stored);
      break;
    }
    default:
      return InvalidField("vacancy", "required (vacancy or vacancy_id)");
  }
  const bool partner = call.partner();
  bool nothing_visible = false;
  if (partner) {
    options.set_exclude_welfare(true);
    options.set_coarse_locations(true);
    absl::Status s =
        RestrictVacancy(call.key(), call.engine().regions(), &vacancy, &nothing_visible);
    if (!s.ok()) return s;
  }
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<v1::MatchResult> result = call.engine().Match(vacancy, options);
  if (!result.ok()) return result.status();
  if (nothing_visible) {
    // The request's regions and the key's do not meet: the engine ran the request as
    // given (to validate it and resolve the vacancy), but nobody in it may be shown.
    result->clear_candidates();
    result->clear_near_misses();
    result->set_total(0);
    result->clear_next_page_token();
    result->clear_facets();
    if (options.facets()) result->mutable_facets();
  }
  if (partner) {
    RedactMatchResult(call.key(), &*result);
    AuditEntry entry;
    entry.time = absl::Now();
    entry.key = call.key().name;
    entry.rpc = call.rpc();
    if (req.source_case() == v1::MatchCandidatesRequest::kVacancyId) {
      entry.vacancy_id = req.vacancy_id();
    } else {
      entry.vacancy_id = vacancy.id();
    }
    entry.vacancy_fingerprint = Fingerprint(vacancy);
    for (const v1::Candidate& c : result->candidates()) entry.worker_ids.push_back(c.worker().id());
    for (const v1::NearMiss& n : result->near_misses()) {
      entry.near_miss_worker_ids.push_back(n.candidate().worker().id());
    }
    if (absl::Status s = call.backend().audit->Append(entry); !s.ok()) return AuditFailed(s);
  }
  *resp->mutable_result() = *std::move(result);
  return absl::OkStatus();
}

absl::Status MatchVacancies(Call& call, const v1::MatchVacanciesRequest& req,
                            v1::MatchVacanciesResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  if (req.worker_id().empty()) return InvalidField("worker_id", "required");
  if (req.limit() < 0 || req.limit() > kMaxVacancyLimit) {
    return InvalidField("limit", absl::StrCat(req.limit(), " is outside 0-", kMaxVacancyLimit));
  }
  const int limit = req.limit() == 0 ? kDefaultVacancyLimit : req.limit();
  const bool partner = call.partner();
  if (partner && call.key().restricted()) {
    CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
    absl::StatusOr<v1::Worker> worker = call.engine().GetWorker(req.worker_id());
    if (!worker.ok()) return worker.status();
    if (!call.key().MaySee(worker->domicile().region_code())) {
      return NotFound(absl::StrCat("worker ", req.worker_id()));
    }
  }
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<v1::VacancyMatchResult> result = call.engine().MatchVacancies(
      req.worker_id(), limit, partner || req.exclude_welfare(), /*coarse_locations=*/partner);
  if (!result.ok()) return result.status();
  if (partner) {
    RedactVacancyMatchResult(call.key(), &*result);
    AuditEntry entry;
    entry.time = absl::Now();
    entry.key = call.key().name;
    entry.rpc = call.rpc();
    entry.worker_id = req.worker_id();
    for (const v1::VacancyHit& h : result->vacancies()) entry.vacancy_ids.push_back(h.vacancy().id());
    if (absl::Status s = call.backend().audit->Append(entry); !s.ok()) return AuditFailed(s);
  }
  *resp->mutable_result() = *std::move(result);
  return absl::OkStatus();
}

}  // namespace service
}  // namespace cakap
