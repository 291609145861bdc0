// The Connect protocol's unary wire rules (connectrpc.com/docs/protocol), as cakapd's
// HTTP transport speaks them: error codes by name and HTTP status, the error body, and
// the Connect-Timeout-Ms header. Pure functions, no I/O.
#ifndef CAKAP_SERVICE_CONNECT_H_
#define CAKAP_SERVICE_CONNECT_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace cakap {
namespace service {

// "invalid_argument" for INVALID_ARGUMENT: the status code's Connect name.
std::string ConnectCodeName(absl::StatusCode code);
// The HTTP status a Connect error with this code is sent with (400, 401, 403, 404, 409,
// 429, 499, 500, 501, 503, 504).
int ConnectHttpStatus(absl::StatusCode code);
// {"code":"<name>","message":"<message>"}: the body of a Connect unary error. The
// message is sent as is (the service keeps it valid UTF-8).
std::string ConnectErrorJson(const absl::Status& status);
// The deadline that a Connect-Timeout-Ms value sets, counted from `now`: 1 to 10 ASCII
// digits (the protocol's rule). Anything else is INVALID_ARGUMENT naming the header.
absl::StatusOr<absl::Time> ParseConnectTimeout(absl::string_view value, absl::Time now);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_CONNECT_H_
