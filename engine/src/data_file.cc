#include "data_file.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace cakap {

absl::Status DataLineError(absl::string_view file, int line, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(file, ":", line, ": ", message));
}

absl::StatusOr<std::vector<absl::string_view>> SplitDataLines(absl::string_view text,
                                                              absl::string_view file,
                                                              absl::string_view header) {
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  if (!text.empty() && text.back() == '\n') lines.pop_back();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (absl::StrContains(lines[i], '\r')) {
      return DataLineError(file, static_cast<int>(i) + 1,
                           "CR character found: use LF line endings");
    }
  }
  if (lines.empty() || lines[0] != header) {
    return DataLineError(file, 1, absl::StrCat("first line must be the header '",
                                               absl::CEscape(header), "'"));
  }
  return lines;
}

}  // namespace cakap
