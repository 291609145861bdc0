// The shared line format of data/skills.tsv and data/regions.tsv (data/README.md): LF
// line endings, an exact header on line 1. Errors name "FILE:LINE".
#ifndef CAKAP_ENGINE_DATA_FILE_H_
#define CAKAP_ENGINE_DATA_FILE_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cakap {

absl::Status DataLineError(absl::string_view file, int line, absl::string_view message);

// The lines of `text` (line 1 is lines[0]), after checking the line endings and that
// line 1 is `header`. A final newline ends the last line; unlike check_data.py, a
// missing final newline is accepted (it cannot change the content).
absl::StatusOr<std::vector<absl::string_view>> SplitDataLines(absl::string_view text,
                                                              absl::string_view file,
                                                              absl::string_view header);

}  // namespace cakap

#endif  // CAKAP_ENGINE_DATA_FILE_H_
