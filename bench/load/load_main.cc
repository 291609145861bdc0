// cakap-load: closed-loop load on a local cakapd's MatchCandidates, over gRPC or HTTP
// (see load.h).
//
//   cakap-load --target 127.0.0.1:7843 --concurrency 1,2,4,8 --duration 10 --out load.json
//   cakap-load --transport http-json --target 127.0.0.1:7880 --classes local10,national
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "cmdline.h"
#include "google/protobuf/util/json_util.h"
#include "load.h"

// The help of each flag is kUsage below, which is what --help prints; these strings are
// for abseil's --helpfull.
ABSL_FLAG(std::string, target, "", "cakapd HOST:PORT, loopback only");
ABSL_FLAG(bool, print_requests, false,
          "print the requests as JSON lines instead of sending them");
ABSL_FLAG(std::string, transport, "grpc", "grpc, http-json, http-json-tree or http-proto");
ABSL_FLAG(std::string, key, "", "API key (default: $CAKAP_KEY)");
ABSL_FLAG(std::vector<std::string>, concurrency, {"1"}, "client threads, a comma list");
ABSL_FLAG(int, channels, 1, "gRPC channels; 0: one per thread");
ABSL_FLAG(double, duration, 10, "measured seconds of each run");
ABSL_FLAG(int64_t, max_calls, 0, "stop a run after N measured calls; 0: no limit");
ABSL_FLAG(double, warmup, 1, "unrecorded seconds before each run");
ABSL_FLAG(std::vector<std::string>, classes,
          std::vector<std::string>({"local10", "local50", "regional200", "regions", "national"}),
          "vacancy classes");
ABSL_FLAG(int, vacancies, 100, "distinct vacancies per class");
ABSL_FLAG(uint64_t, seed, 42, "seed of the vacancy generator");
ABSL_FLAG(std::string, today, "2026-11-23", "today of the vacancy generator");
ABSL_FLAG(std::string, mode, "per-class", "per-class or mix");
ABSL_FLAG(int, page_size, 20, "candidates per page, 0-200");
ABSL_FLAG(std::string, facets, "off", "on or off");
ABSL_FLAG(int, deadline_ms, 2000, "deadline of every call");
ABSL_FLAG(std::string, out, "", "JSON report to this file instead of stdout");

namespace {

constexpr char kUsage[] = R"(usage: cakap-load --target HOST:PORT [FLAGS]

Closed-loop load on a cakapd on this machine: C threads, each sending
MatchService.MatchCandidates with an inline generated vacancy as soon as its previous
call returned. Writes a JSON array of rows (one per class and concurrency) to --out or
stdout, and a table to stderr. Non-OK calls are counted as errors, never as latencies.

