// Indonesian provinces and kabupaten/kota with Kemendagri codes and a reference point,
// loaded from data/regions.tsv (compiled into the library).
#ifndef CAKAP_REGIONS_H_
#define CAKAP_REGIONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cakap {

struct Region {
  std::string code;           // "64.02" (kabupaten/kota) or "64" (province)
  std::string level;          // "province", "kabupaten" or "kota"
  std::string province_code;  // "64"
  std::string name;           // "Kabupaten Kutai Kartanegara"
  int64_t population = 0;
  double latitude = 0;        // capital or centroid
  double longitude = 0;
  bool is_province() const { return level == "province"; }
};

class Regions {
 public:
  // Parses the format of data/regions.tsv; InvalidArgument naming the line on bad input.
  static absl::StatusOr<Regions> FromTsv(absl::string_view tsv);
  // The regions compiled into the library.
  static absl::StatusOr<Regions> Builtin();

  // The region with this Kemendagri code, or null.
  const Region* Find(absl::string_view code) const;
  // Every region, provinces and kabupaten/kota, sorted by code.
  const std::vector<Region>& all() const { return regions_; }

 private:
  std::vector<Region> regions_;
  absl::flat_hash_map<std::string, size_t> by_code_;
};

}  // namespace cakap

#endif  // CAKAP_REGIONS_H_
