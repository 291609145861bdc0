// AllocationService over gRPC and HTTP/JSON: the same reply on both; the partner rules
// (own vacancies only, no welfare weighting, its regions as the cohort, redaction,
// audit); validation errors naming the request field.
#include <fstream>
#include <string>
#include <vector>

#include <httplib.h>

#include "cakap/v1/allocation.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using ::testing::HasSubstr;
namespace v1 = cakap::v1;

class AllocationServiceTest : public ::testing::Test {
 protected:
  AllocationServiceTest()
      : server_([](cakap::service::ServerOptions* o) {
          o->http.listen = "127.0.0.1:0";
          o->audit_log = o->data_dir + "-audit";
        }),
        http_("127.0.0.1", server_.server->http_port()),
        stub_(v1::AllocationService::NewStub(server_.channel)) {
    http_.set_read_timeout(30, 0);
    server_.Put(WorkerBuilder("w-1").Region("63.11").Skill("LAS").Nik("6311010101900001")
                    .Decile(2).Build());
    server_.Put(WorkerBuilder("w-2").Region("64.02").Skill("LAS").Decile(9).Build());
    server_.Put(WorkerBuilder("w-3").Region("63.09").Skill("LAS").Build());
    v1::Vacancy own = VacancyBuilder("v-own").Require("LAS").Build();
    own.set_owner("partner");
    own.set_openings(2);
    server_.Put(own);
    server_.Put(VacancyBuilder("v-open").Require("LAS").Open().Build());
    server_.Put(VacancyBuilder("v-closed").Require("LAS").Build());
  }

  grpc::Status Allocate(const std::string& key, const v1::AllocateRequest& req,
                        v1::AllocationResult* out = nullptr) {
    grpc::ClientContext ctx;
    Auth(&ctx, key);
    v1::AllocateResponse resp;
    grpc::Status st = stub_->Allocate(&ctx, req, &resp);
    if (out != nullptr) *out = resp.result();
    return st;
  }

  TestServer server_;
  httplib::Client http_;
  std::unique_ptr<v1::AllocationService::Stub> stub_;
};

TEST_F(AllocationServiceTest, PortalAllocatesOverGrpcAndHttpAlike) {
  v1::AllocateRequest req;
  req.set_open_vacancies(true);
  req.add_vacancy_ids("v-own");
  v1::AllocationResult grpc_result;
  grpc::Status st = Allocate(server_.keys.portal, req, &grpc_result);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_EQ(grpc_result.vacancies_size(), 2);  // v-open, v-own: 1 + 2 places, 3 welders
  EXPECT_EQ(grpc_result.summary().assignments(), 3);
  EXPECT_EQ(grpc_result.placements_size(), 3);
  // Workers come as id and name only: the reply never carries the NIK.
  EXPECT_TRUE(grpc_result.vacancies(0).proposed(0).worker().nik().empty());

  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(req, &json).ok());
  httplib::Headers headers = {{"Authorization", "Bearer " + server_.keys.portal}};
  httplib::Result reply =
      http_.Post("/cakap.v1.AllocationService/Allocate", headers, json, "application/json");
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  v1::AllocateResponse http_resp;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(reply->body, &http_resp).ok());
  EXPECT_EQ(http_resp.result().SerializeAsString(), grpc_result.SerializeAsString());
}

TEST_F(AllocationServiceTest, ValidationNamesTheFieldOnBothTransports) {
  v1::AllocateRequest req;
  req.add_vacancy_ids("v-open");
  req.set_places_per_opening(500);
  grpc::Status st = Allocate(server_.keys.portal, req);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(st.error_message(), HasSubstr("places_per_opening"));
  httplib::Headers headers = {{"Authorization", "Bearer " + server_.keys.portal}};
  httplib::Result reply = http_.Post("/cakap.v1.AllocationService/Allocate", headers,
                                     R"({"vacancyIds":["v-open"],"cohortRegionCodes":["99"]})",
                                     "application/json");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_THAT(reply->body, HasSubstr("cohort_region_codes[0]"));
}

TEST_F(AllocationServiceTest, PartnersAllocateOnlyTheirOwnVacanciesRedactedAndAudited) {
  v1::AllocateRequest req;
  req.add_vacancy_ids("v-open");  // open, but not the partner's
  EXPECT_EQ(Allocate(server_.keys.partner, req).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  req.set_vacancy_ids(0, "v-closed");  // not even visible: as if missing
  EXPECT_EQ(Allocate(server_.keys.partner, req).error_code(), grpc::StatusCode::NOT_FOUND);
  req.set_vacancy_ids(0, "v-own");
  req.set_welfare_weight(0.5);
  grpc::Status st = Allocate(server_.keys.partner, req);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(st.error_message(), HasSubstr("welfare_weight"));
  req.set_welfare_weight(0);
  req.set_open_vacancies(true);
  EXPECT_EQ(Allocate(server_.keys.partner, req).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  req.set_open_vacancies(false);

  v1::AllocationResult r;
  st = Allocate(server_.keys.partner, req, &r);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_EQ(r.vacancies_size(), 1);
  ASSERT_EQ(r.vacancies(0).proposed_size(), 2);
  for (const v1::Candidate& c : r.vacancies(0).proposed()) {
    for (const v1::ScoreComponent& e : c.explanation()) EXPECT_NE(e.name(), "welfare");
  }
  std::ifstream audit(server_.options.audit_log);
  std::string line, last;
  while (std::getline(audit, line)) last = line;
  EXPECT_THAT(last, HasSubstr("\"rpc\":\"Allocate\""));
  EXPECT_THAT(last, HasSubstr("\"vacancy_ids\":[\"v-own\"]"));
  EXPECT_THAT(last, HasSubstr(r.vacancies(0).proposed(0).worker().id()));
}

// A restricted partner's regions are the cohort: Kalimantan Timur's key sees only w-2.
TEST_F(AllocationServiceTest, RestrictedPartnerCohortIsItsRegions) {
  v1::Vacancy own = VacancyBuilder("v-kaltim").Require("LAS").Build();
  own.set_owner("partner-kaltim");
  own.set_openings(5);
  server_.Put(own);
  v1::AllocateRequest req;
  req.add_vacancy_ids("v-kaltim");
  req.add_cohort_region_codes("63");  // replaced by the key's regions
  v1::AllocationResult r;
  grpc::Status st = Allocate(server_.keys.partner_kaltim, req, &r);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_EQ(r.placements_size(), 1);
  EXPECT_EQ(r.placements(0).worker_id(), "w-2");
}

}  // namespace
}  // namespace cakap_svc_test
