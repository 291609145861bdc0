#include "audit.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/v1/log.pb.h"

namespace cakap {
namespace service {
namespace {

int OpenForAppend(const std::string& path) {
  return open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

// Internal "audit log <path>: <what>: <errno text>"; read errno first.
absl::Status FileError(const std::string& path, absl::string_view what) {
  return absl::InternalError(absl::StrCat("audit log ", path, ": ", what, ": ", std::strerror(errno)));
}

absl::Status SyncDirectoryOf(const std::string& path) {
  const std::string dir = std::filesystem::path(path).parent_path().string();
  const int fd = open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return FileError(path, "open directory");
  const int rc = fsync(fd);
  absl::Status status = rc == 0 ? absl::OkStatus() : FileError(path, "fsync directory");
  close(fd);
  return status;
}

}  // namespace

std::string FormatAuditLine(const AuditEntry& e) {
  v1::AuditLine line;
  line.set_time(LogTime(e.time));
  line.set_key(ValidUtf8(e.key));
  line.set_rpc(ValidUtf8(e.rpc));
  line.set_vacancy_id(ValidUtf8(e.vacancy_id));
  line.set_vacancy_fingerprint(ValidUtf8(e.vacancy_fingerprint));
  for (const std::string& id : e.worker_ids) line.add_worker_ids(ValidUtf8(id));
  for (const std::string& id : e.near_miss_worker_ids) line.add_near_miss_worker_ids(ValidUtf8(id));
  line.set_worker_id(ValidUtf8(e.worker_id));
  for (const std::string& id : e.vacancy_ids) line.add_vacancy_ids(ValidUtf8(id));
  line.set_ledger_seq(e.ledger_seq);
  return JsonLine(line);
}

absl::StatusOr<std::unique_ptr<AuditLog>> AuditLog::Open(const std::string& path,
                                                         const AuditLogOptions& options) {
  int fd = OpenForAppend(path);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    absl::Status error = FileError(path, "open");
    if (fd >= 0) close(fd);
    return absl::FailedPreconditionError(error.message());
  }
  // The new file's directory entry must survive a crash too.
  if (absl::Status s = SyncDirectoryOf(path); !s.ok()) {
    close(fd);
    return absl::FailedPreconditionError(s.message());
  }
  return std::unique_ptr<AuditLog>(
      new AuditLog(path, options, fd, static_cast<uint64_t>(st.st_size)));
}

AuditLog::~AuditLog() {
  absl::MutexLock lock(&mu_);
  close(fd_);
}

absl::Status AuditLog::Append(const AuditEntry& entry) {
  const std::string line = FormatAuditLine(entry);
  uint64_t seq;
  bool full;
  {
    absl::MutexLock lock(&mu_);
    // O_APPEND: one write() per line keeps lines whole even with other writers.
    size_t done = 0;
    while (done < line.size()) {
      ssize_t n = write(fd_, line.data() + done, line.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return FileError(path_, "write");
      done += static_cast<size_t>(n);
    }
    size_ += line.size();
    seq = ++written_;
    ++counters_.lines;
    full = options_.max_bytes > 0 && size_ >= options_.max_bytes;
  }
  if (full) {
    absl::MutexLock sync_lock(&sync_mu_);
    absl::MutexLock lock(&mu_);
    if (size_ >= options_.max_bytes) {
      if (absl::Status s = RotateLocked(); !s.ok()) return s;
    }
  }
  return SyncThrough(seq);
}

absl::Status AuditLog::SyncThrough(uint64_t seq) {
  // The first caller in syncs every line written so far; those queued behind it usually
  // find their line covered and return without a sync of their own.
  absl::MutexLock sync_lock(&sync_mu_);
  int fd;
  uint64_t upto;
  {
    absl::MutexLock lock(&mu_);
    if (durable_ >= seq) return absl::OkStatus();
    fd = fd_;  // not closed meanwhile: rotation needs sync_mu_
    upto = written_;
  }
  const absl::Time start = absl::Now();
  if (fdatasync(fd) != 0) return FileError(path_, "fdatasync");
  if (options_.on_sync) options_.on_sync(absl::Now() - start);
  absl::MutexLock lock(&mu_);
  durable_ = std::max(durable_, upto);
  ++counters_.syncs;
  return absl::OkStatus();
}

absl::Status AuditLog::RotateLocked() {
  if (fdatasync(fd_) != 0) return FileError(path_, "fdatasync");
  durable_ = written_;
  ++counters_.syncs;
  const std::string base =
      absl::StrCat(path_, ".", absl::FormatTime("%Y%m%dT%H%M%SZ", absl::Now(), absl::UTCTimeZone()));
  std::string target = base;
  struct stat st;
  for (int i = 1; stat(target.c_str(), &st) == 0; ++i) target = absl::StrCat(base, "-", i);
  if (rename(path_.c_str(), target.c_str()) != 0) return FileError(path_, "rotate");
  const int fd = OpenForAppend(path_);
  // Without a new file the lines go on into the renamed one; the next append retries.
  if (fd < 0) return FileError(path_, "open");
  close(fd_);
  fd_ = fd;
  size_ = 0;
  ++counters_.rotations;
  return SyncDirectoryOf(path_);
}

AuditLog::Counters AuditLog::counters() const {
  absl::MutexLock lock(&mu_);
  return counters_;
}

}  // namespace service
}  // namespace cakap
