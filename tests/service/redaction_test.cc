// What partners see: no NIK, no welfare decile (nor a "welfare" score component), no
// birth date (nor an age in a near miss's reason),
// coordinates rounded to ~1 km, contact details only with consent; restricted partners
// never see a worker outside their regions; every partner match is audited.
#include <cmath>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using cakap::v1::MatchResult;
using cakap::v1::Worker;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

constexpr char kNikSecret[] = "6311012345678901";
constexpr char kNikConsent[] = "6311019999999999";
constexpr char kNikNear[] = "6311015555555555";
constexpr char kPhoneSecret[] = "+6281234567890";
constexpr char kEmailSecret[] = "siti@example.id";
constexpr char kPhoneConsent[] = "+6289999999999";
constexpr char kBirthSecret[] = "1991-07-13";

void AddCert(Worker* w) {
  auto* c = w->add_certificates();
  c->set_issuer(cakap::v1::ISSUER_BNSP);
  c->add_skills("LAS.SMAW");
  c->set_kkni_level(3);
  c->set_issued_on("2025-01-01");
}

void Populate(TestServer& s) {
  Worker secret = WorkerBuilder("w-secret").At(-2.345678, 115.456789).Skill("LAS").Decile(2)
                      .Nik(kNikSecret).Name("Siti");
  secret.set_birth_date(kBirthSecret);
  secret.mutable_contact()->set_phone(kPhoneSecret);
  secret.mutable_contact()->set_email(kEmailSecret);
  AddCert(&secret);
  s.Put(secret);
  Worker consent = WorkerBuilder("w-consent").At(-2.311111, 115.522222).Skill("LAS").Decile(9)
                       .Nik(kNikConsent);
  consent.mutable_contact()->set_phone(kPhoneConsent);
  consent.mutable_contact()->set_consent_to_share(true);
  s.Put(consent);
  // Lacks the required skill: a near miss.
  Worker near = WorkerBuilder("w-near").At(-2.333333, 115.444444).Skill("memasak").Decile(1)
                    .Nik(kNikNear);
  near.set_birth_date("1975-03-02");
  s.Put(near);
  s.Put(VacancyBuilder("v-1").Require("LAS").At(-2.3, 115.5).Radius(100).Start("2026-12-01")
            .Open().Build());
}

cakap::v1::Vacancy WelderVacancy() {
  return VacancyBuilder().Require("LAS").At(-2.3, 115.5).Radius(100).Start("2026-12-01");
}

void ExpectRedacted(const Worker& w) {
  EXPECT_TRUE(w.nik().empty()) << w.id();
  EXPECT_EQ(w.welfare_decile(), 0) << w.id();
  EXPECT_TRUE(w.birth_date().empty()) << w.id();
  if (w.domicile().has_coordinates()) {
    EXPECT_EQ(w.domicile().latitude(), std::round(w.domicile().latitude() * 100) / 100);
    EXPECT_EQ(w.domicile().longitude(), std::round(w.domicile().longitude() * 100) / 100);
  }
  if (!w.contact().consent_to_share()) {
    EXPECT_TRUE(w.contact().phone().empty()) << w.id();
    EXPECT_TRUE(w.contact().email().empty()) << w.id();
  }
}

// None of the sensitive values appears anywhere in the text form of `reply`.
void ExpectNoSecrets(const google::protobuf::Message& reply) {
  const std::string text = reply.DebugString();
  for (const char* secret : {kNikSecret, kNikConsent, kNikNear, kPhoneSecret, kEmailSecret,
                             "welfare", "2.345678", "115.456789", "2.311111", "115.522222",
                             "2.333333", "115.444444", kBirthSecret, "1975-03-02"}) {
    EXPECT_THAT(text, Not(HasSubstr(secret)));
  }
}

// An age range tells a partner whether a worker fits it, never the age or birth date.
TEST(SvcRedactionTest, PartnerAgeRangeNearMissTellsOnlyTheBound) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  Populate(s);
  cakap::v1::Vacancy v = WelderVacancy();
  v.set_max_age(30);  // w-secret is 35 on 2026-12-01
  MatchResult r;
  grpc::Status st = Match(s, s.keys.partner, MatchRequest(v, 200, false, 10), &r);
  ASSERT_TRUE(st.ok()) << Describe(st);
  ExpectNoSecrets(r);
  bool seen = false;
  for (const auto& m : r.near_misses()) {
    if (m.candidate().worker().id() != "w-secret") continue;
    seen = true;
    EXPECT_EQ(m.constraint(), "age");
    EXPECT_EQ(m.reason(), "older than 30 on the start date");
    ExpectRedacted(m.candidate().worker());
  }
  EXPECT_TRUE(seen);
}

