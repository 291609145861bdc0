// cakap-alloc-bench: batch allocation at benchmark size. Fills an index (when it holds
// fewer workers) with the deterministic corpus, stores N open vacancies of the mixed
// classes with openings and some local quotas, runs Engine::Allocate over all of them and
// every worker, and prints the time of each part, the peak memory and the optimum
// against the greedy baseline.
//
//   cakap-alloc-bench --data var/alloc-bench --workers 100000 --vacancies 1000
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "cakap/engine.h"
#include "cmdline.h"
#include "corpus.h"

ABSL_FLAG(std::string, data, "", "index directory (created when missing)");
ABSL_FLAG(int64_t, workers, 100000, "workers the index holds (generated when fewer)");
ABSL_FLAG(int64_t, vacancies, 1000, "vacancies to store and allocate");
ABSL_FLAG(int, interviews, 1, "vacancies per worker (AllocateRequest.slots_per_worker)");
ABSL_FLAG(int, places_per_opening, 1, "places per opening");

namespace {

constexpr char kUsage[] =
    "usage: cakap-alloc-bench --data DIR [--workers N] [--vacancies N] [--interviews M]\n"
    "                         [--places-per-opening F]\n"
    "\n"
    "Batch allocation at benchmark size (docs/benchmarks.md, \"Batch allocation\"): fills\n"
    "DIR with the deterministic corpus up to N workers, stores N vacancies with openings\n"
    "and local quotas, allocates them all and prints the time of each part, the peak\n"
    "memory and the optimum against the greedy baseline.\n"
    "\n"
    "  --workers N             workers (default 100000)\n"
    "  --vacancies N           vacancies (default 1000)\n"
    "  --interviews M          vacancies per worker (default 1)\n"
    "  --places-per-opening F  places per opening (default 1)\n"
    "  --help, -h              this text\n"
    "  --version               the version\n";

long PeakRssMb() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // KiB on Linux
}

