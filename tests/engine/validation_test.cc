// Input validation: every bad input is InvalidArgument naming the field, and nothing
// stored changes (worker.proto / vacancy.proto / match.proto field comments).
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using cakap::v1::ISSUER_BNSP;

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

// The valid record every bad case starts from (and the version already stored).
cakap::v1::Worker BaseWorker() {
  return WorkerBuilder("w-base")
      .Name("Versi Satu")
      .Region("64.02")
      .At(-0.44, 116.98)
      .Skills({"LAS.SMAW", "juru las"})
      .Cert(ISSUER_BNSP, {"LAS.SMAW"}, 3, "2025-01-01", "2028-01-01", "Juru Las SMAW")
      .Training("Pengelasan", "BLKI Samarinda", "pengelasan", 2024)
      .Decile(3)
      .Nik("6402011234560001");
}

struct WorkerCase {
  std::string name;
  std::function<void(cakap::v1::Worker*)> mutate;
  std::vector<std::string> message;  // substrings of the error message
};

std::vector<WorkerCase> WorkerCases() {
  using W = cakap::v1::Worker;
  return {
      {"id_empty", [](W* w) { w->set_id(""); }, {"id"}},
      {"id_with_space", [](W* w) { w->set_id("w base"); }, {"id"}},
      {"id_with_tab", [](W* w) { w->set_id("w\tbase"); }, {"id"}},
      {"id_non_ascii", [](W* w) { w->set_id("w-b\xc3\xa4se"); }, {"id"}},
      {"id_too_long", [](W* w) { w->set_id(std::string(129, 'x')); }, {"id"}},
      {"latitude_91", [](W* w) { w->mutable_domicile()->set_latitude(91); },
       {"domicile.latitude"}},
      {"latitude_minus_91", [](W* w) { w->mutable_domicile()->set_latitude(-91); },
       {"domicile.latitude"}},
      {"latitude_nan", [](W* w) { w->mutable_domicile()->set_latitude(kNaN); },
       {"domicile.latitude"}},
      {"longitude_181", [](W* w) { w->mutable_domicile()->set_longitude(181); },
       {"domicile.longitude"}},
      {"longitude_minus_inf", [](W* w) { w->mutable_domicile()->set_longitude(-kInf); },
       {"domicile.longitude"}},
      {"no_domicile",
       [](W* w) {
         w->mutable_domicile()->clear_region_code();
         w->mutable_domicile()->set_has_coordinates(false);
       },
       {"domicile"}},
      {"unknown_region", [](W* w) { w->mutable_domicile()->set_region_code("99.99"); },
       {"domicile.region_code"}},
      {"province_region_without_coordinates",
       [](W* w) {
         w->mutable_domicile()->set_region_code("64");
         w->mutable_domicile()->set_has_coordinates(false);
       },
       {"domicile.region_code"}},
      {"kecamatan_too_long",
       [](W* w) { w->mutable_domicile()->set_kecamatan(std::string(101, 'k')); },
       {"kecamatan"}},
      {"travel_negative", [](W* w) { w->set_travel_km(-1); }, {"travel_km"}},
      {"travel_too_far", [](W* w) { w->set_travel_km(5000.5); }, {"travel_km"}},
      {"travel_nan", [](W* w) { w->set_travel_km(kNaN); }, {"travel_km"}},
      {"certificate_unknown_skill",
       [](W* w) { w->mutable_certificates(0)->add_skills("ilmu gaib"); },
       {"certificates", "skills"}},
      {"certificate_expires_before_issue",
       [](W* w) { w->mutable_certificates(0)->set_expires_on("2024-12-31"); },
       {"expires_on"}},
      {"certificate_bad_issue_date",
       [](W* w) { w->mutable_certificates(0)->set_issued_on("2026-02-30"); }, {"issued_on"}},
      {"certificate_no_issue_date",
       [](W* w) { w->mutable_certificates(0)->set_issued_on(""); }, {"issued_on"}},
      {"certificate_issue_date_format",
       [](W* w) { w->mutable_certificates(0)->set_issued_on("2025-1-1"); }, {"issued_on"}},
      {"certificate_issuer_unspecified",
       [](W* w) { w->mutable_certificates(0)->set_issuer(cakap::v1::ISSUER_UNSPECIFIED); },
       {"issuer"}},
      {"certificate_kkni_10", [](W* w) { w->mutable_certificates(0)->set_kkni_level(10); },
       {"kkni_level"}},
      {"certificate_kkni_negative",
       [](W* w) { w->mutable_certificates(0)->set_kkni_level(-1); }, {"kkni_level"}},
      {"certificate_too_many_skills",
       [](W* w) {
         for (int i = 0; i < 32; ++i) w->mutable_certificates(0)->add_skills("LAS");
       },
       {"skills"}},
      {"certificate_scheme_too_long",
       [](W* w) { w->mutable_certificates(0)->set_scheme(std::string(201, 's')); },
       {"scheme"}},
      {"available_from_bad_date", [](W* w) { w->set_available_from("2026-02-30"); },
       {"available_from"}},
      {"updated_at_bad_date", [](W* w) { w->set_updated_at("yesterday"); }, {"updated_at"}},
      {"welfare_decile_11", [](W* w) { w->set_welfare_decile(11); }, {"welfare_decile"}},
      {"welfare_decile_negative", [](W* w) { w->set_welfare_decile(-1); },
       {"welfare_decile"}},
      {"nik_15_digits", [](W* w) { w->set_nik("640201123456000"); }, {"nik"}},
      {"nik_17_digits", [](W* w) { w->set_nik("64020112345600012"); }, {"nik"}},
      {"nik_with_letter", [](W* w) { w->set_nik("640201123456000X"); }, {"nik"}},
      {"display_name_201_bytes", [](W* w) { w->set_display_name(std::string(201, 'n')); },
       {"display_name"}},
      {"skills_65",
       [](W* w) {
         w->clear_skills();
         for (int i = 0; i < 65; ++i) w->add_skills(absl::StrCat("keahlian ", i));
       },
       {"skills"}},
      {"skill_entry_101_bytes", [](W* w) { w->add_skills(std::string(101, 'a')); },
       {"skills"}},
      {"certificates_33",
       [](W* w) {
         for (int i = 0; i < 32; ++i) *w->add_certificates() = w->certificates(0);
       },
       {"certificates"}},
      {"trainings_33",
       [](W* w) {
         for (int i = 0; i < 32; ++i) *w->add_trainings() = w->trainings(0);
       },
       {"trainings"}},
      {"training_year_1900", [](W* w) { w->mutable_trainings(0)->set_year(1900); }, {"year"}},
      {"phone_too_long", [](W* w) { w->mutable_contact()->set_phone(std::string(41, '1')); },
       {"phone"}},
      // The fields of the vacancy report.
      {"education_unknown", [](W* w) { w->set_education(static_cast<cakap::v1::Education>(12)); },
       {"education", "12"}},
      {"birth_date_bad", [](W* w) { w->set_birth_date("1990-02-30"); }, {"birth_date"}},
      {"birth_date_future", [](W* w) { w->set_birth_date("2099-01-01"); },
       {"birth_date", "after today"}},
      {"expected_wage_negative", [](W* w) { w->set_expected_wage(-1); }, {"expected_wage"}},
      {"expected_wage_too_high", [](W* w) { w->set_expected_wage(1000000001); },
       {"expected_wage"}},
      {"job_without_start", [](W* w) { w->add_work_history()->set_skill("LAS"); },
       {"work_history[0].started_on", "required"}},
      {"job_ends_before_start",
       [](W* w) {
         auto* job = w->add_work_history();
         job->set_started_on("2020-05-01");
         job->set_ended_on("2020-04-30");
       },
       {"work_history[0].ended_on", "before started_on"}},
      {"job_unknown_skill",
       [](W* w) {
         w->add_work_history()->set_started_on("2020-05-01");
         auto* job = w->add_work_history();
         job->set_started_on("2020-05-01");
         job->set_skill("ilmu gaib");
       },
       {"work_history[1].skill", "ilmu gaib"}},
      {"work_history_33",
       [](W* w) {
         for (int i = 0; i < 33; ++i) w->add_work_history()->set_started_on("2020-05-01");
       },
       {"work_history"}},
      {"job_employer_201_bytes",
       [](W* w) {
         auto* job = w->add_work_history();
         job->set_started_on("2020-05-01");
         job->set_employer(std::string(201, 'e'));
       },
       {"employer"}},
  };
}

class ValidationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
    ASSERT_OK(engine_->UpsertWorker(BaseWorker()));
    ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w-other").Skill("MSK")));
    ASSERT_OK(engine_->UpsertVacancy(
        VacancyBuilder("v-base").Require("LAS").Region("64.02").Radius(50).Open()));
    ASSERT_OK_AND_ASSIGN(before_, engine_->Stats());
    ASSERT_OK_AND_ASSIGN(stored_, engine_->GetWorker("w-base"));
    ASSERT_OK_AND_ASSIGN(stored_vacancy_, engine_->GetVacancy("v-base"));
  }

  // Nothing changed since SetUp.
  void ExpectUnchanged() {
    ASSERT_OK_AND_ASSIGN(cakap::EngineStats after, engine_->Stats());
    EXPECT_EQ(after.workers, before_.workers);
    EXPECT_EQ(after.vacancies, before_.vacancies);
    EXPECT_EQ(after.open_vacancies, before_.open_vacancies);
    EXPECT_EQ(after.revision, before_.revision);
    ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w, engine_->GetWorker("w-base"));
    EXPECT_EQ(w.SerializeAsString(), stored_.SerializeAsString())
        << w.ShortDebugString() << "\nvs\n" << stored_.ShortDebugString();
    ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy v, engine_->GetVacancy("v-base"));
    EXPECT_EQ(v.SerializeAsString(), stored_vacancy_.SerializeAsString());
  }

  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
  cakap::EngineStats before_;
  cakap::v1::Worker stored_;
  cakap::v1::Vacancy stored_vacancy_;
};

