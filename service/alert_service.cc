// AlertService.WatchVacancy: the engine's change feed (Engine::MatchChanges) as a server
// stream, with the partner rules of MatchCandidates (visibility of the vacancy, scope,
// welfare and coordinates, redaction, audit before sending).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "handlers.h"
#include "redact.h"
#include "request.h"

namespace cakap {
namespace service {
namespace {

constexpr int kDefaultHeartbeatSeconds = 15;
constexpr int kMaxHeartbeatSeconds = 300;
constexpr int kDefaultBatch = 100;
constexpr int kMaxBatch = 1000;
// How often a waiting stream looks at cancellation and shutdown; a commit wakes it at
// once (Engine::WaitForChange), so this bounds only how long a gone client or a drain
// waits for it.
constexpr absl::Duration kPollSlice = absl::Milliseconds(200);

// The stored vacancy, as the caller may see it: NOT_FOUND when it is gone or (partner)
// no longer open and not its own, like MatchCandidates by vacancy_id.
absl::StatusOr<v1::Vacancy> VisibleVacancy(Call& call, const std::string& id) {
  CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
  absl::StatusOr<v1::Vacancy> stored = call.engine().GetVacancy(id);
  if (!stored.ok()) return Renamed(stored.status(), "id", "vacancy_id");
  if (call.partner() && !PartnerMaySeeVacancy(call.key(), *stored)) {
    return NotFound(absl::StrCat("vacancy ", id));
  }
  return stored;
}

absl::Status Validate(const v1::WatchVacancyRequest& req) {
  if (req.vacancy_id().empty()) return InvalidField("vacancy_id", "required");
  if (req.heartbeat_seconds() < 0 || req.heartbeat_seconds() > kMaxHeartbeatSeconds) {
    return InvalidField("heartbeat_seconds", absl::StrCat(req.heartbeat_seconds(),
                                                          " is outside 0-", kMaxHeartbeatSeconds));
  }
  if (req.batch_size() < 0 || req.batch_size() > kMaxBatch) {
    return InvalidField("batch_size",
                        absl::StrCat(req.batch_size(), " is outside 0-", kMaxBatch));
  }
  if (req.from_beginning() && !req.cursor().empty()) {
    return InvalidField("from_beginning", "must be false when a cursor is given");
  }
  return absl::OkStatus();
}

// Sends the alerts of `batch` (redacted for a partner, after one audit line of them is
// on disk); CANCELLED when the client has gone.
absl::Status SendAlerts(Call& call, const std::string& vacancy_id, bool partner,
                        const StreamWriter& writer, ChangeBatch* batch) {
  std::vector<v1::VacancyAlert> alerts;
  AuditEntry entry;
  for (WorkerChange& change : batch->changes) {
    v1::VacancyAlert& alert = alerts.emplace_back();
    if (partner) {
      RedactCandidate(&change.candidate);
      change.candidate.DiscardUnknownFields();  // records stored before ingest discarded them
    }
    entry.worker_ids.push_back(change.candidate.worker().id());
    *alert.mutable_candidate() = std::move(change.candidate);
    alert.set_cursor(EncodeChangeCursor(change.cursor));
    alert.set_sequence(change.seq);
  }
  if (partner) {
    entry.time = absl::Now();
    entry.key = call.key().name;
    entry.rpc = call.rpc();
    entry.vacancy_id = vacancy_id;
    if (absl::Status s = call.backend().audit->Append(entry); !s.ok()) {
      return absl::InternalError(absl::StrCat("audit log unavailable: ", s.message()));
    }
  }
  for (const v1::VacancyAlert& alert : alerts) {
    if (!writer.write(alert)) return absl::CancelledError("the client went away");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WatchVacancy(Call& call, const v1::WatchVacancyRequest& req,
                          const StreamWriter& writer) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  CAKAP_RETURN_IF_ERROR(Validate(req));
  ChangeCursor cursor;
  if (!req.cursor().empty()) {
    CAKAP_ASSIGN_OR_RETURN(cursor, DecodeChangeCursor(req.cursor()));
  }
  // Checked before the start is fixed, so a stream that starts has a vacancy.
  CAKAP_ASSIGN_OR_RETURN(v1::Vacancy vacancy, VisibleVacancy(call, req.vacancy_id()));
  const uint64_t now = call.engine().ChangeSequence();
  if (req.cursor().empty() && !req.from_beginning()) cursor = {now, ""};  // from now
  if (cursor.seq > now) {  // refused before the first message (the engine would, later)
    return absl::FailedPreconditionError(absl::StrCat(
        "cursor: at change sequence ", cursor.seq, ", past this index's last (", now,
        "): a cursor of another index, or of one restored from an older backup; start "
        "without a cursor"));
  }
  const bool partner = call.partner();
  v1::MatchOptions options;
  options.set_exclude_welfare(partner || req.exclude_welfare());
  options.set_coarse_locations(partner);
  if (partner) SetPartnerScope(call.key(), &options);
  const absl::Duration heartbeat = absl::Seconds(
      req.heartbeat_seconds() > 0 ? req.heartbeat_seconds() : kDefaultHeartbeatSeconds);
  const int batch_size = req.batch_size() > 0 ? req.batch_size() : kDefaultBatch;
  const absl::Time deadline = call.context().deadline;

  // The first message is a heartbeat with the starting cursor: a client that loses the
  // connection before any alert resumes from where this stream started.
  auto send_heartbeat = [&]() {
    v1::VacancyAlert beat;
    beat.set_cursor(EncodeChangeCursor(cursor));
    beat.set_sequence(cursor.seq);
    return writer.write(beat);
  };
  const absl::Status gone = absl::CancelledError("the client went away");
  if (!send_heartbeat()) return gone;
  absl::Time last_sent = absl::Now();
  bool fresh = true;  // `vacancy` was just read
  while (true) {
    if (call.Draining()) {
      return absl::UnavailableError("cakapd is shutting down; resume with the last cursor");
    }
    if (writer.cancelled && writer.cancelled()) return gone;
    if (absl::Now() >= deadline) return absl::DeadlineExceededError("the watch's deadline");
    // Nothing is read while no write followed the cursor: an idle watch costs a wake-up
    // per poll slice, and a vacancy read per heartbeat.
    const bool pending = !cursor.id.empty() || call.engine().ChangeSequence() > cursor.seq;
    if (pending || absl::Now() - last_sent >= heartbeat) {
      // Writes are judged against the vacancy as stored now; a closed or deleted one
      // ends the watch by the next heartbeat at the latest.
      if (!fresh) {
        CAKAP_ASSIGN_OR_RETURN(vacancy, VisibleVacancy(call, req.vacancy_id()));
      }
      fresh = false;
    }
    if (pending) {
      CAKAP_RETURN_IF_ERROR(call.BeforeEngine());
      absl::StatusOr<ChangeBatch> batch =
          call.engine().MatchChanges(vacancy, options, cursor, batch_size);
      if (!batch.ok()) return batch.status();
      if (!batch->changes.empty()) {
        CAKAP_RETURN_IF_ERROR(SendAlerts(call, req.vacancy_id(), partner, writer, &*batch));
        last_sent = absl::Now();
      }
      const bool more = batch->next.seq < batch->sequence || !batch->next.id.empty();
      cursor = batch->next;
      if (more) continue;  // a catch-up read stopped at its bound: read on at once
    }
    if (absl::Now() - last_sent >= heartbeat) {
      if (!send_heartbeat()) return gone;
      last_sent = absl::Now();
    }
    const absl::Time until =
        std::min({deadline, absl::Now() + kPollSlice, last_sent + heartbeat});
    call.engine().WaitForChange(cursor.seq, until);
  }
}

}  // namespace service
}  // namespace cakap
