// The full check of an open engine, online backup and restore (engine.h, docs/design.md
// "Corruption and backup").
//
// Backup copies the glass files themselves. Glass never overwrites a block of the
// committed revision r while it writes r+1: r+1 goes into blocks free at r, and the
// blocks it frees are reused only from r+2 on (the property the reader pool rests on,
// reader_pool.h). So a copy of revision r's version file, taken under the write lock,
// plus the table files copied while at most one more commit runs, is revision r
// exactly; whether a second commit ran is known afterwards, under the write lock again
// (no commit is half done then), and the copy is made again if so.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "cakap/status_macros.h"
#include "engine_impl.h"
#include "integrity.h"
#include "schema.h"
#include "xapian_status.h"

namespace cakap {
namespace {

namespace fs = std::filesystem;

// Glass's version file: which blocks make up the committed revision.
constexpr char kVersionFile[] = "iamglass";
// Copies a backup makes before taking the write lock for the whole copy.
constexpr int kLockFreeAttempts = 3;

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  const int e = errno;
  const std::string message = absl::StrCat(what, " ", path, ": ", std::strerror(e));
  if (e == ENOSPC || e == EDQUOT) return absl::ResourceExhaustedError(message);
  return absl::InternalError(message);
}

absl::Status FsyncPath(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return ErrnoError("open", path);
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return ErrnoError("fsync", path);
  return absl::OkStatus();
}

// Writes `bytes` to the new file `path` and fsyncs it.
absl::Status WriteFileSynced(const std::string& path, absl::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoError("create", path);
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const absl::Status s = ErrnoError("write", path);
      ::close(fd);
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const absl::Status s = ErrnoError("fsync", path);
    ::close(fd);
    return s;
  }
  if (::close(fd) != 0) return ErrnoError("close", path);
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("open", path);
  std::string out;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const absl::Status s = ErrnoError("read", path);
      ::close(fd);
      return s;
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

// The files of an index other than its version file and lock: the tables.
absl::StatusOr<std::vector<std::string>> TableFiles(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name == kVersionFile || name == "flintlock" || !e.is_regular_file(ec)) continue;
    names.push_back(name);
  }
  if (ec) return absl::InternalError(absl::StrCat("list ", dir, ": ", ec.message()));
  return names;
}

// Makes `dir` an existing empty directory: created when missing (and its parent synced
// so that it stays), refused when it holds anything.
absl::Status PrepareEmptyDir(const std::string& dir, absl::string_view what) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) {
      return absl::FailedPreconditionError(absl::StrCat(what, ": ", dir, " is not a directory"));
    }
    if (!fs::is_empty(dir, ec)) {
      return absl::FailedPreconditionError(
          absl::StrCat(what, ": ", dir, " is not empty (give a missing or empty directory)"));
    }
    return absl::OkStatus();
  }
  fs::create_directories(dir, ec);
  if (ec) return absl::FailedPreconditionError(absl::StrCat(what, ": ", dir, ": ", ec.message()));
  const fs::path parent = fs::absolute(dir, ec).parent_path();
  return FsyncPath(parent.string(), /*directory=*/true);
}

// Copies the table files of `from` into `to`, fsyncing each; returns their total size.
absl::StatusOr<uint64_t> CopyTables(const std::string& from, const std::string& to) {
  CAKAP_ASSIGN_OR_RETURN(std::vector<std::string> names, TableFiles(from));
  uint64_t size = 0;
  for (const std::string& name : names) {
    CAKAP_ASSIGN_OR_RETURN(std::string bytes, ReadFile(from + "/" + name));
    CAKAP_RETURN_IF_ERROR(WriteFileSynced(to + "/" + name, bytes));
    size += bytes.size();
  }
  return size;
}

// "<what>: <the first problem> (and N more)".
absl::Status ProblemsError(absl::string_view what, const std::vector<std::string>& problems) {
  return absl::DataLossError(
      absl::StrCat(what, ": ", problems.front(),
                   problems.size() > 1 ? absl::StrCat(" (and ", problems.size() - 1, " more)")
                                       : ""));
}

}  // namespace