TEST_F(ValidationTest, BaseRecordIsValidAndNormalised) {
  EXPECT_EQ(stored_.id(), "w-base");
  EXPECT_EQ(stored_.display_name(), "Versi Satu");
  // updated_at empty: the engine's date of the upsert (the fixed clock).
  EXPECT_EQ(stored_.updated_at(), "2026-11-23");
  ASSERT_EQ(stored_.certificates_size(), 1);
  EXPECT_EQ(stored_.certificates(0).expires_on(), "2028-01-01");
  // A certificate without expires_on stores the effective date.
  ASSERT_OK(engine_->UpsertWorker(
      WorkerBuilder("w-default").Cert(ISSUER_BNSP, {"LAS"}, 2, "2024-03-15")));
  ASSERT_OK_AND_ASSIGN(cakap::v1::Worker d, engine_->GetWorker("w-default"));
  ASSERT_EQ(d.certificates_size(), 1);
  EXPECT_EQ(d.certificates(0).expires_on(), "2027-03-14");
  // Each mutation below applied to a valid record is valid by itself when reverted: the
  // base record passes with coordinates at the limits.
  cakap::v1::Worker edge = BaseWorker();
  edge.set_id(std::string(128, 'e'));
  edge.mutable_domicile()->set_latitude(-90);
  edge.mutable_domicile()->set_longitude(180);
  edge.set_travel_km(5000);
  edge.set_display_name(std::string(200, 'n'));
  edge.set_welfare_decile(10);
  edge.mutable_certificates(0)->set_kkni_level(9);
  edge.mutable_certificates(0)->set_expires_on("2025-01-01");  // == issued_on
  for (int i = 0; i < 62; ++i) edge.add_skills(absl::StrCat("keahlian ", i));  // 64 in all
  EXPECT_OK(engine_->UpsertWorker(edge));
}

TEST_F(ValidationTest, BadWorkersAreRejectedAndNothingChanges) {
  for (const WorkerCase& c : WorkerCases()) {
    SCOPED_TRACE(c.name);
    cakap::v1::Worker w = BaseWorker();
    w.set_display_name("Versi Dua");
    c.mutate(&w);
    ::testing::Matcher<std::string> msg = ::testing::_;
    for (const std::string& part : c.message) msg = AllOf(msg, HasSubstr(part));
    EXPECT_THAT(engine_->UpsertWorker(w), StatusIs(absl::StatusCode::kInvalidArgument, msg));
    ExpectUnchanged();
    if (!w.id().empty() && w.id() != "w-base") {
      // Not stored: NotFound, or InvalidArgument for an id that could never be stored.
      absl::StatusOr<cakap::v1::Worker> got = engine_->GetWorker(w.id());
      EXPECT_TRUE(absl::IsNotFound(got.status()) || absl::IsInvalidArgument(got.status()))
          << got.status();
    }
  }
}

