// Two macros Debian's abseil (20220623) lacks: early return on a failed Status, and
// unwrapping a StatusOr into a variable.
#ifndef CAKAP_STATUS_MACROS_H_
#define CAKAP_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define CAKAP_CONCAT_INNER_(a, b) a##b
#define CAKAP_CONCAT_(a, b) CAKAP_CONCAT_INNER_(a, b)

// Returns from the enclosing function when `expr` (an absl::Status) is not OK.
#define CAKAP_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::absl::Status cakap_status_ = (expr);     \
    if (!cakap_status_.ok()) return cakap_status_; \
  } while (0)

// `lhs` = the value of `rexpr` (an absl::StatusOr<T>), or returns its status.
#define CAKAP_ASSIGN_OR_RETURN(lhs, rexpr) \
  CAKAP_ASSIGN_OR_RETURN_IMPL_(CAKAP_CONCAT_(cakap_statusor_, __LINE__), lhs, rexpr)
#define CAKAP_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                 \
  if (!statusor.ok()) return statusor.status();            \
  lhs = std::move(statusor).value()

#endif  // CAKAP_STATUS_MACROS_H_
