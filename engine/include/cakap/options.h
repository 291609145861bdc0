// Options of an Engine. A plain struct: every field carries its default and contract.
#ifndef CAKAP_OPTIONS_H_
#define CAKAP_OPTIONS_H_

#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace cakap {

// Weights of the score components. docs/ranking.md gives the formula they plug into.
// Every weight must be >= 0; scores are comparable only between engines with the same
// weights (they are part of the formula, not of the corpus).
struct RankingWeights {
  // Share of the vacancy's preferred skills the worker has, times this.
  double preferred_skills = 0.30;
  // Strength of the best qualifying certificate (issuer tier x KKNI level x validity).
  double certificate = 0.35;
  // Distance decay 2^(-d / distance_half_life_km), times this.
  double distance = 0.30;
  // Welfare priority (11 - decile) / 10 for DTSEN deciles 1-10, times this. Small on
  // purpose: it breaks near-ties in favour of poorer households, it does not override fit.
  double welfare = 0.05;

  // Distance in km at which the distance component halves. Must be > 0.
  double distance_half_life_km = 20.0;
  // Issuer tiers, in [0, 1].
  double tier_bnsp = 1.0;
  double tier_kemnaker = 0.85;
  double tier_other = 0.6;
  // Remaining validity (days after the start date) at which a certificate counts fully;
  // below it the validity factor falls linearly from 1 to 0.5. Must be > 0.
  int full_validity_days = 730;
};

// One group commit, as EngineOptions::on_commit hears it.
struct CommitInfo {
  absl::Duration duration;  // from taking the batch to the commit (fsyncs included)
  int writes = 0;           // writes that shared it (a bulk upsert counts as one)
  bool ok = false;          // committed and synced
};

struct EngineOptions {
  // Create the index when the directory does not exist or is empty (never over any
  // other content: see Engine::Open). False: Open fails with NotFound on a missing or
  // empty directory.
  bool create_if_missing = true;

  RankingWeights ranking;

  // Levels of the in-memory geo grid that radius matches read (every worker is filed
  // under its cell at each level); level L has cells of 8 / 2^L degrees (L=4: 0.5 deg
  // ~ 55 km; L=6: 0.125 deg ~ 14 km; L=8: ~3.5 km). Each in [0, 12], strictly
  // increasing. Not stored in the index: each Open may choose other levels.
  // Default from the sweep in docs/benchmarks.md: the level-3 layer (1 deg) gives 200 km
  // radii a cell filter (without it no level fits in max_cover_cells), for ~10 B/worker.
  std::vector<int> geo_cell_levels = {3, 4, 6, 8};
  // Keep every worker's stored record (the serialized Worker, ~300 B each in the demo
  // corpus) in memory beside the match records, so a page of results reads nothing from
  // the index; off, each result reads its Worker from the index, ~5 us (a block read and
  // zlib). Measured at 1M workers: local10 p50 0.36 -> 0.23 ms, for an Open of 4.0 s
  // instead of 1.9 s and ~300 MB more memory. A long-running process (cakapd) wants it;
  // a one-shot command (the cakap CLI) does not.
  bool cache_stored_workers = true;

  // A radius query is covered by at most this many cells, at the finest indexed level
  // that fits; when even the coarsest needs more, no cell filter is used (all workers
  // are candidates and the exact distance check decides). In [1, 4096].
  int max_cover_cells = 48;

  // Travel radius of a worker whose travel_km is 0, in km. > 0.
  double default_travel_km = 50.0;

  // Validity of a certificate without expires_on, in years after issued_on, per issuer.
  int default_validity_years_bnsp = 3;
  int default_validity_years_kemnaker = 3;
  int default_validity_years_other = 3;

  // Group commit. Every write is committed (fsync'd) before it returns, and writes that
  // arrive while a commit is running share the next one. A write that finds no commit
  // running waits up to this long for others to join it before committing: more writes
  // per fsync (higher update throughput) for a longer acknowledgement. >= 0; zero: commit
  // at once. docs/benchmarks.md has the trade-off measured.
  absl::Duration commit_delay = absl::ZeroDuration();
  // At most this many writes (single upserts or deletes; a bulk upsert counts as one)
  // share one commit. >= 1.
  int max_writes_per_commit = 1000;

  // Today's date, used when a vacancy has no start date and for a worker without
  // updated_at. Null: the system clock in Indonesia's western time zone (UTC+7).
  std::function<absl::CivilDay()> today;

  // Called after each group commit (success or not) with how long it took and how many
  // writes shared it, before those writes return; runs on the writing thread, holding no
  // engine lock (metrics: cakapd's commit latency and batch-size histograms). May be null.
  std::function<void(const CommitInfo&)> on_commit;

  // Called with Engine::WriteHealth() each time it flips between OK and an error (a
  // commit failed, or one succeeded after failures), before the write that flipped it
  // returns. Runs on the writing thread, holding no engine lock; may be null.
  std::function<void(const absl::Status&)> on_write_health;
};

}  // namespace cakap

#endif  // CAKAP_OPTIONS_H_
