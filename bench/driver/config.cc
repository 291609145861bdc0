#include "config.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace cakap {
namespace bench {

const char kUsage[] = R"(usage: cakap-bench [FLAGS]

Indexes a generated corpus into cakap and its peers and measures them side by side
(docs/benchmarks.md). Writes JSON results.

  --workers N[,N...]     corpus sizes (default 100000)
  --seed S               corpus seed (42)
  --today YYYY-MM-DD     the corpus' and engine's today (2026-11-23)
  --dir DIR              scratch directory, emptied per run (/tmp/cakap-bench)
  --out FILE             JSON results (- = stdout)
  --systems A,B,...      peers besides cakap (which always runs: the peers are verified
                         against it): floor,xapian-plain,sqlite,postgres (default: all
                         but postgres)
  --pg CONNINFO          libpq connection string for the postgres peer
  --vacancies K          distinct vacancies per class (100)
  --queries Q            timed queries per class and system (1000)
  --max-seconds S        upper bound of one timed run (20)
  --threads 1,2          thread counts of cakap's base variant
  --variants A,B         cakap variants timed besides base: facets,near-misses (default
                         both; "" for none)
  --batch B              workers per bulk upsert when indexing (10000)
  --verify K             vacancies per class compared across systems (10)
  --updates-per-s U      update rate of the visibility phase (1000)
  --visibility-seconds S seconds under updates in the visibility phase, interleaved with
                         as many of matching alone (whole seconds); 0 skips it (10)
  --keep-index           keep the last cakap index in DIR/cakap
  --reuse-index DIR      time an existing index instead of indexing (one corpus size;
                         DIR must hold exactly that corpus: kept by a run with the same
                         --seed/--workers and --visibility-seconds 0); DIR is not changed
                         unless the visibility phase runs
  --sweep NAME=V;V;...   instead of the comparison, index the first corpus size once per
                         value and time cakap: commit_delay_ms=0;10;50, or the query-time
                         (may reuse an index) geo_levels=3,5;4,6,8 | max_cover_cells=12;48
  --help, -h             this text
  --version              the version
)";

namespace {

template <typename T>
absl::Status ParseList(absl::string_view flag, absl::string_view value, std::vector<T>* out) {
  out->clear();
  for (absl::string_view part : absl::StrSplit(value, ',', absl::SkipEmpty())) {
    T v;
    if (!absl::SimpleAtoi(part, &v) || v <= 0) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": \"", part, "\" is not a positive number"));
    }
    out->push_back(v);
  }
  if (out->empty()) return absl::InvalidArgumentError(absl::StrCat(flag, ": empty list"));
  return absl::OkStatus();
}

// The names in `names` (empty ones skipped), each one of `known`; else InvalidArgument
// "<flag>: unknown <what> \"name\"".
absl::StatusOr<std::set<std::string>> Names(absl::string_view flag, absl::string_view what,
                                            const std::vector<std::string>& names,
                                            const std::set<std::string>& known) {
  std::set<std::string> out;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    if (known.count(name) == 0) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": unknown ", what, " \"", name, "\""));
    }
    out.insert(name);
  }
  return out;
}

}  // namespace

absl::Status ParseSizes(absl::string_view flag, absl::string_view text, std::vector<int64_t>* out) {
  return ParseList(flag, text, out);
}

absl::Status ParseSizes(absl::string_view flag, absl::string_view text, std::vector<int>* out) {
  return ParseList(flag, text, out);
}

absl::Status SetSystems(const std::vector<std::string>& names, BenchConfig* c) {
  std::vector<std::string> peers;
  for (const std::string& name : names) {
    if (name != "cakap") peers.push_back(name);  // cakap always runs
  }
  absl::StatusOr<std::set<std::string>> systems =
      Names("--systems", "system", peers, {"floor", "xapian-plain", "sqlite", "postgres"});
  if (!systems.ok()) return systems.status();
  c->systems = *std::move(systems);
  return absl::OkStatus();
}

absl::Status SetVariants(const std::vector<std::string>& names, BenchConfig* c) {
  absl::StatusOr<std::set<std::string>> variants =
      Names("--variants", "variant", names, {"facets", "near-misses"});
  if (!variants.ok()) return variants.status();
  c->variants = *std::move(variants);
  return absl::OkStatus();
}

absl::Status SetSweep(absl::string_view text, BenchConfig* c) {
  std::vector<std::string> kv = absl::StrSplit(text, absl::MaxSplits('=', 1));
  if (kv.size() != 2 || (kv[0] != "geo_levels" && kv[0] != "commit_delay_ms" &&
                         kv[0] != "max_cover_cells")) {
    return absl::InvalidArgumentError(
        "--sweep: geo_levels=..., commit_delay_ms=... or max_cover_cells=...");
  }
  c->sweep_name = kv[0];
  c->sweep_values = absl::StrSplit(kv[1], ';', absl::SkipEmpty());
  return absl::OkStatus();
}

absl::Status Validate(const BenchConfig& c) {
  if (c.systems.count("postgres") && c.pg_conninfo.empty()) {
    return absl::InvalidArgumentError("--pg: needed when --systems includes postgres");
  }
  if (!c.reuse_index.empty() && c.workers.size() != 1) {
    return absl::InvalidArgumentError("--reuse-index: needs one --workers size");
  }
  if (c.vacancies_per_class < 1 || c.queries_per_class < 1 || c.batch < 1) {
    return absl::InvalidArgumentError("--vacancies, --queries and --batch must be >= 1");
  }
  for (const auto& [flag, value] : {std::pair<const char*, double>{"--max-seconds", c.max_seconds},
                                    {"--verify", c.verify_per_class},
                                    {"--updates-per-s", c.updates_per_s},
                                    {"--visibility-seconds", c.visibility_seconds}}) {
    if (!(value >= 0)) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": \"", value, "\" is not a number >= 0"));
    }
  }
  return absl::OkStatus();
}

}  // namespace bench
}  // namespace cakap
