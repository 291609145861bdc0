// Configuration of cakap-bench, the in-process benchmark driver (docs/benchmarks.md),
// as its command line (main.cc, abseil flags) sets it.
#ifndef CAKAP_BENCH_DRIVER_CONFIG_H_
#define CAKAP_BENCH_DRIVER_CONFIG_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace cakap {
namespace bench {

struct BenchConfig {
  // Corpus sizes, each run in turn on a fresh index (--workers 100000,1000000).
  std::vector<int64_t> workers = {100000};
  uint64_t seed = 42;
  absl::CivilDay today = absl::CivilDay(2026, 11, 23);
  // Scratch directory for indexes and peer databases (--dir); removed per run.
  std::string dir = "/tmp/cakap-bench";
  // JSON results (--out); "-" for stdout.
  std::string out = "-";
  // Peers to run besides cakap (--systems): floor, xapian-plain, sqlite, postgres.
  std::set<std::string> systems = {"floor", "xapian-plain", "sqlite"};
  // libpq connection string of the postgres peer (--pg); required when it runs.
  std::string pg_conninfo;
  // Distinct vacancies per class (--vacancies) and timed queries per class and system
  // (--queries); a run also stops after --max-seconds.
  int vacancies_per_class = 100;
  int queries_per_class = 1000;
  double max_seconds = 20;
  // Thread counts for cakap's base variant (--threads 1,2).
  std::vector<int> threads = {1, 2};
  // cakap variants timed besides base, at one thread (--variants facets,near-misses).
  std::set<std::string> variants = {"facets", "near-misses"};
  // Workers per UpsertWorkers call when indexing (--batch).
  int batch = 10000;
  // Vacancies per class whose candidate sets are compared across systems (--verify).
  int verify_per_class = 10;
  // Update-visibility phase (--updates-per-s, --visibility-seconds; 0 seconds skips it).
  int updates_per_s = 1000;
  double visibility_seconds = 10;
  // Keep the cakap index of the last corpus size in DIR/cakap (--keep-index), for the
  // gRPC run that follows.
  bool keep_index = false;
  // An existing index of exactly this corpus to time instead of indexing (--reuse-index).
  std::string reuse_index;
  // Option sweep (--sweep NAME=V1;V2;...): commit_delay_ms=0;10;50, geo_levels=3,5;4,6,8 or
  // max_cover_cells=12;48 (the last two query-time).
  std::string sweep_name;
  std::vector<std::string> sweep_values;
  // The command line, for the report.
  std::string command;
};

// The parts of the command line that abseil's flag types do not parse themselves; main.cc
// reads the flags and sets the rest of BenchConfig directly. InvalidArgument naming the
// flag ("--workers: \"x\" is not a positive number").
//
// --workers / --threads: comma-separated positive numbers.
absl::Status ParseSizes(absl::string_view flag, absl::string_view text, std::vector<int64_t>* out);
absl::Status ParseSizes(absl::string_view flag, absl::string_view text, std::vector<int>* out);
// --systems: peers besides cakap ("cakap" itself is ignored).
absl::Status SetSystems(const std::vector<std::string>& names, BenchConfig* c);
// --variants: cakap variants timed besides base.
absl::Status SetVariants(const std::vector<std::string>& names, BenchConfig* c);
// --sweep NAME=V;V;...
absl::Status SetSweep(absl::string_view text, BenchConfig* c);
// What no single flag decides: ranges and combinations.
absl::Status Validate(const BenchConfig& c);

extern const char kUsage[];

}  // namespace bench
}  // namespace cakap

#endif  // CAKAP_BENCH_DRIVER_CONFIG_H_
