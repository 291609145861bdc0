#include "xapian_status.h"

#include <cerrno>
#include <cstring>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace cakap {

absl::Status XapianErrorToStatus(const Xapian::Error& e, absl::string_view what) {
  // Xapian::Error is not polymorphic (no dynamic_cast): get_type() names the class.
  const absl::string_view type = e.get_type();
  const std::string message = absl::StrCat(what, ": ", type, ": ", e.get_msg());
  // A full disk is not an internal error: the operator frees space and writes resume
  // (engine.cc reopens the writer). Xapian 1.4 exposes the errno only as text: in
  // get_error_string(), or inside the message when glass wraps the error (e.g.
  // "Modifications failed (DatabaseError: Error writing to file (No space left on
  // device)), and couldn't open at the old revision").
  for (int err : {ENOSPC, EDQUOT}) {
    const absl::string_view text = std::strerror(err);
    const char* system_error = e.get_error_string();
    if ((system_error != nullptr && text == system_error) ||
        absl::StrContains(e.get_msg(), text)) {
      return absl::ResourceExhaustedError(
          system_error != nullptr ? absl::StrCat(message, " (", system_error, ")") : message);
    }
  }
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
