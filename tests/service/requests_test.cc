// Validation (status and field name for each bad request), the streaming import, and the
// standard health and reflection services.
#include <string>
#include <vector>

#include <grpcpp/generic/generic_stub.h>

#include "absl/strings/match.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using namespace cakap::v1;  // NOLINT: request/response types
using ::testing::HasSubstr;

struct BadRequest {
  std::string name;
  std::function<grpc::Status(TestServer&)> call;
  grpc::StatusCode code;
  std::string field;  // the message starts with it (INVALID_ARGUMENT) or contains it
};

grpc::Status MatchWith(TestServer& s, std::function<void(MatchCandidatesRequest*)> edit,
                       const std::string& key = "") {
  MatchCandidatesRequest req = MatchRequest(VacancyBuilder().Require("LAS"), 20);
  edit(&req);
  return Match(s, key.empty() ? s.keys.admin : key, req);
}

grpc::Status Upsert(TestServer& s, std::function<void(Worker*)> edit) {
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.portal);
  UpsertWorkerRequest req;
  *req.mutable_worker() = WorkerBuilder("w-x").Skill("LAS").Build();
  edit(req.mutable_worker());
  UpsertWorkerResponse resp;
  return s.workers->UpsertWorker(&ctx, req, &resp);
}

grpc::Status MatchVacanciesWith(TestServer& s, const std::string& worker_id, int limit) {
  return MatchVacancies(s, s.keys.portal, worker_id, limit);
}

template <typename Req, typename Resp, typename Method>
grpc::Status CallWithId(TestServer& s, Method method, const std::string& id) {
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.admin);
  Req req;
  req.set_id(id);
  Resp resp;
  return method(&ctx, req, &resp);
}

