// Who may do what: the role matrix of every rpc, key revocation and reload, rate limits,
// and the pieces underneath (hashing, the keys file, the token bucket, region narrowing).
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "redact.h"
#include "rate_limit.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using cakap::v1::Vacancy;
using cakap::v1::Worker;
using ::testing::HasSubstr;
using ::testing::Not;

// ---------------------------------------------------------------------------------------
// Units.

TEST(SvcSha256Test, KnownVector) {
  EXPECT_EQ(cakap::service::Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SvcKeysFileTest, ParseAndFormatRoundTrip) {
  ApiKey key;
  key.name = "pt-borneo";
  key.role = Role::kPartner;
  key.provinces = {"64"};
  key.regions = {"63.11", "63.01"};
  key.rate = 5;
  const std::string hash(64, 'a');
  std::string line = cakap::service::FormatKeyLine(hash, key);
  std::string parsed_hash;
  ApiKey parsed;
  ASSERT_TRUE(cakap::service::ParseKeyLine(line, &parsed_hash, &parsed).ok()) << line;
  EXPECT_EQ(parsed_hash, hash);
  EXPECT_EQ(parsed.name, "pt-borneo");
  EXPECT_EQ(parsed.role, Role::kPartner);
  EXPECT_EQ(parsed.provinces, key.provinces);
  EXPECT_EQ(parsed.regions, key.regions);
  EXPECT_EQ(parsed.rate, 5);
}

TEST(SvcKeysFileTest, RejectsBadLines) {
  const std::string h(64, 'b');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"short", "expected"},
      {"xyz name portal", "hash"},
      {h + " bad/name portal", "name"},
      {h + " n king", "role"},
      {h + " n partner provinces=63.11", "provinces"},
      {h + " n partner regions=64", "regions"},
      {h + " n partner regions=99.99", "regions"},
      {h + " n partner rate=-1", "rate"},
      {h + " n partner color=red", "unknown option"},
      {h + " n portal provinces=64", "only partner"},
  };
  for (const auto& [line, want] : cases) {
    std::string hash;
    ApiKey key;
    absl::Status s = cakap::service::ParseKeyLine(line, &hash, &key);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << line;
    EXPECT_THAT(std::string(s.message()), HasSubstr(want)) << line;
  }
}

// A restricted key's codes become a match's region_codes, so a key holds at most as many
// as a match accepts.
TEST(SvcKeysFileTest, RejectsMoreCodesThanAMatchAccepts) {
  auto regions = cakap::Regions::Builtin();
  ASSERT_TRUE(regions.ok());
  std::vector<std::string> kabupaten;
  for (const cakap::Region& r : regions->all()) {
    if (!r.is_province()) kabupaten.push_back(r.code);
  }
  ASSERT_GT(kabupaten.size(), static_cast<size_t>(cakap::kMaxVacancyRegionCodes));
  kabupaten.resize(cakap::kMaxVacancyRegionCodes);
  const std::string line = std::string(64, 'c') + " n partner provinces=11 regions=";
  std::string hash;
  ApiKey key;
  absl::Status s = cakap::service::ParseKeyLine(line + absl::StrJoin(kabupaten, ","), &hash, &key);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("provinces/regions: 65 codes, at most 64"));
  kabupaten.pop_back();
  EXPECT_TRUE(
      cakap::service::ParseKeyLine(line + absl::StrJoin(kabupaten, ","), &hash, &key).ok());
}

