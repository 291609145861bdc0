// VacancyService.ListVacancies through cakapd, over gRPC and HTTP/JSON alike: the portal
// and admins list every vacancy, a partner only its own (another owner is
// PERMISSION_DENIED naming `owner`), page tokens are bound to the key, bad input names
// the field.
#include <httplib.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "connect.h"
#include "google/protobuf/util/json_util.h"
#include "nlohmann/json.hpp"
#include "rpc.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

namespace pb = google::protobuf;
using cakap::v1::ListVacanciesRequest;
using cakap::v1::ListVacanciesResponse;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

cakap::v1::Vacancy Stored(const std::string& id, bool open, const std::string& owner) {
  cakap::v1::Vacancy v =
      VacancyBuilder(id).Require("LAS").Region("63.11").Radius(50).Open(open).Build();
  v.set_owner(owner);
  v.set_title("Juru las " + id);
  return v;
}

std::vector<std::string> Ids(const ListVacanciesResponse& r) {
  std::vector<std::string> ids;
  for (const cakap::v1::Vacancy& v : r.vacancies()) ids.push_back(v.id());
  return ids;
}

// One transport's answer: the status (absl codes, as both transports share them) and the
// reply.
struct Reply {
  absl::StatusCode code = absl::StatusCode::kOk;
  std::string message;
  ListVacanciesResponse response;
};

class ListVacanciesServiceTest : public ::testing::TestWithParam<cakap::service::Transport> {
 protected:
  ListVacanciesServiceTest()
      : server_([](cakap::service::ServerOptions* o) { o->http.listen = "127.0.0.1:0"; }),
        http_("127.0.0.1", server_.server->http_port()) {
    http_.set_read_timeout(30, 0);
    server_.Put(Stored("v-a", true, "partner"));
    server_.Put(Stored("v-b", false, "partner"));
    server_.Put(Stored("v-c", true, "partner-kaltim"));
    server_.Put(Stored("v-d", true, ""));
    server_.Put(Stored("v-e", false, ""));
  }

  // ListVacancies as `key` over the test's transport.
  Reply List(const std::string& key, const ListVacanciesRequest& req) {
    Reply out;
    if (GetParam() == cakap::service::Transport::kGrpc) {
      grpc::ClientContext ctx;
      Auth(&ctx, key);
      grpc::Status st = server_.vacancies->ListVacancies(&ctx, req, &out.response);
      out.code = static_cast<absl::StatusCode>(st.error_code());
      out.message = st.error_message();
      return out;
    }
    std::string json;
    EXPECT_TRUE(pb::util::MessageToJsonString(req, &json).ok());
    httplib::Headers headers;
    if (!key.empty()) headers.emplace("Authorization", "Bearer " + key);
    httplib::Result r =
        http_.Post("/cakap.v1.VacancyService/ListVacancies", headers, json, "application/json");
    EXPECT_TRUE(r);
    if (!r) return {absl::StatusCode::kUnavailable, "no reply", {}};
    if (r->status == 200) {
      EXPECT_TRUE(pb::util::JsonStringToMessage(r->body, &out.response).ok()) << r->body;
      return out;
    }
    // A Connect error: {"code":"permission_denied","message":"..."}.
    const nlohmann::json error = nlohmann::json::parse(r->body, nullptr, false);
    EXPECT_TRUE(error.is_object()) << r->body;
    if (!error.is_object()) return {absl::StatusCode::kUnknown, r->body, {}};
    const std::string code = error.value("code", "");
    out.message = error.value("message", "");
    for (absl::StatusCode c :
         {absl::StatusCode::kInvalidArgument, absl::StatusCode::kPermissionDenied,
          absl::StatusCode::kUnauthenticated, absl::StatusCode::kNotFound}) {
      if (cakap::service::ConnectCodeName(c) == code) out.code = c;
    }
    EXPECT_NE(out.code, absl::StatusCode::kOk) << r->body;
    EXPECT_EQ(r->status, cakap::service::ConnectHttpStatus(out.code));
    return out;
  }
  Reply List(const std::string& key, bool open_only = false, const std::string& owner = "",
             int page_size = 0, const std::string& page_token = "") {
    ListVacanciesRequest req;
    req.set_open_only(open_only);
    req.set_owner(owner);
    req.set_page_size(page_size);
    req.set_page_token(page_token);
    return List(key, req);
  }

  TestServer server_;
  httplib::Client http_;
};

TEST_P(ListVacanciesServiceTest, PortalAndAdminListEveryVacancy) {
  for (const std::string& key : {server_.keys.portal, server_.keys.admin}) {
    Reply r = List(key);
    ASSERT_EQ(r.code, absl::StatusCode::kOk) << r.message;
    EXPECT_THAT(Ids(r.response), ElementsAre("v-a", "v-b", "v-c", "v-d", "v-e"));
    EXPECT_EQ(r.response.next_page_token(), "");
    // Owners are shown to the office.
    EXPECT_EQ(r.response.vacancies(2).owner(), "partner-kaltim");
    r = List(key, /*open_only=*/true);
    EXPECT_THAT(Ids(r.response), ElementsAre("v-a", "v-c", "v-d"));
    r = List(key, false, "partner");
    EXPECT_THAT(Ids(r.response), ElementsAre("v-a", "v-b"));
  }
}

