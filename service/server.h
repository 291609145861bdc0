// cakapd in a library: start the gRPC server on an engine, in-process.
//
//   cakap::service::ServerOptions options;
//   options.data_dir = "/var/lib/cakap";
//   options.listen = "127.0.0.1:0";            // port 0: pick a free one
//   options.keys_file = "/etc/cakap/keys";     // empty: loopback only, everyone is admin
//   auto server = cakap::service::StartServer(options);
//   if (!server.ok()) { ...server.status()... }
//   int port = (*server)->port();
//   ...
//   (*server)->Shutdown(absl::Seconds(10));    // stop accepting, finish in-flight calls
#ifndef CAKAP_SERVICE_SERVER_H_
#define CAKAP_SERVICE_SERVER_H_

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "audit.h"
#include "cakap/engine.h"
#include "cakap/options.h"
#include "http_server.h"
#include "metrics.h"

namespace cakap {
namespace service {

struct ServerOptions {
  // Index directory (created when missing).
  std::string data_dir = "var/cakap";
  // host:port to listen on. Without keys_file the host is forced to 127.0.0.1. Port 0:
  // any free port (see RunningServer::port()).
  std::string listen = "127.0.0.1:7843";
  // Keys file (auth.h). Empty: no authentication, loopback only, every caller is admin.
  std::string keys_file;
  // Audit log of partner matches. Empty: <data_dir>/audit.jsonl.
  std::string audit_log;
  // Its rotation (audit.h).
  AuditLogOptions audit_log_options;
  // PEM certificate chain and private key. Both empty: plaintext; both set: TLS.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Largest request and reply message, bytes. > 0.
  int max_message_bytes = 16 * 1024 * 1024;
  // Requests per second for keys without their own rate; 0: unlimited.
  double default_rate = 0;
  // The HTTP/JSON transport (http_server.h); http.listen empty: none. Without tls files
  // of its own it uses tls_cert_file/tls_key_file. Without keys_file its host is forced
  // to 127.0.0.1 too.
  HttpOptions http;
  // host:port of a second HTTP listener with only /healthz, /readyz and an open
  // /metrics (no key needed: keep it private); empty: none. /metrics on `http` needs an
  // admin key either way.
  std::string metrics_listen;
  // Options of the engine opened on data_dir.
  EngineOptions engine;
  // Where the one-line-per-request JSON log goes; null: nowhere.
  FILE* request_log = stderr;
  // Testing seam: called in every rpc just before the deadline check that precedes an
  // engine call (e.g. to sleep so a deadline passes, or to hold a call in flight).
  std::function<void()> before_engine_call;
};

class RunningServer {
 public:
  virtual ~RunningServer() = default;
  // The bound TCP port (gRPC).
  virtual int port() const = 0;
  // The bound HTTP port; 0 without ServerOptions.http.listen.
  virtual int http_port() const = 0;
  // The bound port of ServerOptions.metrics_listen; 0 without it.
  virtual int metrics_port() const = 0;
  // What /metrics shows.
  virtual const Metrics& metrics() const = 0;
  // host:port actually listened on (the host is 127.0.0.1 in open mode).
  virtual std::string address() const = 0;
  // True when running without a keys file (loopback, everyone admin).
  virtual bool open_mode() const = 0;
  // Re-reads the keys file (what SIGHUP does). On error the old keys stay active.
  virtual absl::Status ReloadKeys() = 0;
  // Marks health NOT_SERVING, refuses new calls (UNAVAILABLE), lets the calls in flight
  // finish until `grace` has passed (then cancels them) and returns when the server has
  // stopped. Idle client connections do not hold it up.
  // Idempotent; the destructor calls it with a zero grace.
  virtual void Shutdown(absl::Duration grace) = 0;
  // Blocks until Shutdown has been called (from another thread) and finished.
  virtual void Wait() = 0;
  virtual Engine& engine() = 0;
};

// Opens the engine, loads the keys, opens the audit log and starts serving.
// InvalidArgument / NotFound / FailedPrecondition for bad options, files or a port that
// cannot be bound.
absl::StatusOr<std::unique_ptr<RunningServer>> StartServer(const ServerOptions& options);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_SERVER_H_