TEST(SvcKeysFileTest, AddLookupRevokeReload) {
  TempDir dir;
  const std::string path = dir.Sub("keys");
  const std::string a = MakeKey(path, "a", Role::kPortal);
  const std::string b = MakeKey(path, "b", Role::kAdmin);
  ASSERT_TRUE(absl::StartsWith(a, "cakap_"));
  EXPECT_NE(a, b);
  // A name is unique among active keys.
  ApiKey dup;
  dup.name = "a";
  EXPECT_EQ(cakap::service::AddKey(path, dup).status().code(), absl::StatusCode::kAlreadyExists);
  // The file holds hashes, never the keys.
  std::ifstream in(path);
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(contents, Not(HasSubstr(a)));
  EXPECT_THAT(contents, HasSubstr(cakap::service::Sha256Hex(a)));

  auto store = cakap::service::KeyStore::Load(path);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_NE((*store)->Lookup(a), nullptr);
  EXPECT_EQ((*store)->Lookup(a)->name, "a");
  EXPECT_EQ((*store)->Lookup(b)->role, Role::kAdmin);
  EXPECT_EQ((*store)->Lookup("cakap_nope"), nullptr);
  EXPECT_EQ((*store)->Lookup(""), nullptr);

  ASSERT_TRUE(cakap::service::RevokeKey(path, "a").ok());
  EXPECT_EQ(cakap::service::RevokeKey(path, "a").code(), absl::StatusCode::kNotFound);
  EXPECT_NE((*store)->Lookup(a), nullptr);  // until reloaded
  ASSERT_TRUE((*store)->Reload().ok());
  EXPECT_EQ((*store)->Lookup(a), nullptr);
  EXPECT_NE((*store)->Lookup(b), nullptr);
  // The name is free again after revocation.
  const std::string a2 = MakeKey(path, "a", Role::kPartner);
  ASSERT_TRUE((*store)->Reload().ok());
  EXPECT_EQ((*store)->Lookup(a2)->role, Role::kPartner);

  // A broken file keeps the old keys active.
  std::ofstream(path, std::ios::app) << "garbage line\n";
  absl::Status s = (*store)->Reload();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr(":"));
  EXPECT_NE((*store)->Lookup(b), nullptr);
}

TEST(SvcRateLimiterTest, TokenBucket) {
  absl::Time now = absl::FromUnixSeconds(1000);
  cakap::service::RateLimiter limiter([&] { return now; });
  EXPECT_TRUE(limiter.Allow("k", 2));
  EXPECT_TRUE(limiter.Allow("k", 2));
  EXPECT_FALSE(limiter.Allow("k", 2));
  EXPECT_TRUE(limiter.Allow("other", 2));  // buckets are per key
  now += absl::Milliseconds(500);
  EXPECT_TRUE(limiter.Allow("k", 2));
  EXPECT_FALSE(limiter.Allow("k", 2));
  now += absl::Seconds(100);  // refills only up to the burst
  EXPECT_TRUE(limiter.Allow("k", 2));
  EXPECT_TRUE(limiter.Allow("k", 2));
  EXPECT_FALSE(limiter.Allow("k", 2));
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.Allow("free", 0));
}

// A partner's scope is the key's regions, whatever the request said (the engine applies
// it: tests/service/scope_test.cc, tests/engine/match_scope_test.cc).
TEST(SvcPartnerScopeTest, IsTheKeysRegionsWhateverWasSent) {
  ApiKey kaltim;
  kaltim.role = Role::kPartner;
  kaltim.provinces = {"64"};
  kaltim.regions = {"63.11"};
  ApiKey everywhere;
  everywhere.role = Role::kPartner;
  cakap::v1::MatchOptions options;
  options.add_scope_region_codes("11");
  cakap::service::SetPartnerScope(kaltim, &options);
  EXPECT_EQ(std::vector<std::string>(options.scope_region_codes().begin(),
                                     options.scope_region_codes().end()),
            (std::vector<std::string>{"64", "63.11"}));
  cakap::service::SetPartnerScope(everywhere, &options);
  EXPECT_EQ(options.scope_region_codes_size(), 0);
}

// ---------------------------------------------------------------------------------------
// The role matrix, over a real server.

enum Allowed : unsigned { kPortal = 1, kPartner = 2, kAdmin = 4, kAll = 7, kWrite = 5 };

struct Rpc {
  std::string name;
  unsigned allowed;
  // Makes the call as `caller` (a unique name, for ids) with `key`.
  std::function<grpc::Status(TestServer&, const std::string& caller, const std::string& key)> call;
};

