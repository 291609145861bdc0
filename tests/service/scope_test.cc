// A restricted partner key's regions are the scope of every query it makes (issue 12,
// item 6): workers outside them are invisible, so nothing a partner receives may depend on
// them. For every RPC a partner can call, the replies (status, message and the
// deterministically serialized response, byte for byte) are recorded for a fixed list of
// requests, outside workers that would rank above, be near misses or change facets are
// added, everything is asked again, then they are removed and it is asked once more.
#include <string>
#include <vector>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using cakap::v1::ISSUER_BNSP;
using cakap::v1::ISSUER_KEMNAKER;
using cakap::v1::ISSUER_OTHER;

std::string Bytes(const google::protobuf::Message& m) {
  std::string out;
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  m.SerializeToCodedStream(&coded);
  return out;
}

std::string Reply(const std::string& what, const grpc::Status& st,
                  const google::protobuf::Message& resp) {
  // The readable form first, so that a difference is easy to see in the failure output.
  return absl::StrCat(what, " -> ", Describe(st), "\n", resp.ShortDebugString(), "\n",
                      Bytes(resp).size(), ":", absl::CEscape(Bytes(resp)));
}

constexpr double kBalikpapanLat = -1.16667, kBalikpapanLon = 116.88333;
constexpr double kBalanganLat = -2.32314, kBalanganLon = 115.62922;

// Workers the scoped keys may see: Kalimantan Timur (64) for partner-kaltim, Balangan
// (63.11) for partner-balangan; some meet the vacancies below, some fail one constraint.
void PutVisible(TestServer& s) {
  s.Put(WorkerBuilder("in-64-a").Region("64.71").At(-1.2, 116.9).Skill("LAS.GTAW")
            .Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-01-01").Decile(2).Build());
  s.Put(WorkerBuilder("in-64-b").Region("64.09").Skill("LAS")
            .Cert(ISSUER_BNSP, {"LAS"}, 2, "2024-06-01").Build());
  s.Put(WorkerBuilder("in-64-c").Region("64.02").Skill("LAS.PIPA")
            .Cert(ISSUER_KEMNAKER, {"LAS.PIPA"}, 4, "2025-03-01").Build());
  s.Put(WorkerBuilder("in-64-d").Region("64.72").Skill("LAS")
            .Cert(ISSUER_BNSP, {"LAS"}, 5, "2025-05-01").Build());
  s.Put(WorkerBuilder("in-64-e").Region("64.71").Skill("LAS")
            .Cert(ISSUER_BNSP, {"LAS"}, 3, "2020-01-01", "2021-01-01").Build());  // expired
  s.Put(WorkerBuilder("in-64-f").Region("64.71").Skill("LAS")
            .Cert(ISSUER_BNSP, {"LAS"}, 3, "2025-01-01")
            .Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED).Build());  // not available
  s.Put(WorkerBuilder("in-64-g").Region("64.71").Skill("memasak").Build());
  s.Put(WorkerBuilder("in-63.11-a").Region("63.11").Skill("LAS")
            .Cert(ISSUER_BNSP, {"LAS"}, 3, "2025-01-01").Build());
  s.Put(WorkerBuilder("in-63.11-b").Region("63.11").At(-2.3, 115.6).Skill("LAS.GTAW")
            .Cert(ISSUER_KEMNAKER, {"LAS.GTAW"}, 2, "2025-01-01").Decile(1).Build());
  s.Put(WorkerBuilder("in-63.11-c").Region("63.11").Skill("LAS").Build());  // no certificate
}

