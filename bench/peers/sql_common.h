// Helpers the SQL peers (sqlite.cc, postgres.cc) share: how a resolved skill, day and
// radius are written for a database, and the checks every peer makes on a vacancy. The
// SQL itself stays in each peer: the dialects differ too much to share text.
#ifndef CAKAP_BENCH_PEERS_SQL_COMMON_H_
#define CAKAP_BENCH_PEERS_SQL_COMMON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "cakap/lexicon.h"
#include "cakap/options.h"
#include "reference/reference_matcher.h"

namespace cakap {
namespace bench {
namespace sql {

// The lexicon code of a skill id ("LAS.SMAW"). The peers only get resolved ids; the codes
// make the databases readable by hand. An id the built-in lexicon does not know (a custom
// lexicon) gets "S<id>": still one distinct token per id, so answers never depend on it.
std::string SkillCode(cakap::SkillId id);
// Codes of `ids`, in order.
std::vector<std::string> SkillCodes(const std::vector<cakap::SkillId>& ids);

// Days since 1970-01-01: how the SQLite peer stores dates (integers compare and subtract
// like the CivilDay arithmetic of docs/ranking.md).
int64_t EpochDay(absl::CivilDay day);

// The shortest text that reads back as exactly `v` (%.17g): doubles sent as text
// (libpq parameters, COPY) must not lose a bit, or distances at the radius would differ.
std::string ExactDouble(double v);

// A latitude/longitude box holding every point within `radius_km` (haversine, R = 6371.0
// km) of (lat, lon), widened by `margin_km` so that float rounding of the box or of the
// index's own coordinates never drops a point at the edge. `all_lon`: the box spans every
// longitude (it reaches a pole or crosses the antimeridian); longitudes then do not filter.
struct GeoBox {
  double lat_lo = -90, lat_hi = 90, lon_lo = -180, lon_hi = 180;
  bool all_lon = false;
};
GeoBox BoundingBox(double lat, double lon, double radius_km, double margin_km);

// Benchmark question constants (docs/ranking.md).
inline constexpr double kEarthRadiusKm = 6371.0;
// Degrees to radians exactly as RefHaversineKm computes it, passed to the databases as a
// parameter so that they multiply by the very same double.
inline constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;

// The default weights every peer scores with (peer.h).
inline const cakap::RankingWeights& Weights() {
  static const cakap::RankingWeights w;
  return w;
}

// Parameters of generated SQL. A statement is assembled before it is known which values
// it will reference (an unscored query leaves out the preferred skills, a vacancy without
// issuers may not need the start date), and an unreferenced parameter cannot be bound:
// SQLite rejects an index past the last one used, PostgreSQL cannot infer its type. So
// values get markers while the text is built, and NumberParams() numbers the markers the
// final text uses: "$1", "$2", ... (or "?1", ...) in order of first use.
std::string ParamMarker(size_t k);  // the marker of the k-th value (0-based)
// `sql` with each marker replaced by `prefix` and its number; `order` receives, for the
// numbers 1, 2, ..., the k of their values.
std::string NumberParams(const std::string& sql, char prefix, std::vector<size_t>* order);

// InvalidArgument for a vacancy outside the benchmark question (keywords, peer.h).
absl::Status CheckAnswerable(const cakap_ref::RefVacancy& v);

}  // namespace sql
}  // namespace bench
}  // namespace cakap

#endif  // CAKAP_BENCH_PEERS_SQL_COMMON_H_
