// What cakapd accepts from outside (issue 12, items 7-11): requests parsed from bytes
// (malformed and invalid UTF-8 are INVALID_ARGUMENT naming the field), limits with the
// request's field path, unknown fields never stored nor returned, page tokens bound to
// the key, partner reads audited and rate limited, and an import cut by shutdown saying
// what it committed.
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/generic/generic_stub.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cakap/v1/log.pb.h"
#include "google/protobuf/util/json_util.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using namespace cakap::v1;  // NOLINT: request/response types
using ::testing::HasSubstr;
using ::testing::Not;

TEST(SvcMalformedTest, InvalidUtf8AndMalformedRequestsAreInvalidArgument) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  // worker { id: "w-1" display_name: <invalid UTF-8> }
  const std::string bad_name =
      Delimited(1, Delimited(1, "w-1") + Delimited(2, "Siti \xff\xfe"));
  grpc::Status st = RawUnary(s, "/cakap.v1.WorkerService/UpsertWorker", s.keys.portal, bad_name);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(st);
  EXPECT_EQ(st.error_message(), "worker.display_name: is not valid UTF-8");
  // Nested and repeated: worker.certificates[1].scheme.
  const std::string bad_scheme = Delimited(
      1, Delimited(1, "w-1") + Delimited(9, Delimited(3, "ok")) + Delimited(9, Delimited(3, "\xc3")));
  st = RawUnary(s, "/cakap.v1.WorkerService/UpsertWorker", s.keys.portal, bad_scheme);
  EXPECT_EQ(st.error_message(), "worker.certificates[1].scheme: is not valid UTF-8");
  // options.page_token of a match.
  const std::string bad_token = Delimited(2, "v-1") + Delimited(3, Delimited(2, "\x80"));
  st = RawUnary(s, "/cakap.v1.MatchService/MatchCandidates", s.keys.partner, bad_token);
  EXPECT_EQ(st.error_message(), "options.page_token: is not valid UTF-8");
  // Not protobuf at all: a length running past the end.
  st = RawUnary(s, "/cakap.v1.WorkerService/GetWorker", s.keys.portal, "\x0a\x7f" "abc");
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(st);
  EXPECT_THAT(st.error_message(), HasSubstr("request: not a valid cakap.v1.GetWorkerRequest"));
  // Without a key it is still UNAUTHENTICATED first.
  st = RawUnary(s, "/cakap.v1.WorkerService/UpsertWorker", "", bad_name);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << Describe(st);
  EXPECT_EQ(GetWorker(s, s.keys.admin, "w-1").error_code(), grpc::StatusCode::NOT_FOUND);
  // A well-formed request through the same path works.
  st = RawUnary(s, "/cakap.v1.WorkerService/UpsertWorker", s.keys.portal,
                WorkerBuilder("w-2").Skill("LAS").Build().SerializeAsString());
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);  // a Worker is not a request
  UpsertWorkerRequest good;
  *good.mutable_worker() = WorkerBuilder("w-2").Skill("LAS").Build();
  st = RawUnary(s, "/cakap.v1.WorkerService/UpsertWorker", s.keys.portal, good.SerializeAsString());
  EXPECT_TRUE(st.ok()) << Describe(st);
}

