#include "page_token.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cakap/limits.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace cakap {
namespace {

constexpr char kVersion[] = "p1";

uint64_t Fnv1a(absl::string_view bytes, uint64_t hash = 1469598103934665603ULL) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

absl::Status Malformed() {
  return absl::InvalidArgumentError("page_token: malformed; pass next_page_token unchanged");
}

}  // namespace

std::string EncodePageToken(const PageCursor& c) {
  return absl::WebSafeBase64Escape(
      absl::StrCat(kVersion, "|", c.fingerprint, "|", c.score_micro, "|", c.last_id));
}

absl::StatusOr<PageCursor> DecodePageToken(absl::string_view token) {
  std::string raw;
  if (token.size() > kMaxPageTokenBytes || !absl::WebSafeBase64Unescape(token, &raw)) return Malformed();
  std::vector<std::string> parts = absl::StrSplit(raw, absl::MaxSplits('|', 3));
  PageCursor c;
  if (parts.size() != 4 || parts[0] != kVersion || !absl::SimpleAtoi(parts[1], &c.fingerprint) ||
      !absl::SimpleAtoi(parts[2], &c.score_micro) || parts[3].empty()) {
    return Malformed();
  }
  c.last_id = parts[3];
  // One cursor, one token: whitespace, padding, stray low bits of the last character or
  // "+7" for 7 would each make another token for the same page (found by the fuzzer).
  if (EncodePageToken(c) != token) return Malformed();
  return c;
}

uint64_t VacancyFingerprint(const ResolvedVacancy& v, bool exclude_welfare,
                           bool coarse_locations) {
  v1::Vacancy key = v.normalized;
  // Fields that never change candidates or scores.
  key.clear_id();
  key.clear_employer();
  key.clear_title();
  key.clear_description();
  key.clear_openings();
  key.clear_open();
  key.clear_wage_min();  // the explanation's, never the score's
  key.clear_wage_max();
  key.clear_valid_until();
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    key.SerializeToCodedStream(&out);
  }
  return Fnv1a(coarse_locations ? "c" : "-", Fnv1a(exclude_welfare ? "w" : "-", Fnv1a(bytes)));
}

}  // namespace cakap
