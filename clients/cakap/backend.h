// The operations the cakap command-line client needs, behind an interface so that the
// commands run unchanged against an embedded engine (EmbeddedBackend, a local data
// directory) or a cakapd server (GrpcBackend, `--server HOST:PORT`).
#ifndef CAKAP_CLIENTS_CAKAP_BACKEND_H_
#define CAKAP_CLIENTS_CAKAP_BACKEND_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "cakap/v1/allocation.pb.h"
#include "absl/time/time.h"
#include "cakap/v1/alerts.pb.h"
#include "cakap/v1/figures.pb.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/match.pb.h"
#include "cakap/v1/service.pb.h"
#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"

namespace cakap {
namespace cli {

// Counts of the index. Mirrors EngineStats without tying the interface to the engine.
struct BackendStats {
  int64_t workers = 0;
  int64_t vacancies = 0;
  int64_t open_vacancies = 0;
  uint64_t revision = 0;
  uint64_t size_bytes = 0;
};

class Backend {
 public:
  virtual ~Backend() = default;

  // Stores the valid records of `workers` and returns one status per record, in input
  // order: OK when stored, else why it was rejected (InvalidArgument naming the field).
  // A non-OK result means the batch as a whole failed: embedded, nothing of it was
  // stored; on a server, parts committed before the failure stay committed (the
  // status message says how many records were accepted).
  virtual absl::StatusOr<std::vector<absl::Status>> UpsertWorkers(
      absl::Span<const v1::Worker> workers) = 0;
  virtual absl::Status UpsertVacancy(const v1::Vacancy& vacancy) = 0;

  virtual absl::StatusOr<v1::Worker> GetWorker(absl::string_view id) = 0;
  virtual absl::StatusOr<v1::Vacancy> GetVacancy(absl::string_view id) = 0;
  virtual absl::Status DeleteWorker(absl::string_view id) = 0;
  virtual absl::Status DeleteVacancy(absl::string_view id) = 0;
  // A page of the stored vacancies by id (VacancyService.ListVacancies; embedded,
  // Engine::ListVacancies with the request's filters and its plain page tokens).
  virtual absl::StatusOr<v1::ListVacanciesResponse> ListVacancies(
      const v1::ListVacanciesRequest& request) = 0;

  virtual absl::StatusOr<v1::MatchResult> Match(const v1::Vacancy& vacancy,
                                                const v1::MatchOptions& options) = 0;
  virtual absl::StatusOr<v1::VacancyMatchResult> MatchVacancies(absl::string_view worker_id,
                                                                int limit,
                                                                bool exclude_welfare) = 0;
  // Batch allocation (Engine::Allocate; AllocationService.Allocate).
  virtual absl::StatusOr<v1::AllocationResult> Allocate(const v1::AllocateRequest& request) = 0;
  virtual absl::StatusOr<BackendStats> Stats() = 0;
  // The full check (Engine::Check): one line per problem, none when the index is sound.
  // A local index only: a server answers Unimplemented.
  virtual absl::StatusOr<std::vector<std::string>> Check() = 0;
  // An online backup of the index into `dir` (Engine::Backup; with a server, a directory
  // on the server's host). Returns the revision copied.
  virtual absl::StatusOr<uint64_t> Backup(const std::string& dir) = 0;
  // Alerts of a stored vacancy (AlertService.WatchVacancy): `request.cursor` etc. as in
  // alerts.proto; each message (alert or heartbeat) goes to `on_message`, which returns
  // false to stop. On a server the watch lasts until `duration` (infinite: until it ends
  // otherwise); embedded, the index changes only through this process, so it reports the
  // alerts after the cursor and a last heartbeat with the next cursor, and returns.
  virtual absl::Status Watch(const v1::WatchVacancyRequest& request, absl::Duration duration,
                             const std::function<bool(const v1::VacancyAlert&)>& on_message) = 0;

  // The ledger (proto/cakap/v1/ledger.proto): records each entry, in order, and returns
  // one result per entry (the entry as stored, or why it was refused). Embedded, they
  // are one commit and their source is "portal"; on a server, one RecordPlacement or
  // RecordOutcome call each, the source being the key's name. A non-OK result: nothing
  // more was recorded (on a server, the entries before stay recorded).
  virtual absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> RecordLedgerEntries(
      absl::Span<const v1::LedgerEntry> entries) = 0;
  virtual absl::StatusOr<std::vector<v1::LedgerEntry>> GetHistory(absl::string_view worker_id) = 0;
  // The office's figures (proto/cakap/v1/figures.proto); a server applies the key's
  // role (a partner's counts are suppressed below the minimum cell size).
  virtual absl::StatusOr<v1::GetFiguresResponse> Figures(const v1::GetFiguresRequest& request) = 0;
};

struct EmbeddedOptions {
  // Directory of the index.
  std::string data_dir;
  // Create the directory (and an empty index) when it does not exist. Only importing
  // commands do; the others report a missing index instead of matching an empty one.
  bool create_if_missing = false;
  // The engine's "today" (vacancies without a start date, records without updated_at).
  // Unset: the system clock.
  std::optional<absl::CivilDay> today;
};

// A Backend running cakap::Engine in this process on a local data directory.
absl::StatusOr<std::unique_ptr<Backend>> OpenEmbeddedBackend(const EmbeddedOptions& options);

struct ServerOptions {
  // HOST:PORT of cakapd (any gRPC target, e.g. dns:///host:port).
  std::string address;
  // API key sent as "authorization: Bearer <key>"; empty: no authorization metadata
  // (a cakapd without a keys file takes every caller as an admin).
  std::string key;
  // Connect with TLS. Without tls_ca_file the server certificate is verified against
  // the system's roots.
  bool tls = false;
  // PEM file of the CA(s) that signed the server certificate; implies tls.
  std::string tls_ca_file;
};

// A Backend calling a cakapd server (proto/cakap/v1/service.proto). gRPC statuses map
// to absl::Status 1:1 (same code, same message). Connecting is lazy: an unreachable
// server shows as UNAVAILABLE on the first call.
absl::StatusOr<std::unique_ptr<Backend>> OpenServerBackend(const ServerOptions& options);

}  // namespace cli
}  // namespace cakap

#endif  // CAKAP_CLIENTS_CAKAP_BACKEND_H_