std::vector<Rpc> AllRpcs() {
  using namespace cakap::v1;  // NOLINT: request/response types
  return {
      {"UpsertWorker", kWrite,
       [](TestServer& s, const std::string& caller, const std::string& key) {
         grpc::ClientContext ctx;
         Auth(&ctx, key);
         UpsertWorkerRequest req;
         *req.mutable_worker() = WorkerBuilder("new-" + caller).Skill("LAS").Build();
         UpsertWorkerResponse resp;
         return s.workers->UpsertWorker(&ctx, req, &resp);
       }},
      {"UpsertWorkers", kWrite,
       [](TestServer& s, const std::string& caller, const std::string& key) {
         grpc::ClientContext ctx;
         Auth(&ctx, key);
         UpsertWorkersResponse resp;
         auto writer = s.workers->UpsertWorkers(&ctx, &resp);
         UpsertWorkersRequest req;
         *req.mutable_worker() = WorkerBuilder("bulk-" + caller).Skill("LAS").Build();
         writer->Write(req);
         writer->WritesDone();
         return writer->Finish();
       }},
      {"GetWorker", kAll,
       [](TestServer& s, const std::string&, const std::string& key) {
         return GetWorker(s, key, "w-1");
       }},
      {"DeleteWorker", kWrite,
       [](TestServer& s, const std::string& caller, const std::string& key) {
         grpc::ClientContext ctx;
         Auth(&ctx, key);
         DeleteWorkerRequest req;
         req.set_id("del-" + caller);
         DeleteWorkerResponse resp;
         return s.workers->DeleteWorker(&ctx, req, &resp);
       }},
      {"UpsertVacancy", kWrite,
       [](TestServer& s, const std::string& caller, const std::string& key) {
         grpc::ClientContext ctx;
         Auth(&ctx, key);
         UpsertVacancyRequest req;
         *req.mutable_vacancy() = VacancyBuilder("nv-" + caller).Require("LAS").Build();
         UpsertVacancyResponse resp;
         return s.vacancies->UpsertVacancy(&ctx, req, &resp);
       }},
      {"GetVacancy", kAll,
       [](TestServer& s, const std::string&, const std::string& key) {
         grpc::ClientContext ctx;
         Auth(&ctx, key);
         GetVacancyRequest req;
         req.set_id("v-1");
         GetVacancyResponse resp;
         return s.vacancies->GetVacancy(&ctx, req, &resp);
       }},
      {"ListVacancies", kAll,
       [](TestServer& s, const std::string&, const std::string& key) {
         grpc::ClientContext ctx;
         Auth(&ctx, key);
         ListVacanciesRequest req;
         req.set_page_size(5);
         ListVacanciesResponse resp;
         return s.vacancies->ListVacancies(&ctx, req, &resp);
       }},
      {"DeleteVacancy", kWrite,
       [](TestServer& s, const std::string& caller, const std::string& key) {
         grpc::ClientContext ctx;
         Auth(&ctx, key);
         DeleteVacancyRequest req;
         req.set_id("delv-" + caller);
         DeleteVacancyResponse resp;
         return s.vacancies->DeleteVacancy(&ctx, req, &resp);
       }},
      {"MatchCandidates", kAll,
       [](TestServer& s, const std::string&, const std::string& key) {
         return Match(s, key, MatchRequest(VacancyBuilder().Require("LAS")));
       }},
      {"MatchCandidates(vacancy_id)", kAll,
       [](TestServer& s, const std::string&, const std::string& key) {
         MatchCandidatesRequest req;
         req.set_vacancy_id("v-1");
         return Match(s, key, req);
       }},
      {"MatchVacancies", kAll,
       [](TestServer& s, const std::string&, const std::string& key) {
         return MatchVacancies(s, key, "w-1");
       }},
      {"Stats", kAdmin,
       [](TestServer& s, const std::string&, const std::string& key) { return Stats(s, key); }},
  };
}

TEST(SvcRolesTest, EveryRpcForEveryCaller) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  s.Put(WorkerBuilder("w-1").Skill("LAS").Build());
  s.Put(VacancyBuilder("v-1").Require("LAS").Open().Build());
  struct Caller {
    std::string name;
    std::string key;
    unsigned role;  // 0: not authenticated
  };
  const std::vector<Caller> callers = {
      {"none", "", 0},
      {"unknown", "cakap_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 0},
      {"portal", s.keys.portal, kPortal},
      {"partner", s.keys.partner, kPartner},
      {"admin", s.keys.admin, kAdmin},
  };
  for (const Caller& c : callers) {
    s.Put(WorkerBuilder("del-" + c.name).Build());
    s.Put(VacancyBuilder("delv-" + c.name).Build());
  }
  for (const Rpc& rpc : AllRpcs()) {
    for (const Caller& c : callers) {
      const grpc::Status st = rpc.call(s, c.name, c.key);
      grpc::StatusCode want = grpc::StatusCode::OK;
      if (c.role == 0) {
        want = grpc::StatusCode::UNAUTHENTICATED;
      } else if ((rpc.allowed & c.role) == 0) {
        want = grpc::StatusCode::PERMISSION_DENIED;
      }
      EXPECT_EQ(st.error_code(), want) << rpc.name << " as " << c.name << ": " << Describe(st);
    }
  }
}

