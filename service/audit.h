// The audit log of partner reads of personal data (matches, reverse matches, GetWorker).
//
// One cakap.v1.AuditLine (proto/cakap/v1/log.proto) per line, every field present, e.g.
//   {"time":"2026-11-23T10:00:00.123+07:00","key":"pt-borneo","rpc":"MatchCandidates",
//    "vacancy_id":"","vacancy_fingerprint":"3f1a...","worker_ids":["w-1","w-7"],
//    "near_miss_worker_ids":[],"worker_id":"","vacancy_ids":[]}
#ifndef CAKAP_SERVICE_AUDIT_H_
#define CAKAP_SERVICE_AUDIT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "log_line.h"

namespace cakap {
namespace service {

struct AuditEntry {
  absl::Time time;
  std::string key;
  std::string rpc;
  // MatchCandidates: the stored vacancy's id (empty for an inline vacancy) and a
  // fingerprint (SHA-256 prefix) of the vacancy as sent to the engine.
  std::string vacancy_id;
  std::string vacancy_fingerprint;
  std::vector<std::string> worker_ids;  // also GetWorker's one worker
  std::vector<std::string> near_miss_worker_ids;
  // MatchVacancies: the worker and the vacancies returned.
  std::string worker_id;
  std::vector<std::string> vacancy_ids;
  // RecordPlacement, RecordOutcome: the entry's seq in worker_id's history (vacancy_id:
  // the placement's vacancy).
  int64_t ledger_seq = 0;
};

std::string FormatAuditLine(const AuditEntry& entry);

struct AuditLogOptions {
  // Before a line is appended to a file that already holds at least this many bytes, the
  // file is renamed to <path>.<UTC time, e.g. 20261124T025222Z> and a new one started.
  // Rotated files are never deleted: keeping or archiving them is the operator's call.
  // 0: never rotate.
  uint64_t max_bytes = 64ull << 20;
  // Called with the duration of each successful fdatasync (cakapd's audit sync latency
  // histogram), on the appending thread. May be null.
  std::function<void(absl::Duration)> on_sync;
};

// Appends lines to a file opened with O_APPEND (created 0600). Thread-safe.
//
// Append returns only once its line is on disk (fdatasync): a partner's reply is sent
// after its audit line, so a crash can lose a reply but never the line of one that was
// sent. Calls that overlap share one fdatasync (group commit).
class AuditLog {
 public:
  static absl::StatusOr<std::unique_ptr<AuditLog>> Open(const std::string& path,
                                                        const AuditLogOptions& options = {});
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Writes and syncs the whole line, or fails (Internal, naming the file).
  absl::Status Append(const AuditEntry& entry);

  // Counters, for tests and stats.
  struct Counters {
    uint64_t lines = 0;      // lines appended
    uint64_t syncs = 0;      // fdatasync calls that succeeded
    uint64_t rotations = 0;  // files rotated away
  };
  Counters counters() const;

 private:
  AuditLog(std::string path, const AuditLogOptions& options, int fd, uint64_t size)
      : path_(std::move(path)), options_(options), fd_(fd), size_(size) {}
  // Renames the full file away and opens a new one; holds sync_mu_ and mu_.
  absl::Status RotateLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(sync_mu_, mu_);
  // Returns once line `seq` is on disk.
  absl::Status SyncThrough(uint64_t seq) ABSL_LOCKS_EXCLUDED(sync_mu_, mu_);

  const std::string path_;
  const AuditLogOptions options_;
  // Held while syncing or rotating, so the file being synced is never closed under it.
  // Taken before mu_.
  mutable absl::Mutex sync_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  mutable absl::Mutex mu_;
  int fd_ ABSL_GUARDED_BY(mu_);
  uint64_t size_ ABSL_GUARDED_BY(mu_);        // bytes in the current file
  uint64_t written_ ABSL_GUARDED_BY(mu_) = 0;  // lines written (a line's sequence number)
  uint64_t durable_ ABSL_GUARDED_BY(mu_) = 0;  // lines known to be on disk
  Counters counters_ ABSL_GUARDED_BY(mu_);
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_AUDIT_H_
