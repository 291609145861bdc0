#include "dates.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cakap/field_limits.h"

namespace cakap {

absl::StatusOr<absl::CivilDay> ParseDate(absl::string_view text, absl::string_view field) {
  auto bad = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": \"", EchoValue(text, 40), "\" is not a date YYYY-MM-DD"));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < lengths[i]; ++j) {
      char c = text[starts[i] + j];
      if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return bad();
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  if (parts[0] < 1900 || parts[0] > 2200) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": year ", parts[0], " is outside 1900-2200"));
  }
  absl::CivilDay day(parts[0], parts[1], parts[2]);
  // CivilDay normalises out-of-range fields (2026-02-30 -> 2026-03-02): reject those.
  if (day.month() != parts[1] || day.day() != parts[2]) return bad();
  return day;
}

std::string FormatDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::CivilDay LastDayOfValidity(absl::CivilDay day, int years) {
  return absl::CivilDay(day.year() + years, day.month(), day.day()) - 1;
}

}  // namespace cakap