TEST(SvcRedactionTest, PartnerMatchCandidates) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  Populate(s);
  for (bool by_id : {false, true}) {
    cakap::v1::MatchCandidatesRequest req = MatchRequest(WelderVacancy(), 200, true, 10);
    if (by_id) req.set_vacancy_id("v-1");
    req.mutable_options()->set_exclude_welfare(false);  // partners get true regardless
    MatchResult r;
    grpc::Status st = Match(s, s.keys.partner, req, &r);
    ASSERT_TRUE(st.ok()) << Describe(st);
    ASSERT_EQ(r.candidates_size(), 2);
    ASSERT_EQ(r.near_misses_size(), 1);
    EXPECT_EQ(r.near_misses(0).candidate().worker().id(), "w-near");
    ExpectNoSecrets(r);
    for (const auto& c : r.candidates()) {
      ExpectRedacted(c.worker());
      EXPECT_EQ(c.distance_km(), std::round(c.distance_km()));
      double sum = 0;
      for (const auto& e : c.explanation()) {
        EXPECT_NE(e.name(), "welfare");
        sum += e.value();
      }
      EXPECT_NEAR(sum, c.score(), 1e-9);
      // Every distance was measured from the coordinates shown (coarse_locations), so
      // neither the score nor its explanation locates the worker more finely.
      if (c.worker().domicile().has_coordinates()) {
        const double shown_km = cakap_test::HaversineKm(-2.3, 115.5, c.worker().domicile().latitude(),
                                            c.worker().domicile().longitude());
        for (const auto& e : c.explanation()) {
          if (e.name() != "distance") continue;
          EXPECT_EQ(e.detail(), absl::StrFormat("%.1f km", shown_km)) << c.worker().id();
          EXPECT_NEAR(e.value(), 0.30 * std::exp2(-shown_km / 20.0), 1e-6) << c.worker().id();
        }
      }
      if (c.worker().id() == "w-consent") {
        EXPECT_EQ(c.worker().contact().phone(), kPhoneConsent);
      }
      if (c.worker().id() == "w-secret") {
        EXPECT_EQ(c.worker().display_name(), "Siti");
        EXPECT_NEAR(c.worker().domicile().latitude(), -2.35, 1e-12);
        EXPECT_NEAR(c.worker().domicile().longitude(), 115.46, 1e-12);
      }
    }
    ExpectRedacted(r.near_misses(0).candidate().worker());
  }
}

TEST(SvcRedactionTest, PartnerGetWorkerAndMatchVacancies) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  Populate(s);
  for (const std::string id : {"w-secret", "w-consent", "w-near"}) {
    cakap::v1::GetWorkerResponse resp;
    ASSERT_TRUE(GetWorker(s, s.keys.partner, id, resp.mutable_worker()).ok());
    ExpectRedacted(resp.worker());
    ExpectNoSecrets(resp);
  }
  cakap::v1::MatchVacanciesResponse resp;
  ASSERT_TRUE(MatchVacancies(s, s.keys.partner, "w-secret", 0, &resp).ok());
  ASSERT_EQ(resp.result().vacancies_size(), 1);
  EXPECT_EQ(resp.result().vacancies(0).distance_km(),
            std::round(resp.result().vacancies(0).distance_km()));
  ExpectNoSecrets(resp);
}

TEST(SvcRedactionTest, PortalSeesEverything) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  Populate(s);
  Worker w;
  ASSERT_TRUE(GetWorker(s, s.keys.portal, "w-secret", &w).ok());
  EXPECT_EQ(w.nik(), kNikSecret);
  EXPECT_EQ(w.welfare_decile(), 2);
  EXPECT_EQ(w.domicile().latitude(), -2.345678);
  EXPECT_EQ(w.contact().phone(), kPhoneSecret);
  MatchResult r;
  ASSERT_TRUE(Match(s, s.keys.portal, MatchRequest(WelderVacancy()), &r).ok());
  ASSERT_EQ(r.candidates_size(), 2);
  for (const auto& c : r.candidates()) EXPECT_TRUE(cakap_test::HasComponent(c, "welfare"));
}