int Fail(const std::string& what) {
  std::fprintf(stderr, "cakap-alloc-bench: %s\n", what.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::StatusOr<cakap::cmdline::CommandLine> cl = cakap::cmdline::Parse(argc, argv);
  if (!cl.ok()) {
    std::fprintf(stderr, "cakap-alloc-bench: %s\n%s", std::string(cl.status().message()).c_str(),
                 kUsage);
    return 2;
  }
  if (cl->version) {
    std::fputs(cakap::cmdline::VersionLine("cakap-alloc-bench").c_str(), stdout);
    return 0;
  }
  if (cl->help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  const std::string data = absl::GetFlag(FLAGS_data);
  const int64_t workers = absl::GetFlag(FLAGS_workers);
  const int64_t vacancies = absl::GetFlag(FLAGS_vacancies);
  const int slots = absl::GetFlag(FLAGS_interviews);
  const int factor = absl::GetFlag(FLAGS_places_per_opening);
  if (data.empty() || workers < 0 || vacancies < 1) {
    std::fprintf(stderr, "cakap-alloc-bench: --data is required; --workers >= 0, --vacancies >= 1\n%s",
                 kUsage);
    return 2;
  }
  cakap::EngineOptions options;
  options.create_if_missing = true;
  // The corpus' today, so certificate validity is as the generator drew it.
  options.today = [] { return absl::CivilDay(2026, 11, 23); };
  auto engine = cakap::Engine::Open(options, data);
  if (!engine.ok()) return Fail(std::string(engine.status().message()));
  cakap::Engine& e = **engine;

  const absl::Time t0 = absl::Now();
  absl::StatusOr<cakap::EngineStats> stats = e.Stats();
  if (!stats.ok()) return Fail(std::string(stats.status().message()));
  if (stats->workers < workers) {
    cakap::corpus::WorkerGenerator gen(e.regions(), e.lexicon(), {});
    std::vector<cakap::v1::Worker> batch;
    for (int64_t i = stats->workers; i < workers; ++i) {
      batch.push_back(gen.Make(i));
      if (batch.size() == 5000 || i + 1 == workers) {
        if (auto r = e.UpsertWorkers(batch); !r.ok()) return Fail(std::string(r.status().message()));
        batch.clear();
      }
    }
  }
  // The vacancies: the five classes in turn, 1-20 openings, every fourth with an 80%
  // local quota for its own province.
  cakap::corpus::VacancyGenerator vgen(e.regions(), e.lexicon(), {});
  const cakap::corpus::VacancyClass kClasses[] = {
      cakap::corpus::VacancyClass::kLocal10, cakap::corpus::VacancyClass::kLocal50,
      cakap::corpus::VacancyClass::kRegional200, cakap::corpus::VacancyClass::kRegionCodes,
      cakap::corpus::VacancyClass::kNational};
  std::vector<cakap::v1::Vacancy> stored;
  cakap::v1::AllocateRequest req;
  int quotas = 0;
  for (int64_t i = 0; i < vacancies; ++i) {
    cakap::v1::Vacancy v = vgen.Make(kClasses[i % 5], i);
    v.set_id(absl::StrFormat("alloc-%06d", i));
    v.set_openings(static_cast<int32_t>(1 + (i * 7) % 20));
    v.set_open(true);
    const std::string& where = v.location().region_code();
    if (i % 4 == 0 && !where.empty()) {
      v.add_local_region_codes(where.substr(0, where.find('.')));
      v.set_min_local_share(0.8);
      ++quotas;
    }
    stored.push_back(v);
    req.add_vacancy_ids(v.id());
  }
  if (auto r = e.UpsertVacancies(stored); !r.ok() || !r->rejected.empty()) {
    return Fail(r.ok() ? std::string(r->rejected[0].status.message())
                       : std::string(r.status().message()));
  }
  const absl::Time t1 = absl::Now();
  const long rss_before = PeakRssMb();
  req.set_slots_per_worker(slots);
  req.set_places_per_opening(factor);
  cakap::AllocationTimings timings;
  const absl::Time t2 = absl::Now();
  absl::StatusOr<cakap::v1::AllocationResult> r =
      e.Allocate(req, absl::InfiniteFuture(), &timings);
  const absl::Time t3 = absl::Now();
  if (!r.ok()) return Fail(std::string(r.status().message()));
  const cakap::v1::AllocationSummary& s = r->summary();
  std::printf("index: %lld workers, %lld vacancies (%d with an 80%% quota); setup %.1f s\n",
              static_cast<long long>(workers), static_cast<long long>(vacancies), quotas,
              absl::ToDoubleSeconds(t1 - t0));
  std::printf("allocate: %.2f s total = collect %.2f s + flow %.3f s + greedy %.3f s "
              "(+ result %.2f s)\n",
              absl::ToDoubleSeconds(t3 - t2), timings.collect_ms / 1e3, timings.solve_ms / 1e3,
              timings.greedy_ms / 1e3,
              absl::ToDoubleSeconds(t3 - t2) -
                  (timings.collect_ms + timings.solve_ms + timings.greedy_ms) / 1e3);
  std::printf("peak RSS: %ld MB before allocate, %ld MB after\n", rss_before, PeakRssMb());
  std::printf("pairs %lld, workers in pool %lld, places %lld\n",
              static_cast<long long>(s.feasible_pairs()), static_cast<long long>(s.workers()),
              static_cast<long long>(s.places()));
  std::printf("reply: %.1f MB of protobuf, %d unplaced workers listed\n",
              r->ByteSizeLong() / 1e6, r->unplaced_size());
  std::printf("optimal: %lld assignments, objective %.6f\n",
              static_cast<long long>(s.assignments()), s.objective());
  std::printf("greedy:  %lld assignments, objective %.6f, gap %.4f%%\n",
              static_cast<long long>(s.greedy_assignments()), s.greedy_objective(),
              100 * s.greedy_gap());
  return 0;
}
