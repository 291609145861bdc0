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

std::string ConnectEnvelope(unsigned char flags, absl::string_view payload) {
  std::string out(5, '\0');
  out[0] = static_cast<char>(flags);
  const uint32_t n = static_cast<uint32_t>(payload.size());
  for (int i = 0; i < 4; ++i) out[1 + i] = static_cast<char>((n >> (8 * (3 - i))) & 0xff);
  out.append(payload.data(), payload.size());
  return out;
}

std::string ConnectEndStream(const absl::Status& status) {
  if (status.ok()) return ConnectEnvelope(kConnectEndStreamFlag, "{}");
  return ConnectEnvelope(kConnectEndStreamFlag,
                         absl::StrCat("{\"error\":", ConnectErrorJson(status), "}"));
}

absl::StatusOr<std::string> ParseConnectRequestEnvelope(absl::string_view body) {
  if (body.size() < 5) {
    return absl::InvalidArgumentError(
        "request body: a Connect stream needs one enveloped message (5-byte prefix)");
  }
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(body[i]); };
  if (byte(0) != 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "request body: envelope flags ", byte(0), ", only 0 (uncompressed message) accepted"));
  }
  const uint32_t n = (uint32_t{byte(1)} << 24) | (uint32_t{byte(2)} << 16) |
                     (uint32_t{byte(3)} << 8) | uint32_t{byte(4)};
  if (body.size() - 5 != n) {
    return absl::InvalidArgumentError(absl::StrCat("request body: envelope of ", n,
                                                   " bytes, body holds ", body.size() - 5));
  }
  return std::string(body.substr(5));
}

}  // namespace service
}  // namespace cakap
