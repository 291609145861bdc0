// Page tokens: where the previous page of a match ended, in the (score desc, id asc)
// order, bound to the vacancy they were made for.
#ifndef CAKAP_ENGINE_PAGE_TOKEN_H_
#define CAKAP_ENGINE_PAGE_TOKEN_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "normalize.h"

namespace cakap {

// Where the pages of a match with a local-worker quota (quota.h) have got to: how many
// candidates of each kind they placed and the last of each (empty id: none yet).
struct QuotaCursor {
  int64_t locals = 0, others = 0;
  int64_t local_score_micro = 0;
  std::string local_id;
  int64_t other_score_micro = 0;
  std::string other_id;
};

struct PageCursor {
  uint64_t fingerprint = 0;  // VacancyFingerprint of the vacancy
  // Without a quota: the last candidate returned.
  int64_t score_micro = 0;
  std::string last_id;
  // With a quota instead.
  std::optional<QuotaCursor> quota;
};

std::string EncodePageToken(const PageCursor& cursor);
// InvalidArgument naming page_token when the token is malformed.
absl::StatusOr<PageCursor> DecodePageToken(absl::string_view token);

// ListVacancies' page token: the last vacancy id of the page, to resume after.
std::string EncodeVacancyListToken(absl::string_view last_id);
// InvalidArgument naming page_token for anything EncodeVacancyListToken does not make
// of a valid vacancy id.
absl::StatusOr<std::string> DecodeVacancyListToken(absl::string_view token);

// A stable (across processes and releases of the same schema) hash of what determines a
// vacancy's candidates and scores.
// Of the vacancy and the options that change candidates or scores.
uint64_t VacancyFingerprint(const ResolvedVacancy& vacancy, bool exclude_welfare,
                           bool coarse_locations);

}  // namespace cakap

#endif  // CAKAP_ENGINE_PAGE_TOKEN_H_