  --target HOST:PORT   cakapd address; loopback only (127.0.0.1, [::1], localhost): its
                       --listen port for grpc, its --http-listen port for http-*
  --transport T        grpc: the generated gRPC stub; http-json: Connect over HTTP/1.1
                       with protobuf JSON bodies (printing the request and parsing the
                       reply are timed: a JSON client pays for them); http-json-tree:
                       the same, the reply parsed into a generic JSON tree (as PHP's
                       json_decode, Python's json.loads, JSON.parse), not into protobuf
                       messages; http-proto: binary protobuf bodies (default grpc)
  --key KEY            API key, sent as "authorization: Bearer KEY" (default: $CAKAP_KEY;
                       none needed by a cakapd without a keys file)
  --concurrency LIST   client threads; a comma list runs each in turn (default 1)
  --channels N         gRPC channels (TCP connections) the threads share round-robin;
                       0: one per thread (default 1). HTTP: one connection per thread
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
  --print-requests     print the requests of the classes instead of sending them, one
                       {"class":...,"request":{...}} JSON line each (protobuf JSON), in
                       the order a per-class run sends them; for other clients to replay
                       the very same calls (bench/load/replay.php)
  --version            print the version and exit

Flags take their value as --flag VALUE or --flag=VALUE.

exit codes: 0 ok (even with call errors: see "errors"); 1 the load could not run; 2 a bad
command line (an unknown flag, a value that is no number or out of range, no --target).
)";

int Usage(const std::string& error) {
  std::cerr << "cakap-load: " << error << "\n(cakap-load --help for usage)\n";
  return 2;
}

bool ToDuration(double seconds, absl::Duration* out) {
  if (!(seconds >= 0) || seconds > 1e6) return false;
  *out = absl::Seconds(seconds);
  return true;
}

// --print-requests: what RunLoad would send, as JSON lines.
int PrintRequests(const cakap::load::LoadOptions& options) {
  absl::StatusOr<cakap::load::RequestMaker> requests = cakap::load::RequestMaker::Make(options);
  if (!requests.ok()) {
    std::cerr << "cakap-load: " << requests.status().message() << "\n";
    return 1;
  }
  for (cakap::corpus::VacancyClass cls : options.classes) {
    for (int64_t i = 0; i < options.vacancies_per_class; ++i) {
      std::string request;
      (void)google::protobuf::util::MessageToJsonString(requests->Request(cls, i), &request);
      const nlohmann::ordered_json line = {
          {"class", cakap::corpus::VacancyClassName(cls)},
          {"request", nlohmann::ordered_json::parse(request)}};
      std::cout << line.dump() << "\n";
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::StatusOr<cakap::cmdline::CommandLine> cl = cakap::cmdline::Parse(argc, argv);
  if (cl.ok() && cl->help) {
    std::cout << kUsage;
    return 0;
  }
  if (cl.ok() && cl->version) {
    std::cout << cakap::cmdline::VersionLine("cakap-load");
    return 0;
  }
  if (!cl.ok()) return Usage(std::string(cl.status().message()));
  if (!cl->positional.empty()) return Usage("unexpected argument " + cl->positional[0]);

  cakap::load::LoadOptions options;
  options.target = absl::GetFlag(FLAGS_target);
  const bool print_requests = absl::GetFlag(FLAGS_print_requests);
  if (options.target.empty() && !print_requests) return Usage("--target is required");
  // Refuse before any run, and before the first concurrency, not after it.
  if (absl::Status s = cakap::load::CheckLoopbackTarget(options.target);
      !s.ok() && !print_requests) {
    return Usage(std::string(s.message()));
  }
  const auto bad = [](const std::string& flag, const std::string& value) {
    return Usage("bad value for --" + flag + ": " + value);
  };
  if (!cakap::load::ParseTransport(absl::GetFlag(FLAGS_transport), &options.transport)) {
    return bad("transport", absl::GetFlag(FLAGS_transport));
  }
  options.key = absl::GetFlag(FLAGS_key);
  const char* env_key = std::getenv("CAKAP_KEY");
  if (env_key != nullptr && !cl->Has("key")) {
    options.key = env_key;
  }
  std::vector<int> concurrency;
  for (const std::string& c : absl::GetFlag(FLAGS_concurrency)) {
    int n = 0;
    if (!absl::SimpleAtoi(c, &n) || n < 1) {
      return bad("concurrency", absl::StrJoin(absl::GetFlag(FLAGS_concurrency), ","));
    }
    concurrency.push_back(n);
  }
  if (concurrency.empty()) return bad("concurrency", "");
  const int channels = absl::GetFlag(FLAGS_channels);
  if (channels < 0) return bad("channels", std::to_string(channels));
  if (!ToDuration(absl::GetFlag(FLAGS_duration), &options.duration) ||
      options.duration <= absl::ZeroDuration()) {
    return bad("duration", std::to_string(absl::GetFlag(FLAGS_duration)));
  }
  options.max_calls = absl::GetFlag(FLAGS_max_calls);
  if (options.max_calls < 0) return bad("max-calls", std::to_string(options.max_calls));
  if (!ToDuration(absl::GetFlag(FLAGS_warmup), &options.warmup)) {
    return bad("warmup", std::to_string(absl::GetFlag(FLAGS_warmup)));
  }
  options.classes.clear();
  for (const std::string& c : absl::GetFlag(FLAGS_classes)) {
    cakap::corpus::VacancyClass cls = cakap::corpus::VacancyClass::kLocal10;
    if (!cakap::corpus::ParseVacancyClass(c, &cls)) return bad("classes", c);
    options.classes.push_back(cls);
  }
  if (options.classes.empty()) return bad("classes", "");
  options.vacancies_per_class = absl::GetFlag(FLAGS_vacancies);
  if (options.vacancies_per_class < 1) {
    return bad("vacancies", std::to_string(options.vacancies_per_class));
  }
  options.seed = absl::GetFlag(FLAGS_seed);
  if (!absl::ParseCivilTime(absl::GetFlag(FLAGS_today), &options.today)) {
    return bad("today", absl::GetFlag(FLAGS_today));
  }
  const std::string mode = absl::GetFlag(FLAGS_mode);
  if (mode != "per-class" && mode != "mix") return bad("mode", mode);
  options.mode = mode == "mix" ? cakap::load::Mode::kMix : cakap::load::Mode::kPerClass;
  options.page_size = absl::GetFlag(FLAGS_page_size);
  if (options.page_size < 0 || options.page_size > 200) {
    return bad("page-size", std::to_string(options.page_size));
  }
  const std::string facets = absl::GetFlag(FLAGS_facets);
  if (facets != "on" && facets != "off") return bad("facets", facets);
  options.facets = facets == "on";
  const int deadline_ms = absl::GetFlag(FLAGS_deadline_ms);
  if (deadline_ms <= 0) return bad("deadline-ms", std::to_string(deadline_ms));
  options.deadline = absl::Milliseconds(deadline_ms);
  const std::string out = absl::GetFlag(FLAGS_out);
  if (print_requests) return PrintRequests(options);

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