// Workers outside both keys' regions: better than everyone visible (at the vacancy's
// point, higher levels, preferred skills), near misses of every kind, other issuers and
// regions for the facets, one given only by coordinates.
std::vector<std::string> PutOutside(TestServer& s) {
  std::vector<cakap::v1::Worker> out;
  for (const char* region : {"63.01", "63.09", "62.01"}) {
    const std::string r = region;
    out.push_back(WorkerBuilder("out-" + r + "-top").Region(r).At(kBalikpapanLat, kBalikpapanLon)
                      .Skills({"LAS.GTAW", "LAS.PIPA"})
                      .Cert(ISSUER_BNSP, {"LAS"}, 9, "2026-01-01").Decile(1).Build());
    out.push_back(WorkerBuilder("out-" + r + "-kem").Region(r).At(kBalanganLat, kBalanganLon)
                      .Skill("LAS").Cert(ISSUER_KEMNAKER, {"LAS"}, 7, "2026-01-01").Build());
    out.push_back(WorkerBuilder("out-" + r + "-other").Region(r).Skill("LAS")
                      .Cert(ISSUER_OTHER, {"LAS"}, 6, "2026-01-01").Build());
    // Near misses: each fails one constraint of the vacancies below, and scores high.
    out.push_back(WorkerBuilder("out-" + r + "-nocert").Region(r)
                      .At(kBalikpapanLat, kBalikpapanLon).Skills({"LAS.GTAW", "LAS.PIPA"})
                      .Decile(1).Build());
    out.push_back(WorkerBuilder("out-" + r + "-expired").Region(r)
                      .At(kBalanganLat, kBalanganLon).Skills({"LAS.GTAW", "LAS.PIPA"})
                      .Cert(ISSUER_BNSP, {"LAS"}, 9, "2020-01-01", "2021-01-01").Build());
    out.push_back(WorkerBuilder("out-" + r + "-employed").Region(r)
                      .At(kBalikpapanLat, kBalikpapanLon).Skills({"LAS.GTAW", "LAS.PIPA"})
                      .Cert(ISSUER_BNSP, {"LAS"}, 9, "2026-01-01")
                      .Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED).Build());
    out.push_back(WorkerBuilder("out-" + r + "-cook").Region(r).At(kBalikpapanLat, kBalikpapanLon)
                      .Skill("memasak").Cert(ISSUER_BNSP, {"LAS"}, 9, "2026-01-01").Build());
  }
  out.push_back(WorkerBuilder("out-coords").CoordsOnly(kBalikpapanLat, kBalikpapanLon)
                    .Skills({"LAS.GTAW", "LAS.PIPA"}).Cert(ISSUER_BNSP, {"LAS"}, 9, "2026-01-01")
                    .Build());
  out.push_back(WorkerBuilder("out-coords-near").CoordsOnly(kBalanganLat, kBalanganLon)
                    .Skills({"LAS.GTAW", "LAS.PIPA"}).Build());
  std::vector<std::string> ids;
  for (const auto& w : out) {
    s.Put(w);
    ids.push_back(w.id());
  }
  return ids;
}

// The vacancies partners match: stored (by id) and sent inline.
std::vector<cakap::v1::Vacancy> Vacancies() {
  return {
      // A radius around Balikpapan reaching Kaltim and Kalsel.
      VacancyBuilder("v-radius").Require("LAS").Prefer("LAS.GTAW").Prefer("LAS.PIPA")
          .Issuer(ISSUER_BNSP).Issuer(ISSUER_KEMNAKER).At(kBalikpapanLat, kBalikpapanLon)
          .Radius(600).Start("2026-12-01").Open().Build(),
      // Region lists, one meeting each key, one meeting neither.
      VacancyBuilder("v-regions").Require("LAS").Issuer(ISSUER_BNSP).InRegion("63")
          .InRegion("64.71").InRegion("62").Start("2026-12-01").Open().Build(),
      VacancyBuilder("v-kalsel").Require("LAS").InRegion("63").Start("2026-12-01").Open()
          .Build(),
      VacancyBuilder("v-elsewhere").Require("LAS").InRegion("62").Start("2026-12-01").Open()
          .Build(),
      // National: a skill only; everything (no group); keywords alone; one group only.
      VacancyBuilder("v-national").Require("LAS").Prefer("LAS.GTAW").Start("2026-12-01")
          .Open().Build(),
      VacancyBuilder("v-anyone").Start("2026-12-01").Open().Build(),
      VacancyBuilder("v-words").Keywords("welder").Start("2026-12-01").Open().Build(),
      VacancyBuilder("v-certs").Issuer(ISSUER_BNSP).Start("2026-12-01").Open().Build(),
      // A location by region with the default travel radius, employed welcome.
      VacancyBuilder("v-balangan").Require("LAS").Region("63.11").IncludeEmployed()
          .Start("2026-12-01").Open().Build(),
  };
}

