#include "http_server.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <deque>
#include <thread>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "cakap/field_limits.h"
#include "connect.h"
#include "console_files.h"
#include "proto_json.h"
#include "request.h"
#include "google/protobuf/util/json_util.h"

namespace cakap {
namespace service {
namespace {

namespace pb = google::protobuf;

constexpr char kJson[] = "application/json";
constexpr char kProto[] = "application/proto";

enum class Codec { kJson, kProto, kJsonLines, kUnsupported };

// The body's codec from Content-Type, parameters (charset) ignored.
Codec BodyCodec(const httplib::Request& req) {
  const std::string header = req.get_header_value("Content-Type");
  const std::string media = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(absl::string_view(header).substr(0, header.find(';'))));
  if (media == kJson) return Codec::kJson;
  if (media == kProto) return Codec::kProto;
  if (media == "application/jsonl" || media == "application/x-ndjson" ||
      media == "application/json-seq") {
    return Codec::kJsonLines;
  }
  return Codec::kUnsupported;
}

void SendError(httplib::Response& res, const absl::Status& status) {
  res.status = ConnectHttpStatus(status.code());
  res.set_content(ConnectErrorJson(status), kJson);
}

// An error sent before the request's body was read: the unread body would be taken for
// the next request on this connection, so the connection ends with the reply.
void RefuseUnread(httplib::Response& res, const absl::Status& status, int http_status = 0) {
  SendError(res, status);
  if (http_status != 0) res.status = http_status;
  res.set_header("Connection", "close");
}

absl::Status FromJson(absl::string_view json, pb::Message* message, absl::string_view what) {
  pb::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const pb::util::Status s =
      pb::util::JsonStringToMessage(pb::StringPiece(json.data(), json.size()), message, options);
  if (s.ok()) return absl::OkStatus();
  // protobuf's parse errors span lines ("what.\n<the text around it>\n  ^"): one line
  // with the text quoted, so a log line, a JSON Lines rejection or a terminal stays whole.
  std::vector<absl::string_view> lines =
      absl::StrSplit(absl::string_view(s.message().data(), s.message().size()), '\n');
  std::string out = absl::StrCat(what, ": ", lines[0]);
  if (lines.size() > 1 && !absl::StripAsciiWhitespace(lines[1]).empty()) {
    absl::StrAppend(&out, " (near \"", absl::CHexEscape(lines[1].substr(0, 40)), "\")");
  }
  return absl::InvalidArgumentError(out);
}

// Lines of a JSON Lines body handed from the thread reading the socket to the thread
// running the rpc; bounded, so a fast client waits for the commits instead of filling
// memory.
class LineQueue {
 public:
  static constexpr size_t kCapacity = 2048;

  // False when the consumer has stopped (the rpc failed): stop reading.
  bool Push(std::string line) {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](LineQueue* q) ABSL_EXCLUSIVE_LOCKS_REQUIRED(q->mu_) {
          return q->lines_.size() < kCapacity || q->stopped_;
        },
        this));
    if (stopped_) return false;
    lines_.push_back(std::move(line));
    return true;
  }
  // No more lines; `error` non-empty when the body could not be read to its end.
  void Close(std::string error) {
    absl::MutexLock lock(&mu_);
    closed_ = true;
    error_ = std::move(error);
  }
  // The next line, or false at the end (error() says whether the body was cut).
  bool Pop(std::string* line) {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](LineQueue* q) ABSL_EXCLUSIVE_LOCKS_REQUIRED(q->mu_) {
          return !q->lines_.empty() || q->closed_;
        },
        this));
    if (lines_.empty()) return false;
    *line = std::move(lines_.front());
    lines_.pop_front();
    return true;
  }
  void Stop() {
    absl::MutexLock lock(&mu_);
    stopped_ = true;
  }
  std::string error() {
    absl::MutexLock lock(&mu_);
    return error_;
  }

 private:
  absl::Mutex mu_;
  std::deque<std::string> lines_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
  std::string error_ ABSL_GUARDED_BY(mu_);
};

class HttpServerImpl final : public HttpServer {
 public:
  HttpServerImpl(const HttpOptions& options, const RpcTable* table, Metrics* metrics,
                 std::function<bool()> ready)
      : options_(options), table_(table), metrics_(metrics), ready_(std::move(ready)) {}
  ~HttpServerImpl() override { Stop(); }

  absl::Status Start();
  int port() const override { return port_; }
  void Stop() override {
    if (server_ != nullptr && server_->is_running()) {
      server_->stop();
      EndIdleConnections();
    }
    if (thread_.joinable()) thread_.join();
  }