// ---------------------------------------------------------------------------------------
// Restricted partners.

std::vector<std::string> AllIds(TestServer& s, const std::string& key, cakap::v1::Vacancy v,
                                int page_size = 200) {
  std::vector<std::string> ids;
  cakap::v1::MatchCandidatesRequest req = MatchRequest(v, page_size);
  for (int page = 0; page < 50; ++page) {
    MatchResult r;
    grpc::Status st = Match(s, key, req, &r);
    EXPECT_TRUE(st.ok()) << Describe(st);
    if (!st.ok()) break;
    for (const auto& c : r.candidates()) ids.push_back(c.worker().id());
    if (r.next_page_token().empty()) break;
    req.mutable_options()->set_page_token(r.next_page_token());
  }
  return ids;
}

void PopulateRegions(TestServer& s) {
  s.Put(WorkerBuilder("w-63.11").Region("63.11").Skill("LAS").Build());
  s.Put(WorkerBuilder("w-63.01").Region("63.01").Skill("LAS").Build());
  s.Put(WorkerBuilder("w-64.02").Region("64.02").Skill("LAS").Build());
  s.Put(WorkerBuilder("w-64.72").Region("64.72").Skill("LAS").Build());
  s.Put(WorkerBuilder("w-coords").CoordsOnly(-0.5, 117.15).Skill("LAS").Build());
  s.Put(WorkerBuilder("w-64-cook").Region("64.71").Skill("memasak").Build());
  s.Put(WorkerBuilder("w-63-cook").Region("63.11").Skill("memasak").Build());
  s.Put(VacancyBuilder("v-open").Require("LAS").Open().Build());
}

// Stored vacancies: a partner sees the open ones and its own, never another partner's
// name. Table: who asks for which vacancy, and whether it is found.
TEST(SvcVacancyOwnershipTest, PartnersSeeOpenVacanciesAndTheirOwn) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  Populate(s);  // v-1: open, the portal's
  auto stored = [&](const char* id, bool open, const char* owner) {
    cakap::v1::Vacancy v = VacancyBuilder(id).Require("LAS").At(-2.3, 115.5).Radius(100)
                               .Start("2026-12-01").Open(open).Build();
    v.set_owner(owner);
    s.Put(v);
  };
  stored("v-own-draft", false, "partner");
  stored("v-other-draft", false, "partner-kaltim");
  stored("v-other-open", true, "partner-kaltim");
  stored("v-portal-draft", false, "");

  struct Case {
    const std::string* key;
    const char* vacancy;
    bool found;
    const char* owner_shown;
  };
  const std::vector<Case> cases = {
      {&s.keys.partner, "v-1", true, ""},
      {&s.keys.partner, "v-own-draft", true, "partner"},
      {&s.keys.partner, "v-other-draft", false, ""},
      {&s.keys.partner, "v-other-open", true, ""},  // another partner's name is never shown
      {&s.keys.partner, "v-portal-draft", false, ""},
      {&s.keys.partner_kaltim, "v-other-draft", true, "partner-kaltim"},
      {&s.keys.partner_kaltim, "v-own-draft", false, ""},
      {&s.keys.portal, "v-other-draft", true, "partner-kaltim"},
      {&s.keys.portal, "v-portal-draft", true, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.vacancy) + " for key " + *c.key);
    grpc::ClientContext ctx;
    Auth(&ctx, *c.key);
    cakap::v1::GetVacancyRequest get;
    get.set_id(c.vacancy);
    cakap::v1::GetVacancyResponse got;
    grpc::Status st = s.vacancies->GetVacancy(&ctx, get, &got);
    cakap::v1::MatchCandidatesRequest by_id;
    by_id.set_vacancy_id(c.vacancy);
    MatchResult r;
    grpc::Status matched = Match(s, *c.key, by_id, &r);
    if (c.found) {
      ASSERT_TRUE(st.ok()) << Describe(st);
      EXPECT_EQ(got.vacancy().owner(), c.owner_shown);
      ASSERT_TRUE(matched.ok()) << Describe(matched);
      EXPECT_EQ(r.resolved_vacancy().owner(), c.owner_shown);
      // (partner-kaltim sees no one in Kalimantan Selatan)
      EXPECT_EQ(r.candidates_size(), c.key == &s.keys.partner_kaltim ? 0 : 2);
    } else {
      // Exactly what a vacancy that does not exist gets.
      EXPECT_EQ(st.error_code(), grpc::StatusCode::NOT_FOUND);
      EXPECT_EQ(st.error_message(), std::string("vacancy ") + c.vacancy + " not found");
      EXPECT_EQ(matched.error_code(), grpc::StatusCode::NOT_FOUND);
    }
  }

  // Reverse matching returns open vacancies only; the other partner's name is cleared.
  cakap::v1::MatchVacanciesResponse resp;
  ASSERT_TRUE(MatchVacancies(s, s.keys.partner, "w-secret", 0, &resp).ok());
  std::vector<std::string> ids;
  for (const auto& hit : resp.result().vacancies()) {
    ids.push_back(hit.vacancy().id());
    EXPECT_TRUE(hit.vacancy().owner().empty()) << hit.vacancy().id();
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"v-1", "v-other-open"}));

  // An owner that could not be a key's name is refused, naming the field.
  cakap::v1::Vacancy bad = VacancyBuilder("v-bad").Require("LAS").Build();
  bad.set_owner("PT Contoh");
  absl::Status refused = s.server->engine().UpsertVacancy(bad);
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(refused.message()), HasSubstr("owner:"));
}

