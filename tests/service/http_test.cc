// cakapd over HTTP/JSON: the same table of requests over both transports gives the same
// codes and byte-identical JSON; bad HTTP input gets a clear Connect error and stores
// nothing; JSON Lines import, operations endpoints, CORS and deadlines.
#include <httplib.h>


#include <map>
#include <string>
#include <vector>

#include "connect.h"
#include "rpc.h"
#include "google/protobuf/util/json_util.h"
#include "nlohmann/json.hpp"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

namespace pb = google::protobuf;
using cakap::v1::Issuer;

std::string ToJson(const pb::Message& m) {
  std::string out;
  EXPECT_TRUE(pb::util::MessageToJsonString(m, &out).ok());
  return out;
}

template <typename M>
M FromJson(const std::string& json) {
  M m;
  EXPECT_TRUE(pb::util::JsonStringToMessage(json, &m).ok()) << json;
  return m;
}

class HttpTest : public ::testing::Test {
 protected:
  HttpTest()
      : server_([](cakap::service::ServerOptions* o) {
          o->http.listen = "127.0.0.1:0";
          o->http.max_body_bytes = 64 * 1024;
          o->http.max_line_bytes = 4 * 1024;
          o->http.cors_origins = {"https://portal.example"};
          o->metrics_listen = "127.0.0.1:0";
        }),
        http_("127.0.0.1", server_.server->http_port()) {
    http_.set_read_timeout(30, 0);
    // Balangan (63.11), Kutai Kartanegara (64.02), Tabalong (63.09).
    server_.Put(WorkerBuilder("w-1").Region("63.11").Skill("LAS").Nik("6311010101900001")
                    .Decile(2).Cert(Issuer::ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-01-01")
                    .Build());
    server_.Put(WorkerBuilder("w-2").Region("64.02").Skill("LAS")
                    .Cert(Issuer::ISSUER_KEMNAKER, {"LAS"}, 2, "2024-06-01").Build());
    server_.Put(WorkerBuilder("w-3").Region("63.09").Skill("LAS").Build());
    server_.Put(VacancyBuilder("v-1").Require("LAS").Region("63.11").Radius(200).Open().Build());
  }

  // POST path with body as `key`; the reply (status -1 when the connection failed).
  httplib::Result Post(const std::string& path, const std::string& key, const std::string& body,
                       const std::string& type = "application/json",
                       httplib::Headers headers = {}) {
    if (!key.empty()) headers.emplace("Authorization", "Bearer " + key);
    return http_.Post(path.c_str(), headers, body, type.c_str());
  }

  int64_t Workers() {
    cakap::v1::StatsResponse stats;
    EXPECT_TRUE(Stats(server_, server_.keys.admin, &stats).ok());
    return stats.workers();
  }

  TestServer server_;
  httplib::Client http_;
};

// One request of the parity table: an rpc, a caller and a request in JSON.
struct Case {
  std::string path;
  std::string key;
  std::string request_json;
};


// The outcome of one request sent over both transports.
enum class Outcome { kData, kEmpty, kError };

// Sends `c` over gRPC (a generic stub: the request's bytes to the method's path) and over
// HTTP/JSON and expects the same code and byte-identical JSON (the reply, or the Connect
// error with the gRPC status's message).
Outcome SameOverBothTransports(TestServer& server, httplib::Client& http, const Case& c) {
  static const cakap::service::RpcTable* const table =
      new cakap::service::RpcTable(nullptr);  // for the message types only
  const cakap::service::RpcMethod* method = table->Find(c.path);
  EXPECT_NE(method, nullptr);
  if (method == nullptr) return Outcome::kError;
  std::unique_ptr<pb::Message> request(method->request->New());
  EXPECT_TRUE(pb::util::JsonStringToMessage(c.request_json, request.get()).ok());

  std::string grpc_bytes;
  const grpc::Status grpc_status =
      RawUnary(server, c.path, c.key, request->SerializeAsString(), &grpc_bytes);
  httplib::Headers headers;
  if (!c.key.empty()) headers.emplace("Authorization", "Bearer " + c.key);
  httplib::Result reply = http.Post(c.path.c_str(), headers, c.request_json, "application/json");
  EXPECT_TRUE(reply) << "HTTP request failed";
  if (!reply) return Outcome::kError;
  const auto code = static_cast<absl::StatusCode>(grpc_status.error_code());
  EXPECT_EQ(reply->status, cakap::service::ConnectHttpStatus(code));
  if (!grpc_status.ok()) {
    EXPECT_EQ(reply->body, cakap::service::ConnectErrorJson(
                               absl::Status(code, grpc_status.error_message())));
    return Outcome::kError;
  }
  std::unique_ptr<pb::Message> grpc_reply(method->response->New());
  EXPECT_TRUE(grpc_reply->ParseFromString(grpc_bytes));
  EXPECT_EQ(reply->body, ToJson(*grpc_reply));
  return reply->body.size() > 2 ? Outcome::kData : Outcome::kEmpty;  // more than {}
}

TEST_F(HttpTest, EveryRpcAnswersTheSameOverBothTransports) {
  const TestKeys& k = server_.keys;
  const std::string vacancy =
      R"({"requiredSkills":["LAS"],"location":{"regionCode":"63.11"},"radiusKm":300})";
  const std::string match =
      R"({"vacancy":)" + vacancy + R"(,"options":{"facets":true,"nearMissLimit":5}})";
  const std::vector<Case> cases = {
      {"/cakap.v1.WorkerService/GetWorker", k.portal, R"({"id":"w-1"})"},
      {"/cakap.v1.WorkerService/GetWorker", k.partner, R"({"id":"w-1"})"},
      {"/cakap.v1.WorkerService/GetWorker", k.partner_kaltim, R"({"id":"w-1"})"},
      {"/cakap.v1.WorkerService/GetWorker", k.partner_kaltim, R"({"id":"w-2"})"},
      {"/cakap.v1.WorkerService/GetWorker", k.portal, R"({"id":"nobody"})"},
      {"/cakap.v1.WorkerService/GetWorker", k.portal, R"({})"},
      {"/cakap.v1.WorkerService/GetWorker", "", R"({"id":"w-1"})"},
      {"/cakap.v1.WorkerService/GetWorker", "not-a-key", R"({"id":"w-1"})"},
      {"/cakap.v1.WorkerService/UpsertWorker", k.partner, R"({"worker":{"id":"x"}})"},
      {"/cakap.v1.WorkerService/UpsertWorker", k.portal,
       R"({"worker":{"id":"w-bad","skills":["LAS"],"domicile":{"regionCode":"99.99"}}})"},
      {"/cakap.v1.WorkerService/DeleteWorker", k.portal, R"({"id":"nobody"})"},
      {"/cakap.v1.VacancyService/GetVacancy", k.partner, R"({"id":"v-1"})"},
      {"/cakap.v1.VacancyService/GetVacancy", k.portal, R"({"id":"v-1"})"},
      {"/cakap.v1.VacancyService/UpsertVacancy", k.portal, R"({"vacancy":{"id":"v-2"}})"},
      {"/cakap.v1.VacancyService/DeleteVacancy", k.partner, R"({"id":"v-1"})"},
      {"/cakap.v1.VacancyService/ListVacancies", k.portal, R"({})"},
      {"/cakap.v1.VacancyService/ListVacancies", k.partner, R"({"owner":"portal"})"},
      {"/cakap.v1.VacancyService/ListVacancies", k.portal, R"({"pageSize":1001})"},
      {"/cakap.v1.VacancyService/ListVacancies", k.portal, R"({"pageToken":"x"})"},
      {"/cakap.v1.MatchService/MatchCandidates", k.portal, match},
      {"/cakap.v1.MatchService/MatchCandidates", k.partner, match},
      {"/cakap.v1.MatchService/MatchCandidates", k.partner_kaltim, match},
      {"/cakap.v1.MatchService/MatchCandidates", k.partner_balangan,
       R"({"vacancyId":"v-1","options":{"pageSize":1}})"},
      {"/cakap.v1.MatchService/MatchCandidates", k.portal, R"({"options":{"pageSize":1}})"},
      {"/cakap.v1.MatchService/MatchCandidates", k.portal,
       R"({"vacancyId":"v-1","options":{"pageSize":500}})"},
      {"/cakap.v1.MatchService/MatchVacancies", k.portal, R"({"workerId":"w-1"})"},
      {"/cakap.v1.MatchService/MatchVacancies", k.partner, R"({"workerId":"w-1","limit":5})"},
      {"/cakap.v1.MatchService/MatchVacancies", k.partner_kaltim, R"({"workerId":"w-1"})"},
      {"/cakap.v1.AdminService/Stats", k.portal, R"({})"},
      {"/cakap.v1.LexiconService/LookupSkills", k.partner, R"({"query":"welder"})"},
      {"/cakap.v1.LexiconService/LookupSkills", k.partner, R"({"query":""})"},
      {"/cakap.v1.LexiconService/ListRegions", k.portal, R"({"provinceCode":"99"})"},
  };
  int ok = 0, failed = 0;  // the table must exercise both
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path + " " + c.request_json);
    const Outcome outcome = SameOverBothTransports(server_, http_, c);
    ok += outcome == Outcome::kData;
    failed += outcome == Outcome::kError;
  }
  EXPECT_GE(ok, 9);
  EXPECT_GE(failed, 10);
}

