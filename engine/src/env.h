// What every part of an open engine shares, immutable after Open: options, the lexicon
// and the regions. Safe to read from any thread.
#ifndef CAKAP_ENGINE_ENV_H_
#define CAKAP_ENGINE_ENV_H_

#include "absl/time/civil_time.h"
#include "cakap/lexicon.h"
#include "cakap/options.h"
#include "cakap/regions.h"
#include "dates.h"

namespace cakap {

struct EngineEnv {
  EngineOptions options;
  Lexicon lexicon;
  Regions regions;

  // options.today(), or the date in UTC+7 (western Indonesia) when it is null.
  absl::CivilDay Today() const;
  // Travel radius of a worker whose travel_km is 0.
  double TravelKm(double travel_km) const {
    return travel_km > 0 ? travel_km : options.default_travel_km;
  }
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_ENV_H_