TEST(SvcMalformedTest, ABadRecordInAStreamIsRejectedAndTheStreamGoesOn) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  grpc::GenericStub stub(s.channel);
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.portal);
  grpc::CompletionQueue cq;
  void* tag = nullptr;
  bool ok = false;
  auto call = stub.PrepareCall(&ctx, "/cakap.v1.WorkerService/UpsertWorkers", &cq);
  call->StartCall(reinterpret_cast<void*>(1));
  ASSERT_TRUE(cq.Next(&tag, &ok) && ok);
  std::vector<std::string> records;
  for (int i = 0; i < 5; ++i) {
    UpsertWorkersRequest r;
    *r.mutable_worker() = WorkerBuilder("s-" + std::to_string(i)).Skill("LAS").Build();
    records.push_back(r.SerializeAsString());
  }
  records[2] = Delimited(1, Delimited(1, "s-2") + Delimited(2, "\xff"));
  for (const std::string& r : records) {
    grpc::Slice slice(r);
    grpc::ByteBuffer buf(&slice, 1);
    call->Write(buf, reinterpret_cast<void*>(2));
    ASSERT_TRUE(cq.Next(&tag, &ok) && ok);
  }
  call->WritesDone(reinterpret_cast<void*>(3));
  ASSERT_TRUE(cq.Next(&tag, &ok));
  grpc::ByteBuffer resp_bytes;
  call->Read(&resp_bytes, reinterpret_cast<void*>(4));
  ASSERT_TRUE(cq.Next(&tag, &ok) && ok);
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  ASSERT_TRUE(cq.Next(&tag, &ok));
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  ASSERT_TRUE(status.ok()) << Describe(status);
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(resp_bytes.Dump(&slices).ok());
  std::string bytes;
  for (const auto& sl : slices) bytes.append(reinterpret_cast<const char*>(sl.begin()), sl.size());
  UpsertWorkersResponse resp;
  ASSERT_TRUE(resp.ParseFromString(bytes));
  EXPECT_EQ(resp.accepted(), 4);
  ASSERT_EQ(resp.rejections_size(), 1);
  EXPECT_EQ(resp.rejections(0).index(), 2);
  EXPECT_EQ(resp.rejections(0).reason(), "display_name: is not valid UTF-8");
  EXPECT_TRUE(GetWorker(s, s.keys.portal, "s-4").ok());  // read past the bad record
}

// The request's field path in every INVALID_ARGUMENT, and the limits of the one table.
TEST(SvcFieldPathTest, ErrorsNameTheRequestsFieldPath) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  MatchCandidatesRequest req;
  req.set_vacancy_id("has space");
  grpc::Status st = Match(s, s.keys.portal, req);
  EXPECT_EQ(st.error_message(), "vacancy_id: must be printable ASCII without spaces");
  req.set_vacancy_id(std::string(129, 'v'));
  st = Match(s, s.keys.portal, req);
  EXPECT_EQ(st.error_message(), "vacancy_id: is 129 bytes, at most 128 allowed");

  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.portal);
  UpsertWorkerRequest up;
  *up.mutable_worker() = WorkerBuilder("w-1").Skills({"LAS", "welder", "x"}).Build();
  up.mutable_worker()->set_skills(2, std::string(101, 'x'));
  UpsertWorkerResponse up_resp;
  st = s.workers->UpsertWorker(&ctx, up, &up_resp);
  EXPECT_EQ(st.error_message(), "worker.skills[2]: is 101 bytes, at most 100 allowed");

  // The reported case through the service: a 10 MB kecamatan, inline and stored.
  Vacancy big = VacancyBuilder("v-big").Require("LAS").Region("63.11").Radius(50).Open();
  big.mutable_location()->set_kecamatan(std::string(10 << 20, 'k'));
  st = Match(s, s.keys.partner, MatchRequest(big));
  EXPECT_EQ(st.error_message(), "vacancy.location.kecamatan: is 10485760 bytes, at most 100 allowed");
  grpc::ClientContext vctx;
  Auth(&vctx, s.keys.portal);
  UpsertVacancyRequest vreq;
  *vreq.mutable_vacancy() = big;
  UpsertVacancyResponse vresp;
  st = s.vacancies->UpsertVacancy(&vctx, vreq, &vresp);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(st.error_message(), "vacancy.location.kecamatan: is 10485760 bytes, at most 100 allowed");
  StatsResponse stats;
  ASSERT_TRUE(Stats(s, s.keys.admin, &stats).ok());
  EXPECT_EQ(stats.vacancies(), 0);
}

