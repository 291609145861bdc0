#include "connect.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace cakap {
namespace service {

std::string ConnectCodeName(absl::StatusCode code) {
  // absl's names are the gRPC names in upper case ("INVALID_ARGUMENT"); Connect spells
  // them in lower case, and CANCELLED with one L.
  if (code == absl::StatusCode::kCancelled) return "canceled";
  return absl::AsciiStrToLower(absl::StatusCodeToString(code));
}

int ConnectHttpStatus(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return 200;
    case absl::StatusCode::kCancelled:
      return 499;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
      return 400;
    case absl::StatusCode::kDeadlineExceeded:
      return 504;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted:
      return 409;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kResourceExhausted:
      return 429;
    case absl::StatusCode::kUnimplemented:
      return 501;
    case absl::StatusCode::kUnavailable:
      return 503;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    default:  // UNKNOWN, INTERNAL, DATA_LOSS
      return 500;
  }
}

std::string ConnectErrorJson(const absl::Status& status) {
  nlohmann::json body = {{"code", ConnectCodeName(status.code())}};
  if (!status.message().empty()) body["message"] = std::string(status.message());
  // Replace, not throw, should a message ever carry invalid UTF-8.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

absl::StatusOr<absl::Time> ParseConnectTimeout(absl::string_view value, absl::Time now) {
  if (value.empty() || value.size() > 10) {
    return absl::InvalidArgumentError(
        "Connect-Timeout-Ms: must be 1 to 10 digits (milliseconds)");
  }
  int64_t ms = 0;
  for (char c : value) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError(
          "Connect-Timeout-Ms: must be 1 to 10 digits (milliseconds)");
    }
    ms = ms * 10 + (c - '0');
  }
  return now + absl::Milliseconds(ms);
}

}  // namespace service
}  // namespace cakap
