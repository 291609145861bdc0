// cakapd's HTTP/JSON transport (cpp-httplib): the Connect protocol for every unary and
// server-streaming rpc of the RpcTable, JSON Lines bulk import, and the operations
// endpoints. No rpc logic lives here: a request becomes a CallContext and a message, and
// the table's handler decides.
//
//   POST /cakap.v1.MatchService/MatchCandidates   Connect unary (application/json or
//                                                  application/proto)
//   POST /cakap.v1.AlertService/WatchVacancy      Connect server stream
//                                                  (application/connect+json or +proto)
//   POST /v1/import/workers                        JSON Lines of cakap.v1.Worker
//   GET  /healthz  /readyz  /metrics
//
// docs/http.md documents every endpoint with curl examples.
#ifndef CAKAP_SERVICE_HTTP_SERVER_H_
#define CAKAP_SERVICE_HTTP_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "metrics.h"
#include "rpc.h"

namespace cakap {
namespace service {

struct HttpOptions {
  // host:port; port 0 picks a free one (HttpServer::port()).
  std::string listen;
  // PEM certificate chain and private key; both empty: plain HTTP.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Largest body of a unary request, bytes (more: 413 resource_exhausted). A JSON Lines
  // import is not limited as a whole, only per line (max_line_bytes).
  size_t max_body_bytes = 4 * 1024 * 1024;
  size_t max_line_bytes = 1024 * 1024;
  // How long reading a request's headers and body may stall, and how long an idle
  // keep-alive connection is kept.
  absl::Duration read_timeout = absl::Seconds(10);
  absl::Duration idle_timeout = absl::Seconds(5);
  // Connections served at once, each by its own thread (an idle keep-alive connection
  // holds one until idle_timeout); more wait until one is free.
  int max_connections = 64;
  // Origins (scheme://host[:port]) whose browsers may call the API; empty: no CORS
  // headers at all, so browsers allow same-origin calls only.
  std::vector<std::string> cors_origins;
  // Whether GET /metrics needs an admin key (true) or is open to anyone who reaches
  // this address (false: serve it on a separate, private listen address).
  bool metrics_need_admin = true;
  // Serve only /healthz, /readyz and /metrics (cakapd --metrics-listen: a private address
  // for Prometheus and load balancers), no rpc.
  bool ops_only = false;
  // Static files served at / (the web console); empty: none.
  std::string static_dir;
};

class HttpServer {
 public:
  // Binds and starts serving on its own threads. `ready` answers /readyz.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(const HttpOptions& options,
                                                           const RpcTable* table,
                                                           Metrics* metrics,
                                                           std::function<bool()> ready);
  virtual ~HttpServer() = default;
  virtual int port() const = 0;
  // Stops accepting, closes idle keep-alive connections and waits for the requests
  // being served.
  virtual void Stop() = 0;
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_HTTP_SERVER_H_
