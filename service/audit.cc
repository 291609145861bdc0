#include "audit.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace cakap {
namespace service {
namespace {

std::string JsonList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ",";
    out += JsonString(items[i]);
  }
  return out + "]";
}

}  // namespace

std::string JsonString(absl::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          absl::StrAppendFormat(&out, "\\u%04x", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string JsonTime(absl::Time t) {
  return JsonString(
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3S%Ez", t, absl::FixedTimeZone(7 * 3600)));
}

std::string FormatAuditLine(const AuditEntry& e) {
  std::string line = absl::StrCat("{\"time\":", JsonTime(e.time), ",\"key\":", JsonString(e.key),
                                  ",\"rpc\":", JsonString(e.rpc));
  if (e.rpc == "MatchVacancies") {
    absl::StrAppend(&line, ",\"worker_id\":", JsonString(e.worker_id),
                    ",\"vacancy_ids\":", JsonList(e.vacancy_ids));
  } else {
    absl::StrAppend(&line, ",\"vacancy_id\":", JsonString(e.vacancy_id),
                    ",\"vacancy_fingerprint\":", JsonString(e.vacancy_fingerprint),
                    ",\"worker_ids\":", JsonList(e.worker_ids),
                    ",\"near_miss_worker_ids\":", JsonList(e.near_miss_worker_ids));
  }
  return line + "}\n";
}

absl::StatusOr<std::unique_ptr<AuditLog>> AuditLog::Open(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("audit log ", path, ": ", std::strerror(errno)));
  }
  return std::unique_ptr<AuditLog>(new AuditLog(path, fd));
}

AuditLog::~AuditLog() { close(fd_); }

absl::Status AuditLog::Append(const AuditEntry& entry) {
  const std::string line = FormatAuditLine(entry);
  absl::MutexLock lock(&mu_);
  // O_APPEND: one write() per line keeps lines whole even with other writers.
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return absl::InternalError(absl::StrCat("audit log ", path_, ": ", std::strerror(errno)));
    }
    done += static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

}  // namespace service
}  // namespace cakap
