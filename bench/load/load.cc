#include "load.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "cakap/lexicon.h"
#include "cakap/regions.h"
#include "cakap/v1/service.pb.h"
#include "transport.h"

namespace cakap {
namespace load {
namespace {

// One request to send, prepared before the run so the loop only does the transport's
// work (for gRPC and http-proto, serialising it is part of that work; for http-json,
// printing it as JSON).
struct Call {
  int cls = 0;  // index into the run's class list
  v1::MatchCandidatesRequest request;
};

// What one thread saw in the measured phase, per class of the run. Kept per thread so
// the hot loop never takes a lock; merged after the threads are joined.
struct Tally {
  explicit Tally(int classes)
      : samples(classes), errors(classes), codes(classes), example(classes), total(classes) {}
  std::vector<bench::LatencySamples> samples;
  std::vector<int64_t> errors;
  std::vector<std::map<std::string, int64_t>> codes;
  std::vector<std::string> example;
  std::vector<double> total;  // sum of MatchResult.total of the OK calls
};

absl::Status Validate(const LoadOptions& o) {
  if (o.concurrency < 1 || o.concurrency > 4096) {
    return absl::InvalidArgumentError("concurrency: must be in 1-4096");
  }
  if (o.channels < 1) return absl::InvalidArgumentError("channels: must be >= 1");
  if (o.duration <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("duration: must be > 0");
  }
  if (o.warmup < absl::ZeroDuration()) return absl::InvalidArgumentError("warmup: must be >= 0");
  if (o.max_calls < 0) return absl::InvalidArgumentError("max_calls: must be >= 0");
  if (o.classes.empty()) return absl::InvalidArgumentError("classes: none given");
  if (o.vacancies_per_class < 1) {
    return absl::InvalidArgumentError("vacancies_per_class: must be >= 1");
  }
  if (o.page_size < 0 || o.page_size > 200) {
    return absl::InvalidArgumentError("page_size: must be in 0-200");
  }
  if (o.deadline <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("deadline: must be > 0");
  }
  return CheckLoopbackTarget(o.target);
}

// Runs `calls` with options.concurrency threads, thread t over callers[t]: warmup, then
// the measured phase. Returns the merged tally and sets *wall to the measured phase's
// elapsed time (until the last thread returned, so calls straddling the end are counted
// in full).
Tally RunCalls(const LoadOptions& options, const std::vector<std::unique_ptr<Caller>>& callers,
               const std::vector<Call>& calls, int classes, absl::Duration* wall) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  const Clock::time_point measure_from = start + absl::ToChronoNanoseconds(options.warmup);
  const Clock::time_point end = measure_from + absl::ToChronoNanoseconds(options.duration);
  std::atomic<int64_t> measured_calls{0};