// The role matrix: every unary rpc of the table, each caller (none, an unknown key, and
// every role incl. the region-restricted partners), over both transports. Requests that
// write are idempotent or refused, so the second transport finds what the first did.
TEST_F(HttpTest, TheRoleMatrixIsTheSameOverBothTransports) {
  const TestKeys& k = server_.keys;
  const std::map<std::string, std::string> request_of = {
      {"/cakap.v1.WorkerService/UpsertWorker",
       R"({"worker":{"id":"w-9","skills":["LAS"],"domicile":{"regionCode":"64.02"}}})"},
      {"/cakap.v1.WorkerService/GetWorker", R"({"id":"w-1"})"},
      {"/cakap.v1.WorkerService/DeleteWorker", R"({"id":"nobody"})"},
      {"/cakap.v1.VacancyService/UpsertVacancy",
       R"({"vacancy":{"id":"v-9","requiredSkills":["LAS"],"open":true}})"},
      {"/cakap.v1.VacancyService/GetVacancy", R"({"id":"v-1"})"},
      {"/cakap.v1.VacancyService/DeleteVacancy", R"({"id":"nobody"})"},
      {"/cakap.v1.VacancyService/ListVacancies", R"({"openOnly":true,"pageSize":5})"},
      {"/cakap.v1.MatchService/MatchCandidates",
       R"({"vacancyId":"v-1","options":{"facets":true,"nearMissLimit":5}})"},
      {"/cakap.v1.MatchService/MatchVacancies", R"({"workerId":"w-1"})"},
      {"/cakap.v1.AdminService/Stats", "{}"},
      {"/cakap.v1.AdminService/Backup", R"({"dir":"relative/dir"})"},
      {"/cakap.v1.LexiconService/LookupSkills", R"({"query":"juru las","limit":3})"},
      {"/cakap.v1.LexiconService/ListRegions", R"({"provinceCode":"63"})"},
      {"/cakap.v1.AllocationService/Allocate", R"({"vacancyIds":["v-1"]})"},
      // Ledger writes append, so the matrix sends ones every role gets refused.
      {"/cakap.v1.LedgerService/RecordPlacement",
       R"({"entry":{"workerId":"w-1","placement":{"kind":"PLACEMENT_KIND_JOB","vacancyId":"nobody","date":"2026-11-02"}}})"},
      {"/cakap.v1.LedgerService/RecordOutcome",
       R"({"entry":{"workerId":"w-1","outcome":{"placementSeq":"7","kind":"OUTCOME_KIND_LEFT","date":"2026-11-02"}}})"},
      {"/cakap.v1.LedgerService/GetHistory", R"({"workerId":"w-1"})"},
      {"/cakap.v1.FiguresService/GetFigures", R"({"slice":{"skill":"LAS"},"supplyDemand":true})"},
  };
  const std::vector<std::string> callers = {"",          "not-a-key",      k.portal,
                                            k.partner,   k.partner_kaltim, k.partner_balangan,
                                            k.admin};
  const cakap::service::RpcTable table(nullptr);
  std::map<Outcome, int> outcomes;
  for (const auto& method : table.methods()) {
    if (!method->unary) continue;
    auto request = request_of.find(method->path());
    ASSERT_NE(request, request_of.end()) << method->path() << ": add a request to the matrix";
    for (const std::string& key : callers) {
      SCOPED_TRACE(method->path() + " as " + (key.empty() ? "no key" : key.substr(0, 12)));
      ++outcomes[SameOverBothTransports(server_, http_, {method->path(), key, request->second})];
    }
  }
  EXPECT_GE(outcomes[Outcome::kData], 15);
  EXPECT_GE(outcomes[Outcome::kError], 25);
}

