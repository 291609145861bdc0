// LedgerService and FiguresService through cakapd, over gRPC and HTTP/JSON alike: the
// partner rules (own vacancies only, no histories, suppressed figures, no welfare
// slices), the audit line of every ledger write, and the field names of errors.
#include <fstream>
#include <string>

#include <google/protobuf/util/json_util.h>
#include <httplib.h>

#include "absl/strings/match.h"
#include "cakap/v1/figures.pb.h"
#include "cakap/v1/ledger.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using cakap_test::VacancyBuilder;
using cakap_test::WorkerBuilder;
using ::testing::HasSubstr;

std::string PlacementBytes(const std::string& worker, const std::string& vacancy) {
  cakap::v1::RecordPlacementRequest req;
  req.mutable_entry()->set_worker_id(worker);
  req.mutable_entry()->mutable_placement()->set_kind(cakap::v1::PLACEMENT_KIND_JOB);
  req.mutable_entry()->mutable_placement()->set_vacancy_id(vacancy);
  req.mutable_entry()->mutable_placement()->set_date("2026-11-02");
  return req.SerializeAsString();
}

std::string PlacementJson(const std::string& worker, const std::string& vacancy) {
  return absl::StrCat(R"({"entry":{"workerId":")", worker,
                      R"(","placement":{"kind":"PLACEMENT_KIND_JOB","vacancyId":")", vacancy,
                      R"(","date":"2026-11-02"}}})");
}

class LedgerServiceTest : public ::testing::Test {
 protected:
  LedgerServiceTest()
      : server_([](cakap::service::ServerOptions* o) { o->http.listen = "127.0.0.1:0"; }),
        http_("127.0.0.1", server_.server->http_port()) {
    http_.set_read_timeout(30, 0);
    for (const char* id : {"w-1", "w-2", "w-3", "w-4"}) {
      server_.Put(WorkerBuilder(id).Region("63.11").Skill("LAS").Decile(3).Build());
    }
    cakap::v1::Vacancy mine = VacancyBuilder("mine").Require("LAS").Region("63.11").Open();
    mine.set_owner("partner");  // the test server's partner key is named "partner"
    mine.set_openings(5);
    cakap::v1::Vacancy theirs = mine;
    theirs.set_id("theirs");
    theirs.set_owner("pt-lain");
    server_.Put(mine);
    server_.Put(theirs);
  }

  httplib::Result Post(const std::string& path, const std::string& key, const std::string& body) {
    httplib::Headers headers = {{"Authorization", "Bearer " + key}};
    return http_.Post(path.c_str(), headers, body, "application/json");
  }

  TestServer server_;
  httplib::Client http_;
};

constexpr char kPlace[] = "/cakap.v1.LedgerService/RecordPlacement";
constexpr char kFigures[] = "/cakap.v1.FiguresService/GetFigures";

