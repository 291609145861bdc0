#include "durable_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace cakap {

absl::Status ErrnoStatus(int err, absl::string_view what) {
  const std::string message = absl::StrCat(what, ": ", std::strerror(err));
  switch (err) {
    case ENOSPC:
    case EDQUOT:
      return absl::ResourceExhaustedError(message);
    case EROFS:
      return absl::FailedPreconditionError(absl::StrCat(message, " (read-only filesystem)"));
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(message);
    default:
      return absl::InternalError(message);
  }
}

absl::Status SyncDirectory(const std::string& dir) {
  const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(errno, absl::StrCat("open directory ", dir));
  int rc;
  do {
    rc = fsync(fd);
  } while (rc != 0 && errno == EINTR);
  const int err = errno;
  close(fd);
  if (rc != 0) return ErrnoStatus(err, absl::StrCat("fsync directory ", dir));
  return absl::OkStatus();
}

absl::Status CreateDirectoriesDurably(const std::string& path) {
  // The missing levels, outermost first.
  std::vector<std::filesystem::path> missing;
  std::error_code ec;
  for (std::filesystem::path p = std::filesystem::absolute(path, ec).lexically_normal();
       !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
    if (p == p.parent_path()) break;
    missing.insert(missing.begin(), p);
  }
  for (const std::filesystem::path& dir : missing) {
    if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
      return ErrnoStatus(errno, absl::StrCat("create directory ", dir.string()));
    }
    // The new entry lives in the parent: sync it there.
    std::string parent = dir.parent_path().string();
    if (absl::Status s = SyncDirectory(parent.empty() ? "/" : parent); !s.ok()) return s;
  }
  if (!missing.empty()) return SyncDirectory(path);
  return absl::OkStatus();
}

std::string DescribeFreeSpace(const std::string& path) {
  struct statvfs st;
  if (statvfs(path.c_str(), &st) != 0) {
    return absl::StrCat("free space on the filesystem of ", path, " unknown: ",
                        std::strerror(errno));
  }
  const double mib = 1024.0 * 1024.0;
  return absl::StrFormat("%.1f MiB free of %.1f MiB on the filesystem of %s",
                         static_cast<double>(st.f_bavail) * st.f_frsize / mib,
                         static_cast<double>(st.f_blocks) * st.f_frsize / mib, path);
}

absl::StatusOr<IndexDirState> InspectIndexDirectory(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return IndexDirState::kMissing;
    return ErrnoStatus(errno, absl::StrCat("index directory ", path));
  }
  if (!S_ISDIR(st.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat("index directory ", path, ": exists and is not a directory"));
  }
  std::error_code ec;
  bool version = false, postlist = false;
  std::vector<std::string> glass, other;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "iamglass") version = true;
    if (name == "postlist.glass") postlist = true;
    const bool is_glass = name == "iamglass" || name == "flintlock" ||
                          (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0);
    if (is_glass) {
      glass.push_back(name);
    } else if (name != "lost+found") {  // a fresh filesystem's root counts as empty
      other.push_back(name);
    }
  }
  if (ec) return ErrnoStatus(ec.value(), absl::StrCat("list index directory ", path));
  std::sort(glass.begin(), glass.end());
  std::sort(other.begin(), other.end());
  if (version && postlist) return IndexDirState::kIndex;
  if (!glass.empty() && glass != std::vector<std::string>{"flintlock"}) {
    // Part of a glass database: creating here would replace what is left of it.
    return absl::DataLossError(absl::StrCat(
        "index directory ", path, ": incomplete Xapian index, ",
        version ? "postlist.glass is missing" : "iamglass is missing",
        " (found ", absl::StrJoin(glass, ", "),
        "); refusing to open or create it (restore it from a backup)"));
  }
  if (!other.empty()) {
    if (other.size() > 5) other.resize(5);
    return absl::FailedPreconditionError(absl::StrCat(
        "index directory ", path, ": not empty and holds no cakap index (found ",
        absl::StrJoin(other, ", "), glass.empty() ? "" : ", flintlock",
        "); an index is created only in a missing or empty directory"));
  }
  return IndexDirState::kEmpty;  // maybe a flintlock left by a create that failed
}

}  // namespace cakap