TEST(SvcRolesTest, MalformedAuthorizationIsUnauthenticated) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  for (const std::string& value :
       {std::string("Basic ") + s.keys.admin, std::string("Bearer"), std::string("Bearer "),
        s.keys.admin, std::string("Bearer ") + s.keys.admin + "x"}) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", value);
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    cakap::v1::StatsResponse resp;
    grpc::Status st = s.admin->Stats(&ctx, cakap::v1::StatsRequest(), &resp);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << value;
  }
  // The scheme is case-insensitive.
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "bearer " + s.keys.admin);
  cakap::v1::StatsResponse resp;
  EXPECT_TRUE(s.admin->Stats(&ctx, cakap::v1::StatsRequest(), &resp).ok());
}

TEST(SvcRolesTest, RevocationTakesEffectOnReload) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  s.Put(WorkerBuilder("w-1").Build());
  ASSERT_TRUE(GetWorker(s, s.keys.partner, "w-1").ok());

  ASSERT_TRUE(cakap::service::RevokeKey(s.options.keys_file, "partner").ok());
  EXPECT_TRUE(GetWorker(s, s.keys.partner, "w-1").ok());  // not reloaded yet
  ASSERT_TRUE(s.server->ReloadKeys().ok());               // what SIGHUP does
  EXPECT_EQ(GetWorker(s, s.keys.partner, "w-1").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(GetWorker(s, s.keys.portal, "w-1").ok());   // the others stay

  // A key added to the file works after the reload.
  const std::string fresh = MakeKey(s.options.keys_file, "fresh", Role::kAdmin);
  EXPECT_EQ(Stats(s, fresh).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  ASSERT_TRUE(s.server->ReloadKeys().ok());
  EXPECT_TRUE(Stats(s, fresh).ok());

  // A broken file is refused and the loaded keys stay active.
  std::ofstream(s.options.keys_file, std::ios::app) << "not a key line\n";
  EXPECT_FALSE(s.server->ReloadKeys().ok());
  EXPECT_TRUE(Stats(s, fresh).ok());
  // Loudly: a metric for the operator's alerts (Stats has the count and the reason).
  EXPECT_NE(s.server->metrics().Render().find("cakap_key_reload_failures 1\n"),
            std::string::npos);
  EXPECT_EQ(GetWorker(s, s.keys.partner, "w-1").error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST(SvcRolesTest, RateLimitPerKey) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  s.Put(WorkerBuilder("w-1").Build());
  // The "limited" key allows 1 request/s with a burst of 1: back-to-back calls run out.
  int exhausted = 0;
  for (int i = 0; i < 20 && exhausted == 0; ++i) {
    grpc::Status st = GetWorker(s, s.keys.limited, "w-1");
    if (st.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      ++exhausted;
    } else {
      EXPECT_TRUE(st.ok()) << Describe(st);
    }
  }
  EXPECT_EQ(exhausted, 1);
  // Other keys are not affected.
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(GetWorker(s, s.keys.portal, "w-1").ok());
}

TEST(SvcRolesTest, DefaultRateAppliesToKeysWithoutOwnRate) {
  TestServer s([](cakap::service::ServerOptions* o) { o->default_rate = 1; });
  ASSERT_NE(s.server, nullptr);
  s.Put(WorkerBuilder("w-1").Build());
  int exhausted = 0;
  for (int i = 0; i < 20 && exhausted == 0; ++i) {
    if (GetWorker(s, s.keys.portal, "w-1").error_code() ==
        grpc::StatusCode::RESOURCE_EXHAUSTED) {
      ++exhausted;
    }
  }
  EXPECT_EQ(exhausted, 1);
}

}  // namespace
}  // namespace cakap_svc_test
