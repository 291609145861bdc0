#include "xapian_status.h"

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace cakap {

absl::Status XapianErrorToStatus(const Xapian::Error& e, absl::string_view what) {
  // Xapian::Error is not polymorphic (no dynamic_cast): get_type() names the class.
  const absl::string_view type = e.get_type();
  const std::string message = absl::StrCat(what, ": ", type, ": ", e.get_msg());
  if (type == "DatabaseLockError") {
    return absl::FailedPreconditionError(
        absl::StrCat(message, " (another process holds the index's write lock)"));
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
  // A full disk is not an internal error: the operator frees space and writes resume
  // (engine.cc reopens the writer). Xapian 1.4 exposes the errno only as its text.
  const char* system_error = e.get_error_string();
  if (system_error != nullptr && (absl::string_view(system_error) == std::strerror(ENOSPC) ||
                                  absl::string_view(system_error) == std::strerror(EDQUOT))) {
    return absl::ResourceExhaustedError(message);
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
