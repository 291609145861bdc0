// cakap-bench: the in-process side of the benchmark (docs/benchmarks.md). For each
// corpus size: index into cakap, time cakap per vacancy class (threads, facets, near
// misses), measure update visibility, then load, verify and time every peer; optionally
// sweep one engine option. Prints progress on stderr and the results as JSON.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "cakap/limits.h"
#include "cakap/status_macros.h"
#include "cmdline.h"
#include "phases.h"

namespace {

// The flags' defaults are BenchConfig's own.
const cakap::bench::BenchConfig& Defaults() {
  static const auto* const kDefaults = new cakap::bench::BenchConfig();
  return *kDefaults;
}

}  // namespace

ABSL_FLAG(std::string, workers, absl::StrJoin(Defaults().workers, ","), "corpus sizes");
ABSL_FLAG(uint64_t, seed, Defaults().seed, "corpus seed");
ABSL_FLAG(std::string, today, absl::FormatCivilTime(Defaults().today),
          "the corpus' and engine's today, YYYY-MM-DD");
ABSL_FLAG(std::string, dir, Defaults().dir, "scratch directory, emptied per run");
ABSL_FLAG(std::string, out, Defaults().out, "JSON results (- = stdout)");
ABSL_FLAG(std::vector<std::string>, systems,
          std::vector<std::string>(Defaults().systems.begin(), Defaults().systems.end()),
          "peers besides cakap");
ABSL_FLAG(std::string, pg, "", "libpq connection string for the postgres peer");
ABSL_FLAG(int, vacancies, Defaults().vacancies_per_class, "distinct vacancies per class");
ABSL_FLAG(int, queries, Defaults().queries_per_class, "timed queries per class and system");
ABSL_FLAG(double, max_seconds, Defaults().max_seconds, "upper bound of one timed run");
ABSL_FLAG(std::string, threads, absl::StrJoin(Defaults().threads, ","),
          "thread counts of cakap's base variant");
ABSL_FLAG(std::vector<std::string>, variants,
          std::vector<std::string>(Defaults().variants.begin(), Defaults().variants.end()),
          "cakap variants timed besides base");
ABSL_FLAG(int, batch, Defaults().batch, "workers per bulk upsert when indexing");
ABSL_FLAG(int, verify, Defaults().verify_per_class, "vacancies per class compared across systems");
ABSL_FLAG(int, updates_per_s, Defaults().updates_per_s, "update rate of the visibility phase");
ABSL_FLAG(double, visibility_seconds, Defaults().visibility_seconds,
          "seconds under updates in the visibility phase; 0 skips it");
ABSL_FLAG(bool, keep_index, false, "keep the last cakap index in DIR/cakap");
ABSL_FLAG(std::string, reuse_index, "", "time an existing index instead of indexing");
ABSL_FLAG(std::string, sweep, "", "NAME=V;V;...: time cakap once per option value");

