// The bounds of everything a caller sends: one table of every string, bytes and repeated
// field of the stored messages (Worker, Vacancy and what they contain) and of the gRPC
// requests, keyed by the field's full proto name. The engine's validators check records
// against it before anything else, and cakapd checks whole requests against it, so a
// limit is stated once; the proto comments quote it, and tests/engine/field_limits_test.cc
// fails when a string or repeated field of a request or a stored message has no entry.
//
//   absl::Status s = cakap::CheckFieldLimits(worker);          // "domicile.kecamatan: ..."
//   absl::Status s = cakap::CheckFieldLimits(request, "");     // "worker.skills[2]: ..."
#ifndef CAKAP_FIELD_LIMITS_H_
#define CAKAP_FIELD_LIMITS_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "cakap/limits.h"  // kMaxIdBytes, kMaxPageTokenBytes: users of this header expect them
#include "google/protobuf/message.h"

namespace cakap {

struct FieldLimit {
  // Full proto name of the field, e.g. "cakap.v1.Location.kecamatan".
  absl::string_view field;
  // String and bytes fields: the most bytes of one value (of each entry when repeated).
  // 0 for other types.
  size_t max_bytes;
  // Repeated fields: the most entries. 0 for singular fields.
  size_t max_count;
};

// Every entry of the table.
absl::Span<const FieldLimit> FieldLimits();
// The entry of a field by full proto name, or null.
const FieldLimit* FindFieldLimit(absl::string_view full_name);

// Checks every string, bytes and repeated field set in `message`, recursively, against
// the table: InvalidArgument "<path>: is N bytes, at most M allowed" or "<path>: has N
// entries, at most M allowed", where <path> is the field path below `path` (e.g.
// "certificates[1].skills[0]"). A string or repeated field without an entry is Internal:
// a bug that field_limits_test catches.
absl::Status CheckFieldLimits(const google::protobuf::Message& message,
                              absl::string_view path = "");

// A caller's value as an error message or log line may quote it: at most `max_bytes`
// bytes, cut on a UTF-8 character boundary, every invalid byte replaced by U+FFFD and
// "..." appended when cut, so what is echoed is always valid UTF-8.
std::string EchoValue(absl::string_view value, size_t max_bytes = 64);

}  // namespace cakap

#endif  // CAKAP_FIELD_LIMITS_H_
