// One function per cakap rpc: authorize, validate, call the engine, redact, audit. The
// RpcTable (rpc.h) lists them; gRPC and HTTP both dispatch there. No ranking logic lives
// here, and nothing that depends on the transport.
#ifndef CAKAP_SERVICE_HANDLERS_H_
#define CAKAP_SERVICE_HANDLERS_H_

#include "absl/status/status.h"
#include "call.h"
#include "cakap/v1/lexicon.pb.h"
#include "cakap/v1/allocation.pb.h"
#include "cakap/v1/alerts.pb.h"
#include "cakap/v1/figures.pb.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/service.pb.h"
#include "rpc.h"

namespace cakap {
namespace service {

// Records per engine commit in UpsertWorkers and UpsertVacancies.
inline constexpr size_t kImportBatch = 500;
// At most this many rejections are listed in an import's reply (all are counted).
inline constexpr size_t kMaxListedRejections = 10000;

// services.cc
absl::Status UpsertWorker(Call& call, const v1::UpsertWorkerRequest& req,
                          v1::UpsertWorkerResponse* resp);
absl::Status UpsertWorkers(Call& call, const StreamReader& read,
                           v1::UpsertWorkersResponse* resp);
absl::Status GetWorker(Call& call, const v1::GetWorkerRequest& req,
                       v1::GetWorkerResponse* resp);
absl::Status DeleteWorker(Call& call, const v1::DeleteWorkerRequest& req,
                          v1::DeleteWorkerResponse* resp);
absl::Status UpsertVacancy(Call& call, const v1::UpsertVacancyRequest& req,
                           v1::UpsertVacancyResponse* resp);
absl::Status UpsertVacancies(Call& call, const StreamReader& read,
                             v1::UpsertVacanciesResponse* resp);
absl::Status GetVacancy(Call& call, const v1::GetVacancyRequest& req,
                        v1::GetVacancyResponse* resp);
absl::Status DeleteVacancy(Call& call, const v1::DeleteVacancyRequest& req,
                           v1::DeleteVacancyResponse* resp);
absl::Status ListVacancies(Call& call, const v1::ListVacanciesRequest& req,
                           v1::ListVacanciesResponse* resp);
absl::Status Stats(Call& call, const v1::StatsRequest& req, v1::StatsResponse* resp);
absl::Status Backup(Call& call, const v1::BackupRequest& req, v1::BackupResponse* resp);

// Partners never get a figure from 1 to kMinCellSize - 1 (GetFigures reports it as
// suppressed): below 10 a count can single out a person in a kabupaten (docs/design.md).
inline constexpr int kMinCellSize = 10;

// ledger_service.cc
absl::Status RecordPlacement(Call& call, const v1::RecordPlacementRequest& req,
                             v1::RecordPlacementResponse* resp);
absl::Status RecordOutcome(Call& call, const v1::RecordOutcomeRequest& req,
                           v1::RecordOutcomeResponse* resp);
absl::Status GetHistory(Call& call, const v1::GetHistoryRequest& req,
                        v1::GetHistoryResponse* resp);
absl::Status GetFigures(Call& call, const v1::GetFiguresRequest& req,
                        v1::GetFiguresResponse* resp);

// match_service.cc
absl::Status MatchCandidates(Call& call, const v1::MatchCandidatesRequest& req,
                             v1::MatchCandidatesResponse* resp);
absl::Status MatchVacancies(Call& call, const v1::MatchVacanciesRequest& req,
                            v1::MatchVacanciesResponse* resp);

// lexicon_service.cc
absl::Status LookupSkills(Call& call, const v1::LookupSkillsRequest& req,
                          v1::LookupSkillsResponse* resp);
absl::Status ListRegions(Call& call, const v1::ListRegionsRequest& req,
                         v1::ListRegionsResponse* resp);
// allocation_service.cc
absl::Status Allocate(Call& call, const v1::AllocateRequest& req, v1::AllocateResponse* resp);
// alert_service.cc
absl::Status WatchVacancy(Call& call, const v1::WatchVacancyRequest& req,
                          const StreamWriter& writer);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_HANDLERS_H_