struct VacancyCase {
  std::string name;
  std::function<void(cakap::v1::Vacancy*)> mutate;
  std::vector<std::string> message;
};

std::vector<VacancyCase> VacancyCases() {
  using V = cakap::v1::Vacancy;
  return {
      {"radius_negative", [](V* v) { v->set_radius_km(-1); }, {"radius_km"}},
      {"radius_nan", [](V* v) { v->set_radius_km(kNaN); }, {"radius_km"}},
      {"radius_too_large", [](V* v) { v->set_radius_km(5001); }, {"radius_km"}},
      {"unknown_required_skill", [](V* v) { v->add_required_skills("ilmu gaib"); },
       {"required_skills", "ilmu gaib"}},
      {"unknown_preferred_skill", [](V* v) { v->add_preferred_skills("ilmu gaib"); },
       {"preferred_skills"}},
      {"required_skills_17",
       [](V* v) {
         v->clear_required_skills();
         const char* codes[] = {"LAS", "LAS.SMAW", "LAS.GMAW", "LAS.GTAW", "LAS.FCAW",
                                "LAS.OAW", "LAS.PIPA", "LAS.INSPEKTOR", "OAB", "OAB.EXCAVATOR",
                                "OAB.BULLDOZER", "OAB.FORKLIFT", "OAB.CRANE", "OAB.DUMPTRUCK",
                                "OAB.WHEELLOADER", "OAB.GRADER", "OAB.COMPACTOR"};
         for (const char* c : codes) v->add_required_skills(c);
       },
       {"required_skills"}},
      {"preferred_skills_33",
       [](V* v) {
         for (int i = 0; i < 33; ++i) v->add_preferred_skills("K3");
       },
       {"preferred_skills"}},
      {"min_kkni_10",
       [](V* v) {
         v->add_accepted_issuers(ISSUER_BNSP);
         v->set_min_kkni_level(10);
       },
       {"min_kkni_level"}},
      {"min_kkni_negative",
       [](V* v) {
         v->add_accepted_issuers(ISSUER_BNSP);
         v->set_min_kkni_level(-1);
       },
       {"min_kkni_level"}},
      {"accepted_issuer_unspecified",
       [](V* v) { v->add_accepted_issuers(cakap::v1::ISSUER_UNSPECIFIED); },
       {"accepted_issuers"}},
      {"location_unknown_region",
       [](V* v) { v->mutable_location()->set_region_code("64.99"); },
       {"location.region_code"}},
      {"location_latitude_95",
       [](V* v) {
         v->mutable_location()->set_latitude(95);
         v->mutable_location()->set_has_coordinates(true);
       },
       {"location.latitude"}},
      {"region_codes_unknown", [](V* v) { v->add_region_codes("64.99"); }, {"region_codes"}},
      {"region_codes_65",
       [](V* v) {
         for (int i = 0; i < 65; ++i) v->add_region_codes("64");
       },
       {"region_codes"}},
      {"keywords_201_bytes", [](V* v) { v->set_keywords(std::string(201, 'k')); },
       {"keywords"}},
      {"start_date_bad", [](V* v) { v->set_start_date("2026-13-01"); }, {"start_date"}},
      {"start_date_feb_30", [](V* v) { v->set_start_date("2026-02-30"); }, {"start_date"}},
      {"openings_negative", [](V* v) { v->set_openings(-1); }, {"openings"}},
      {"openings_too_many", [](V* v) { v->set_openings(100001); }, {"openings"}},
      {"title_201_bytes", [](V* v) { v->set_title(std::string(201, 't')); }, {"title"}},
      {"employer_201_bytes", [](V* v) { v->set_employer(std::string(201, 'e')); },
       {"employer"}},
      // The fields of the vacancy report.
      {"min_education_unknown",
       [](V* v) { v->set_min_education(static_cast<cakap::v1::Education>(-3)); },
       {"min_education"}},
      {"min_experience_negative", [](V* v) { v->set_min_experience_months(-1); },
       {"min_experience_months"}},
      {"min_experience_601", [](V* v) { v->set_min_experience_months(601); },
       {"min_experience_months", "0-600"}},
      {"skill_experience_unknown_skill",
       [](V* v) {
         auto* e = v->add_skill_experience();
         e->set_skill("ilmu gaib");
         e->set_months(3);
       },
       {"skill_experience[0].skill", "ilmu gaib"}},
      {"skill_experience_0_months",
       [](V* v) { v->add_skill_experience()->set_skill("LAS"); },
       {"skill_experience[0].months", "1-600"}},
      {"skill_experience_twice",
       [](V* v) {
         auto* e = v->add_skill_experience();
         e->set_skill("LAS");
         e->set_months(3);
         e = v->add_skill_experience();
         e->set_skill("juru las");
         e->set_months(6);
       },
       {"skill_experience[1].skill", "twice"}},
      {"skill_experience_17",
       [](V* v) {
         for (int i = 0; i < 17; ++i) v->add_skill_experience()->set_skill("LAS");
       },
       {"skill_experience"}},
      {"min_age_14", [](V* v) { v->set_min_age(14); }, {"min_age", "15-100"}},
      {"max_age_101", [](V* v) { v->set_max_age(101); }, {"max_age"}},
      {"max_age_below_min",
       [](V* v) {
         v->set_min_age(40);
         v->set_max_age(30);
       },
       {"max_age", "below min_age"}},
      {"wage_min_negative", [](V* v) { v->set_wage_min(-5); }, {"wage_min"}},
      {"wage_max_below_min",
       [](V* v) {
         v->set_wage_min(5000000);
         v->set_wage_max(4000000);
       },
       {"wage_max", "below wage_min"}},
      {"valid_until_bad", [](V* v) { v->set_valid_until("2026-11-31"); }, {"valid_until"}},
      // The local-worker quota.
      {"local_share_above_1",
       [](V* v) {
         v->add_local_region_codes("64.08");
         v->set_min_local_share(1.5);
       },
       {"min_local_share", "[0, 1]"}},
      {"local_share_nan",
       [](V* v) {
         v->add_local_region_codes("64.08");
         v->set_min_local_share(kNaN);
       },
       {"min_local_share"}},
      {"local_share_without_regions", [](V* v) { v->set_min_local_share(0.8); },
       {"min_local_share", "local_region_codes"}},
      {"local_region_unknown",
       [](V* v) {
         v->add_local_region_codes("64.08");
         v->add_local_region_codes("64.99");
       },
       {"local_region_codes[1]", "64.99"}},
      {"local_basis_unknown",
       [](V* v) { v->set_local_basis(static_cast<cakap::v1::LocalBasis>(9)); },
       {"local_basis"}},
  };
}

