// cakap-figures-bench: p50/p99 of Engine::Figures at N workers with the generated ledger.
//
//   cakap-figures-bench --workers 1000000 --dir var/figures-1m   # builds the index once
//   cakap-figures-bench --workers 1000000 --dir var/figures-1m   # reuses it
//
// Builds (when DIR holds no index) N workers of cakap-gen's corpus with training end
// dates, in bulk upserts of 10,000, then their ledger entries (cakap-gen --ledger) 10,000
// per commit; then opens the index afresh (timing the open: record cache and fact table
// load) and times each slice `--queries` times, in turn, on one thread.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_format.h"
#include "cakap/engine.h"
#include "cmdline.h"
#include "corpus.h"
#include "env.h"
#include "facts.h"

ABSL_FLAG(int64_t, workers, 100000, "corpus size");
ABSL_FLAG(std::string, dir, "var/figures-bench", "index directory (built when empty)");
ABSL_FLAG(int, queries, 200, "timed queries per slice");
ABSL_FLAG(std::string, today, "2026-11-23", "the corpus' and the figures' today");

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

bool Build(const std::string& dir, int64_t n, const cakap::corpus::CorpusOptions& corpus) {
  cakap::EngineOptions options;
  options.create_if_missing = true;
  options.cache_stored_workers = false;
  auto engine = cakap::Engine::Open(options, dir);
  if (!engine.ok()) {
    std::fprintf(stderr, "open: %s\n", std::string(engine.status().message()).c_str());
    return false;
  }
  auto regions = cakap::Regions::Builtin();
  auto lexicon = cakap::Lexicon::Builtin();
  cakap::corpus::CorpusOptions with_dates = corpus;
  with_dates.training_end_dates = true;
  cakap::corpus::WorkerGenerator workers(*regions, *lexicon, with_dates);
  cakap::corpus::LedgerGenerator ledger(*regions, *lexicon, corpus);
  constexpr int64_t kBatch = 10000;
  const Clock::time_point start = Clock::now();
  std::vector<cakap::v1::Worker> batch;
  for (int64_t i = 0; i < n; i += kBatch) {
    batch.clear();
    for (int64_t j = i; j < std::min(n, i + kBatch); ++j) batch.push_back(workers.Make(j));
    auto r = (*engine)->UpsertWorkers(batch);
    if (!r.ok() || !r->rejected.empty()) {
      std::fprintf(stderr, "upsert workers failed at %lld\n", static_cast<long long>(i));
      return false;
    }
    std::fprintf(stderr, "\r  workers %lld/%lld", static_cast<long long>(i + batch.size()),
                 static_cast<long long>(n));
  }
  std::fprintf(stderr, "\n  indexed in %.1f s\n", Ms(Clock::now() - start) / 1000);
  int64_t entries = 0;
  std::vector<cakap::v1::LedgerEntry> events;
  for (int64_t i = 0; i < n; i += kBatch) {
    events.clear();
    for (int64_t j = i; j < std::min(n, i + kBatch); ++j) {
      for (auto& e : ledger.Make(j)) events.push_back(std::move(e));
    }
    auto r = (*engine)->RecordLedgerEntries(events, cakap::LedgerWriteOptions());
    if (!r.ok()) return false;
    for (const auto& e : *r) {
      if (!e.ok()) {
        std::fprintf(stderr, "ledger entry refused: %s\n", std::string(e.status().message()).c_str());
        return false;
      }
    }
    entries += static_cast<int64_t>(events.size());
  }
  std::fprintf(stderr, "  %lld ledger entries, all in %.1f s\n", static_cast<long long>(entries),
               Ms(Clock::now() - start) / 1000);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  auto cl = cakap::cmdline::Parse(argc, argv);
  if (!cl.ok()) {
    std::fprintf(stderr, "%s\n", std::string(cl.status().message()).c_str());
    return 2;
  }
  const std::string dir = absl::GetFlag(FLAGS_dir);
  const int64_t n = absl::GetFlag(FLAGS_workers);
  cakap::corpus::CorpusOptions corpus;
  if (!absl::ParseCivilTime(absl::GetFlag(FLAGS_today), &corpus.today)) return 2;
  std::error_code ec;
  if (!std::filesystem::exists(dir + "/iamglass", ec)) {
    std::fprintf(stderr, "building %lld workers in %s\n", static_cast<long long>(n), dir.c_str());
    if (!Build(dir, n, corpus)) return 1;
  }
  cakap::EngineOptions options;
  options.today = [today = corpus.today] { return today; };
  const Clock::time_point open_start = Clock::now();
  auto engine = cakap::Engine::Open(options, dir);
  if (!engine.ok()) {
    std::fprintf(stderr, "open: %s\n", std::string(engine.status().message()).c_str());
    return 1;
  }
  const double open_ms = Ms(Clock::now() - open_start);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  auto stats = (*engine)->Stats();
  std::printf("workers %lld, open %.0f ms (record cache and fact table), max RSS %ld MB\n",
              static_cast<long long>(stats.ok() ? stats->workers : -1), open_ms,
              usage.ru_maxrss / 1024);
  {
    // The fact table's load alone, on a warm page cache (Open runs it on a second thread
    // beside the record cache's).
    cakap::EngineEnv env{options, (*engine)->lexicon(), (*engine)->regions()};
    cakap::FactTable table;
    const Clock::time_point t = Clock::now();
    cakap::LoadFacts(Xapian::Database(dir), env, &table);
    std::printf("fact table alone: loaded in %.0f ms, %zu MB\n", Ms(Clock::now() - t),
                table.MemoryBytes() >> 20);
  }

  struct Slice {
    const char* name;
    cakap::v1::GetFiguresRequest req;
  };
  std::vector<Slice> slices(5);
  slices[0].name = "province 64 (Kalimantan Timur)";
  slices[0].req.mutable_slice()->add_region_codes("64");
  slices[1].name = "all Kalimantan (61-65)";
  for (const char* p : {"61", "62", "63", "64", "65"}) slices[1].req.mutable_slice()->add_region_codes(p);
  slices[2].name = "province 64, cohort 2024, skill LAS";
  *slices[2].req.mutable_slice() = slices[0].req.slice();
  slices[2].req.mutable_slice()->set_cohort_from("2024-01-01");
  slices[2].req.mutable_slice()->set_cohort_to("2024-12-31");
  slices[2].req.mutable_slice()->set_skill("LAS");
  slices[3].name = "province 64 + supply/demand";
  slices[3].req = slices[0].req;
  slices[3].req.set_supply_demand(true);
  slices[4].name = "all Kalimantan + supply/demand";
  slices[4].req = slices[1].req;
  slices[4].req.set_supply_demand(true);
  const int queries = absl::GetFlag(FLAGS_queries);
  std::printf("%-38s %8s %8s %8s %10s %8s\n", "slice", "p50 ms", "p99 ms", "max ms", "workers",
              "placed");
  for (Slice& s : slices) {
    std::vector<double> ms;
    cakap::v1::GetFiguresResponse last;
    for (int q = 0; q < queries; ++q) {
      const Clock::time_point t = Clock::now();
      auto r = (*engine)->Figures(s.req, cakap::FiguresOptions());
      ms.push_back(Ms(Clock::now() - t));
      if (!r.ok()) {
        std::fprintf(stderr, "%s: %s\n", s.name, std::string(r.status().message()).c_str());
        return 1;
      }
      last = *std::move(r);
    }
    std::sort(ms.begin(), ms.end());
    auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
    std::printf("%-38s %8.2f %8.2f %8.2f %10lld %8lld\n", s.name, at(0.50), at(0.99), ms.back(),
                static_cast<long long>(last.figures().workers().value()),
                static_cast<long long>(last.figures().placed().value()));
  }
  return 0;
}