TEST_F(LedgerServiceTest, PartnerCannotPlaceIntoAnotherPartnersVacancyOverGrpcOrHttp) {
  const std::string& partner = server_.keys.partner;
  grpc::Status st = RawUnary(server_, kPlace, partner, PlacementBytes("w-1", "theirs"));
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  EXPECT_THAT(st.error_message(), HasSubstr("entry.placement.vacancy_id"));
  httplib::Result r = Post(kPlace, partner, PlacementJson("w-1", "theirs"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  EXPECT_THAT(r->body, HasSubstr("permission_denied"));
  // Nothing was written: the vacancy is unfilled and the worker has no history.
  cakap::v1::Vacancy theirs;
  {
    grpc::ClientContext ctx;
    Auth(&ctx, server_.keys.portal);
    cakap::v1::GetVacancyRequest req;
    req.set_id("theirs");
    cakap::v1::GetVacancyResponse resp;
    ASSERT_TRUE(server_.vacancies->GetVacancy(&ctx, req, &resp).ok());
    EXPECT_EQ(resp.vacancy().filled(), 0);
  }
  // Into its own vacancy: allowed, over both.
  std::string reply;
  st = RawUnary(server_, kPlace, partner, PlacementBytes("w-1", "mine"), &reply);
  ASSERT_TRUE(st.ok()) << Describe(st);
  cakap::v1::RecordPlacementResponse placed;
  ASSERT_TRUE(placed.ParseFromString(reply));
  EXPECT_EQ(placed.entry().seq(), 1);
  EXPECT_EQ(placed.entry().source(), "partner");
  r = Post(kPlace, partner, PlacementJson("w-2", "mine"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_THAT(r->body, HasSubstr(R"("source":"partner")"));
  // Every ledger write is in the audit log, with its seq.
  std::ifstream audit(server_.options.data_dir + "/audit.jsonl");
  std::string line, all;
  while (std::getline(audit, line)) {
    if (absl::StrContains(line, "RecordPlacement")) all += line + "\n";
  }
  EXPECT_THAT(all, HasSubstr(R"("worker_id":"w-1")"));
  EXPECT_THAT(all, HasSubstr(R"("worker_id":"w-2")"));
  EXPECT_THAT(all, HasSubstr(R"("ledger_seq":"1")"));
}

TEST_F(LedgerServiceTest, HistoryIsForPortalsOnly) {
  ASSERT_TRUE(RawUnary(server_, kPlace, server_.keys.portal, PlacementBytes("w-3", "")).ok());
  httplib::Result r = Post("/cakap.v1.LedgerService/GetHistory", server_.keys.portal,
                           R"({"workerId":"w-3"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_THAT(r->body, HasSubstr(R"("source":"portal")"));
  r = Post("/cakap.v1.LedgerService/GetHistory", server_.keys.partner, R"({"workerId":"w-3"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  // A validation error names the field in the request.
  r = Post(kPlace, server_.keys.portal,
           R"({"entry":{"workerId":"w-3","placement":{"kind":"PLACEMENT_KIND_JOB"}}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400) << r->body;
  EXPECT_THAT(r->body, HasSubstr("entry.placement.date: required"));
}

TEST_F(LedgerServiceTest, PartnerFiguresAreSuppressedAndWelfareSlicesDenied) {
  // Portal: exact.
  cakap::v1::GetFiguresRequest req;
  std::string reply;
  grpc::Status st = RawUnary(server_, kFigures, server_.keys.portal, req.SerializeAsString(), &reply);
  ASSERT_TRUE(st.ok()) << Describe(st);
  cakap::v1::GetFiguresResponse figures;
  ASSERT_TRUE(figures.ParseFromString(reply));
  EXPECT_EQ(figures.figures().workers().value(), 4);
  EXPECT_EQ(figures.min_cell_size(), 0);
  // Partner: 4 workers is below the minimum cell size of 10.
  st = RawUnary(server_, kFigures, server_.keys.partner, req.SerializeAsString(), &reply);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ASSERT_TRUE(figures.ParseFromString(reply));
  EXPECT_TRUE(figures.figures().workers().suppressed());
  EXPECT_EQ(figures.figures().workers().value(), 0);
  EXPECT_EQ(figures.min_cell_size(), 10);
  httplib::Result r = Post(kFigures, server_.keys.partner, "{}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_THAT(r->body, HasSubstr(R"("workers":{"suppressed":true})"));
  // Welfare slices: portal yes, partner no, over both transports.
  req.mutable_slice()->set_welfare_decile_max(4);
  EXPECT_TRUE(RawUnary(server_, kFigures, server_.keys.portal, req.SerializeAsString()).ok());
  st = RawUnary(server_, kFigures, server_.keys.partner, req.SerializeAsString());
  EXPECT_EQ(st.error_code(), grpc::StatusCode::PERMISSION_DENIED) << Describe(st);
  EXPECT_THAT(st.error_message(), ::testing::StartsWith("slice.welfare_decile_max: "));
  r = Post(kFigures, server_.keys.partner, R"({"slice":{"welfareDecileMax":4}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  EXPECT_THAT(r->body, HasSubstr(R"("message":"slice.welfare_decile_max: )"));
  // A partner limited to Kalimantan Timur may not ask about Balangan (South Kalimantan).
  r = Post(kFigures, server_.keys.partner_kaltim, R"({"slice":{"regionCodes":["63.11"]}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;
  r = Post(kFigures, server_.keys.partner_kaltim, R"({"slice":{"regionCodes":["64"]}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

}  // namespace
}  // namespace cakap_svc_test
