// MatchService: forward and reverse matching, with the partner rules (forced
// exclude_welfare, region restriction, redaction, audit).
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "handlers.h"
#include "cakap/limits.h"
#include "redact.h"
#include "request.h"

namespace cakap {
namespace service {
namespace {

// First 16 bytes of SHA-256 over the vacancy as sent to the engine, hex.
std::string Fingerprint(const v1::Vacancy& vacancy) {
  std::string bytes;
  vacancy.SerializeToString(&bytes);
  return Sha256Hex(bytes).substr(0, 32);
}

absl::Status AuditFailed(const absl::Status& s) {
  return absl::InternalError(absl::StrCat("audit log unavailable: ", s.message()));
}

// The engine (and the partner rules) name a field of the vacancy or of the options
// ("required_skills[1]: ...", "page_size: ..."); the caller sent them as the request's
// "vacancy" and "options". Messages already naming a request field are left as they are.
absl::Status InMatchRequest(const absl::Status& s) {
  if (!absl::IsInvalidArgument(s)) return s;
  const std::string message(s.message());
  const std::string first = message.substr(0, message.find_first_of(".:[ "));
  if (v1::MatchOptions::descriptor()->FindFieldByName(first) != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("options.", message));
  }
  if (v1::Vacancy::descriptor()->FindFieldByName(first) != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("vacancy.", message));
  }
  return s;
}

absl::Status MatchCandidatesIn(Call& call, const v1::MatchCandidatesRequest& req,
                               v1::MatchCandidatesResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  // page_size and near_miss_limit are checked by the engine (named "options.*" by
  // InMatchRequest); the page token is opened here: it is bound to the caller's key.
  v1::MatchOptions options = req.options();
  if (!options.page_token().empty()) {
    absl::StatusOr<std::string> engine_token =
        call.backend().page_tokens->Open(call.key().name, options.page_token());
    if (!engine_token.ok()) return engine_token.status();
    options.set_page_token(*std::move(engine_token));
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
      if (!stored.ok()) return Renamed(stored.status(), "id", "vacancy_id");
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
  if (partner) {
    options.set_exclude_welfare(true);
    options.set_coarse_locations(true);
    // A restricted key's regions scope the whole match in the engine: workers outside
    // are no candidates, near misses, totals, facets or pages (never a constraint that
    // near misses could fail, nor a filter after the engine chose). The vacancy's own
    // region_codes stay its constraint.
    SetPartnerScope(call.key(), &options);
  }
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<v1::MatchResult> result = call.engine().Match(vacancy, options);
  if (!result.ok()) return result.status();
  if (!result->next_page_token().empty()) {
    result->set_next_page_token(
        call.backend().page_tokens->Seal(call.key().name, result->next_page_token()));
  }
  if (partner) {
    RedactMatchResult(call.key(), &*result);
    result->DiscardUnknownFields();  // records stored before ingest discarded them
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

}  // namespace

absl::Status MatchCandidates(Call& call, const v1::MatchCandidatesRequest& req,
                             v1::MatchCandidatesResponse* resp) {
  return InMatchRequest(MatchCandidatesIn(call, req, resp));
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
    result->DiscardUnknownFields();
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