 private:
  // The CallContext of a request, or an error for a bad Connect-Timeout-Ms.
  absl::StatusOr<CallContext> Context(const httplib::Request& req) const;
  // CORS headers for an allowed Origin; true when the request was a preflight (answered).
  bool Cors(const httplib::Request& req, httplib::Response& res) const;
  void Unary(const RpcMethod& method, const httplib::Request& req, httplib::Response& res,
             const httplib::ContentReader& body) const;
  void Import(const RpcMethod& method, const httplib::Request& req, httplib::Response& res,
              const httplib::ContentReader& body) const;
  // A Connect server stream (application/connect+json or +proto): the rpc runs in the
  // response's content provider, each message an envelope written as it is produced.
  void ServerStream(const RpcMethod& method, const httplib::Request& req,
                    httplib::Response& res, const httplib::ContentReader& body) const;
  void MetricsPage(const httplib::Request& req, httplib::Response& res) const;
  // GET of a file under options_.static_dir (the web console); 404 (empty body, for the
  // error handler) when there is none.
  void StaticFile(const httplib::Request& req, httplib::Response& res) const;
  // Binds host:port and serves on a thread of its own.
  absl::Status Listen(const std::string& host, int port);
  void EndIdleConnections() const;

  const HttpOptions options_;
  const RpcTable* const table_;
  Metrics* const metrics_;
  const std::function<bool()> ready_;
  // The Connect codec's JSON (protobuf's bytes, printed faster; proto_json.h).
  const JsonPrinter json_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

absl::StatusOr<CallContext> HttpServerImpl::Context(const httplib::Request& req) const {
  CallContext context;
  context.transport = Transport::kHttp;
  context.authorization = req.get_header_value("Authorization");
  context.peer = absl::StrCat(req.remote_addr, ":", req.remote_port);
  if (req.has_header("Connect-Timeout-Ms")) {
    absl::StatusOr<absl::Time> deadline =
        ParseConnectTimeout(req.get_header_value("Connect-Timeout-Ms"), absl::Now());
    if (!deadline.ok()) return deadline.status();
    context.deadline = *deadline;
  }
  return context;
}

bool HttpServerImpl::Cors(const httplib::Request& req, httplib::Response& res) const {
  const std::string origin = req.get_header_value("Origin");
  const bool allowed =
      !origin.empty() && std::find(options_.cors_origins.begin(), options_.cors_origins.end(),
                                   origin) != options_.cors_origins.end();
  if (allowed) {
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Vary", "Origin");
    res.set_header("Access-Control-Expose-Headers", "Content-Type");
  }
  if (req.method != "OPTIONS") return false;
  if (allowed) {
    res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.set_header("Access-Control-Allow-Headers",
                   "Authorization, Content-Type, Connect-Protocol-Version, Connect-Timeout-Ms");
    res.set_header("Access-Control-Max-Age", "600");
  }
  res.status = 204;  // a preflight from an origin not listed gets no Allow-Origin: refused
  return true;
}

void HttpServerImpl::Unary(const RpcMethod& method, const httplib::Request& req,
                           httplib::Response& res, const httplib::ContentReader& body) const {
  const Codec codec = BodyCodec(req);
  if (codec != Codec::kJson && codec != Codec::kProto) {
    return RefuseUnread(res,
                        absl::InvalidArgumentError(absl::StrCat(
                            "Content-Type: \"", req.get_header_value("Content-Type"),
                            "\" is not application/json or application/proto")),
                        415);
  }
  uint64_t length = 0;
  if (absl::SimpleAtoi(req.get_header_value("Content-Length"), &length) &&
      length > options_.max_body_bytes) {
    return RefuseUnread(res, absl::ResourceExhaustedError(absl::StrCat(
                                 "request body: ", length, " bytes, over the limit of ",
                                 options_.max_body_bytes)));
  }
  std::string bytes;
  bool over = false;
  body([&](const char* data, size_t n) {
    if (bytes.size() + n > options_.max_body_bytes) {
      over = true;
      return false;
    }
    bytes.append(data, n);
    return true;
  });
  if (over) {
    return RefuseUnread(res, absl::ResourceExhaustedError(absl::StrCat(
                                 "request body: over the limit of ", options_.max_body_bytes,
                                 " bytes")));
  }
  absl::StatusOr<CallContext> context = Context(req);
  if (!context.ok()) return SendError(res, context.status());
  // A request that does not read is answered by the table after the caller is
  // authenticated, as over gRPC.
  std::unique_ptr<pb::Message> request(method.request->New());
  absl::Status parsed;
  if (codec == Codec::kJson) {
    parsed = FromJson(bytes, request.get(), "request body");
    if (parsed.ok()) parsed = CheckFieldLimits(*request);
  } else {
    parsed = ParseRequest(bytes, request.get());
  }
  std::unique_ptr<pb::Message> response(method.response->New());
  const absl::Status status = table_->Unary(method, *context, *request, response.get(), parsed);
  if (!status.ok()) return SendError(res, status);
  res.status = 200;
  if (codec == Codec::kJson) {
    res.set_content(json_.Print(*response), kJson);
  } else {
    res.set_content(response->SerializeAsString(), kProto);
  }
}

void HttpServerImpl::Import(const RpcMethod& method, const httplib::Request& req,
                            httplib::Response& res, const httplib::ContentReader& body) const {
  if (BodyCodec(req) != Codec::kJsonLines) {
    return RefuseUnread(res,
                        absl::InvalidArgumentError(absl::StrCat(
                            "Content-Type: \"", req.get_header_value("Content-Type"),
                            "\" is not application/jsonl (or application/x-ndjson)")),
                        415);
  }
  absl::StatusOr<CallContext> context = Context(req);
  if (!context.ok()) return RefuseUnread(res, context.status());

  // The rpc runs on its own thread and pulls lines; this thread reads the socket.
  LineQueue queue;
  int64_t line_number = 0;
  StreamReader read = [&](pb::Message* message) -> StreamRecord {
    std::string line;
    while (queue.Pop(&line)) {
      ++line_number;
      if (absl::StripAsciiWhitespace(line).empty()) continue;  // blank lines are no records
      message->Clear();
      // The line is one record; the stream's message wraps it in its first field
      // (UpsertWorkersRequest.worker).
      const pb::FieldDescriptor* field = message->GetDescriptor()->field(0);
      pb::Message* record = message->GetReflection()->MutableMessage(message, field);
      absl::Status s = FromJson(line, record, absl::StrCat("line ", line_number));
      if (!s.ok()) return {StreamRecord::kMalformed, std::string(s.message())};
      return {StreamRecord::kMessage, ""};
    }
    std::string error = queue.error();
    if (!error.empty()) return {StreamRecord::kCut, std::move(error)};
    return {StreamRecord::kEnd, ""};
  };
  absl::Status status;
  std::unique_ptr<pb::Message> response(method.response->New());
  std::thread rpc([&] {
    status = table_->ClientStream(method, *context, read, response.get());
    queue.Stop();  // the reader below stops pushing when the rpc ended early
  });
  std::string partial;
  std::string error;
  const bool complete = body([&](const char* data, size_t n) {
    partial.append(data, n);
    size_t start = 0;
    for (size_t nl; (nl = partial.find('\n', start)) != std::string::npos; start = nl + 1) {
      if (nl - start > options_.max_line_bytes) {
        error = absl::StrCat("a line over ", options_.max_line_bytes, " bytes");
        return false;
      }
      if (!queue.Push(partial.substr(start, nl - start))) return false;
    }
    partial.erase(0, start);
    if (partial.size() > options_.max_line_bytes) {
      error = absl::StrCat("a line over ", options_.max_line_bytes, " bytes");
      return false;
    }
    return true;
  });
  if (complete && !partial.empty()) queue.Push(std::move(partial));
  if (!complete && error.empty()) error = "request body: cut before its end";
  queue.Close(complete ? "" : error);
  rpc.join();
  if (!complete) res.set_header("Connection", "close");  // the rest of the body is unread
  if (!status.ok()) return SendError(res, status);
  res.status = 200;
  res.set_content(json_.Print(*response), kJson);
}

void HttpServerImpl::ServerStream(const RpcMethod& method, const httplib::Request& req,
                                  httplib::Response& res,
                                  const httplib::ContentReader& body) const {
  const std::string header = req.get_header_value("Content-Type");
  const std::string media = absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(absl::string_view(header).substr(0, header.find(';'))));
  const bool json = media == "application/connect+json";
  if (!json && media != "application/connect+proto") {
    return RefuseUnread(res,
                        absl::InvalidArgumentError(absl::StrCat(
                            "Content-Type: \"", header, "\" is not application/connect+json "
                            "or application/connect+proto (a Connect server stream)")),
                        415);
  }
  std::string bytes;
  bool over = false;
  body([&](const char* data, size_t n) {
    over = bytes.size() + n > options_.max_body_bytes;
    if (!over) bytes.append(data, n);
    return !over;
  });
  if (over) {
    return RefuseUnread(res, absl::ResourceExhaustedError(absl::StrCat(
                                 "request body: over the limit of ", options_.max_body_bytes,
                                 " bytes")));
  }
  // From here on the answer is a stream (HTTP 200); every error is its end-of-stream
  // message, as the Connect protocol has it.
  absl::StatusOr<CallContext> context = Context(req);
  auto request = std::shared_ptr<pb::Message>(method.request->New());
  absl::Status parsed;
  absl::StatusOr<std::string> message = ParseConnectRequestEnvelope(bytes);
  if (!message.ok()) {
    parsed = message.status();
  } else if (json) {
    parsed = FromJson(*message, request.get(), "request body");
    if (parsed.ok()) parsed = CheckFieldLimits(*request);
  } else {
    parsed = ParseRequest(*message, request.get());
  }
  res.status = 200;
  const RpcTable* table = table_;
  const JsonPrinter* printer = &json_;
  const std::string content_type = json ? "application/connect+json" : "application/connect+proto";
  res.set_chunked_content_provider(
      content_type,
      [table, printer, &method, context, request, parsed, json](size_t, httplib::DataSink& sink) {
        absl::Status status = context.status();
        if (status.ok()) {
          StreamWriter writer;
          writer.write = [&](const pb::Message& m) {
            const std::string envelope =
                ConnectEnvelope(0, json ? printer->Print(m) : m.SerializeAsString());
            return sink.write(envelope.data(), envelope.size());
          };
          status = table->ServerStream(method, *context, *request, writer, parsed);
        }
        const std::string end = ConnectEndStream(status);
        sink.write(end.data(), end.size());
        sink.done();
        return true;
      });
}

