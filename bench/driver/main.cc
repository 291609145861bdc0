// cakap-bench: the in-process side of the benchmark (docs/benchmarks.md). For each
// corpus size: index into cakap, time cakap per vacancy class (threads, facets, near
// misses), measure update visibility, then load, verify and time every peer; optionally
// sweep one engine option. Prints progress on stderr and the results as JSON.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "phases.h"

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
  base.set_page_size(20);
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
                 {"page_size", 20}};
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

}  // namespace
}  // namespace bench
}  // namespace cakap

int main(int argc, char** argv) {
  // As cakapd does (service/main.cc): time the engine without abseil's debug-build
  // deadlock detector.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  absl::StatusOr<cakap::bench::BenchConfig> config = cakap::bench::ParseConfig(argc, argv);
  if (!config.ok()) {
    if (absl::IsCancelled(config.status())) {
      std::cout << cakap::bench::kUsage;
      return 0;
    }
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