  std::vector<Tally> tallies(options.concurrency, Tally(classes));
  auto work = [&](int t) {
    Tally& tally = tallies[t];
    Caller& caller = *callers[t];
    // Threads start at different points of the list so they do not send the same
    // vacancy in lockstep.
    size_t next = calls.size() * t / options.concurrency;
    v1::MatchCandidatesResponse response;
    for (;;) {
      const Clock::time_point sent = Clock::now();
      if (sent >= end) break;
      const bool measured = sent >= measure_from;
      if (measured && options.max_calls > 0 &&
          measured_calls.fetch_add(1, std::memory_order_relaxed) >= options.max_calls) {
        break;
      }
      const Call& call = calls[next];
      next = (next + 1) % calls.size();
      const absl::Status st = caller.Match(call.request, &response);
      const absl::Duration took = absl::FromChrono(Clock::now() - sent);
      if (!measured) continue;
      if (st.ok()) {
        tally.samples[call.cls].Add(took);
        tally.total[call.cls] += static_cast<double>(response.result().total());
        continue;
      }
      // A failed call is never a latency: a fast UNAUTHENTICATED would make the server
      // look quick.
      ++tally.errors[call.cls];
      const std::string code = absl::StatusCodeToString(st.code());
      ++tally.codes[call.cls][code];
      if (tally.example[call.cls].empty()) {
        tally.example[call.cls] = absl::StrCat(code, ": ", st.message());
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < options.concurrency; ++t) threads.emplace_back(work, t);
  work(0);
  for (std::thread& th : threads) th.join();
  *wall = absl::FromChrono(std::max(Clock::now() - measure_from, Clock::duration::zero()));

  Tally merged(classes);
  for (const Tally& t : tallies) {
    for (int c = 0; c < classes; ++c) {
      merged.samples[c].Merge(t.samples[c]);
      merged.errors[c] += t.errors[c];
      for (const auto& [code, n] : t.codes[c]) merged.codes[c][code] += n;
      if (merged.example[c].empty()) merged.example[c] = t.example[c];
      merged.total[c] += t.total[c];
    }
  }
  return merged;
}

ClassResult Row(const LoadOptions& options, int channels, std::string cls,
                const bench::LatencySamples& samples, int64_t errors,
                std::map<std::string, int64_t> codes, std::string example, double total,
                absl::Duration wall) {
  ClassResult r;
  r.cls = std::move(cls);
  r.transport = options.transport;
  r.mode = options.mode;
  r.concurrency = options.concurrency;
  r.channels = channels;
  r.summary = samples.Summarize(wall);
  r.errors = errors;
  r.errors_by_code = std::move(codes);
  r.error_example = std::move(example);
  r.mean_total = samples.size() > 0 ? total / static_cast<double>(samples.size()) : 0;
  return r;
}

}  // namespace

const char* ModeName(Mode mode) { return mode == Mode::kMix ? "mix" : "per-class"; }

const char* TransportName(Transport transport) {
  switch (transport) {
    case Transport::kHttpJson:
      return "http-json";
    case Transport::kHttpJsonTree:
      return "http-json-tree";
    case Transport::kHttpProto:
      return "http-proto";
    case Transport::kGrpc:
      break;
  }
  return "grpc";
}

bool ParseTransport(const std::string& name, Transport* out) {
  for (Transport t : {Transport::kGrpc, Transport::kHttpJson, Transport::kHttpJsonTree,
                      Transport::kHttpProto}) {
    if (name == TransportName(t)) {
      *out = t;
      return true;
    }
  }
  return false;
}

absl::Status CheckLoopbackTarget(const std::string& target) {
  std::string host;
  int port = 0;
  return ParseLoopbackTarget(target, &host, &port);
}

absl::Status ParseLoopbackTarget(const std::string& target, std::string* host_out, int* port_out) {
  std::string host, port;
  if (!target.empty() && target[0] == '[') {
    const size_t close = target.find("]:");
    if (close == std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("target \"", target, "\": expected [::1]:PORT"));
    }
    host = target.substr(1, close - 1);
    port = target.substr(close + 2);
  } else {
    const size_t colon = target.rfind(':');
    if (colon == std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("target \"", target, "\": expected HOST:PORT"));
    }
    host = target.substr(0, colon);
    port = target.substr(colon + 1);
    // "::1:7843" is ambiguous; gRPC wants IPv6 literals bracketed.
    if (host.find(':') != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("target \"", target, "\": write an IPv6 address as [::1]:PORT"));
    }
  }
  int port_number = 0;
  if (!absl::SimpleAtoi(port, &port_number) || port_number < 1 || port_number > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("target \"", target, "\": bad port"));
  }
  // A benchmark tool, not a stress tool for other people's servers: loopback only.
  if (host != "127.0.0.1" && host != "::1" && host != "localhost") {
    return absl::InvalidArgumentError(
        absl::StrCat("target \"", target,
                     "\": only loopback targets (127.0.0.1, [::1], localhost) are allowed"));
  }
  *host_out = host;
  *port_out = port_number;
  return absl::OkStatus();
}

absl::StatusOr<RequestMaker> RequestMaker::Make(const LoadOptions& options) {
  absl::StatusOr<Regions> regions = Regions::Builtin();
  if (!regions.ok()) return regions.status();
  absl::StatusOr<Lexicon> lexicon = Lexicon::Builtin();
  if (!lexicon.ok()) return lexicon.status();
  return RequestMaker(options, *std::move(regions), *std::move(lexicon));
}

RequestMaker::RequestMaker(const LoadOptions& options, Regions regions, Lexicon lexicon)
    : options_(options),
      regions_(std::make_unique<Regions>(std::move(regions))),
      lexicon_(std::make_unique<Lexicon>(std::move(lexicon))) {
  corpus::CorpusOptions corpus_options;
  corpus_options.seed = options.seed;
  corpus_options.today = options.today;
  generator_ = std::make_unique<corpus::VacancyGenerator>(*regions_, *lexicon_, corpus_options);
}