TEST_F(HttpTest, ProtoBodiesWorkLikeJson) {
  cakap::v1::GetWorkerRequest req;
  req.set_id("w-2");
  httplib::Result r = Post("/cakap.v1.WorkerService/GetWorker", server_.keys.portal,
                           req.SerializeAsString(), "application/proto");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/proto");
  cakap::v1::GetWorkerResponse resp;
  ASSERT_TRUE(resp.ParseFromString(r->body));
  EXPECT_EQ(resp.worker().id(), "w-2");
}

TEST_F(HttpTest, BadInputGetsAClearErrorAndStoresNothing) {
  const std::string key = server_.keys.portal;
  const std::string upsert = "/cakap.v1.WorkerService/UpsertWorker";
  const int64_t before = Workers();
  struct Bad {
    std::string what, path, body, type;
    httplib::Headers headers;
    int http;
    std::string code, message_part;
  };
  const std::vector<Bad> bad = {
      {"malformed JSON", upsert, R"({"worker": {"id": "x",)", "application/json", {}, 400,
       "invalid_argument", "request body"},
      {"unknown field", upsert, R"({"worker":{"id":"x","shoeSize":44}})", "application/json", {},
       400, "invalid_argument", "shoeSize"},
      {"wrong content type", upsert, R"({"worker":{"id":"x"}})", "text/plain", {}, 415,
       "invalid_argument", "Content-Type"},
      {"body over the limit", upsert,
       R"({"worker":{"id":"x","name":")" + std::string(70 * 1024, 'a') + R"("}})",
       "application/json", {}, 429, "resource_exhausted", "request body"},
      {"bad timeout header", upsert, R"({"worker":{"id":"x","skills":["LAS"]}})",
       "application/json", {{"Connect-Timeout-Ms", "soon"}}, 400, "invalid_argument",
       "Connect-Timeout-Ms"},
      {"no such rpc", "/cakap.v1.WorkerService/Fly", "{}", "application/json", {}, 404,
       "not_found", "no such rpc"},
      {"binary that is no message", upsert, std::string("\xff\xff\xff", 3), "application/proto",
       {}, 400, "invalid_argument", "not a valid cakap.v1.UpsertWorkerRequest"},
      {"a stream over unary Connect", "/cakap.v1.WorkerService/UpsertWorkers", "{}",
       "application/json", {}, 501, "unimplemented", "/v1/import/workers"},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.what);
    httplib::Result r = Post(b.path, key, b.body, b.type, b.headers);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, b.http);
    nlohmann::json error = nlohmann::json::parse(r->body, nullptr, false);
    ASSERT_TRUE(error.is_object()) << r->body;
    EXPECT_EQ(error.value("code", ""), b.code);
    EXPECT_NE(error.value("message", "").find(b.message_part), std::string::npos) << r->body;
  }
  // A GET of an rpc path, and a path that is nothing at all.
  httplib::Result get = http_.Get("/cakap.v1.AdminService/Stats");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 404);
  EXPECT_EQ(nlohmann::json::parse(get->body).value("code", ""), "not_found");
  // Still serving, and nothing stored.
  EXPECT_EQ(Workers(), before);
  httplib::Result ok = Post("/cakap.v1.WorkerService/GetWorker", key, R"({"id":"w-1"})");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(HttpTest, ConnectTimeoutIsTheDeadline) {
  TestServer slow([](cakap::service::ServerOptions* o) {
    o->http.listen = "127.0.0.1:0";
    o->before_engine_call = [] { absl::SleepFor(absl::Milliseconds(300)); };
  });
  httplib::Client client("127.0.0.1", slow.server->http_port());
  httplib::Result r = client.Post("/cakap.v1.AdminService/Stats",
                                  {{"Authorization", "Bearer " + slow.keys.admin},
                                   {"Connect-Timeout-Ms", "50"}},
                                  "{}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 504);
  EXPECT_EQ(nlohmann::json::parse(r->body).value("code", ""), "deadline_exceeded");
}

TEST_F(HttpTest, JsonLinesImportRejectsLinesAndCommitsTheRest) {
  std::string body;
  for (int i = 0; i < 1200; ++i) {
    body += R"({"id":"jl-)" + std::to_string(i) + R"(","skills":["LAS"],"domicile":{"regionCode":"63.11"}})" "\n";
  }
  body += "{not json\n";                                                  // line 1201
  body += "\n";                                                            // blank: skipped
  body += R"({"id":"jl-bad","skills":["LAS"],"domicile":{"regionCode":"99.99"}})" "\n";
  const int64_t before = Workers();
  httplib::Result r = Post("/v1/import/workers", server_.keys.portal, body, "application/jsonl");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto resp = FromJson<cakap::v1::UpsertWorkersResponse>(r->body);
  EXPECT_EQ(resp.accepted(), 1200);
  EXPECT_EQ(resp.rejected(), 2);
  ASSERT_EQ(resp.rejections_size(), 2);
  EXPECT_EQ(resp.rejections(0).index(), 1200);
  EXPECT_NE(resp.rejections(0).reason().find("line 1201"), std::string::npos);
  EXPECT_EQ(resp.rejections(1).worker_id(), "jl-bad");
  EXPECT_NE(resp.rejections(1).reason().find("region"), std::string::npos);
  EXPECT_EQ(Workers(), before + 1200);

  // Roles hold for imports too, and a wrong content type is refused before reading.
  httplib::Result partner = Post("/v1/import/workers", server_.keys.partner, body, "application/jsonl");
  ASSERT_TRUE(partner);
  EXPECT_EQ(partner->status, 403);
  httplib::Result json = Post("/v1/import/workers", server_.keys.portal, body, "application/json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 415);
  EXPECT_EQ(Workers(), before + 1200);
}

TEST_F(HttpTest, VacanciesImportOverJsonLinesAndGrpcAlike) {
  std::string body;
  for (int i = 0; i < 700; ++i) {  // two batches
    body += R"({"id":"vj-)" + std::to_string(i) +
            R"(","requiredSkills":["LAS"],"location":{"regionCode":"63.11"},"open":true})" "\n";
  }
  body += R"({"id":"vj-bad","requiredSkills":["LAS"],"location":{"regionCode":"99.99"}})" "\n";
  body += "{oops\n";
  httplib::Result r = Post("/v1/import/vacancies", server_.keys.portal, body, "application/jsonl");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto resp = FromJson<cakap::v1::UpsertVacanciesResponse>(r->body);
  EXPECT_EQ(resp.accepted(), 700);
  EXPECT_EQ(resp.rejected(), 2);
  ASSERT_EQ(resp.rejections_size(), 2);
  EXPECT_EQ(resp.rejections(0).index(), 700);
  EXPECT_EQ(resp.rejections(0).vacancy_id(), "vj-bad");
  EXPECT_NE(resp.rejections(0).reason().find("region"), std::string::npos);
  EXPECT_EQ(resp.rejections(1).index(), 701);
  EXPECT_NE(resp.rejections(1).reason().find("line 702"), std::string::npos);
  absl::StatusOr<cakap::v1::Vacancy> stored = server_.server->engine().GetVacancy("vj-699");
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->location().region_code(), "63.11");
  // The same rpc over gRPC's client stream, and a partner may not import.
  for (const std::string* key : {&server_.keys.portal, &server_.keys.partner}) {
    grpc::ClientContext ctx;
    Auth(&ctx, *key);
    cakap::v1::UpsertVacanciesResponse grpc_resp;
    auto writer = server_.vacancies->UpsertVacancies(&ctx, &grpc_resp);
    cakap::v1::UpsertVacanciesRequest one;
    one.mutable_vacancy()->set_id("vg-1");
    one.mutable_vacancy()->add_required_skills("LAS");
    writer->Write(one);
    writer->Write(cakap::v1::UpsertVacanciesRequest());  // no vacancy: rejected
    writer->WritesDone();
    grpc::Status st = writer->Finish();
    if (key == &server_.keys.partner) {
      EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED);
      continue;
    }
    ASSERT_TRUE(st.ok()) << st.error_message();
    EXPECT_EQ(grpc_resp.accepted(), 1);
    ASSERT_EQ(grpc_resp.rejections_size(), 1);
    EXPECT_EQ(grpc_resp.rejections(0).reason(), "vacancy: required");
  }
}

