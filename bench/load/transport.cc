#include "transport.h"

#include <grpcpp/grpcpp.h>
#include <httplib.h>

#include <chrono>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cakap/v1/service.grpc.pb.h"
#include "google/protobuf/util/json_util.h"
#include "absl/strings/numbers.h"
#include "nlohmann/json.hpp"

namespace cakap {
namespace load {
namespace {

using Clock = std::chrono::steady_clock;
using Stub = v1::MatchService::Stub;

constexpr char kMatchPath[] = "/cakap.v1.MatchService/MatchCandidates";
constexpr absl::Duration kConnectWait = absl::Seconds(5);

class GrpcCaller final : public Caller {
 public:
  GrpcCaller(std::shared_ptr<Stub> stub, std::string bearer, absl::Duration deadline)
      : stub_(std::move(stub)), bearer_(std::move(bearer)), deadline_(deadline) {}

  absl::Status Match(const v1::MatchCandidatesRequest& request,
                     v1::MatchCandidatesResponse* response) override {
    grpc::ClientContext ctx;
    if (!bearer_.empty()) ctx.AddMetadata("authorization", bearer_);
    // Every call is bounded, so a hung server cannot hold the run past its end for
    // longer than one deadline.
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
    const grpc::Status st = stub_->MatchCandidates(&ctx, request, response);
    // gRPC codes have the same numbers as absl's.
    return absl::Status(static_cast<absl::StatusCode>(st.error_code()), st.error_message());
  }

 private:
  const std::shared_ptr<Stub> stub_;  // shared by the threads of one channel
  const std::string bearer_;
  const absl::Duration deadline_;
};

// One keep-alive HTTP/1.1 connection, reopened by httplib when cakapd closes it.
class HttpCaller final : public Caller {
 public:
  HttpCaller(const std::string& host, int port, Transport transport, const std::string& bearer,
             absl::Duration deadline)
      : client_(host, port),
        json_(transport != Transport::kHttpProto),
        json_tree_(transport == Transport::kHttpJsonTree),
        deadline_(deadline) {
    client_.set_keep_alive(true);
    // Without it a request written in two parts (headers, body) waits for the server's
    // delayed ACK (Nagle), ~40 ms a call on Linux.
    client_.set_tcp_nodelay(true);
    // Per socket operation: with Connect-Timeout-Ms below, a call ends about one
    // deadline after it was sent even when the server hangs.
    const int64_t us = absl::ToInt64Microseconds(deadline);
    client_.set_connection_timeout(us / 1000000, us % 1000000);
    client_.set_read_timeout(us / 1000000, us % 1000000);
    client_.set_write_timeout(us / 1000000, us % 1000000);
    headers_ = {{"Connect-Protocol-Version", "1"},
                {"Connect-Timeout-Ms", std::to_string(absl::ToInt64Milliseconds(deadline))}};
    if (!bearer.empty()) headers_.emplace("Authorization", bearer);
  }

  absl::Status Match(const v1::MatchCandidatesRequest& request,
                     v1::MatchCandidatesResponse* response) override {
    const Clock::time_point sent = Clock::now();
    body_.clear();
    if (json_) {
      (void)google::protobuf::util::MessageToJsonString(request, &body_);
    } else {
      request.SerializeToString(&body_);
    }
    httplib::Result res =
        client_.Post(kMatchPath, headers_, body_, json_ ? "application/json" : "application/proto");
    if (!res) {
      // httplib says Read for a timeout and for a closed connection alike: the clock
      // tells them apart.
      const bool late = absl::FromChrono(Clock::now() - sent) >= deadline_ ||
                        res.error() == httplib::Error::ConnectionTimeout;
      return absl::Status(
          late ? absl::StatusCode::kDeadlineExceeded : absl::StatusCode::kUnavailable,
          absl::StrCat("http: ", httplib::to_string(res.error())));
    }
    if (res->status != 200) return StatusFromConnectError(res->status, res->body);
    if (json_tree_) {
      // The whole reply is parsed (every candidate, score and explanation), as a PHP or
      // Python client's json_decode/json.loads does; the tally needs only the total.
      const nlohmann::json reply = nlohmann::json::parse(res->body, nullptr, false);
      if (reply.is_discarded()) return absl::InternalError("reply: not JSON");
      response->Clear();
      const auto result = reply.find("result");
      if (result != reply.end() && result->contains("total")) {
        // int64 in protobuf JSON is a string.
        const nlohmann::json& total = (*result)["total"];
        int64_t n = 0;
        if (total.is_string() && absl::SimpleAtoi(total.get<std::string>(), &n)) {
          response->mutable_result()->set_total(n);
        }
      }
    } else if (json_) {
      google::protobuf::util::JsonParseOptions options;
      options.ignore_unknown_fields = true;  // as a client built against older protos
      const auto parsed = google::protobuf::util::JsonStringToMessage(res->body, response, options);
      if (!parsed.ok()) {
        return absl::InternalError(absl::StrCat(
            "reply: ", absl::string_view(parsed.message().data(), parsed.message().size())));
      }
    } else if (!response->ParseFromString(res->body)) {
      return absl::InternalError("reply: not a MatchCandidatesResponse");
    }
    return absl::OkStatus();
  }

