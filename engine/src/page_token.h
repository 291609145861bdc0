// Page tokens: where the previous page of a match ended, in the (score desc, id asc)
// order, bound to the vacancy they were made for.
#ifndef CAKAP_ENGINE_PAGE_TOKEN_H_
#define CAKAP_ENGINE_PAGE_TOKEN_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "normalize.h"

namespace cakap {

struct PageCursor {
  uint64_t fingerprint = 0;  // VacancyFingerprint of the vacancy
  int64_t score_micro = 0;   // of the last candidate returned
  std::string last_id;       // worker id of the last candidate returned
};

std::string EncodePageToken(const PageCursor& cursor);
// InvalidArgument naming page_token when the token is malformed.
absl::StatusOr<PageCursor> DecodePageToken(absl::string_view token);

// A stable (across processes and releases of the same schema) hash of what determines a
// vacancy's candidates and scores.
// Of the vacancy and the options that change candidates or scores.
uint64_t VacancyFingerprint(const ResolvedVacancy& vacancy, bool exclude_welfare,
                           bool coarse_locations);

}  // namespace cakap

#endif  // CAKAP_ENGINE_PAGE_TOKEN_H_
