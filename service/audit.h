// The audit log of partner matches, and the JSON helpers shared with the request log.
//
// One JSON object per line, e.g.
//   {"time":"2026-11-23T10:00:00.123+07:00","key":"pt-borneo","rpc":"MatchCandidates",
//    "vacancy_id":"","vacancy_fingerprint":"3f1a...","worker_ids":["w-1","w-7"],
//    "near_miss_worker_ids":[]}
// MatchVacancies lines carry "worker_id" and "vacancy_ids" instead.
#ifndef CAKAP_SERVICE_AUDIT_H_
#define CAKAP_SERVICE_AUDIT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace cakap {
namespace service {

// `s` as a JSON string literal, quotes included.
std::string JsonString(absl::string_view s);
// Time as RFC 3339 in UTC+7 (WIB) with milliseconds.
std::string JsonTime(absl::Time t);

struct AuditEntry {
  absl::Time time;
  std::string key;
  std::string rpc;
  // MatchCandidates: the stored vacancy's id (empty for an inline vacancy) and a
  // fingerprint (SHA-256 prefix) of the vacancy as sent to the engine.
  std::string vacancy_id;
  std::string vacancy_fingerprint;
  std::vector<std::string> worker_ids;
  std::vector<std::string> near_miss_worker_ids;
  // MatchVacancies: the worker and the vacancies returned.
  std::string worker_id;
  std::vector<std::string> vacancy_ids;
};

std::string FormatAuditLine(const AuditEntry& entry);

// Appends lines to a file opened with O_APPEND (created 0600). Thread-safe.
class AuditLog {
 public:
  static absl::StatusOr<std::unique_ptr<AuditLog>> Open(const std::string& path);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Writes the whole line or fails.
  absl::Status Append(const AuditEntry& entry);

 private:
  AuditLog(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  const std::string path_;
  absl::Mutex mu_;
  const int fd_;
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_AUDIT_H_