v1::MatchCandidatesRequest RequestMaker::Request(corpus::VacancyClass cls, int64_t i) const {
  v1::MatchCandidatesRequest request;
  *request.mutable_vacancy() = generator_->Make(cls, i);
  request.mutable_options()->set_page_size(options_.page_size);
  request.mutable_options()->set_facets(options_.facets);
  return request;
}

absl::StatusOr<LoadReport> RunLoad(const LoadOptions& options) {
  if (absl::Status s = Validate(options); !s.ok()) return s;
  absl::StatusOr<RequestMaker> requests = RequestMaker::Make(options);
  if (!requests.ok()) return requests.status();

  absl::StatusOr<Callers> callers = MakeCallers(options);
  if (!callers.ok()) return callers.status();
  const int channels = callers->connections;

  auto make_call = [&](int cls_index, corpus::VacancyClass cls, int64_t i) {
    Call call;
    call.cls = cls_index;
    call.request = requests->Request(cls, i);
    return call;
  };

  LoadReport report;
  const int n = options.vacancies_per_class;
  if (options.mode == Mode::kPerClass) {
    for (corpus::VacancyClass cls : options.classes) {
      std::vector<Call> calls;
      for (int64_t i = 0; i < n; ++i) calls.push_back(make_call(0, cls, i));
      absl::Duration wall;
      Tally t = RunCalls(options, callers->callers, calls, 1, &wall);
      report.rows.push_back(Row(options, channels, corpus::VacancyClassName(cls), t.samples[0],
                                t.errors[0], t.codes[0], t.example[0], t.total[0], wall));
    }
    return report;
  }

  // Mix: the classes in turn, so every stretch of the run has all of them alike.
  const int classes = static_cast<int>(options.classes.size());
  std::vector<Call> calls;
  for (int64_t i = 0; i < n; ++i) {
    for (int c = 0; c < classes; ++c) calls.push_back(make_call(c, options.classes[c], i));
  }
  absl::Duration wall;
  Tally t = RunCalls(options, callers->callers, calls, classes, &wall);
  bench::LatencySamples all;
  int64_t all_errors = 0;
  std::map<std::string, int64_t> all_codes;
  std::string all_example;
  double all_total = 0;
  for (int c = 0; c < classes; ++c) {
    report.rows.push_back(Row(options, channels, corpus::VacancyClassName(options.classes[c]),
                              t.samples[c], t.errors[c], t.codes[c], t.example[c], t.total[c],
                              wall));
    all.Merge(t.samples[c]);
    all_errors += t.errors[c];
    for (const auto& [code, count] : t.codes[c]) all_codes[code] += count;
    if (all_example.empty()) all_example = t.example[c];
    all_total += t.total[c];
  }
  report.rows.push_back(
      Row(options, channels, "all", all, all_errors, all_codes, all_example, all_total, wall));
  return report;
}

nlohmann::json ReportJson(const LoadReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  for (const ClassResult& r : report.rows) {
    nlohmann::json row = {{"system", absl::StrCat("cakapd-", TransportName(r.transport))},
                          {"transport", TransportName(r.transport)},
                          {"class", r.cls},
                          {"mode", ModeName(r.mode)},
                          {"concurrency", r.concurrency},
                          {"channels", r.channels},
                          {"errors", r.errors},
                          {"errors_by_code", r.errors_by_code},
                          {"error_example", r.error_example},
                          {"mean_total", r.mean_total}};
    row.update(bench::ToJson(r.summary));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ReportTable(const LoadReport& report) {
  std::string out =
      absl::StrFormat("%-12s %-10s %-9s %4s %3s %8s %6s %9s %8s %8s %8s %8s %8s %8s\n", "class",
                      "transport", "mode", "conc", "ch", "calls", "errors", "qps", "mean_ms",
                      "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms");
  for (const ClassResult& r : report.rows) {
    const bench::LatencySummary& s = r.summary;
    absl::StrAppendFormat(&out,
                          "%-12s %-10s %-9s %4d %3d %8d %6d %9.1f %8.2f %8.2f %8.2f %8.2f "
                          "%8.2f %8.2f\n",
                          r.cls, TransportName(r.transport), ModeName(r.mode), r.concurrency,
                          r.channels, s.queries, r.errors, s.qps, s.mean_ms, s.p50_ms, s.p90_ms,
                          s.p99_ms, s.p999_ms, s.max_ms);
    if (!r.error_example.empty()) absl::StrAppend(&out, "  error: ", r.error_example, "\n");
  }
  return out;
}

}  // namespace load
}  // namespace cakap
