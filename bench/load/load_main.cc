// cakap-load: closed-loop gRPC load on a local cakapd's MatchCandidates (see load.h).
//
//   cakap-load --target 127.0.0.1:7843 --concurrency 1,2,4,8 --duration 10 --out load.json
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "load.h"

namespace {

constexpr char kUsage[] = R"(usage: cakap-load --target HOST:PORT [FLAGS]

Closed-loop load on a cakapd on this machine: C threads, each sending
MatchService.MatchCandidates with an inline generated vacancy as soon as its previous
call returned. Writes a JSON array of rows (one per class and concurrency) to --out or
stdout, and a table to stderr. Non-OK calls are counted as errors, never as latencies.

  --target HOST:PORT   cakapd address; loopback only (127.0.0.1, [::1], localhost)
  --key KEY            API key, sent as "authorization: Bearer KEY" (default: $CAKAP_KEY;
                       none needed by a cakapd without a keys file)
  --concurrency LIST   client threads; a comma list runs each in turn (default 1)
  --channels N         gRPC channels (TCP connections) the threads share round-robin;
                       0: one per thread (default 1)
  --duration SECS      measured time of each run (default 10)
  --max-calls N        also stop a run after N measured calls (default 0: no limit)
  --warmup SECS        unrecorded calls before each run (default 1)
  --classes LIST       local10,local50,regional200,regions,national (default: all)
  --vacancies K        distinct vacancies per class, cycled (default 100)
  --seed S, --today YYYY-MM-DD   of the vacancy generator (default 42, 2026-11-23)
  --mode per-class|mix per-class: one run per class; mix: classes interleaved in one
                       run, summarised per class and for all (default per-class)
  --page-size N        candidates per page, 0-200 (default 20)
  --facets on|off      request facet counts (default off)
  --deadline-ms N      deadline of every call (default 2000); a run ends at most this
                       long after --duration even when the server hangs
  --out FILE           JSON report to FILE instead of stdout

exit codes: 0 ok (even with call errors: see "errors"); 1 the load could not run;
2 bad command line.
)";

int Usage(const std::string& error) {
  std::cerr << "cakap-load: " << error << "\n(cakap-load --help for usage)\n";
  return 2;
}

bool ParseSeconds(const std::string& value, absl::Duration* out) {
  double seconds = 0;
  if (!absl::SimpleAtod(value, &seconds) || !(seconds >= 0) || seconds > 1e6) return false;
  *out = absl::Seconds(seconds);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  cakap::load::LoadOptions options;
  std::vector<int> concurrency = {1};
  int channels = 1;
  std::string out;
  const char* env_key = std::getenv("CAKAP_KEY");
  if (env_key != nullptr) options.key = env_key;

  for (int i = 1; i < argc; ++i) {
    std::string name = argv[i];
    if (name == "--help" || name == "-h") {
      std::cout << kUsage;
      return 0;
    }
    std::string value;
    const size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return Usage(name + " needs a value");
    }
    bool ok = true;
    if (name == "--target") {
      options.target = value;
    } else if (name == "--key") {
      options.key = value;
    } else if (name == "--concurrency") {
      concurrency.clear();
      for (absl::string_view c : absl::StrSplit(value, ',')) {
        int n = 0;
        ok = ok && absl::SimpleAtoi(c, &n) && n >= 1;
        concurrency.push_back(n);
      }
    } else if (name == "--channels") {
      ok = absl::SimpleAtoi(value, &channels) && channels >= 0;
    } else if (name == "--duration") {
      ok = ParseSeconds(value, &options.duration) && options.duration > absl::ZeroDuration();
    } else if (name == "--max-calls") {
      ok = absl::SimpleAtoi(value, &options.max_calls) && options.max_calls >= 0;
    } else if (name == "--warmup") {
      ok = ParseSeconds(value, &options.warmup);
    } else if (name == "--classes") {
      options.classes.clear();
      for (absl::string_view c : absl::StrSplit(value, ',')) {
        cakap::corpus::VacancyClass cls = cakap::corpus::VacancyClass::kLocal10;
        ok = ok && cakap::corpus::ParseVacancyClass(std::string(c), &cls);
        options.classes.push_back(cls);
      }
    } else if (name == "--vacancies") {
      ok = absl::SimpleAtoi(value, &options.vacancies_per_class) &&
           options.vacancies_per_class >= 1;
    } else if (name == "--seed") {
      ok = absl::SimpleAtoi(value, &options.seed);
    } else if (name == "--today") {
      ok = absl::ParseCivilTime(value, &options.today);
    } else if (name == "--mode") {
      ok = value == "per-class" || value == "mix";
      options.mode = value == "mix" ? cakap::load::Mode::kMix : cakap::load::Mode::kPerClass;
    } else if (name == "--page-size") {
      ok = absl::SimpleAtoi(value, &options.page_size) && options.page_size >= 0 &&
           options.page_size <= 200;
    } else if (name == "--facets") {
      ok = value == "on" || value == "off";
      options.facets = value == "on";
    } else if (name == "--deadline-ms") {
      int ms = 0;
      ok = absl::SimpleAtoi(value, &ms) && ms > 0;
      options.deadline = absl::Milliseconds(ms);
    } else if (name == "--out") {
      out = value;
    } else {
      return Usage("unknown flag " + name);
    }
    if (!ok) return Usage("bad value for " + name + ": " + value);
  }
  if (options.target.empty()) return Usage("--target is required");
  // Refuse before any run, and before the first concurrency, not after it.
  if (absl::Status s = cakap::load::CheckLoopbackTarget(options.target); !s.ok()) {
    return Usage(std::string(s.message()));
  }

  cakap::load::LoadReport report;
  for (int c : concurrency) {
    options.concurrency = c;
    options.channels = channels == 0 ? c : channels;
    absl::StatusOr<cakap::load::LoadReport> r = cakap::load::RunLoad(options);
    if (!r.ok()) {
      std::cerr << "cakap-load: " << r.status().message() << "\n";
      return 1;
    }
    std::cerr << cakap::load::ReportTable(*r);
    report.rows.insert(report.rows.end(), r->rows.begin(), r->rows.end());
  }

  const std::string json = cakap::load::ReportJson(report).dump(2) + "\n";
  if (out.empty()) {
    std::cout << json;
  } else {
    std::ofstream file(out);
    file << json;
    if (!file.flush()) {
      std::cerr << "cakap-load: cannot write " << out << "\n";
      return 1;
    }
  }
  return 0;
}