TEST(SvcUnknownFieldsTest, AnUnknownFieldInContactIsNeverStoredNorReturned) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  const std::string secret = "phone-0812-UNKNOWN-FIELD";
  Worker w = WorkerBuilder("w-u").Name("Siti").Region("63.11").Skill("LAS").Build();
  w.mutable_contact()->set_consent_to_share(false);
  w.mutable_contact()->GetReflection()->MutableUnknownFields(w.mutable_contact())
      ->AddLengthDelimited(99, secret);
  ASSERT_THAT(w.SerializeAsString(), HasSubstr(secret));
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.portal);
  UpsertWorkerRequest req;
  *req.mutable_worker() = w;
  UpsertWorkerResponse resp;
  ASSERT_TRUE(s.workers->UpsertWorker(&ctx, req, &resp).ok());

  for (const std::string& key : {s.keys.portal, s.keys.partner, s.keys.admin}) {
    Worker got;
    ASSERT_TRUE(GetWorker(s, key, "w-u", &got).ok());
    EXPECT_THAT(got.SerializeAsString(), Not(HasSubstr(secret)));
    EXPECT_EQ(got.contact().GetReflection()->GetUnknownFields(got.contact()).field_count(), 0);
  }
  MatchResult r;
  ASSERT_TRUE(Match(s, s.keys.partner, MatchRequest(VacancyBuilder().Require("LAS")), &r).ok());
  ASSERT_EQ(r.candidates_size(), 1);
  EXPECT_THAT(r.SerializeAsString(), Not(HasSubstr(secret)));
  // Nor is it on disk.
  absl::StatusOr<Worker> stored = s.server->engine().GetWorker("w-u");
  ASSERT_TRUE(stored.ok());
  EXPECT_THAT(stored->SerializeAsString(), Not(HasSubstr(secret)));
}

// ---------------------------------------------------------------------------------------
// Page tokens bound to the key and the vacancy.

MatchCandidatesRequest PageRequest(const Vacancy& v, const std::string& token = "") {
  MatchCandidatesRequest req = MatchRequest(v, 2);
  req.mutable_options()->set_page_token(token);
  return req;
}

void PutWorkers(TestServer& s, int n) {
  for (int i = 0; i < n; ++i) s.Put(WorkerBuilder("p-" + std::to_string(i)).Region("63.11").Skill("LAS"));
}

TEST(SvcPageTokenTest, BoundToTheKeyAndTheVacancy) {
  TestServer s([](cakap::service::ServerOptions* o) { o->partner_rate = 0; });
  ASSERT_NE(s.server, nullptr);
  PutWorkers(s, 5);
  const Vacancy v = VacancyBuilder().Require("LAS");
  MatchResult first;
  ASSERT_TRUE(Match(s, s.keys.partner, PageRequest(v), &first).ok());
  const std::string token = first.next_page_token();
  ASSERT_FALSE(token.empty());
  MatchResult second;
  grpc::Status st = Match(s, s.keys.partner, PageRequest(v, token), &second);
  ASSERT_TRUE(st.ok()) << Describe(st);
  EXPECT_EQ(second.candidates_size(), 2);
  EXPECT_NE(second.candidates(0).worker().id(), first.candidates(0).worker().id());

  // Another key, even of the same role: refused.
  for (const std::string& other : {s.keys.partner_kaltim, s.keys.portal, s.keys.admin}) {
    st = Match(s, other, PageRequest(v, token));
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << Describe(st);
    EXPECT_TRUE(absl::StartsWith(st.error_message(), "options.page_token: ")) << st.error_message();
  }
  // Another vacancy, same key: refused.
  st = Match(s, s.keys.partner, PageRequest(VacancyBuilder().Require("LAS").Prefer("LAS.SMAW"), token));
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(st.error_message(), "options.page_token: ")) << st.error_message();
  // Tampered: every single character changed in turn.
  for (size_t i = 0; i < token.size(); ++i) {
    std::string bad = token;
    bad[i] = bad[i] == 'A' ? 'B' : 'A';
    st = Match(s, s.keys.partner, PageRequest(v, bad));
    EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << i;
    EXPECT_TRUE(absl::StartsWith(st.error_message(), "options.page_token: ")) << st.error_message();
  }
  // The engine's own token (what the embedded CLI pages with) is not a cakapd token.
  cakap::v1::MatchOptions options;
  options.set_page_size(2);
  options.set_exclude_welfare(true);
  options.set_coarse_locations(true);
  absl::StatusOr<MatchResult> engine_page = s.server->engine().Match(v, options);
  ASSERT_TRUE(engine_page.ok());
  st = Match(s, s.keys.partner, PageRequest(v, engine_page->next_page_token()));
  EXPECT_EQ(st.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST(SvcPageTokenTest, SecretsRotate) {
  TempDir dir;
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.Sub(name)) << text;
    return dir.Sub(name);
  };
  const std::string old_only = write("old", "# current\nold-secret-0123456789abcdef\n");
  const std::string rotated = write("rotated", "new-secret-0123456789abcdef\nold-secret-0123456789abcdef\n");
  const std::string new_only = write("new", "new-secret-0123456789abcdef\n");
  const Vacancy v = VacancyBuilder().Require("LAS");
  auto first_token = [&](const std::string& secrets) {
    TestServer s([&](cakap::service::ServerOptions* o) { o->page_token_secrets_file = secrets; });
    PutWorkers(s, 5);
    MatchResult r;
    EXPECT_TRUE(Match(s, s.keys.partner, PageRequest(v), &r).ok());
    return r.next_page_token();
  };
  auto second_page = [&](const std::string& secrets, const std::string& token) {
    TestServer s([&](cakap::service::ServerOptions* o) { o->page_token_secrets_file = secrets; });
    PutWorkers(s, 5);
    return Match(s, s.keys.partner, PageRequest(v, token)).error_code();
  };
  const std::string under_old = first_token(old_only);
  ASSERT_FALSE(under_old.empty());
  EXPECT_EQ(second_page(old_only, under_old), grpc::StatusCode::OK);  // across a restart
  EXPECT_EQ(second_page(rotated, under_old), grpc::StatusCode::OK);   // previous secret
  EXPECT_EQ(second_page(new_only, under_old), grpc::StatusCode::INVALID_ARGUMENT);  // retired
  EXPECT_EQ(second_page(rotated, first_token(rotated)), grpc::StatusCode::OK);
  EXPECT_EQ(second_page(old_only, first_token(rotated)), grpc::StatusCode::INVALID_ARGUMENT);
  // A bad secrets file stops the start.
  const std::string short_secret = write("short", "tooshort\n");
  cakap::service::ServerOptions o;
  o.data_dir = dir.Sub("data");
  o.listen = "127.0.0.1:0";
  o.page_token_secrets_file = short_secret;
  absl::StatusOr<std::unique_ptr<cakap::service::RunningServer>> bad = cakap::service::StartServer(o);
  EXPECT_TRUE(absl::IsInvalidArgument(bad.status())) << bad.status();
}

