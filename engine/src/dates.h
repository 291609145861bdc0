// Civil dates "YYYY-MM-DD" and the day numbers the index stores.
#ifndef CAKAP_ENGINE_DATES_H_
#define CAKAP_ENGINE_DATES_H_

#include <cstdint>
#include <limits>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace cakap {

// Days since 1970-01-01.
using Day = int32_t;
// "No date" in a Day field.
inline constexpr Day kNoDay = std::numeric_limits<Day>::min();

// Parses exactly "YYYY-MM-DD" with year 1900-2200 and a real calendar day
// ("2026-02-30" is rejected). The error names `field`.
absl::StatusOr<absl::CivilDay> ParseDate(absl::string_view text, absl::string_view field);

inline Day ToDay(absl::CivilDay day) {
  return static_cast<Day>(day - absl::CivilDay(1970, 1, 1));
}
inline absl::CivilDay FromDay(Day day) { return absl::CivilDay(1970, 1, 1) + day; }
std::string FormatDate(absl::CivilDay day);
inline std::string FormatDay(Day day) { return FormatDate(FromDay(day)); }

// `day` plus `years` calendar years (29 February becomes 1 March), minus one day: the last
// day of a validity of `years` years starting on `day`.
absl::CivilDay LastDayOfValidity(absl::CivilDay day, int years);

}  // namespace cakap

#endif  // CAKAP_ENGINE_DATES_H_