 private:
  httplib::Client client_;
  const bool json_;       // JSON bodies (else binary protobuf)
  const bool json_tree_;  // the reply into a generic JSON tree (else a protobuf message)
  const absl::Duration deadline_;
  httplib::Headers headers_;
  std::string body_;  // reused: its capacity stays between calls
};

absl::StatusOr<Callers> MakeGrpcCallers(const LoadOptions& options, const std::string& bearer) {
  // Separate channels only get separate connections with a channel-local subchannel
  // pool; by default gRPC shares one subchannel between channels with equal arguments.
  const int channels = std::min(options.channels, options.concurrency);
  std::vector<std::shared_ptr<Stub>> stubs;
  for (int i = 0; i < channels; ++i) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    std::shared_ptr<grpc::Channel> channel =
        grpc::CreateCustomChannel(options.target, grpc::InsecureChannelCredentials(), args);
    if (!channel->WaitForConnected(absl::ToChronoTime(absl::Now() + kConnectWait))) {
      return absl::UnavailableError(
          absl::StrCat("target ", options.target, ": no connection within 5 s"));
    }
    stubs.push_back(v1::MatchService::NewStub(channel));
  }
  Callers out;
  out.connections = channels;
  for (int t = 0; t < options.concurrency; ++t) {
    out.callers.push_back(
        std::make_unique<GrpcCaller>(stubs[t % channels], bearer, options.deadline));
  }
  return out;
}

absl::StatusOr<Callers> MakeHttpCallers(const LoadOptions& options, const std::string& bearer) {
  std::string host;
  int port = 0;
  if (absl::Status s = ParseLoopbackTarget(options.target, &host, &port); !s.ok()) return s;
  // /healthz answers on cakapd's HTTP port and on nothing else likely to listen there
  // (the gRPC port speaks HTTP/2 only).
  httplib::Client probe(host, port);
  probe.set_connection_timeout(absl::ToInt64Seconds(kConnectWait), 0);
  probe.set_read_timeout(absl::ToInt64Seconds(kConnectWait), 0);
  httplib::Result health = probe.Get("/healthz");
  if (!health || health->status != 200) {
    return absl::UnavailableError(absl::StrCat(
        "target ", options.target, ": no answer to GET /healthz (",
        health ? absl::StrCat("status ", health->status) : httplib::to_string(health.error()),
        "); is it cakapd's --http-listen port?"));
  }
  Callers out;
  out.connections = options.concurrency;
  for (int t = 0; t < options.concurrency; ++t) {
    out.callers.push_back(std::make_unique<HttpCaller>(
        host, port, options.transport, bearer, options.deadline));
  }
  return out;
}

}  // namespace

absl::StatusOr<Callers> MakeCallers(const LoadOptions& options) {
  const std::string bearer = options.key.empty() ? "" : "Bearer " + options.key;
  if (options.transport == Transport::kGrpc) return MakeGrpcCallers(options, bearer);
  return MakeHttpCallers(options, bearer);
}

absl::Status StatusFromConnectError(int http_status, absl::string_view body) {
  const nlohmann::json error = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (error.is_object() && error.contains("code") && error["code"].is_string()) {
    const std::string name = error["code"].get<std::string>();
    const std::string message = error.contains("message") && error["message"].is_string()
                                    ? error["message"].get<std::string>()
                                    : "";
    // The inverse of service/connect.h's ConnectCodeName: absl's names in lower case,
    // CANCELLED spelt with one L.
    for (int code = 1; code <= 16; ++code) {
      const auto c = static_cast<absl::StatusCode>(code);
      const std::string connect = c == absl::StatusCode::kCancelled
                                      ? "canceled"
                                      : absl::AsciiStrToLower(absl::StatusCodeToString(c));
      if (connect == name) return absl::Status(c, message);
    }
    return absl::UnknownError(absl::StrCat("code \"", name, "\": ", message));
  }
  // The Connect protocol's table for replies without a Connect error body.
  absl::StatusCode code = absl::StatusCode::kUnknown;
  switch (http_status) {
    case 400:
      code = absl::StatusCode::kInternal;
      break;
    case 401:
      code = absl::StatusCode::kUnauthenticated;
      break;
    case 403:
      code = absl::StatusCode::kPermissionDenied;
      break;
    case 404:
      code = absl::StatusCode::kUnimplemented;
      break;
    case 429:
    case 502:
    case 503:
    case 504:
      code = absl::StatusCode::kUnavailable;
      break;
  }
  return absl::Status(code, absl::StrCat("HTTP ", http_status));
}

}  // namespace load
}  // namespace cakap