// Every reply the partner `key` gets, in order, for a fixed list of requests.
std::vector<std::string> Transcript(TestServer& s, const std::string& key,
                                    const std::vector<std::string>& worker_ids) {
  std::vector<std::string> out;
  for (const cakap::v1::Vacancy& v : Vacancies()) {
    for (int by_id = 0; by_id < 2; ++by_id) {
      for (int page_size : {2, 50}) {
        cakap::v1::MatchCandidatesRequest req = MatchRequest(v, page_size, true, 3);
        if (by_id) {
          req.clear_vacancy();
          req.set_vacancy_id(v.id());
        }
        // Every page, each with facets and near misses.
        for (int page = 0; page < 20; ++page) {
          grpc::ClientContext ctx;
          Auth(&ctx, key);
          cakap::v1::MatchCandidatesResponse resp;
          grpc::Status st = s.match->MatchCandidates(&ctx, req, &resp);
          out.push_back(Reply(absl::StrCat("MatchCandidates ", v.id(), by_id ? " by id" : "",
                                           " size ", page_size, " page ", page),
                              st, resp));
          if (!st.ok() || resp.result().next_page_token().empty()) break;
          req.mutable_options()->set_page_token(resp.result().next_page_token());
        }
      }
    }
    grpc::ClientContext ctx;
    Auth(&ctx, key);
    cakap::v1::GetVacancyRequest get;
    get.set_id(v.id());
    cakap::v1::GetVacancyResponse got;
    grpc::Status st = s.vacancies->GetVacancy(&ctx, get, &got);
    out.push_back(Reply("GetVacancy " + v.id(), st, got));
  }
  for (const std::string& id : worker_ids) {
    cakap::v1::Worker w;
    grpc::Status st = GetWorker(s, key, id, &w);
    cakap::v1::GetWorkerResponse got;
    *got.mutable_worker() = w;
    out.push_back(Reply("GetWorker " + id, st, got));
    cakap::v1::MatchVacanciesResponse vacancies;
    st = MatchVacancies(s, key, id, 0, &vacancies);
    out.push_back(Reply("MatchVacancies " + id, st, vacancies));
  }
  return out;
}

void ExpectSame(const std::vector<std::string>& want, const std::vector<std::string>& got,
                const std::string& label) {
  ASSERT_EQ(want.size(), got.size()) << label;
  int differences = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i] == got[i]) continue;
    if (++differences <= 3) {
      ADD_FAILURE() << label << ": reply " << i << " differs\nwithout outside workers:\n"
                    << want[i] << "\nwith:\n" << got[i];
    }
  }
  EXPECT_EQ(differences, 0) << label << ": replies that differ";
}

TEST(SvcScopeTest, OutsideWorkersNeverChangeAPartnerReply) {
  // Hundreds of calls per second from one key: the partners' default rate limit (the
  // subject of input_test) would answer some of them with RESOURCE_EXHAUSTED.
  TestServer s([](cakap::service::ServerOptions* o) { o->partner_rate = 0; });
  ASSERT_NE(s.server, nullptr);
  PutVisible(s);
  for (const cakap::v1::Vacancy& v : Vacancies()) s.Put(v);
  // Asked about visible workers, outside ones (found or not) and one that never exists.
  std::vector<std::string> ids = {"in-64-a", "in-64-b", "in-64-e", "in-64-g", "in-63.11-a",
                                  "in-63.11-b", "out-63.01-top", "out-coords", "nobody"};
  const std::vector<const std::string*> keys = {&s.keys.partner_kaltim,
                                                &s.keys.partner_balangan};
  std::vector<std::vector<std::string>> before;
  for (const std::string* key : keys) before.push_back(Transcript(s, *key, ids));
  // The transcripts say something: the kaltim partner has candidates, near misses and
  // facets to lose.
  EXPECT_THAT(before[0][0], ::testing::HasSubstr("near_misses"));
  EXPECT_THAT(before[0][0], ::testing::HasSubstr("in-64-a"));

  const std::vector<std::string> outside = PutOutside(s);
  // (They do change what an unrestricted key sees.)
  cakap::v1::MatchResult everyone;
  ASSERT_TRUE(Match(s, s.keys.partner, MatchRequest(Vacancies()[0], 50, true, 3), &everyone).ok());
  EXPECT_EQ(everyone.candidates(0).worker().id(), "out-62.01-top");

  for (size_t k = 0; k < keys.size(); ++k) {
    ExpectSame(before[k], Transcript(s, *keys[k], ids), "with outside workers, key " +
                                                            std::to_string(k));
  }
  for (const std::string& id : outside) {
    ASSERT_TRUE(s.server->engine().DeleteWorker(id).ok()) << id;
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    ExpectSame(before[k], Transcript(s, *keys[k], ids), "outside workers removed, key " +
                                                            std::to_string(k));
  }
}

}  // namespace
}  // namespace cakap_svc_test
