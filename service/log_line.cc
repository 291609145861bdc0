#include "log_line.h"

#include "cakap/field_limits.h"
#include "google/protobuf/util/json_util.h"
#include "nlohmann/json.hpp"

namespace cakap {
namespace service {

std::string JsonLine(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;  // an auditor's parser sees every field
  std::string out;
  // Fails only on invalid UTF-8, which the writers replaced (ValidUtf8) before.
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out + "\n";
}

std::string ValidUtf8(absl::string_view s) {
  // EchoValue replaces each invalid byte by U+FFFD (3 bytes) and cuts at max_bytes.
  return EchoValue(s, 3 * s.size());
}

std::string JsonString(absl::string_view s) {
  return nlohmann::json(ValidUtf8(s)).dump();
}

std::string LogTime(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3S%Ez", t, absl::FixedTimeZone(7 * 3600));
}

std::string JsonTime(absl::Time t) { return JsonString(LogTime(t)); }

}  // namespace service
}  // namespace cakap