absl::StatusOr<CheckReport> Engine::Impl::Check() {
  absl::MutexLock lock(&write_mu_);  // the files hold the published revision throughout
  CheckReport report;
  CAKAP_RETURN_IF_ERROR(CheckIndexDirectory(path_, &report.problems));
  // The record cache against the index: every record and stored Worker it serves must
  // be the document's own.
  const absl::Status cache = CatchXapian("check record cache", [&]() -> absl::Status {
    ReaderPool::Lease lease = readers_.Acquire();
    const Xapian::Database& db = lease.db();
    const RecordCache& records = lease.records();
    const size_t docids =
        std::max<size_t>(records.docids(), static_cast<size_t>(db.get_lastdocid()) + 1);
    Xapian::ValueIterator it = db.valuestream_begin(schema::kSlotMatchRecord);
    const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotMatchRecord);
    for (Xapian::docid d = 1; d < docids; ++d) {
      if (it != end && it.get_docid() < d) it.skip_to(d);
      const bool on_disk = it != end && it.get_docid() == d;
      const absl::string_view cached = d < records.docids() ? records.Get(d) : "";
      if (!on_disk) {
        if (!cached.empty()) {
          report.problems.push_back(absl::StrCat(
              "record cache: document ", d, " has a record the index does not have"));
        }
        continue;
      }
      const std::string record = *it;
      const std::string who = absl::StrCat("worker ", RecordId(record).empty()
                                                          ? absl::StrCat("document ", d)
                                                          : std::string(RecordId(record)));
      if (records.Corrupt(d)) {
        report.problems.push_back(absl::StrCat("record cache: ", who, ": failed its checksum at open"));
        continue;
      }
      if (cached != record) {
        report.problems.push_back(
            absl::StrCat("record cache: ", who, ": record differs from the index"));
      }
      const absl::string_view stored = records.Stored(d);
      if (!stored.empty() && stored != db.get_document(d).get_data()) {
        report.problems.push_back(
            absl::StrCat("record cache: ", who, ": stored record differs from the index"));
      }
    }
    return absl::OkStatus();
  });
  if (!cache.ok()) report.problems.push_back(std::string(cache.message()));
  return report;
}

absl::StatusOr<CheckReport> Engine::CheckDirectory(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(fs::path(path) / kVersionFile, ec)) {
    return absl::NotFoundError(absl::StrCat(path, ": no index here (no ", kVersionFile, ")"));
  }
  CheckReport report;
  CAKAP_RETURN_IF_ERROR(CheckIndexDirectory(path, &report.problems));
  return report;
}

absl::StatusOr<BackupInfo> Engine::Impl::Backup(const std::string& dir) {
  CAKAP_RETURN_IF_ERROR(PrepareEmptyDir(dir, "backup"));
  BackupInfo info;
  for (int attempt = 0;; ++attempt) {
    const bool locked = attempt >= kLockFreeAttempts;  // commits outran every copy so far
    std::string version;
    {
      absl::MutexLock lock(&write_mu_);
      info.revision = writer_.get_revision();
      CAKAP_ASSIGN_OR_RETURN(version, ReadFile(path_ + "/" + kVersionFile));
      if (locked) {
        CAKAP_ASSIGN_OR_RETURN(info.size_bytes, CopyTables(path_, dir));
      }
    }
    if (!locked) {
      CAKAP_ASSIGN_OR_RETURN(info.size_bytes, CopyTables(path_, dir));
      absl::MutexLock lock(&write_mu_);
      // Two commits may have reused blocks of the copied revision: copy again.
      if (writer_.get_revision() > info.revision + 1) continue;
    }
    // The version file last: until it is there, `dir` is no index.
    CAKAP_RETURN_IF_ERROR(WriteFileSynced(dir + "/" + kVersionFile, version));
    info.size_bytes += version.size();
    break;
  }
  CAKAP_RETURN_IF_ERROR(FsyncPath(dir, /*directory=*/true));
  std::vector<std::string> problems;
  CAKAP_RETURN_IF_ERROR(CheckIndexDirectory(dir, &problems));
  if (!problems.empty()) return ProblemsError(absl::StrCat("the copy in ", dir, " fails its check"), problems);
  return info;
}

absl::Status Engine::Restore(const std::string& backup, const std::string& dir) {
  CAKAP_ASSIGN_OR_RETURN(CheckReport report, CheckDirectory(backup));
  if (!report.problems.empty()) {
    return ProblemsError(absl::StrCat(backup, " fails its check"),
                         report.problems);
  }
  const std::string schema_version = CatchXapian("restore", [&]() -> absl::StatusOr<std::string> {
    return Xapian::Database(backup).get_metadata(schema::kMetaSchema);
  }).value_or("");
  const bool known = schema_version == schema::kSchemaVersion ||
                     std::find(std::begin(schema::kOlderSchemaVersions),
                               std::end(schema::kOlderSchemaVersions),
                               schema_version) != std::end(schema::kOlderSchemaVersions);
  if (!known) {
    return absl::FailedPreconditionError(absl::StrCat(
        backup, " is not a cakap index this build reads (schema \"",
        schema_version, "\")"));
  }
  CAKAP_RETURN_IF_ERROR(PrepareEmptyDir(dir, "restore"));
  CAKAP_RETURN_IF_ERROR(CopyTables(backup, dir).status());
  CAKAP_ASSIGN_OR_RETURN(std::string version, ReadFile(backup + "/" + kVersionFile));
  CAKAP_RETURN_IF_ERROR(WriteFileSynced(dir + "/" + kVersionFile, version));
  return FsyncPath(dir, /*directory=*/true);
}

}  // namespace cakap