void HttpServerImpl::MetricsPage(const httplib::Request& req, httplib::Response& res) const {
  if (options_.metrics_need_admin && !options_.ops_only) {
    absl::StatusOr<CallContext> context = Context(req);
    if (!context.ok()) return SendError(res, context.status());
    if (absl::Status s = table_->CheckAdmin(*context); !s.ok()) return SendError(res, s);
  }
  res.status = 200;
  res.set_content(metrics_->Render(), "text/plain; version=0.0.4; charset=utf-8");
}

void HttpServerImpl::StaticFile(const httplib::Request& req, httplib::Response& res) const {
  res.status = 404;  // the error handler writes the body
  // The API's own paths are never files, whatever the directory holds.
  if (table_->Find(req.path) != nullptr || absl::StartsWith(req.path, "/cakap.") ||
      absl::StartsWith(req.path, "/v1/")) {
    return;
  }
  (void)ServeConsoleFile(options_.static_dir, req.path, res);
}

absl::Status HttpServerImpl::Start() {
  const size_t colon = options_.listen.rfind(':');
  int port = 0;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(absl::string_view(options_.listen).substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat(
        "http-listen: \"", options_.listen, "\" is not host:port (e.g. 127.0.0.1:7880)"));
  }
  const std::string host = options_.listen.substr(0, colon);
  if (options_.tls_cert_file.empty()) {
    server_ = std::make_unique<httplib::Server>();
  } else {
    auto tls = std::make_unique<httplib::SSLServer>(options_.tls_cert_file.c_str(),
                                                    options_.tls_key_file.c_str());
    if (!tls->is_valid()) {
      return absl::InvalidArgumentError("tls-cert / tls-key: not a usable certificate and key");
    }
    server_ = std::move(tls);
  }
  httplib::Server& s = *server_;
  const auto seconds = [](absl::Duration d) { return absl::ToInt64Seconds(d); };
  s.set_read_timeout(seconds(options_.read_timeout), 0);
  s.set_write_timeout(seconds(options_.read_timeout), 0);
  s.set_keep_alive_timeout(seconds(options_.idle_timeout));
  s.set_keep_alive_max_count(1000);
  // Replies go out at once: with Nagle, a reply written in two parts (headers, body)
  // waits for the client's delayed ACK, ~40 ms per call on Linux. Accepted sockets
  // inherit it from the listening one.
  s.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a second
  // cakapd bind the same port and take half of the connections.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  const int threads = std::max(1, options_.max_connections);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return Cors(req, res) ? httplib::Server::HandlerResponse::Handled
                          : httplib::Server::HandlerResponse::Unhandled;
  });
  s.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain");
  });
  s.Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    const bool ready = ready_ == nullptr || ready_();
    res.status = ready ? 200 : 503;
    res.set_content(ready ? "ready\n" : "not ready\n", "text/plain");
  });
  s.Get("/metrics", [this](const httplib::Request& req, httplib::Response& res) {
    MetricsPage(req, res);
  });
  if (options_.ops_only) return Listen(host, port);
  s.Post(R"(/v1/import/(workers|vacancies))",
         [this](const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader& body) {
           const RpcMethod* method = table_->Find(
               req.matches[1] == "workers" ? "/cakap.v1.WorkerService/UpsertWorkers"
                                           : "/cakap.v1.VacancyService/UpsertVacancies");
           if (method == nullptr || !method->client_stream) {
             return RefuseUnread(res, absl::UnimplementedError(
                                       absl::StrCat(req.path, ": no such import")));
           }
           Import(*method, req, res, body);
         });
  s.Post(R"(/[A-Za-z0-9_.]+/[A-Za-z0-9_]+)",
         [this](const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader& body) {
           const RpcMethod* method = table_->Find(req.path);
           if (method == nullptr) {
             return RefuseUnread(res,
                                 absl::NotFoundError(absl::StrCat(req.path, ": no such rpc")));
           }
           if (method->server_stream) return ServerStream(*method, req, res, body);
           if (!method->unary) {
             return RefuseUnread(
                 res, absl::UnimplementedError(absl::StrCat(
                          req.path, ": a client stream; over HTTP use POST /v1/import/",
                          method->service == "cakap.v1.VacancyService" ? "vacancies"
                                                                       : "workers",
                          " with JSON Lines")));
           }
           Unary(*method, req, res, body);
         });
  if (!options_.static_dir.empty()) {
    struct stat st;
    if (stat(options_.static_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      return absl::NotFoundError(
          absl::StrCat("web-root: no directory ", options_.static_dir));
    }
    // Registered after /healthz, /readyz and /metrics, and GET only: a file can never
    // shadow those, nor an rpc (POST). httplib tries handlers in registration order.
    s.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      StaticFile(req, res);
    });
  }
  // Whatever no route answered, or httplib refused itself (413, 400), still gets a
  // Connect error body.
  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    absl::Status status;
    switch (res.status) {
      case 404:
        status = absl::NotFoundError(absl::StrCat(req.path, ": no such rpc or endpoint"));
        break;
      case 405:
        status = absl::InvalidArgumentError(absl::StrCat(req.method, " ", req.path,
                                                         ": method not allowed (rpcs are POST)"));
        break;
      case 413:
        status = absl::ResourceExhaustedError("request body: over the limit");
        break;
      default:
        status = absl::InvalidArgumentError(absl::StrCat("bad HTTP request (", res.status, ")"));
    }
    const int http = res.status;
    res.set_content(ConnectErrorJson(status), kJson);
    res.status = http;
  });
  return Listen(host, port);
}