namespace cakap {
namespace bench {
namespace {

nlohmann::json Machine() {
  std::string cpu;
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; cpu.empty() && std::getline(info, line);) {
    if (absl::StartsWith(line, "model name")) cpu = std::string(absl::StripAsciiWhitespace(line.substr(line.find(':') + 1)));
  }
  const double mem = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE);
  return {{"nproc", std::thread::hardware_concurrency()}, {"cpu", cpu},
          {"memory_gib", mem / (1 << 30)}};
}

// cakap's query function for one thread: Match with the given options, total returned.
std::function<QueryFn()> CakapQueries(const Workload& w, const Engine& engine,
                                      v1::MatchOptions options) {
  return [&w, &engine, options]() -> QueryFn {
    return [&w, &engine, options](size_t ci, size_t vi) -> absl::StatusOr<int64_t> {
      CAKAP_ASSIGN_OR_RETURN(v1::MatchResult r, engine.Match(w.vacancies[ci].raw[vi], options));
      return r.total();
    };
  };
}

absl::Status Append(const absl::StatusOr<nlohmann::json>& rows, nlohmann::json* out) {
  if (!rows.ok()) return rows.status();
  for (const auto& row : *rows) out->push_back(row);
  return absl::OkStatus();
}

// Everything about cakap at one corpus size and one set of options.
absl::StatusOr<nlohmann::json> RunCakap(const Workload& w, int64_t n, const EngineOptions& opts,
                                        const std::string& dir, bool all_variants,
                                        std::unique_ptr<Engine>* engine) {
  const BenchConfig& c = *w.config;
  nlohmann::json out;
  if (c.reuse_index.empty()) {
    CAKAP_ASSIGN_OR_RETURN(out["indexing"], IndexCakap(w, n, opts, dir, engine));
  } else {
    CAKAP_ASSIGN_OR_RETURN(*engine, Engine::Open(opts, c.reuse_index));
    out["indexing"] = {{"reused", c.reuse_index}};
  }
  out["latency"] = nlohmann::json::array();
  v1::MatchOptions base;
  base.set_page_size(kDefaultPageSize);
  for (int threads : c.threads) {
    if (!all_variants && threads != 1) continue;
    CAKAP_RETURN_IF_ERROR(Append(RunLatency(w, "cakap", "base", threads,
                                            CakapQueries(w, **engine, base)), &out["latency"]));
  }
  if (all_variants && c.variants.count("facets")) {
    v1::MatchOptions facets = base;
    facets.set_facets(true);
    CAKAP_RETURN_IF_ERROR(Append(RunLatency(w, "cakap", "facets", 1,
                                            CakapQueries(w, **engine, facets)), &out["latency"]));
  }
  if (all_variants && c.variants.count("near-misses")) {
    v1::MatchOptions near = base;
    near.set_near_miss_limit(10);
    CAKAP_RETURN_IF_ERROR(Append(RunLatency(w, "cakap", "near-misses", 1,
                                            CakapQueries(w, **engine, near)), &out["latency"]));
  }
  return out;
}

absl::Status ApplySweep(const std::string& name, const std::string& value, EngineOptions* o) {
  if (name == "geo_levels") {
    o->geo_cell_levels.clear();
    for (absl::string_view part : absl::StrSplit(value, ',')) {
      int level;
      if (!absl::SimpleAtoi(part, &level)) return absl::InvalidArgumentError("--sweep geo_levels");
      o->geo_cell_levels.push_back(level);
    }
    return absl::OkStatus();
  }
  if (name == "commit_delay_ms") {
    int ms;
    if (!absl::SimpleAtoi(value, &ms)) return absl::InvalidArgumentError("--sweep commit_delay_ms");
    o->commit_delay = absl::Milliseconds(ms);
    return absl::OkStatus();
  }
  if (name == "max_cover_cells") {
    if (!absl::SimpleAtoi(value, &o->max_cover_cells)) {
      return absl::InvalidArgumentError("--sweep max_cover_cells");
    }
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat("--sweep: unknown option ", name));
}

absl::StatusOr<nlohmann::json> Run(const BenchConfig& c) {
  CAKAP_ASSIGN_OR_RETURN(std::unique_ptr<Workload> w, MakeWorkload(c));
  nlohmann::json out;
  out["meta"] = {{"date", absl::FormatTime("%Y-%m-%d %H:%M:%S %z", absl::Now(), absl::LocalTimeZone())},
                 {"machine", Machine()},
                 {"command", c.command},
                 {"seed", c.seed},
                 {"vacancies_per_class", c.vacancies_per_class},
                 {"queries_per_class", c.queries_per_class},
                 {"page_size", kDefaultPageSize}};
  out["runs"] = nlohmann::json::array();
  std::error_code ec;
  // A sweep runs alone: the corpus-size runs are the comparison, the sweep the tuning.
  for (int64_t n : c.sweep_name.empty() ? c.workers : std::vector<int64_t>{}) {
    std::cerr << "corpus of " << n << " workers\n";
    const std::string dir = absl::StrCat(c.dir, "/", n);
    std::filesystem::remove_all(dir, ec);
    std::filesystem::create_directories(dir, ec);
    nlohmann::json run = {{"workers", n}};
    std::unique_ptr<Engine> engine;
    // cakap always runs: the peers are verified against it.
    CAKAP_ASSIGN_OR_RETURN(nlohmann::json cakap,
                           RunCakap(*w, n, BaseEngineOptions(c), dir + "/cakap", true, &engine));
    run.update(cakap);
    CAKAP_ASSIGN_OR_RETURN(nlohmann::json peers, RunPeers(*w, n, *engine, dir));
    run["peers_load"] = peers["load"];
    run["verification"] = peers["verification"];
    for (auto& row : peers["latency"]) run["latency"].push_back(row);
    // Last: the updates change the index the peers were verified against.
    if (c.visibility_seconds > 0) {
      CAKAP_ASSIGN_OR_RETURN(run["visibility"], MeasureVisibility(*w, *engine, n));
    }
    engine.reset();
    if (c.keep_index && n == c.workers.back()) {
      std::filesystem::remove_all(c.dir + "/cakap", ec);
      std::filesystem::rename(dir + "/cakap", c.dir + "/cakap", ec);
      if (ec) return absl::InternalError(absl::StrCat("keep index: ", ec.message()));
    }
    std::filesystem::remove_all(dir, ec);
    out["runs"].push_back(std::move(run));
  }
  if (!c.sweep_name.empty()) {
    const int64_t n = c.workers.front();
    out["sweep"] = {{"option", c.sweep_name}, {"workers", n}, {"rows", nlohmann::json::array()}};
    for (const std::string& value : c.sweep_values) {
      std::cerr << "sweep " << c.sweep_name << "=" << value << " at " << n << " workers\n";
      EngineOptions opts = BaseEngineOptions(c);
      CAKAP_RETURN_IF_ERROR(ApplySweep(c.sweep_name, value, &opts));
      const std::string dir = absl::StrCat(c.dir, "/sweep");  // unused with --reuse-index
      std::unique_ptr<Engine> engine;
      CAKAP_ASSIGN_OR_RETURN(nlohmann::json row, RunCakap(*w, n, opts, dir, false, &engine));
      if (c.visibility_seconds > 0) {
        CAKAP_ASSIGN_OR_RETURN(row["visibility"], MeasureVisibility(*w, *engine, n));
      }
      row["value"] = value;
      engine.reset();
      std::filesystem::remove_all(dir, ec);
      out["sweep"]["rows"].push_back(std::move(row));
    }
  }
  return out;
}

// BenchConfig from the flags; InvalidArgument naming the flag.
absl::StatusOr<BenchConfig> ConfigFromFlags(const cmdline::CommandLine& cl, int argc,
                                            char** argv) {
  if (!cl.positional.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("unexpected argument \"", cl.positional[0], "\""));
  }
  BenchConfig c;
  c.command = absl::StrJoin(argv, argv + argc, " ");
  CAKAP_RETURN_IF_ERROR(ParseSizes("--workers", absl::GetFlag(FLAGS_workers), &c.workers));
  c.seed = absl::GetFlag(FLAGS_seed);
  if (!absl::ParseCivilTime(absl::GetFlag(FLAGS_today), &c.today)) {
    return absl::InvalidArgumentError("--today: not YYYY-MM-DD");
  }
  c.dir = absl::GetFlag(FLAGS_dir);
  c.out = absl::GetFlag(FLAGS_out);
  CAKAP_RETURN_IF_ERROR(SetSystems(absl::GetFlag(FLAGS_systems), &c));
  c.pg_conninfo = absl::GetFlag(FLAGS_pg);
  c.vacancies_per_class = absl::GetFlag(FLAGS_vacancies);
  c.queries_per_class = absl::GetFlag(FLAGS_queries);
  c.max_seconds = absl::GetFlag(FLAGS_max_seconds);
  CAKAP_RETURN_IF_ERROR(ParseSizes("--threads", absl::GetFlag(FLAGS_threads), &c.threads));
  CAKAP_RETURN_IF_ERROR(SetVariants(absl::GetFlag(FLAGS_variants), &c));
  c.batch = absl::GetFlag(FLAGS_batch);
  c.verify_per_class = absl::GetFlag(FLAGS_verify);
  c.updates_per_s = absl::GetFlag(FLAGS_updates_per_s);
  c.visibility_seconds = absl::GetFlag(FLAGS_visibility_seconds);
  c.keep_index = absl::GetFlag(FLAGS_keep_index);
  c.reuse_index = absl::GetFlag(FLAGS_reuse_index);
  if (cl.Has("sweep")) CAKAP_RETURN_IF_ERROR(SetSweep(absl::GetFlag(FLAGS_sweep), &c));
  CAKAP_RETURN_IF_ERROR(Validate(c));
  return c;
}

}  // namespace
}  // namespace bench
}  // namespace cakap

