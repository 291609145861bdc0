// The JSON of cakapd's log lines: the audit log and request log (proto/cakap/v1/log.proto)
// and the lifecycle events main.cc prints. Written by protobuf's json_util and
// nlohmann-json, never by hand, and always valid UTF-8.
#ifndef CAKAP_SERVICE_LOG_LINE_H_
#define CAKAP_SERVICE_LOG_LINE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"

namespace cakap {
namespace service {

// `message` as one line of JSON ("\n" included): the proto's field names, every field
// present (empty where unset), as log.proto documents.
std::string JsonLine(const google::protobuf::Message& message);

// `s` with every byte that is not valid UTF-8 replaced by U+FFFD, uncut: what a log line
// may quote (an echoed id, a status message).
std::string ValidUtf8(absl::string_view s);

// `s` as a JSON string literal, quotes included (invalid UTF-8 replaced as above).
std::string JsonString(absl::string_view s);

// `t` as RFC 3339 in WIB (UTC+7) with milliseconds, e.g. 2026-11-23T10:00:00.123+07:00
// (no quotes).
std::string LogTime(absl::Time t);
// The same as a JSON string literal.
std::string JsonTime(absl::Time t);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_LOG_LINE_H_
