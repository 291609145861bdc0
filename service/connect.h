// The Connect protocol's unary and server-streaming wire rules
// (connectrpc.com/docs/protocol), as cakapd's HTTP transport speaks them: error codes by
// name and HTTP status, the error body, the Connect-Timeout-Ms header, and the envelopes
// of a server stream. Pure functions, no I/O.
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

// Connect streaming (server streams): every message travels in an envelope of one flags
// byte and a 4-byte big-endian length; flag 0x02 marks the end-of-stream message, a JSON
// object {"error": {...}} (as ConnectErrorJson) when the stream failed, else {}.
inline constexpr unsigned char kConnectEndStreamFlag = 0x02;
// The envelope around `payload` with `flags`.
std::string ConnectEnvelope(unsigned char flags, absl::string_view payload);
// The end-of-stream message for `status` (OK: "{}"), enveloped.
std::string ConnectEndStream(const absl::Status& status);
// The one message of a streaming request body: exactly one envelope with flags 0 (a
// compressed or end-of-stream flag, a short or longer body are INVALID_ARGUMENT naming
// "request body").
absl::StatusOr<std::string> ParseConnectRequestEnvelope(absl::string_view body);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_CONNECT_H_