TEST(SvcValidationTest, BadRequestsNameTheField) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  s.Put(WorkerBuilder("w-1").Skill("LAS").Build());
  constexpr auto kInvalid = grpc::StatusCode::INVALID_ARGUMENT;
  constexpr auto kNotFound = grpc::StatusCode::NOT_FOUND;
  const std::vector<BadRequest> cases = {
      {"page_size too big", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->mutable_options()->set_page_size(201); });
       }, kInvalid, "options.page_size"},
      {"page_size negative", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->mutable_options()->set_page_size(-1); });
       }, kInvalid, "options.page_size"},
      {"near_miss_limit", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->mutable_options()->set_near_miss_limit(101); });
       }, kInvalid, "options.near_miss_limit"},
      {"page_token garbage", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->mutable_options()->set_page_token("garbage"); });
       }, kInvalid, "options.page_token"},
      {"no vacancy", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->clear_vacancy(); });
       }, kInvalid, "vacancy"},
      {"empty vacancy_id", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->set_vacancy_id(""); });
       }, kInvalid, "vacancy_id"},
      {"unknown vacancy_id", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->set_vacancy_id("nope"); });
       }, kNotFound, "vacancy nope"},
      {"unknown skill", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->mutable_vacancy()->add_required_skills("zzqx-no-such-skill"); });
       }, kInvalid, "vacancy.required_skills[1]"},
      {"radius without location", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->mutable_vacancy()->set_radius_km(10); });
       }, kInvalid, "vacancy.radius_km"},
      {"unknown region", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->mutable_vacancy()->add_region_codes("99.99"); });
       }, kInvalid, "vacancy.region_codes[0]"},
      {"unknown region, restricted partner", [](TestServer& s) {
         return MatchWith(s, [](auto* r) { r->mutable_vacancy()->add_region_codes("99.99"); },
                          s.keys.partner_kaltim);
       }, kInvalid, "vacancy.region_codes[0]"},
      {"MatchVacancies no worker_id", [](TestServer& s) { return MatchVacanciesWith(s, "", 0); },
       kInvalid, "worker_id"},
      {"MatchVacancies limit too big", [](TestServer& s) { return MatchVacanciesWith(s, "w-1", 1001); },
       kInvalid, "limit"},
      {"MatchVacancies limit negative", [](TestServer& s) { return MatchVacanciesWith(s, "w-1", -1); },
       kInvalid, "limit"},
      {"MatchVacancies unknown worker", [](TestServer& s) { return MatchVacanciesWith(s, "nope", 0); },
       kNotFound, "worker nope"},
      {"UpsertWorker missing worker", [](TestServer& s) {
         grpc::ClientContext ctx;
         Auth(&ctx, s.keys.portal);
         UpsertWorkerResponse resp;
         return s.workers->UpsertWorker(&ctx, UpsertWorkerRequest(), &resp);
       }, kInvalid, "worker"},
      {"UpsertWorker bad latitude", [](TestServer& s) {
         return Upsert(s, [](Worker* w) {
           w->mutable_domicile()->set_latitude(95);
           w->mutable_domicile()->set_has_coordinates(true);
         });
       }, kInvalid, "worker.domicile.latitude"},
      {"UpsertWorker bad nik", [](TestServer& s) {
         return Upsert(s, [](Worker* w) { w->set_nik("123"); });
       }, kInvalid, "worker.nik"},
      {"UpsertWorker no id", [](TestServer& s) {
         return Upsert(s, [](Worker* w) { w->clear_id(); });
       }, kInvalid, "worker.id"},
      {"UpsertVacancy missing vacancy", [](TestServer& s) {
         grpc::ClientContext ctx;
         Auth(&ctx, s.keys.portal);
         UpsertVacancyResponse resp;
         return s.vacancies->UpsertVacancy(&ctx, UpsertVacancyRequest(), &resp);
       }, kInvalid, "vacancy"},
      {"UpsertVacancy no id", [](TestServer& s) {
         grpc::ClientContext ctx;
         Auth(&ctx, s.keys.portal);
         UpsertVacancyRequest req;
         *req.mutable_vacancy() = VacancyBuilder("").Require("LAS").Build();
         UpsertVacancyResponse resp;
         return s.vacancies->UpsertVacancy(&ctx, req, &resp);
       }, kInvalid, "vacancy.id"},
      {"GetWorker no id", [](TestServer& s) {
         return CallWithId<GetWorkerRequest, GetWorkerResponse>(
             s, [&](auto* c, auto& q, auto* r) { return s.workers->GetWorker(c, q, r); }, "");
       }, kInvalid, "id"},
      {"GetWorker unknown", [](TestServer& s) {
         return CallWithId<GetWorkerRequest, GetWorkerResponse>(
             s, [&](auto* c, auto& q, auto* r) { return s.workers->GetWorker(c, q, r); }, "nope");
       }, kNotFound, "worker nope"},
      {"DeleteWorker no id", [](TestServer& s) {
         return CallWithId<DeleteWorkerRequest, DeleteWorkerResponse>(
             s, [&](auto* c, auto& q, auto* r) { return s.workers->DeleteWorker(c, q, r); }, "");
       }, kInvalid, "id"},
      {"DeleteWorker unknown", [](TestServer& s) {
         return CallWithId<DeleteWorkerRequest, DeleteWorkerResponse>(
             s, [&](auto* c, auto& q, auto* r) { return s.workers->DeleteWorker(c, q, r); }, "nope");
       }, kNotFound, "worker nope"},
      {"GetVacancy no id", [](TestServer& s) {
         return CallWithId<GetVacancyRequest, GetVacancyResponse>(
             s, [&](auto* c, auto& q, auto* r) { return s.vacancies->GetVacancy(c, q, r); }, "");
       }, kInvalid, "id"},
      {"GetVacancy unknown", [](TestServer& s) {
         return CallWithId<GetVacancyRequest, GetVacancyResponse>(
             s, [&](auto* c, auto& q, auto* r) { return s.vacancies->GetVacancy(c, q, r); }, "nope");
       }, kNotFound, "vacancy nope"},
      {"ListVacancies page_size too large", [](TestServer& s) {
         grpc::ClientContext ctx;
         Auth(&ctx, s.keys.portal);
         ListVacanciesRequest req;
         req.set_page_size(cakap::kMaxVacancyListPageSize + 1);
         ListVacanciesResponse resp;
         return s.vacancies->ListVacancies(&ctx, req, &resp);
       }, kInvalid, "page_size"},
      {"ListVacancies malformed page_token", [](TestServer& s) {
         grpc::ClientContext ctx;
         Auth(&ctx, s.keys.portal);
         ListVacanciesRequest req;
         req.set_page_token("not-a-token");
         ListVacanciesResponse resp;
         return s.vacancies->ListVacancies(&ctx, req, &resp);
       }, kInvalid, "page_token"},
      {"ListVacancies page_token over the limit", [](TestServer& s) {
         grpc::ClientContext ctx;
         Auth(&ctx, s.keys.portal);
         ListVacanciesRequest req;
         req.set_page_token(std::string(cakap::kMaxPageTokenBytes + 1, 'A'));
         ListVacanciesResponse resp;
         return s.vacancies->ListVacancies(&ctx, req, &resp);
       }, kInvalid, "page_token"},
      {"ListVacancies another owner as a partner", [](TestServer& s) {
         grpc::ClientContext ctx;
         Auth(&ctx, s.keys.partner);
         ListVacanciesRequest req;
         req.set_owner("partner-kaltim");
         ListVacanciesResponse resp;
         return s.vacancies->ListVacancies(&ctx, req, &resp);
       }, grpc::StatusCode::PERMISSION_DENIED, "owner"},
      {"DeleteVacancy no id", [](TestServer& s) {
         return CallWithId<DeleteVacancyRequest, DeleteVacancyResponse>(
             s, [&](auto* c, auto& q, auto* r) { return s.vacancies->DeleteVacancy(c, q, r); }, "");
       }, kInvalid, "id"},
  };
  for (const BadRequest& c : cases) {
    grpc::Status st = c.call(s);
    EXPECT_EQ(st.error_code(), c.code) << c.name << ": " << Describe(st);
    if (c.code == kInvalid) {
      EXPECT_TRUE(absl::StartsWith(st.error_message(), c.field + ":") ||
                  absl::StartsWith(st.error_message(), c.field + " "))
          << c.name << ": " << st.error_message();
    } else {
      EXPECT_THAT(st.error_message(), HasSubstr(c.field)) << c.name;
    }
  }
  // Nothing was written by the rejected upserts.
  EXPECT_EQ(GetWorker(s, s.keys.admin, "w-x").error_code(), grpc::StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------------------------------
// Streaming import.

TEST(SvcImportTest, BadRecordsInTheMiddleDoNotStopTheStream) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  constexpr int kRecords = 1203;  // three engine batches of 500
  const std::vector<int> bad = {3, 499, 500, 501, 777, 1202};
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.portal);
  UpsertWorkersResponse resp;
  auto writer = s.workers->UpsertWorkers(&ctx, &resp);
  for (int i = 0; i < kRecords; ++i) {
    UpsertWorkersRequest req;
    const std::string id = "imp-" + std::to_string(i);
    if (i == 500) {
      // no worker at all
    } else if (i == 777) {
      *req.mutable_worker() = WorkerBuilder(id).Nik("12").Build();
    } else if (i == 499) {
      *req.mutable_worker() = WorkerBuilder(id).Travel(-5).Build();
    } else if (i == 3 || i == 501 || i == 1202) {
      *req.mutable_worker() = WorkerBuilder(id).Region("99.99").Build();
    } else {
      *req.mutable_worker() = WorkerBuilder(id).Skill("LAS").Build();
    }
    ASSERT_TRUE(writer->Write(req)) << i;
  }
  ASSERT_TRUE(writer->WritesDone());
  grpc::Status st = writer->Finish();
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(resp.accepted(), kRecords - static_cast<int>(bad.size()));
  EXPECT_EQ(resp.rejected(), static_cast<int>(bad.size()));
  ASSERT_EQ(resp.rejections_size(), static_cast<int>(bad.size()));
  for (size_t k = 0; k < bad.size(); ++k) {
    EXPECT_EQ(resp.rejections(k).index(), bad[k]);
  }
  EXPECT_EQ(resp.rejections(0).worker_id(), "imp-3");
  EXPECT_THAT(resp.rejections(0).reason(), HasSubstr("domicile.region_code"));
  EXPECT_THAT(resp.rejections(1).reason(), HasSubstr("travel_km"));
  EXPECT_EQ(resp.rejections(2).reason(), "worker: required");
  EXPECT_EQ(resp.rejections(4).worker_id(), "imp-777");
  EXPECT_THAT(resp.rejections(4).reason(), HasSubstr("nik"));

  StatsResponse stats;
  ASSERT_TRUE(Stats(s, s.keys.admin, &stats).ok());
  EXPECT_EQ(stats.workers(), kRecords - static_cast<int>(bad.size()));
  EXPECT_TRUE(GetWorker(s, s.keys.portal, "imp-1201").ok());
  EXPECT_TRUE(GetWorker(s, s.keys.portal, "imp-502").ok());
  EXPECT_EQ(GetWorker(s, s.keys.portal, "imp-501").error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST(SvcImportTest, EmptyStream) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.admin);
  UpsertWorkersResponse resp;
  auto writer = s.workers->UpsertWorkers(&ctx, &resp);
  ASSERT_TRUE(writer->WritesDone());
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(resp.accepted(), 0);
  EXPECT_EQ(resp.rejected(), 0);
}