// ---------------------------------------------------------------------------------------
// Partner reads of single workers: audited and rate limited.

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(SvcPartnerReadsTest, GetWorkerIsAudited) {
  TestServer s([](cakap::service::ServerOptions* o) { o->audit_log = o->data_dir + "-audit"; });
  ASSERT_NE(s.server, nullptr);
  s.Put(WorkerBuilder("w-a").Region("63.11").Skill("LAS"));
  ASSERT_TRUE(GetWorker(s, s.keys.portal, "w-a").ok());
  EXPECT_TRUE(Lines(s.options.audit_log).empty());  // the portal's own reads are not
  ASSERT_TRUE(GetWorker(s, s.keys.partner, "w-a").ok());
  EXPECT_EQ(GetWorker(s, s.keys.partner, "nope").error_code(), grpc::StatusCode::NOT_FOUND);
  const std::vector<std::string> lines = Lines(s.options.audit_log);
  ASSERT_EQ(lines.size(), 1u);
  // The line is a cakap.v1.AuditLine: it parses as one, with no field it does not have.
  cakap::v1::AuditLine line;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(lines[0], &line).ok()) << lines[0];
  EXPECT_EQ(line.key(), "partner");
  EXPECT_EQ(line.rpc(), "GetWorker");
  EXPECT_THAT(line.worker_ids(), ::testing::ElementsAre("w-a"));
  EXPECT_TRUE(line.vacancy_ids().empty());
}

