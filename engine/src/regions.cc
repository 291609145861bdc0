// The region table: parses data/regions.tsv with the rules of scripts/check_data.py, so
// a file the validator rejects never loads.
#include "cakap/regions.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cakap/status_macros.h"
#include "data_file.h"

namespace cakap {
namespace embedded {
extern const char kRegionsTsv[];
}  // namespace embedded

namespace {

constexpr absl::string_view kHeader =
    "# code\tlevel\tprovince_code\tname\tpopulation\tlatitude\tlongitude";
constexpr int kColumns = 7;
// A box around Indonesia: a coordinate outside it is a swapped or mistyped value.
constexpr double kMinLatitude = -11.0;
constexpr double kMaxLatitude = 6.5;
constexpr double kMinLongitude = 94.0;
constexpr double kMaxLongitude = 142.0;

absl::Status LineError(int line, absl::string_view message) {
  return DataLineError("regions.tsv", line, message);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// Kemendagri code: "NN" (province) or "NN.NN" (kabupaten/kota).
bool IsValidCode(absl::string_view code) {
  if (code.size() == 2) return AllDigits(code);
  return code.size() == 5 && code[2] == '.' && AllDigits(code.substr(0, 2)) &&
         AllDigits(code.substr(3));
}

// ^-?[0-9]{1,3}(\.[0-9]{1,5})?$: the syntax is checked first because SimpleAtod would
// also accept forms like "1e2" or "nan" that the file format does not allow.
bool ParseCoordinate(absl::string_view text, double* value) {
  absl::string_view digits = text;
  absl::ConsumePrefix(&digits, "-");
  const size_t dot = digits.find('.');
  const absl::string_view whole = digits.substr(0, dot);
  if (whole.size() > 3 || !AllDigits(whole)) return false;
  if (dot != absl::string_view::npos) {
    const absl::string_view fraction = digits.substr(dot + 1);
    if (fraction.size() > 5 || !AllDigits(fraction)) return false;
  }
  return absl::SimpleAtod(text, value);
}

absl::Status ParseCoordinateColumn(int line, absl::string_view column, absl::string_view text,
                                   double min, double max, double* value) {
  if (!ParseCoordinate(text, value)) {
    return LineError(line, absl::StrCat(column, " '", text,
                                        "' is not a decimal with at most 5 decimals"));
  }
  if (*value < min || *value > max) {
    return LineError(line, absl::StrCat(column, " ", text, " out of range [", min, ", ", max,
                                        "]"));
  }
  return absl::OkStatus();
}

absl::Status ParseRow(int line, absl::string_view text, Region& region) {
  std::vector<absl::string_view> f = absl::StrSplit(text, '\t');
  if (f.size() != kColumns) {
    return LineError(line, absl::StrCat("expected ", kColumns,
                                        " tab-separated columns, found ", f.size()));
  }
  const absl::string_view code = f[0];
  if (!IsValidCode(code)) {
    return LineError(line, absl::StrCat("code '", code, "' is not NN or NN.NN"));
  }
  region.code = std::string(code);

  const absl::string_view level = f[1];
  if (level != "province" && level != "kabupaten" && level != "kota") {
    return LineError(line, absl::StrCat("level '", level,
                                        "' is not province, kabupaten or kota"));
  }
  if ((level == "province") != (code.size() == 2)) {
    return LineError(line, absl::StrCat("level ", level, " does not fit code ", code));
  }
  region.level = std::string(level);

  if (f[2] != code.substr(0, 2)) {
    return LineError(line, absl::StrCat("province_code '", f[2], "' does not match code ",
                                        code));
  }
  region.province_code = std::string(f[2]);

  const absl::string_view name = f[3];
  if (name.empty() || name != absl::StripAsciiWhitespace(name)) {
    return LineError(line, "name is empty or has surrounding spaces");
  }
  // The level is derived from the name upstream; a mismatch means a mangled row.
  const bool kota_name = absl::StartsWith(name, "Kota ");
  if (level == "kota" && !kota_name) {
    return LineError(line, absl::StrCat("kota name '", name, "' does not start with 'Kota '"));
  }
  if (level == "kabupaten" && kota_name) {
    return LineError(line, absl::StrCat("kabupaten name '", name, "' starts with 'Kota '"));
  }
  region.name = std::string(name);

  if (!AllDigits(f[4])) {
    return LineError(line, absl::StrCat("population '", f[4],
                                        "' is not a non-negative integer"));
  }
  if (!absl::SimpleAtoi(f[4], &region.population)) {
    return LineError(line, absl::StrCat("population ", f[4], " is too large"));
  }
  CAKAP_RETURN_IF_ERROR(ParseCoordinateColumn(line, "latitude", f[5], kMinLatitude,
                                              kMaxLatitude, &region.latitude));
  CAKAP_RETURN_IF_ERROR(ParseCoordinateColumn(line, "longitude", f[6], kMinLongitude,
                                              kMaxLongitude, &region.longitude));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Regions> Regions::FromTsv(absl::string_view tsv) {
  CAKAP_ASSIGN_OR_RETURN(std::vector<absl::string_view> lines,
                         SplitDataLines(tsv, "regions.tsv", kHeader));

  std::vector<Region> regions;
  std::vector<int> region_lines;  // parallel to `regions`, for messages
  absl::flat_hash_map<std::string, int> line_of_code;
  for (size_t i = 1; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    const absl::string_view text = lines[i];
    if (text.empty() || text[0] == '#') continue;
    if (text.front() == ' ' || text.back() == ' ') {
      return LineError(line, "leading or trailing spaces");
    }
    Region region;
    CAKAP_RETURN_IF_ERROR(ParseRow(line, text, region));
    auto [it, inserted] = line_of_code.try_emplace(region.code, line);
    if (!inserted) {
      return LineError(line, absl::StrCat("duplicate code ", region.code, " (already on line ",
                                          it->second, ")"));
    }
    regions.push_back(std::move(region));
    region_lines.push_back(line);
  }
  // Checked after every row is known: the format does not require a province to come
  // before its kabupaten/kota.
  for (size_t i = 0; i < regions.size(); ++i) {
    if (!regions[i].is_province() && !line_of_code.contains(regions[i].province_code)) {
      return LineError(region_lines[i],
                       absl::StrCat("province ", regions[i].province_code, " of ",
                                    regions[i].code, " is not in the file"));
    }
  }

  // The file is sorted already; sorting here keeps all()'s promise for any input.
  std::sort(regions.begin(), regions.end(),
            [](const Region& a, const Region& b) { return a.code < b.code; });
  Regions result;
  result.by_code_.reserve(regions.size());
  for (size_t i = 0; i < regions.size(); ++i) result.by_code_[regions[i].code] = i;
  result.regions_ = std::move(regions);
  return result;
}

absl::StatusOr<Regions> Regions::Builtin() { return FromTsv(embedded::kRegionsTsv); }

const Region* Regions::Find(absl::string_view code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &regions_[it->second];
}

}  // namespace cakap