// ---------------------------------------------------------------------------------------
// Health and reflection (no key needed), called with raw protobuf bytes through the
// generic stub: their generated stubs are not installed.

TEST(SvcStandardTest, HealthServingForEveryService) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  for (const std::string name : {"", "cakap.v1.WorkerService", "cakap.v1.VacancyService",
                                 "cakap.v1.MatchService", "cakap.v1.AdminService",
                                 "cakap.v1.LexiconService", "cakap.v1.AllocationService",
                                 "cakap.v1.AlertService"}) {
    std::string resp;
    grpc::Status st = RawUnary(s, "/grpc.health.v1.Health/Check", "",
                               name.empty() ? "" : Delimited(1, name), &resp);
    ASSERT_TRUE(st.ok()) << name << ": " << Describe(st);
    EXPECT_EQ(resp, std::string("\x08\x01", 2)) << name;  // status: SERVING
  }
  std::string resp;
  EXPECT_EQ(RawUnary(s, "/grpc.health.v1.Health/Check", "",
                     Delimited(1, "no.such.Service"), &resp).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST(SvcStandardTest, ReflectionListsTheServices) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  grpc::GenericStub stub(s.channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  grpc::CompletionQueue cq;
  void* tag = nullptr;
  bool ok = false;
  auto call = stub.PrepareCall(&ctx, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                               &cq);
  call->StartCall(reinterpret_cast<void*>(1));
  ASSERT_TRUE(cq.Next(&tag, &ok) && ok);
  grpc::Slice slice(Delimited(7, ""));  // list_services: ""
  grpc::ByteBuffer req(&slice, 1);
  call->Write(req, reinterpret_cast<void*>(2));
  ASSERT_TRUE(cq.Next(&tag, &ok) && ok);
  grpc::ByteBuffer resp;
  call->Read(&resp, reinterpret_cast<void*>(3));
  ASSERT_TRUE(cq.Next(&tag, &ok) && ok);
  call->WritesDone(reinterpret_cast<void*>(4));
  ASSERT_TRUE(cq.Next(&tag, &ok));
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  ASSERT_TRUE(cq.Next(&tag, &ok));
  EXPECT_TRUE(status.ok()) << Describe(status);
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(resp.Dump(&slices).ok());
  std::string bytes;
  for (const auto& sl : slices) bytes.append(reinterpret_cast<const char*>(sl.begin()), sl.size());
  for (const char* name : {"cakap.v1.WorkerService", "cakap.v1.VacancyService",
                           "cakap.v1.MatchService", "cakap.v1.AdminService",
                           "cakap.v1.LexiconService", "grpc.health.v1.Health"}) {
    EXPECT_THAT(bytes, HasSubstr(name));
  }
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
}

}  // namespace
}  // namespace cakap_svc_test