TEST(SvcPartnerReadsTest, PartnersHaveADefaultRateLimit) {
  TestServer s;  // the default options: --partner-rate 20
  ASSERT_NE(s.server, nullptr);
  ASSERT_EQ(s.options.partner_rate, 20);
  s.Put(WorkerBuilder("w-r").Region("63.11").Skill("LAS"));
  const absl::Time start = absl::Now();
  int ok = 0, exhausted = 0, first_exhausted = -1;
  for (int i = 0; i < 300; ++i) {
    grpc::Status st = GetWorker(s, s.keys.partner, "w-r");
    if (st.ok()) ++ok;
    if (st.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      if (first_exhausted < 0) first_exhausted = i;
      ++exhausted;
    }
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  EXPECT_GE(first_exhausted, 20);  // the burst: one second's worth
  EXPECT_GT(exhausted, 0);
  EXPECT_LE(ok, 20 + static_cast<int>(seconds * 20) + 1) << seconds << " s";
  EXPECT_EQ(ok + exhausted, 300);
  // A portal key is not limited by it.
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(GetWorker(s, s.keys.portal, "w-r").ok()) << i;
}

// ---------------------------------------------------------------------------------------
// An import cut by shutdown says what it committed.

TEST(SvcImportShutdownTest, AStreamCutByShutdownSaysHowManyRecordsWereCommitted) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.portal);
  UpsertWorkersResponse resp;
  auto writer = s.workers->UpsertWorkers(&ctx, &resp);
  int sent = 0;
  auto send = [&](int n) {
    for (int i = 0; i < n; ++i, ++sent) {
      UpsertWorkersRequest req;
      *req.mutable_worker() = WorkerBuilder("t-" + std::to_string(sent)).Skill("LAS").Build();
      if (!writer->Write(req)) return false;
    }
    return true;
  };
  ASSERT_TRUE(send(700));  // one batch of 500 committed, 200 read
  std::thread stopper([&] { s.server->Shutdown(absl::Seconds(20)); });
  // Keep sending until the server stops reading (it stops at the next record after the
  // drain begins). The bound only keeps a broken server from hanging the test: on a loaded
  // machine the stopper thread may start late, and a stream ended by the client before the
  // drain is seen would finish OK instead. This test failed twice under ctest -j2 with
  // builds running (its message was not kept); this bound, once 2 s, is the one window in
  // it that load can close, so it is 20 s now.
  for (int i = 0; i < 20000 && send(1); ++i) absl::SleepFor(absl::Milliseconds(1));
  writer->WritesDone();
  grpc::Status st = writer->Finish();
  stopper.join();
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE) << Describe(st);
  EXPECT_THAT(st.error_message(), HasSubstr("records committed"));
  // The count it states is what the index holds.
  const int64_t stored = s.server->engine().Stats()->workers;
  EXPECT_THAT(st.error_message(), HasSubstr(absl::StrCat("shutting down: ", stored, " records committed")));
  EXPECT_GT(stored, 0);
  EXPECT_LE(stored, sent);
  EXPECT_THAT(st.error_message(), HasSubstr(absl::StrCat("resend from index ", stored)));
}

}  // namespace
}  // namespace cakap_svc_test

namespace cakap_svc_test {
namespace {

// "another process holds the write lock" only when one does: a read-only filesystem says
// so (a real one: a tmpfs remounted read-only; skipped where mounting is refused).
TEST(SvcOpenErrorsTest, ALockErrorNamesItsCause) {
  TempDir dir;
  const std::string mnt = dir.Sub("mnt");
  ASSERT_EQ(std::system(("mkdir -p " + mnt).c_str()), 0);
  if (std::system(("mount -t tmpfs -o size=32m tmpfs " + mnt + " 2>/dev/null").c_str()) != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here (not root?)";
  }
  struct Unmount {
    std::string at;
    ~Unmount() { (void)std::system(("umount " + at).c_str()); }
  } unmount{mnt};
  const std::string index = mnt + "/index";
  {
    auto engine = cakap::Engine::Open(cakap_test::TestOptions(), index);
    ASSERT_TRUE(engine.ok()) << engine.status();
    // A second writer while the first holds the lock: that one is "another process".
    auto second = cakap::Engine::Open(cakap_test::TestOptions(), index);
    EXPECT_TRUE(absl::IsFailedPrecondition(second.status())) << second.status();
    EXPECT_THAT(std::string(second.status().message()), HasSubstr("another process holds"));
  }
  ASSERT_EQ(std::system(("mount -o remount,ro " + mnt).c_str()), 0);
  auto engine = cakap::Engine::Open(cakap_test::TestOptions(), index);
  ASSERT_FALSE(engine.ok());
  EXPECT_THAT(std::string(engine.status().message()), Not(HasSubstr("another process")))
      << engine.status();
  EXPECT_THAT(std::string(engine.status().message()), HasSubstr("read-only")) << engine.status();
}

}  // namespace
}  // namespace cakap_svc_test
