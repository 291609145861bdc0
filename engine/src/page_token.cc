#include "page_token.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cakap/limits.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace cakap {
namespace {

constexpr char kVersion[] = "p1";
constexpr char kQuotaVersion[] = "q1";  // a QuotaCursor
constexpr char kListVersion[] = "l1";   // ListVacancies: the last id returned

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
  if (c.quota) {
    // Ids may hold '|': both go last, the local one's length first.
    const QuotaCursor& q = *c.quota;
    return absl::WebSafeBase64Escape(absl::StrCat(
        kQuotaVersion, "|", c.fingerprint, "|", q.locals, "|", q.others, "|",
        q.local_score_micro, "|", q.other_score_micro, "|", q.local_id.size(), "|", q.local_id,
        q.other_id));
  }
  return absl::WebSafeBase64Escape(
      absl::StrCat(kVersion, "|", c.fingerprint, "|", c.score_micro, "|", c.last_id));
}

absl::StatusOr<PageCursor> DecodePageToken(absl::string_view token) {
  std::string raw;
  if (token.size() > kMaxPageTokenBytes || !absl::WebSafeBase64Unescape(token, &raw)) return Malformed();
  PageCursor c;
  if (absl::StartsWith(raw, kQuotaVersion)) {
    std::vector<std::string> parts = absl::StrSplit(raw, absl::MaxSplits('|', 7));
    QuotaCursor q;
    size_t local_id_size = 0;
    if (parts.size() != 8 || parts[0] != kQuotaVersion ||
        !absl::SimpleAtoi(parts[1], &c.fingerprint) || !absl::SimpleAtoi(parts[2], &q.locals) ||
        !absl::SimpleAtoi(parts[3], &q.others) ||
        !absl::SimpleAtoi(parts[4], &q.local_score_micro) ||
        !absl::SimpleAtoi(parts[5], &q.other_score_micro) ||
        !absl::SimpleAtoi(parts[6], &local_id_size) || local_id_size > parts[7].size() ||
        q.locals < 0 || q.others < 0 || q.locals + q.others == 0 ||
        (q.locals == 0) != (local_id_size == 0) ||
        (q.others == 0) != (local_id_size == parts[7].size()) ||
        (q.locals == 0 && q.local_score_micro != 0) ||  // one cursor, one token
        (q.others == 0 && q.other_score_micro != 0)) {
      return Malformed();
    }
    q.local_id = parts[7].substr(0, local_id_size);
    q.other_id = parts[7].substr(local_id_size);
    c.quota = std::move(q);
    if (EncodePageToken(c) != token) return Malformed();
    return c;
  }
  std::vector<std::string> parts = absl::StrSplit(raw, absl::MaxSplits('|', 3));
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

std::string EncodeVacancyListToken(absl::string_view last_id) {
  return absl::WebSafeBase64Escape(absl::StrCat(kListVersion, "|", last_id));
}

absl::StatusOr<std::string> DecodeVacancyListToken(absl::string_view token) {
  std::string raw;
  if (token.size() > kMaxPageTokenBytes || !absl::WebSafeBase64Unescape(token, &raw)) {
    return Malformed();
  }
  const std::string prefix = absl::StrCat(kListVersion, "|");
  if (!absl::StartsWith(raw, prefix)) return Malformed();
  std::string last_id = raw.substr(prefix.size());
  // One id, one token (see DecodePageToken), and only an id a vacancy can have.
  if (!ValidateId(last_id, "id").ok() || EncodeVacancyListToken(last_id) != token) {
    return Malformed();
  }
  return last_id;
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
