#include "sql_common.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace cakap {
namespace bench {
namespace sql {

std::string SkillCode(cakap::SkillId id) {
  // Parsed once; null when the built-in lexicon fails to load (then every id is "S<id>").
  static const cakap::Lexicon* const lexicon = [] {
    absl::StatusOr<cakap::Lexicon> lex = cakap::Lexicon::Builtin();
    return lex.ok() ? new cakap::Lexicon(*std::move(lex)) : nullptr;
  }();
  const cakap::Skill* s = lexicon == nullptr ? nullptr : lexicon->Find(id);
  return s != nullptr ? s->code : absl::StrCat("S", id);
}

std::vector<std::string> SkillCodes(const std::vector<cakap::SkillId>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (cakap::SkillId id : ids) out.push_back(SkillCode(id));
  return out;
}

int64_t EpochDay(absl::CivilDay day) { return day - absl::CivilDay(1970, 1, 1); }

std::string ExactDouble(double v) { return absl::StrFormat("%.17g", v); }

GeoBox BoundingBox(double lat, double lon, double radius_km, double margin_km) {
  GeoBox box;
  const double delta = (radius_km + margin_km) / kEarthRadiusKm;  // angular radius
  if (!(delta < M_PI / 2)) {
    box.all_lon = true;
    return box;
  }
  const double dlat = delta / kRadiansPerDegree;
  box.lat_lo = lat - dlat;
  box.lat_hi = lat + dlat;
  // On a sphere the widest longitude extent of a cap is asin(sin δ / cos φ), reached north
  // of the centre's latitude; the cap contains a pole when this is undefined.
  const double ratio = std::sin(delta) / std::cos(lat * kRadiansPerDegree);
  if (box.lat_lo <= -90 || box.lat_hi >= 90 || !(ratio < 1)) {
    box.lat_lo = std::max(box.lat_lo, -90.0);
    box.lat_hi = std::min(box.lat_hi, 90.0);
    box.all_lon = true;
    return box;
  }
  const double dlon = std::asin(ratio) / kRadiansPerDegree;
  box.lon_lo = lon - dlon;
  box.lon_hi = lon + dlon;
  if (box.lon_lo < -180 || box.lon_hi > 180) {
    // Crossing the antimeridian would need two boxes; no peer corpus does, so keep it
    // simple and correct: no longitude filter.
    box.lon_lo = -180;
    box.lon_hi = 180;
    box.all_lon = true;
  }
  return box;
}

// '\x1f' (unit separator) never occurs in the generated SQL: values are bound, never
// spliced into the text.
std::string ParamMarker(size_t k) { return absl::StrCat("\x1f", k, "\x1f"); }

std::string NumberParams(const std::string& sql, char prefix, std::vector<size_t>* order) {
  order->clear();
  std::map<size_t, size_t> number;  // k -> its number
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t open = sql.find('\x1f', pos);
    if (open == std::string::npos) break;
    const size_t close = sql.find('\x1f', open + 1);
    const size_t k = std::stoul(sql.substr(open + 1, close - open - 1));
    auto [it, added] = number.emplace(k, order->size() + 1);
    if (added) order->push_back(k);
    absl::StrAppend(&out, absl::string_view(sql).substr(pos, open - pos), std::string(1, prefix),
                    it->second);
    pos = close + 1;
  }
  out.append(sql, pos, std::string::npos);
  return out;
}

absl::Status CheckAnswerable(const cakap_ref::RefVacancy& v) {
  if (!v.keyword_skills.empty() || !v.keyword_words.empty()) {
    return absl::InvalidArgumentError(
        "vacancy has keywords: not part of the benchmark question (bench/peers/peer.h)");
  }
  return absl::OkStatus();
}

}  // namespace sql
}  // namespace bench
}  // namespace cakap
