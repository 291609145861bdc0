// cakap-load in a library: a closed-loop load generator for cakapd's
// MatchService.MatchCandidates, over the generated gRPC stub or over cakapd's HTTP port
// (Connect protocol, JSON or binary protobuf; transport.h).
//
//   cakap::load::LoadOptions options;
//   options.target = "127.0.0.1:7843";        // loopback only
//   options.transport = cakap::load::Transport::kGrpc;  // target: the --listen port
//   options.key = "...";                      // "authorization: Bearer <key>"; empty: none
//   options.concurrency = 4;                  // 4 threads, each one call at a time
//   absl::StatusOr<cakap::load::LoadReport> report = cakap::load::RunLoad(options);
//   std::cout << cakap::load::ReportJson(*report).dump(2);
//   std::cerr << cakap::load::ReportTable(*report);
//
// Closed loop: every thread sends its next call as soon as the previous one returned, so
// the offered load follows the server's speed and latency is never inflated by a queue in
// the client. Each call carries an inline vacancy drawn from VacancyGenerator.
//
// Bounded: the measured phase ends after `duration` (or `max_calls`), and every call has
// a deadline, so a run takes at most warmup + duration + deadline per class run, even when
// the server hangs.
#ifndef CAKAP_BENCH_LOAD_LOAD_H_
#define CAKAP_BENCH_LOAD_LOAD_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cakap/v1/service.pb.h"
#include "corpus.h"
#include "latency.h"
#include "nlohmann/json.hpp"

namespace cakap {
namespace load {

enum class Mode {
  // One run per class, one after the other, each with its own warmup and duration.
  kPerClass,
  // One run with the classes interleaved; a summary per class from that same run (plus
  // one for all calls together).
  kMix,
};

enum class Transport {
  kGrpc,       // the generated stub, to cakapd's --listen port
  kHttpJson,   // Connect unary over HTTP/1.1 to --http-listen, protobuf JSON both ways
  kHttpJsonTree,  // the same, the reply parsed into a generic JSON tree (nlohmann::json)
                  // as PHP's json_decode, Python's json.loads or JSON.parse do, not into
                  // protobuf messages; only result.total is read from it
  kHttpProto,  // the same with binary protobuf bodies (application/proto)
};

struct LoadOptions {
  // host:port of cakapd (its --listen port for gRPC, its --http-listen port for HTTP).
  // Only loopback is accepted: 127.0.0.1, [::1] or localhost.
  std::string target;
  Transport transport = Transport::kGrpc;
  // API key sent as "authorization: Bearer <key>"; empty: no metadata (open-mode cakapd).
  std::string key;
  // Client threads, each with one blocking call in flight at a time. >= 1.
  int concurrency = 1;
  // gRPC channels (each its own TCP connection) the threads are spread over round-robin.
  // In [1, concurrency]; more than concurrency is clamped. HTTP: every thread has its own
  // connection whatever this says.
  int channels = 1;
  // Length of the measured phase of each run; calls started after it are not sent.
  absl::Duration duration = absl::Seconds(10);
  // Stop a run after this many measured calls (0: no limit).
  int64_t max_calls = 0;
  // Calls before the measured phase, not recorded (connections, caches, thread pools).
  absl::Duration warmup = absl::Seconds(1);
  // Vacancy classes to query, and how many distinct vacancies of each (cycled through).
  std::vector<corpus::VacancyClass> classes = {
      corpus::VacancyClass::kLocal10, corpus::VacancyClass::kLocal50,
      corpus::VacancyClass::kRegional200, corpus::VacancyClass::kRegionCodes,
      corpus::VacancyClass::kNational};
  int vacancies_per_class = 100;
  // Of the vacancy generator (same as cakap-gen's --seed and --today).
  uint64_t seed = 42;
  absl::CivilDay today = absl::CivilDay(2026, 11, 23);
  Mode mode = Mode::kPerClass;
  // MatchOptions of every call.
  int page_size = 20;
  bool facets = false;
  // Deadline of every call. > 0.
  absl::Duration deadline = absl::Seconds(2);
};

// Results of one class in one run.
struct ClassResult {
  std::string cls;  // "local10", ..., or "all" for the whole of a mix run
  Transport transport = Transport::kGrpc;
  Mode mode = Mode::kPerClass;
  int concurrency = 0;
  int channels = 0;  // connections the threads used
  // Measured calls that returned OK: only they are latency samples.
  bench::LatencySummary summary;
  // Measured calls that returned a non-OK status, by code name, and one of them as
  // "CODE: message".
  int64_t errors = 0;
  std::map<std::string, int64_t> errors_by_code;
  std::string error_example;
  // Mean MatchResult.total of the OK calls (how much work the server had per call).
  double mean_total = 0;
};

struct LoadReport {
  std::vector<ClassResult> rows;
};

// Checks `target` is host:port on loopback. InvalidArgument saying why not.
absl::Status CheckLoopbackTarget(const std::string& target);
// The same, and the host ("::1" without brackets) and port.
absl::Status ParseLoopbackTarget(const std::string& target, std::string* host, int* port);

// Runs the load. InvalidArgument for bad options or a non-loopback target, Unavailable
// when the target does not accept a connection. Errors of individual calls are counted in
// the report, never returned.
absl::StatusOr<LoadReport> RunLoad(const LoadOptions& options);

// The requests RunLoad sends: the i-th vacancy of a class from the generator (seed,
// today) with page_size and facets. Also for other clients replaying the same calls
// (cakap-load --print-requests).
class RequestMaker {
 public:
  static absl::StatusOr<RequestMaker> Make(const LoadOptions& options);
  v1::MatchCandidatesRequest Request(corpus::VacancyClass cls, int64_t i) const;

 private:
  RequestMaker(const LoadOptions& options, Regions regions, Lexicon lexicon);
  LoadOptions options_;
  // Held by pointer: the generator keeps references to them, and the maker is moved.
  std::unique_ptr<Regions> regions_;
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<corpus::VacancyGenerator> generator_;
};

// One object per row: {"system":"cakapd-grpc","transport":"grpc","class":..,
// "concurrency":..,"errors":..,"error_example":..,"queries":..,"qps":..,"p50_ms":..,...};
// system is "cakapd-http-json" or "cakapd-http-proto" over HTTP.
nlohmann::json ReportJson(const LoadReport& report);
// A fixed-width table for people.
std::string ReportTable(const LoadReport& report);

const char* ModeName(Mode mode);
// "grpc", "http-json", "http-proto"; Parse... false for anything else.
const char* TransportName(Transport transport);
bool ParseTransport(const std::string& name, Transport* out);

}  // namespace load
}  // namespace cakap

#endif  // CAKAP_BENCH_LOAD_LOAD_H_
