// cakapd's HTTP port as the web console's home: static files from --web-root at / with
// the right content types, nothing outside the directory reachable (no "..", hidden
// files or symbolic links leading out), and the API's own paths (rpcs, imports,
// /healthz, /readyz, /metrics) never shadowed by a file of the same name. Also the
// LexiconService the console's autocomplete and map use, over HTTP and gRPC.
#include <httplib.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "cakap/v1/lexicon.grpc.pb.h"
#include "nlohmann/json.hpp"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

void Write(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  ASSERT_TRUE(out.good()) << path;
}

// A console directory holding decoys named like the API's paths, beside a secret file.
std::string MakeWebRoot(const cakap_test::TempDir& dir) {
  const std::string root = dir.Sub("web");
  EXPECT_EQ(mkdir(root.c_str(), 0755), 0);
  EXPECT_EQ(mkdir((root + "/assets").c_str(), 0755), 0);
  EXPECT_EQ(mkdir((root + "/cakap.v1.AdminService").c_str(), 0755), 0);
  EXPECT_EQ(mkdir((root + "/v1").c_str(), 0755), 0);
  Write(root + "/index.html", "<!doctype html><title>console</title>");
  Write(root + "/assets/app-1234.js", "console.log('app');");
  Write(root + "/assets/app-1234.css", "body{}");
  Write(root + "/assets/logo.png", "\x89PNG\r\n");
  Write(root + "/healthz", "DECOY healthz");
  Write(root + "/readyz", "DECOY readyz");
  Write(root + "/metrics", "DECOY metrics");
  Write(root + "/cakap.v1.AdminService/Stats", "DECOY rpc");
  Write(root + "/v1/import", "DECOY import");
  Write(root + "/.env", "DECOY hidden");
  Write(dir.Sub("secret.txt"), "SECRET outside the web root");
  EXPECT_EQ(symlink(dir.Sub("secret.txt").c_str(), (root + "/link.txt").c_str()), 0);
  return root;
}

class WebConsoleTest : public ::testing::Test {
 protected:
  WebConsoleTest()
      : root_(MakeWebRoot(web_dir_)),
        server_([this](cakap::service::ServerOptions* o) {
          o->http.listen = "127.0.0.1:0";
          o->http.static_dir = root_;
        }),
        http_("127.0.0.1", server_.server->http_port()) {
    http_.set_read_timeout(30, 0);
  }

  httplib::Result Post(const std::string& path, const std::string& key, const std::string& body) {
    httplib::Headers headers;
    if (!key.empty()) headers.emplace("Authorization", "Bearer " + key);
    return http_.Post(path, headers, body, "application/json");
  }

  cakap_test::TempDir web_dir_;
  std::string root_;
  TestServer server_;
  httplib::Client http_;
};

TEST_F(WebConsoleTest, ServesTheConsoleWithContentTypes) {
  httplib::Result index = http_.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>console</title>");
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("connect-src 'self'"),
            std::string::npos);
  EXPECT_EQ(index->get_header_value("Cache-Control"), "no-cache");

  const struct {
    const char* path;
    const char* type;
  } files[] = {
      {"/index.html", "text/html; charset=utf-8"},
      {"/assets/app-1234.js", "text/javascript; charset=utf-8"},
      {"/assets/app-1234.css", "text/css; charset=utf-8"},
      {"/assets/logo.png", "image/png"},
  };
  for (const auto& f : files) {
    httplib::Result r = http_.Get(f.path);
    ASSERT_TRUE(r) << f.path;
    EXPECT_EQ(r->status, 200) << f.path;
    EXPECT_EQ(r->get_header_value("Content-Type"), f.type) << f.path;
  }
  httplib::Result js = http_.Get("/assets/app-1234.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->body, "console.log('app');");
  EXPECT_EQ(js->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");

  httplib::Result missing = http_.Get("/assets/none.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing->body).value("code", ""), "not_found");
}

TEST_F(WebConsoleTest, NothingOutsideTheDirectoryIsReachable) {
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
        "/assets/%2E%2E/%2E%2E/secret.txt", "/link.txt", "/.env", "/assets/..%2f..%2fsecret.txt",
        "//etc/passwd", "/assets\\..\\..\\secret.txt", "/assets/%00.js"}) {
    httplib::Result r = http_.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(r->body.find("SECRET"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("DECOY"), std::string::npos) << path;
  }
  // Still serving.
  httplib::Result ok = http_.Get("/");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(WebConsoleTest, ApiPathsAreNeverShadowedByFiles) {
  httplib::Result health = http_.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->body, "ok\n");
  httplib::Result ready = http_.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->body, "ready\n");
  // /metrics still needs an admin key: a file of that name changes nothing.
  httplib::Result metrics = http_.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 401);
  EXPECT_EQ(metrics->body.find("DECOY"), std::string::npos);
  httplib::Headers admin = {{"Authorization", "Bearer " + server_.keys.admin}};
  httplib::Result scraped = http_.Get("/metrics", admin);
  ASSERT_TRUE(scraped);
  EXPECT_EQ(scraped->status, 200);
  EXPECT_NE(scraped->body.find("cakap_"), std::string::npos);
  // A GET of an rpc path or an import path is no file either.
  for (const char* path : {"/cakap.v1.AdminService/Stats", "/v1/import"}) {
    httplib::Result get = http_.Get(path);
    ASSERT_TRUE(get) << path;
    EXPECT_EQ(get->status, 404) << path;
    EXPECT_EQ(get->body.find("DECOY"), std::string::npos) << path;
  }
  // The rpc itself answers as ever.
  httplib::Result stats = Post("/cakap.v1.AdminService/Stats", server_.keys.admin, "{}");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_TRUE(nlohmann::json::parse(stats->body).is_object()) << stats->body;
}