TEST_F(ValidationTest, BadVacanciesAreRejected) {
  for (const VacancyCase& c : VacancyCases()) {
    SCOPED_TRACE(c.name);
    cakap::v1::Vacancy v = VacancyBuilder("v-base").Require("LAS").Region("64.02").Radius(50)
                               .Open();
    v.set_title("Versi Dua");
    c.mutate(&v);
    ::testing::Matcher<std::string> msg = ::testing::_;
    for (const std::string& part : c.message) msg = AllOf(msg, HasSubstr(part));
    // Inline, in a match...
    EXPECT_THAT(engine_->Match(v, MatchOpts(10)),
                StatusIs(absl::StatusCode::kInvalidArgument, msg));
    // ...and stored: the stored version stays.
    EXPECT_THAT(engine_->UpsertVacancy(v), StatusIs(absl::StatusCode::kInvalidArgument, msg));
    ExpectUnchanged();
  }
  // A stored vacancy needs a well-formed id.
  for (const std::string& id : {std::string(""), std::string("v base"), std::string(129, 'v')}) {
    EXPECT_THAT(engine_->UpsertVacancy(VacancyBuilder(id).Require("LAS")),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("id")))
        << "id \"" << id << "\"";
  }
  ExpectUnchanged();
}

TEST_F(ValidationTest, BadMatchOptions) {
  const cakap::v1::Vacancy v = VacancyBuilder().Require("LAS");
  EXPECT_THAT(engine_->Match(v, MatchOpts(-1)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
  EXPECT_THAT(engine_->Match(v, MatchOpts(201)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
  EXPECT_THAT(engine_->Match(v, MatchOpts(10, false, 101)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("near_miss_limit")));
  EXPECT_THAT(engine_->Match(v, MatchOpts(10, false, -1)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("near_miss_limit")));
  EXPECT_OK(engine_->Match(v, MatchOpts(200, false, 100)));
  EXPECT_OK(engine_->Match(v, MatchOpts(1)));
}

TEST_F(ValidationTest, BulkUpsertReportsRejectionsByIndex) {
  std::vector<cakap::v1::Worker> batch;
  for (int i = 0; i < 10; ++i) {
    batch.push_back(WorkerBuilder(absl::StrCat("bulk-", i)).Skill("LAS"));
  }
  batch[3].mutable_domicile()->set_latitude(91);
  batch[3].mutable_domicile()->set_has_coordinates(true);
  batch[7].set_welfare_decile(11);
  // A bad record replacing an existing worker leaves it as it was.
  batch[9] = BaseWorker();
  batch[9].set_display_name("Versi Dua");
  batch[9].set_nik("123");
  ASSERT_OK_AND_ASSIGN(cakap::BulkResult r, engine_->UpsertWorkers(batch));
  EXPECT_EQ(r.accepted, 7);
  ASSERT_EQ(r.rejected.size(), 3u);
  EXPECT_EQ(r.rejected[0].index, 3u);
  EXPECT_THAT(r.rejected[0].status,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("domicile.latitude")));
  EXPECT_EQ(r.rejected[1].index, 7u);
  EXPECT_THAT(r.rejected[1].status,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("welfare_decile")));
  EXPECT_EQ(r.rejected[2].index, 9u);
  EXPECT_THAT(r.rejected[2].status,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("nik")));
  for (int i = 0; i < 9; ++i) {
    if (i == 3 || i == 7) {
      EXPECT_THAT(engine_->GetWorker(batch[i].id()),
                  StatusIs(absl::StatusCode::kNotFound, ::testing::_));
    } else {
      EXPECT_OK(engine_->GetWorker(batch[i].id()));
    }
  }
  ASSERT_OK_AND_ASSIGN(cakap::v1::Worker base, engine_->GetWorker("w-base"));
  EXPECT_EQ(base.display_name(), "Versi Satu");
  ASSERT_OK_AND_ASSIGN(cakap::EngineStats after, engine_->Stats());
  EXPECT_EQ(after.workers, before_.workers + 7);
  // All rejected: OK status, nothing written.
  std::vector<cakap::v1::Worker> all_bad = {batch[3], batch[7]};
  ASSERT_OK_AND_ASSIGN(cakap::BulkResult r2, engine_->UpsertWorkers(all_bad));
  EXPECT_EQ(r2.accepted, 0);
  EXPECT_EQ(r2.rejected.size(), 2u);
  ASSERT_OK_AND_ASSIGN(cakap::EngineStats after2, engine_->Stats());
  EXPECT_EQ(after2.workers, after.workers);
}

TEST_F(ValidationTest, UnknownIds) {
  EXPECT_THAT(engine_->GetWorker("nobody"), StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  EXPECT_THAT(engine_->DeleteWorker("nobody"),
              StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  EXPECT_THAT(engine_->GetVacancy("nothing"),
              StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  EXPECT_THAT(engine_->DeleteVacancy("nothing"),
              StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  ExpectUnchanged();
  // Delete, then the id is unknown.
  ASSERT_OK(engine_->DeleteWorker("w-other"));
  EXPECT_THAT(engine_->GetWorker("w-other"),
              StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  EXPECT_THAT(engine_->DeleteWorker("w-other"),
              StatusIs(absl::StatusCode::kNotFound, ::testing::_));
  ASSERT_OK_AND_ASSIGN(cakap::EngineStats after, engine_->Stats());
  EXPECT_EQ(after.workers, before_.workers - 1);
}

}  // namespace
}  // namespace cakap_test