TEST(SvcRestrictionTest, ProvincePartnerNeverSeesOtherWorkers) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  PopulateRegions(s);
  const std::string& key = s.keys.partner_kaltim;
  EXPECT_THAT(AllIds(s, key, VacancyBuilder().Require("LAS")),
              UnorderedElementsAre("w-64.02", "w-64.72"));
  EXPECT_THAT(AllIds(s, key, VacancyBuilder().Require("LAS"), 1),  // paging keeps the filter
              UnorderedElementsAre("w-64.02", "w-64.72"));
  EXPECT_THAT(AllIds(s, key, VacancyBuilder().Require("LAS").InRegion("64.02").InRegion("63.11")),
              UnorderedElementsAre("w-64.02"));
  // The request's regions and the key's do not meet: no candidate; the near misses are
  // the key's own workers failing the vacancy's region list (the scope is no constraint).
  MatchResult r;
  ASSERT_TRUE(Match(s, key, MatchRequest(VacancyBuilder().Require("LAS").InRegion("63"), 200,
                                         true, 100), &r).ok());
  EXPECT_EQ(r.total(), 0);
  EXPECT_EQ(r.candidates_size(), 0);
  std::set<std::string> region_misses;
  for (const auto& n : r.near_misses()) {
    EXPECT_EQ(n.constraint(), "region");
    region_misses.insert(n.candidate().worker().id());
  }
  EXPECT_EQ(region_misses, (std::set<std::string>{"w-64.02", "w-64.72"}));
  EXPECT_EQ(r.facets().region_size(), 0);
  // Near misses and facets stay inside the key's regions too.
  ASSERT_TRUE(Match(s, key, MatchRequest(VacancyBuilder().Require("LAS"), 200, true, 100), &r).ok());
  EXPECT_EQ(r.total(), 2);
  for (const auto& n : r.near_misses()) {
    EXPECT_TRUE(absl::StartsWith(n.candidate().worker().domicile().region_code(), "64."))
        << n.candidate().worker().id();
  }
  std::set<std::string> near;
  for (const auto& n : r.near_misses()) near.insert(n.candidate().worker().id());
  EXPECT_TRUE(near.count("w-64-cook"));
  for (const auto& f : r.facets().region()) EXPECT_TRUE(absl::StartsWith(f.value(), "64.")) << f.value();

  EXPECT_TRUE(GetWorker(s, key, "w-64.02").ok());
  for (const char* hidden : {"w-63.11", "w-coords", "w-63-cook"}) {
    EXPECT_EQ(GetWorker(s, key, hidden).error_code(), grpc::StatusCode::NOT_FOUND) << hidden;
  }
  for (const auto& [id, code] : std::vector<std::pair<std::string, grpc::StatusCode>>{
           {"w-64.02", grpc::StatusCode::OK}, {"w-63.11", grpc::StatusCode::NOT_FOUND}}) {
    EXPECT_EQ(MatchVacancies(s, key, id).error_code(), code) << id;
  }
  // The unrestricted partner sees everyone.
  EXPECT_THAT(AllIds(s, s.keys.partner, VacancyBuilder().Require("LAS")),
              UnorderedElementsAre("w-63.11", "w-63.01", "w-64.02", "w-64.72", "w-coords"));
}