TEST_P(ListVacanciesServiceTest, APartnerListsOnlyItsOwn) {
  Reply r = List(server_.keys.partner);
  ASSERT_EQ(r.code, absl::StatusCode::kOk) << r.message;
  // Its closed one too; not the open ones of others, which GetVacancy would show it.
  EXPECT_THAT(Ids(r.response), ElementsAre("v-a", "v-b"));
  EXPECT_EQ(r.response.vacancies(0).owner(), "partner");
  r = List(server_.keys.partner, true, "partner");
  ASSERT_EQ(r.code, absl::StatusCode::kOk) << r.message;
  EXPECT_THAT(Ids(r.response), ElementsAre("v-a"));
  r = List(server_.keys.partner_kaltim);
  EXPECT_THAT(Ids(r.response), ElementsAre("v-c"));
  r = List(server_.keys.partner_balangan);  // owns nothing
  ASSERT_EQ(r.code, absl::StatusCode::kOk) << r.message;
  EXPECT_EQ(r.response.vacancies_size(), 0);
  EXPECT_EQ(r.response.next_page_token(), "");
}

TEST_P(ListVacanciesServiceTest, APartnerAskingForAnotherOwnerIsRefused) {
  for (const char* owner : {"partner-kaltim", "portal", "nobody", "bad/name"}) {
    Reply r = List(server_.keys.partner, false, owner);
    EXPECT_EQ(r.code, absl::StatusCode::kPermissionDenied) << owner << ": " << r.message;
    EXPECT_THAT(r.message, StartsWith("owner: ")) << owner;
    EXPECT_EQ(r.response.vacancies_size(), 0);
  }
}

TEST_P(ListVacanciesServiceTest, PagesWithTokensBoundToTheKey) {
  std::vector<std::string> ids;
  std::string token;
  int pages = 0;
  do {
    Reply r = List(server_.keys.portal, false, "", 2, token);
    ASSERT_EQ(r.code, absl::StatusCode::kOk) << r.message;
    for (const std::string& id : Ids(r.response)) ids.push_back(id);
    token = r.response.next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(ids, ElementsAre("v-a", "v-b", "v-c", "v-d", "v-e"));

  // A partner pages through its own.
  Reply first = List(server_.keys.partner, false, "", 1);
  ASSERT_EQ(first.code, absl::StatusCode::kOk) << first.message;
  EXPECT_THAT(Ids(first.response), ElementsAre("v-a"));
  ASSERT_NE(first.response.next_page_token(), "");
  Reply second = List(server_.keys.partner, false, "", 1, first.response.next_page_token());
  ASSERT_EQ(second.code, absl::StatusCode::kOk) << second.message;
  EXPECT_THAT(Ids(second.response), ElementsAre("v-b"));
  EXPECT_EQ(second.response.next_page_token(), "");

  // Another key's token, an altered one, and garbage name page_token.
  Reply other = List(server_.keys.portal, false, "", 1, first.response.next_page_token());
  EXPECT_EQ(other.code, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(other.message, StartsWith("page_token: "));
  std::string altered = first.response.next_page_token();
  altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
  for (const std::string& bad : {altered, std::string("nonsense")}) {
    Reply r = List(server_.keys.partner, false, "", 1, bad);
    EXPECT_EQ(r.code, absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(r.message, StartsWith("page_token: ")) << bad;
  }
}

TEST_P(ListVacanciesServiceTest, BadInputNamesTheField) {
  Reply r = List(server_.keys.portal, false, "", cakap::kMaxVacancyListPageSize + 1);
  EXPECT_EQ(r.code, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.message, StartsWith("page_size: "));
  r = List(server_.keys.portal, false, "", -1);
  EXPECT_EQ(r.code, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.message, StartsWith("page_size: "));
  r = List(server_.keys.admin, false, "bad/name");
  EXPECT_EQ(r.code, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.message, StartsWith("owner: "));
  r = List(server_.keys.admin, false, std::string(cakap::kMaxOwnerNameBytes + 1, 'a'));
  EXPECT_EQ(r.code, absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.message, StartsWith("owner: "));
  r = List("", false);
  EXPECT_EQ(r.code, absl::StatusCode::kUnauthenticated);
}

INSTANTIATE_TEST_SUITE_P(Transports, ListVacanciesServiceTest,
                         ::testing::Values(cakap::service::Transport::kGrpc,
                                           cakap::service::Transport::kHttp),
                         [](const auto& info) {
                           return std::string(cakap::service::TransportName(info.param));
                         });

}  // namespace
}  // namespace cakap_svc_test
