// The handlers of LedgerService and FiguresService (proto/cakap/v1/ledger.proto,
// figures.proto). Roles: portal and admin write and read everything; a partner records
// placements into its own vacancies and outcomes of its own placements (the engine checks
// both inside the commit, LedgerWriteOptions.partner), never reads histories, gets
// figures with small counts suppressed and no welfare slices, within its regions.
#include <algorithm>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "handlers.h"
#include "request.h"

namespace cakap {
namespace service {
namespace {

// An acknowledged ledger write is on disk; so is its audit line before the reply. When
// the audit line cannot be written the entry stays committed (it is in the history) and
// the caller is told so.
absl::Status AuditWrite(Call& call, const v1::LedgerEntry& entry) {
  AuditEntry audit;
  audit.time = absl::Now();
  audit.key = call.key().name;
  audit.rpc = call.rpc();
  audit.worker_id = entry.worker_id();
  audit.ledger_seq = entry.seq();
  if (entry.has_placement()) audit.vacancy_id = entry.placement().vacancy_id();
  if (absl::Status s = call.backend().audit->Append(audit); !s.ok()) {
    return absl::InternalError(absl::StrCat("entry ", entry.seq(), " of worker ",
                                            entry.worker_id(),
                                            " committed, but the audit log is unavailable: ",
                                            s.message()));
  }
  return absl::OkStatus();
}

// The engine names the entry's fields ("placement.vacancy_id: ..."), also in the
// PermissionDenied and FailedPrecondition it answers; the caller sent them as the
// request's "entry".
absl::Status InEntry(const absl::Status& s) {
  if (absl::IsInvalidArgument(s)) return Within(s, "entry");
  for (absl::string_view field : {"placement.", "outcome.", "corrects:"}) {
    if (absl::StartsWith(s.message(), field)) {
      return absl::Status(s.code(), absl::StrCat("entry.", s.message()));
    }
  }
  return s;
}

absl::Status Record(Call& call, const v1::LedgerEntry& entry, v1::LedgerEntry* out) {
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  if (call.partner()) {
    // A worker the key may not see does not exist for it (as in GetWorker).
    absl::StatusOr<v1::Worker> worker = call.engine().GetWorker(entry.worker_id());
    if (!worker.ok() || !call.key().MaySee(worker->domicile().region_code())) {
      if (worker.ok() || absl::IsNotFound(worker.status())) {
        return NotFound(absl::StrCat("worker ", entry.worker_id()));
      }
      return worker.status();
    }
  }
  LedgerWriteOptions options;
  options.source = call.key().name;
  if (call.partner()) options.partner = call.key().name;
  absl::StatusOr<v1::LedgerEntry> stored = call.engine().RecordLedgerEntry(entry, options);
  if (!stored.ok()) return InEntry(stored.status());
  CAKAP_RETURN_IF_ERROR(AuditWrite(call, *stored));
  *out = *std::move(stored);
  return absl::OkStatus();
}

// A partner's slice: within its regions (its own when none are named), no welfare.
absl::Status PartnerSlice(const ApiKey& key, v1::FiguresSlice* slice) {
  if (slice->welfare_decile_min() != 0 || slice->welfare_decile_max() != 0) {
    return absl::PermissionDeniedError(absl::StrCat(
        slice->welfare_decile_min() != 0 ? "slice.welfare_decile_min" : "slice.welfare_decile_max",
        ": welfare slices are for portal and admin keys only"));
  }
  if (!key.restricted()) return absl::OkStatus();
  if (slice->region_codes().empty()) {
    for (const std::string& p : key.provinces) slice->add_region_codes(p);
    for (const std::string& r : key.regions) slice->add_region_codes(r);
    return absl::OkStatus();
  }
  for (int i = 0; i < slice->region_codes_size(); ++i) {
    const std::string& code = slice->region_codes(i);
    const bool province = code.size() == 2;
    const bool allowed =
        province ? std::find(key.provinces.begin(), key.provinces.end(), code) !=
                       key.provinces.end()
                 : key.MaySee(code);
    if (!allowed) {
      return absl::PermissionDeniedError(absl::StrCat(
          "slice.region_codes[", i, "]: \"", code, "\" is outside this key's regions"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status RecordPlacement(Call& call, const v1::RecordPlacementRequest& req,
                             v1::RecordPlacementResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  if (!req.has_entry()) return InvalidField("entry", "required");
  if (!req.entry().has_placement()) return InvalidField("entry.placement", "required");
  return Record(call, req.entry(), resp->mutable_entry());
}

absl::Status RecordOutcome(Call& call, const v1::RecordOutcomeRequest& req,
                           v1::RecordOutcomeResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  if (!req.has_entry()) return InvalidField("entry", "required");
  if (!req.entry().has_outcome()) return InvalidField("entry.outcome", "required");
  return Record(call, req.entry(), resp->mutable_entry());
}

absl::Status GetHistory(Call& call, const v1::GetHistoryRequest& req,
                        v1::GetHistoryResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kWriters));
  if (req.worker_id().empty()) return InvalidField("worker_id", "required");
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<std::vector<v1::LedgerEntry>> history = call.engine().GetHistory(req.worker_id());
  if (!history.ok()) return history.status();
  for (v1::LedgerEntry& e : *history) *resp->add_entries() = std::move(e);
  return absl::OkStatus();
}

absl::Status GetFigures(Call& call, const v1::GetFiguresRequest& req,
                        v1::GetFiguresResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  v1::GetFiguresRequest request = req;
  FiguresOptions options;
  if (call.partner()) {
    CAKAP_RETURN_IF_ERROR(PartnerSlice(call.key(), request.mutable_slice()));
    options.min_cell_size = kMinCellSize;
  }
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<v1::GetFiguresResponse> figures = call.engine().Figures(request, options);
  if (!figures.ok()) return figures.status();
  *resp = *std::move(figures);
  return absl::OkStatus();
}

}  // namespace service
}  // namespace cakap