TEST(SvcRestrictionTest, KabupatenPartner) {
  TestServer s;
  ASSERT_NE(s.server, nullptr);
  PopulateRegions(s);
  const std::string& key = s.keys.partner_balangan;
  EXPECT_THAT(AllIds(s, key, VacancyBuilder().Require("LAS")), UnorderedElementsAre("w-63.11"));
  EXPECT_THAT(AllIds(s, key, VacancyBuilder().Require("LAS").InRegion("63")),
              UnorderedElementsAre("w-63.11"));
  EXPECT_TRUE(AllIds(s, key, VacancyBuilder().Require("LAS").InRegion("63.01")).empty());
  cakap::v1::MatchCandidatesRequest by_id;
  by_id.set_vacancy_id("v-open");
  MatchResult r;
  ASSERT_TRUE(Match(s, key, by_id, &r).ok());
  ASSERT_EQ(r.candidates_size(), 1);
  EXPECT_EQ(r.candidates(0).worker().id(), "w-63.11");
}

// ---------------------------------------------------------------------------------------
// Audit log.

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(SvcAuditTest, EveryPartnerMatchIsLogged) {
  TestServer s([](cakap::service::ServerOptions* o) { o->audit_log = o->data_dir + "-audit"; });
  ASSERT_NE(s.server, nullptr);
  Populate(s);
  const std::string path = s.options.audit_log;
  ASSERT_TRUE(Match(s, s.keys.portal, MatchRequest(WelderVacancy())).ok());
  EXPECT_TRUE(ReadLines(path).empty());  // portal matches are not audited

  MatchResult r;
  ASSERT_TRUE(Match(s, s.keys.partner, MatchRequest(WelderVacancy(), 200, false, 10), &r).ok());
  cakap::v1::MatchCandidatesRequest by_id;
  by_id.set_vacancy_id("v-1");
  ASSERT_TRUE(Match(s, s.keys.partner_balangan, by_id).ok());
  ASSERT_TRUE(MatchVacancies(s, s.keys.partner, "w-secret").ok());
  std::vector<std::string> lines = ReadLines(path);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(lines[0], HasSubstr("\"key\":\"partner\""));
  EXPECT_THAT(lines[0], HasSubstr("\"rpc\":\"MatchCandidates\""));
  EXPECT_THAT(lines[0], HasSubstr("\"vacancy_id\":\"\""));
  EXPECT_THAT(lines[0], HasSubstr("\"vacancy_fingerprint\":\""));
  EXPECT_THAT(lines[0], HasSubstr("\"worker_ids\":[\"" + r.candidates(0).worker().id() + "\",\"" +
                                  r.candidates(1).worker().id() + "\"]"));
  EXPECT_THAT(lines[0], HasSubstr("\"near_miss_worker_ids\":[\"w-near\"]"));
  EXPECT_THAT(lines[0], HasSubstr("\"time\":\""));
  EXPECT_THAT(lines[1], HasSubstr("\"key\":\"partner-balangan\""));
  EXPECT_THAT(lines[1], HasSubstr("\"vacancy_id\":\"v-1\""));
  EXPECT_THAT(lines[2], HasSubstr("\"rpc\":\"MatchVacancies\""));
  EXPECT_THAT(lines[2], HasSubstr("\"worker_id\":\"w-secret\""));
  EXPECT_THAT(lines[2], HasSubstr("\"vacancy_ids\":[\"v-1\"]"));
  for (const std::string& line : lines) {
    EXPECT_EQ(line.front(), '{');
    EXPECT_EQ(line.back(), '}');
  }
}

}  // namespace
}  // namespace cakap_svc_test