int main(int argc, char** argv) {
  // As cakapd does (service/main.cc): time the engine without abseil's debug-build
  // deadlock detector.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::StatusOr<cakap::cmdline::CommandLine> cl = cakap::cmdline::Parse(argc, argv);
  if (cl.ok() && cl->help) {
    std::cout << cakap::bench::kUsage;
    return 0;
  }
  if (cl.ok() && cl->version) {
    std::cout << cakap::cmdline::VersionLine("cakap-bench");
    return 0;
  }
  absl::StatusOr<cakap::bench::BenchConfig> config =
      cl.ok() ? cakap::bench::ConfigFromFlags(*cl, argc, argv)
              : absl::StatusOr<cakap::bench::BenchConfig>(cl.status());
  if (!config.ok()) {
    std::cerr << "cakap-bench: " << config.status().message() << "\n" << cakap::bench::kUsage;
    return 2;
  }
  absl::StatusOr<nlohmann::json> results = cakap::bench::Run(*config);
  if (!results.ok()) {
    std::cerr << "cakap-bench: " << results.status() << "\n";
    return 1;
  }
  const std::string text = results->dump(2) + "\n";
  if (config->out == "-") {
    std::cout << text;
  } else {
    std::ofstream(config->out) << text;
  }
  return 0;
}