// httplib's keep-alive loop notices stop() only when its idle wait ends (idle_timeout):
// shutting down the reading side of the connections accepted on our port ends the wait
// at once, while a request being served still writes its reply.
void HttpServerImpl::EndIdleConnections() const {
  const std::string fds = "/proc/self/fd";
  DIR* dir = opendir(fds.c_str());
  if (dir == nullptr) return;
  while (const dirent* entry = readdir(dir)) {
    int fd = -1;
    if (!absl::SimpleAtoi(entry->d_name, &fd) || fd == dirfd(dir)) continue;
    struct stat st;
    int listening = 0;
    socklen_t listening_size = sizeof(listening);
    sockaddr_storage local;
    socklen_t local_size = sizeof(local);
    if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode) ||
        getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &listening_size) != 0 ||
        listening != 0 || getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) {
      continue;
    }
    int local_port = -1;
    if (local.ss_family == AF_INET) {
      local_port = ntohs(reinterpret_cast<const sockaddr_in*>(&local)->sin_port);
    } else if (local.ss_family == AF_INET6) {
      local_port = ntohs(reinterpret_cast<const sockaddr_in6*>(&local)->sin6_port);
    }
    if (local_port == port_) shutdown(fd, SHUT_RD);
  }
  closedir(dir);
}

absl::Status HttpServerImpl::Listen(const std::string& host, int port) {
  httplib::Server& s = *server_;
  if (port == 0) {
    port_ = s.bind_to_any_port(host);
  } else {
    port_ = s.bind_to_port(host, port) ? port : -1;
  }
  if (port_ <= 0) {
    return absl::FailedPreconditionError(absl::StrCat("http-listen: cannot listen on ",
                                                      options_.listen));
  }
  // Bound and listening already: connections queue in the backlog until this accepts.
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpOptions& options,
                                                              const RpcTable* table,
                                                              Metrics* metrics,
                                                              std::function<bool()> ready) {
  auto server = std::make_unique<HttpServerImpl>(options, table, metrics, std::move(ready));
  if (absl::Status s = server->Start(); !s.ok()) return s;
  return std::unique_ptr<HttpServer>(std::move(server));
}

}  // namespace service
}  // namespace cakap
