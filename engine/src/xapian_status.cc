#include "xapian_status.h"

#include "absl/strings/str_cat.h"

namespace cakap {

absl::Status XapianErrorToStatus(const Xapian::Error& e, absl::string_view what) {
  // Xapian::Error is not polymorphic (no dynamic_cast): get_type() names the class.
  const absl::string_view type = e.get_type();
  const std::string message = absl::StrCat(what, ": ", type, ": ", e.get_msg());
  if (type == "DatabaseLockError") {
    // Xapian raises it whenever it cannot take the lock, also when the lock file cannot
    // be created: name the holder only when there is one ("already locked").
    const std::string& why = e.get_msg();
    absl::string_view cause = "";
    if (why.find("already locked") != std::string::npos) {
      cause = " (another process holds the index's write lock)";
    } else if (why.find("Read-only file system") != std::string::npos) {
      cause = " (the index is on a read-only filesystem)";
    } else if (why.find("Permission denied") != std::string::npos) {
      cause = " (no permission to write in the index directory)";
    }
    return absl::FailedPreconditionError(absl::StrCat(message, cause));
  }
  if (type == "DatabaseCorruptError") {
    return absl::DataLossError(message);
  }
  if (type == "DatabaseNotFoundError" ||
      type == "DocNotFoundError") {
    return absl::NotFoundError(message);
  }
  if (type == "DatabaseOpeningError" ||
      type == "DatabaseVersionError") {
    return absl::FailedPreconditionError(message);
  }
  return absl::InternalError(message);
}

absl::Status ExceptionToStatus(const std::exception& e, absl::string_view what) {
  if (dynamic_cast<const std::bad_alloc*>(&e) != nullptr) {
    return absl::ResourceExhaustedError(absl::StrCat(what, ": out of memory"));
  }
  return absl::InternalError(absl::StrCat(what, ": ", e.what()));
}

}  // namespace cakap