TEST(WebConsoleOffTest, NoWebRootServesNoFiles) {
  TestServer server([](cakap::service::ServerOptions* o) { o->http.listen = "127.0.0.1:0"; });
  httplib::Client http("127.0.0.1", server.server->http_port());
  httplib::Result r = http.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(WebConsoleTest, LookupSkillsFindsIndonesianAndEnglishNamesOverHttp) {
  httplib::Result juru = Post("/cakap.v1.LexiconService/LookupSkills", server_.keys.partner,
                              R"({"query":"juru las","limit":3})");
  ASSERT_TRUE(juru);
  ASSERT_EQ(juru->status, 200) << juru->body;
  nlohmann::json skills = nlohmann::json::parse(juru->body)["skills"];
  ASSERT_FALSE(skills.empty()) << juru->body;
  EXPECT_EQ(skills[0]["code"], "LAS");
  EXPECT_EQ(skills[0]["matched"], "juru las");
  EXPECT_EQ(skills[0]["nameId"], "Pengelasan");
  EXPECT_EQ(skills[0]["nameEn"], "Welding");

  // A prefix of an English name: every welding skill, exact family first, then by code.
  httplib::Result weld = Post("/cakap.v1.LexiconService/LookupSkills", server_.keys.partner,
                              R"({"query":"weld","limit":50})");
  ASSERT_TRUE(weld);
  ASSERT_EQ(weld->status, 200) << weld->body;
  nlohmann::json welding = nlohmann::json::parse(weld->body)["skills"];
  ASSERT_GE(welding.size(), 2u) << weld->body;
  bool smaw = false;
  for (const auto& s : welding) {
    if (s["code"] == "LAS.SMAW") {
      smaw = true;
      EXPECT_EQ(s["parentCode"], "LAS");
    }
  }
  EXPECT_TRUE(smaw) << weld->body;

  httplib::Result empty =
      Post("/cakap.v1.LexiconService/LookupSkills", server_.keys.partner, R"({"query":" ,"})");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  EXPECT_EQ(nlohmann::json::parse(empty->body).value("message", ""), "query: required");
  httplib::Result limit = Post("/cakap.v1.LexiconService/LookupSkills", server_.keys.partner,
                               R"({"query":"las","limit":51})");
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->status, 400);
  EXPECT_EQ(nlohmann::json::parse(limit->body).value("message", "").rfind("limit: ", 0), 0u);
  httplib::Result too_long = Post("/cakap.v1.LexiconService/LookupSkills", server_.keys.partner,
                                  R"({"query":")" + std::string(101, 'a') + R"("})");
  ASSERT_TRUE(too_long);
  EXPECT_EQ(too_long->status, 400);
  EXPECT_EQ(nlohmann::json::parse(too_long->body).value("message", "").rfind("query: ", 0), 0u);
  httplib::Result anonymous =
      Post("/cakap.v1.LexiconService/LookupSkills", "", R"({"query":"las"})");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(WebConsoleTest, ListRegionsOverHttpAndGrpcAgree) {
  httplib::Result http = Post("/cakap.v1.LexiconService/ListRegions", server_.keys.partner,
                              R"({"provinceCode":"63"})");
  ASSERT_TRUE(http);
  ASSERT_EQ(http->status, 200) << http->body;
  nlohmann::json regions = nlohmann::json::parse(http->body)["regions"];
  ASSERT_GT(regions.size(), 10u);
  EXPECT_EQ(regions[0]["code"], "63");
  EXPECT_EQ(regions[0]["level"], "province");
  bool balangan = false;
  for (const auto& r : regions) {
    EXPECT_EQ(r["provinceCode"], "63");
    if (r["code"] == "63.11") {
      balangan = true;
      EXPECT_EQ(r["name"], "Kabupaten Balangan");
      EXPECT_NEAR(r["latitude"].get<double>(), -2.3, 0.3);
      EXPECT_NEAR(r["longitude"].get<double>(), 115.6, 0.3);
    }
  }
  EXPECT_TRUE(balangan);

  auto stub = cakap::v1::LexiconService::NewStub(server_.channel);
  grpc::ClientContext ctx;
  Auth(&ctx, server_.keys.partner);
  cakap::v1::ListRegionsRequest req;
  req.set_province_code("63");
  cakap::v1::ListRegionsResponse resp;
  ASSERT_TRUE(stub->ListRegions(&ctx, req, &resp).ok());
  ASSERT_EQ(static_cast<size_t>(resp.regions_size()), regions.size());
  for (int i = 0; i < resp.regions_size(); ++i) {
    EXPECT_EQ(resp.regions(i).code(), regions[i]["code"]);
  }

  grpc::ClientContext bad_ctx;
  Auth(&bad_ctx, server_.keys.portal);
  req.set_province_code("63.11");
  grpc::Status bad = stub->ListRegions(&bad_ctx, req, &resp);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(bad.error_message().rfind("province_code: ", 0), 0u) << bad.error_message();
}

}  // namespace
}  // namespace cakap_svc_test