TEST_F(HttpTest, AnImportCutShortSaysWhatWasCommitted) {
  std::string body;
  for (int i = 0; i < 600; ++i) {
    body += R"({"id":"cut-)" + std::to_string(i) + R"(","skills":["LAS"],"domicile":{"regionCode":"63.11"}})" "\n";
  }
  body += R"({"id":"long","displayName":")" + std::string(5000, 'x') + R"("})" "\n";
  body += R"({"id":"never","skills":["LAS"]})" "\n";
  const int64_t before = Workers();
  httplib::Result r = Post("/v1/import/workers", server_.keys.portal, body, "application/jsonl");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 499);
  nlohmann::json error = nlohmann::json::parse(r->body);
  EXPECT_EQ(error.value("code", ""), "canceled");
  EXPECT_EQ(error.value("message", ""),
            "import cut: a line over 4096 bytes (500 records committed before, 0 rejected)");
  EXPECT_EQ(Workers(), before + 500);  // the first batch, and nothing after the cut
}

TEST_F(HttpTest, HealthReadinessAndMetrics) {
  httplib::Result health = http_.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  httplib::Result ready = http_.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);

  // /metrics on the API port needs an admin key.
  httplib::Result anonymous = http_.Get("/metrics");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  httplib::Result partner = http_.Get("/metrics", {{"Authorization", "Bearer " + server_.keys.partner}});
  ASSERT_TRUE(partner);
  EXPECT_EQ(partner->status, 403);

  const cakap::service::Metrics& metrics = server_.server->metrics();
  const std::string series = "cakap_requests_total{rpc=\"GetWorker\",code=\"OK\",transport=\"http\"} ";
  const std::string before = metrics.Render();
  EXPECT_EQ(before.find(series), std::string::npos);
  ASSERT_TRUE(Post("/cakap.v1.WorkerService/GetWorker", server_.keys.portal, R"({"id":"w-1"})"));
  ASSERT_TRUE(Post("/cakap.v1.WorkerService/GetWorker", server_.keys.portal, R"({"id":"w-1"})"));
  EXPECT_EQ(GetWorker(server_, server_.keys.portal, "w-1").error_code(), grpc::StatusCode::OK);
  // A partner's read: one audit line, one fdatasync.
  EXPECT_EQ(GetWorker(server_, server_.keys.partner, "w-1").error_code(), grpc::StatusCode::OK);

  httplib::Result admin = http_.Get("/metrics", {{"Authorization", "Bearer " + server_.keys.admin}});
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 200);
  EXPECT_NE(admin->body.find(series + "2\n"), std::string::npos) << admin->body;
  EXPECT_NE(admin->body.find(
                "cakap_requests_total{rpc=\"GetWorker\",code=\"OK\",transport=\"grpc\"} 2\n"),
            std::string::npos);
  EXPECT_NE(admin->body.find("cakap_index_workers 3\n"), std::string::npos);
  EXPECT_NE(admin->body.find("cakap_writes_serving 1\n"), std::string::npos);
  EXPECT_NE(admin->body.find("cakap_key_reload_failures 0\n"), std::string::npos);
  EXPECT_NE(admin->body.find("cakap_request_duration_seconds_bucket{rpc=\"GetWorker\",transport=\"http\",le=\"+Inf\"} 2\n"),
            std::string::npos);
  // The fixture's 3 workers and 1 vacancy: 4 commits of one write each.
  EXPECT_NE(admin->body.find("cakap_commit_duration_seconds_count{ok=\"true\"} 4\n"),
            std::string::npos);
  EXPECT_NE(admin->body.find("cakap_commit_writes_bucket{le=\"1\"} 4\n"), std::string::npos);
  EXPECT_NE(admin->body.find("cakap_audit_sync_duration_seconds_count 1\n"), std::string::npos);
  const size_t cache = admin->body.find("\ncakap_record_cache_bytes ");
  ASSERT_NE(cache, std::string::npos);
  EXPECT_GT(std::stod(admin->body.substr(cache + 26)), 0);

  // The separate metrics address needs no key and serves nothing else.
  httplib::Client ops("127.0.0.1", server_.server->metrics_port());
  httplib::Result open = ops.Get("/metrics");
  ASSERT_TRUE(open);
  EXPECT_EQ(open->status, 200);
  EXPECT_NE(open->body.find(series), std::string::npos);
  httplib::Result rpc = ops.Post("/cakap.v1.AdminService/Stats", "{}", "application/json");
  ASSERT_TRUE(rpc);
  EXPECT_EQ(rpc->status, 404);
}

TEST_F(HttpTest, CorsOnlyForListedOrigins) {
  httplib::Result pre = http_.Options("/cakap.v1.MatchService/MatchCandidates",
                                      {{"Origin", "https://portal.example"},
                                       {"Access-Control-Request-Method", "POST"}});
  ASSERT_TRUE(pre);
  EXPECT_EQ(pre->status, 204);
  EXPECT_EQ(pre->get_header_value("Access-Control-Allow-Origin"), "https://portal.example");
  EXPECT_NE(pre->get_header_value("Access-Control-Allow-Headers").find("Authorization"),
            std::string::npos);
  httplib::Result other = http_.Options("/cakap.v1.MatchService/MatchCandidates",
                                        {{"Origin", "https://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  httplib::Result call = Post("/cakap.v1.WorkerService/GetWorker", server_.keys.portal,
                              R"({"id":"w-1"})", "application/json",
                              {{"Origin", "https://portal.example"}});
  ASSERT_TRUE(call);
  EXPECT_EQ(call->get_header_value("Access-Control-Allow-Origin"), "https://portal.example");
}

}  // namespace
}  // namespace cakap_svc_test
