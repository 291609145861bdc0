// MatchService: forward and reverse matching, with the partner rules (forced
// exclude_welfare, region restriction, redaction, audit).
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/v1/service.pb.h"
#include "redact.h"
#include "request.h"
#include "services.h"

namespace cakap {
namespace service {
namespace {

using grpc::ServerContext;
using grpc::Status;

constexpr int kMaxVacancyLimit = 1000;
constexpr int kDefaultVacancyLimit = 20;

// First 16 bytes of SHA-256 over the vacancy as sent to the engine, hex.
std::string Fingerprint(const v1::Vacancy& vacancy) {
  std::string bytes;
  vacancy.SerializeToString(&bytes);
  return Sha256Hex(bytes).substr(0, 32);
}

Status AuditFailed(const absl::Status& s) {
  return Status(grpc::StatusCode::INTERNAL, absl::StrCat("audit log unavailable: ", s.message()));
}

// The engine (and the partner rules) name a field of the vacancy or of the options
// ("required_skills[1]: ...", "page_size: ..."); the caller sent them as the request's
// "vacancy" and "options". Messages already naming a request field are left as they are.
Status InMatchRequest(const Status& s) {
  if (s.error_code() != grpc::StatusCode::INVALID_ARGUMENT) return s;
  const std::string& message = s.error_message();
  const std::string first = message.substr(0, message.find_first_of(".:[ "));
  if (v1::MatchOptions::descriptor()->FindFieldByName(first) != nullptr) {
    return Status(s.error_code(), absl::StrCat("options.", message));
  }
  if (v1::Vacancy::descriptor()->FindFieldByName(first) != nullptr) {
    return Status(s.error_code(), absl::StrCat("vacancy.", message));
  }
  return s;
}

class MatchServiceImpl final : public RequestService {
 public:
  explicit MatchServiceImpl(Backend* backend) : RequestService(backend) {
    AddUnary("/cakap.v1.MatchService/MatchCandidates", "MatchCandidates",
             &MatchServiceImpl::MatchCandidates);
    AddUnary("/cakap.v1.MatchService/MatchVacancies", "MatchVacancies",
             &MatchServiceImpl::MatchVacancies);
  }

  Status MatchCandidates(ServerContext* ctx, const v1::MatchCandidatesRequest* req,
                         v1::MatchCandidatesResponse* resp) {
    Call call(*backend_, ctx, "MatchCandidates");
    return call.Finish(InMatchRequest(DoMatchCandidates(call, *req, resp)));
  }

  Status MatchVacancies(ServerContext* ctx, const v1::MatchVacanciesRequest* req,
                        v1::MatchVacanciesResponse* resp) {
    Call call(*backend_, ctx, "MatchVacancies");
    return call.Finish(DoMatchVacancies(call, *req, resp));
  }

 private:
  Status DoMatchCandidates(Call& call, const v1::MatchCandidatesRequest& req,
                           v1::MatchCandidatesResponse* resp) {
    if (Status s = call.Authorize(kAnyRole); !s.ok()) return s;
    // page_size and near_miss_limit are checked by the engine (named "options.*" by
    // InMatchRequest); the page token is opened here: it is bound to the caller's key.
    v1::MatchOptions options = req.options();
    if (!options.page_token().empty()) {
      absl::StatusOr<std::string> engine_token =
          backend_->page_tokens->Open(call.key().name, options.page_token());
      if (!engine_token.ok()) return ToGrpc(engine_token.status());
      options.set_page_token(*std::move(engine_token));
    }
    v1::Vacancy vacancy;
    switch (req.source_case()) {
      case v1::MatchCandidatesRequest::kVacancy:
        vacancy = req.vacancy();
        break;
      case v1::MatchCandidatesRequest::kVacancyId: {
        if (req.vacancy_id().empty()) return InvalidField("vacancy_id", "required");
        if (Status s = call.BeforeEngine(); !s.ok()) return s;
        absl::StatusOr<v1::Vacancy> stored = call.engine().GetVacancy(req.vacancy_id());
        if (!stored.ok()) return ToGrpc(Renamed(stored.status(), "id", "vacancy_id"));
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
      if (!s.ok()) return ToGrpc(s);
    }
    if (Status s = call.BeforeEngine(); !s.ok()) return s;
    absl::StatusOr<v1::MatchResult> result = call.engine().Match(vacancy, options);
    if (!result.ok()) return ToGrpc(result.status());
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
    if (!result->next_page_token().empty()) {
      result->set_next_page_token(
          backend_->page_tokens->Seal(call.key().name, result->next_page_token()));
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
    return Status::OK;
  }

  Status DoMatchVacancies(Call& call, const v1::MatchVacanciesRequest& req,
                          v1::MatchVacanciesResponse* resp) {
    if (Status s = call.Authorize(kAnyRole); !s.ok()) return s;
    if (req.worker_id().empty()) return InvalidField("worker_id", "required");
    if (req.limit() < 0 || req.limit() > kMaxVacancyLimit) {
      return InvalidField("limit", absl::StrCat(req.limit(), " is outside 0-", kMaxVacancyLimit));
    }
    const int limit = req.limit() == 0 ? kDefaultVacancyLimit : req.limit();
    const bool partner = call.partner();
    if (partner && call.key().restricted()) {
      if (Status s = call.BeforeEngine(); !s.ok()) return s;
      absl::StatusOr<v1::Worker> worker = call.engine().GetWorker(req.worker_id());
      if (!worker.ok()) return ToGrpc(worker.status());
      if (!call.key().MaySee(worker->domicile().region_code())) {
        return NotFound(absl::StrCat("worker ", req.worker_id()));
      }
    }
    if (Status s = call.BeforeEngine(); !s.ok()) return s;
    absl::StatusOr<v1::VacancyMatchResult> result = call.engine().MatchVacancies(
        req.worker_id(), limit, partner || req.exclude_welfare(), /*coarse_locations=*/partner);
    if (!result.ok()) return ToGrpc(result.status());
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
    return Status::OK;
  }
};

}  // namespace

std::unique_ptr<grpc::Service> NewMatchService(Backend* backend) {
  return std::make_unique<MatchServiceImpl>(backend);
}

}  // namespace service
}  // namespace cakap
