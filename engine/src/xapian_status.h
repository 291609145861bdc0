// The one boundary where Xapian exceptions become absl::Status. Every engine entry point
// that touches Xapian runs its body through CatchXapian.
#ifndef CAKAP_ENGINE_XAPIAN_STATUS_H_
#define CAKAP_ENGINE_XAPIAN_STATUS_H_

#include <xapian.h>

#include <exception>
#include <new>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace cakap {

// Maps a Xapian error to the canonical code: lock -> FailedPrecondition, corrupt ->
// DataLoss, missing -> NotFound, anything else -> Internal. `what` names the operation.
absl::Status XapianErrorToStatus(const Xapian::Error& error, absl::string_view what);
absl::Status ExceptionToStatus(const std::exception& error, absl::string_view what);

// Runs `fn` (returning absl::Status or absl::StatusOr<T>) and converts any exception.
template <typename F>
auto CatchXapian(absl::string_view what, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::Error& e) {
    return XapianErrorToStatus(e, what);
  } catch (const std::exception& e) {
    return ExceptionToStatus(e, what);
  }
}

}  // namespace cakap

#endif  // CAKAP_ENGINE_XAPIAN_STATUS_H_
