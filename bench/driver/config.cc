#include "config.h"

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
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
)";

namespace {

template <typename T>
absl::Status ParseList(const std::string& flag, const std::string& value, std::vector<T>* out) {
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

template <typename T>
absl::Status ParseNumber(const std::string& flag, const std::string& value, T* out) {
  bool ok;
  if constexpr (std::is_floating_point_v<T>) {
    ok = absl::SimpleAtod(value, out);
  } else {
    ok = absl::SimpleAtoi(value, out);
  }
  if (!ok || *out < 0) {
    return absl::InvalidArgumentError(absl::StrCat(flag, ": \"", value, "\" is not a number >= 0"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<BenchConfig> ParseConfig(int argc, char** argv) {
  BenchConfig c;
  std::vector<std::string> args(argv, argv + argc);
  c.command = absl::StrJoin(args, " ");
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--keep-index") {
      c.keep_index = true;
      continue;
    }
    if (flag == "--help" || flag == "-h") return absl::CancelledError(kUsage);
    if (i + 1 >= args.size()) return absl::InvalidArgumentError(absl::StrCat(flag, ": needs a value"));
    const std::string& value = args[++i];
    absl::Status s;
    if (flag == "--workers") {
      s = ParseList(flag, value, &c.workers);
    } else if (flag == "--seed") {
      s = ParseNumber(flag, value, &c.seed);
    } else if (flag == "--today") {
      if (!absl::ParseCivilTime(value, &c.today)) s = absl::InvalidArgumentError("--today: not YYYY-MM-DD");
    } else if (flag == "--dir") {
      c.dir = value;
    } else if (flag == "--out") {
      c.out = value;
    } else if (flag == "--systems") {
      c.systems.clear();
      for (absl::string_view name : absl::StrSplit(value, ',', absl::SkipEmpty())) {
        if (name == "cakap") continue;
        if (name != "floor" && name != "xapian-plain" && name != "sqlite" &&
            name != "postgres") {
          return absl::InvalidArgumentError(absl::StrCat("--systems: unknown system \"", name, "\""));
        }
        c.systems.insert(std::string(name));
      }
    } else if (flag == "--pg") {
      c.pg_conninfo = value;
    } else if (flag == "--vacancies") {
      s = ParseNumber(flag, value, &c.vacancies_per_class);
    } else if (flag == "--queries") {
      s = ParseNumber(flag, value, &c.queries_per_class);
    } else if (flag == "--max-seconds") {
      s = ParseNumber(flag, value, &c.max_seconds);
    } else if (flag == "--threads") {
      s = ParseList(flag, value, &c.threads);
    } else if (flag == "--batch") {
      s = ParseNumber(flag, value, &c.batch);
    } else if (flag == "--verify") {
      s = ParseNumber(flag, value, &c.verify_per_class);
    } else if (flag == "--updates-per-s") {
      s = ParseNumber(flag, value, &c.updates_per_s);
    } else if (flag == "--visibility-seconds") {
      s = ParseNumber(flag, value, &c.visibility_seconds);
    } else if (flag == "--variants") {
      c.variants.clear();
      for (absl::string_view name : absl::StrSplit(value, ',', absl::SkipEmpty())) {
        if (name != "facets" && name != "near-misses") {
          return absl::InvalidArgumentError(absl::StrCat("--variants: unknown variant \"", name, "\""));
        }
        c.variants.insert(std::string(name));
      }
    } else if (flag == "--reuse-index") {
      c.reuse_index = value;
    } else if (flag == "--sweep") {
      std::vector<std::string> kv = absl::StrSplit(value, absl::MaxSplits('=', 1));
      if (kv.size() != 2 || (kv[0] != "geo_levels" && kv[0] != "commit_delay_ms" &&
                             kv[0] != "max_cover_cells")) {
        return absl::InvalidArgumentError(
            "--sweep: geo_levels=..., commit_delay_ms=... or max_cover_cells=...");
      }
      c.sweep_name = kv[0];
      c.sweep_values = absl::StrSplit(kv[1], ';', absl::SkipEmpty());
    } else {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag ", flag));
    }
    if (!s.ok()) return s;
  }
  if (c.systems.count("postgres") && c.pg_conninfo.empty()) {
    return absl::InvalidArgumentError("--pg: needed when --systems includes postgres");
  }
  if (!c.reuse_index.empty() && c.workers.size() != 1) {
    return absl::InvalidArgumentError("--reuse-index: needs one --workers size");
  }
  if (c.vacancies_per_class < 1 || c.queries_per_class < 1 || c.batch < 1) {
    return absl::InvalidArgumentError("--vacancies, --queries and --batch must be >= 1");
  }
  return c;
}

}  // namespace bench
}  // namespace cakap
