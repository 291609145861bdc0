// Durability and locking (engine.h): writes are committed before they return, an index
// reopens with everything in it, and a second writer on the same directory fails cleanly.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::_;

// Runs `child` in a forked process; returns its exit code (or 128 + signal).
template <typename F>
int RunInChild(F child) {
  fflush(stdout);
  fflush(stderr);
  const pid_t pid = fork();
  if (pid == 0) _exit(child());
  if (pid < 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Opens `path`, retrying for a short while on FailedPrecondition: a killed process's lock
// may take a moment to go (e.g. a lock-holding helper process noticing its parent died).
absl::StatusOr<std::unique_ptr<cakap::Engine>> OpenAfterKill(const std::string& path) {
  absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(path);
  for (int i = 0; i < 50 && absl::IsFailedPrecondition(engine.status()); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    engine = OpenEngine(path);
  }
  return engine;
}

// A child process upserts a worker, reports through a pipe that the call returned, and is
// killed with SIGKILL before it can close anything: the worker is in the index.
TEST(DurabilityTest, AcknowledgedUpsertSurvivesSigkill) {
  TempDir dir;
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    fflush(stdout);
    fflush(stderr);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(dir.path());
      char result = 'E';
      if (engine.ok()) {
        cakap::v1::Worker w = WorkerBuilder(absl::StrCat("killed-", round))
                                  .Skill("LAS.SMAW")
                                  .Decile(round + 1);
        if ((*engine)->UpsertWorker(w).ok()) result = 'K';
        // A bulk write too.
        std::vector<cakap::v1::Worker> batch;
        for (int i = 0; i < 20; ++i) {
          batch.push_back(WorkerBuilder(absl::StrCat("bulk-", round, "-", i)).Skill("MSK"));
        }
        absl::StatusOr<cakap::BulkResult> r = (*engine)->UpsertWorkers(batch);
        if (!r.ok() || r->accepted != 20) result = 'B';
        if ((*engine)->UpsertVacancy(VacancyBuilder(absl::StrCat("vac-", round))
                                         .Require("LAS").Open()).ok() == false) {
          result = 'V';
        }
      }
      if (write(fds[1], &result, 1) != 1) _exit(3);
      for (;;) pause();  // blocks until killed
    }
    close(fds[1]);
    char byte = 0;
    ASSERT_EQ(read(fds[0], &byte, 1), 1);
    close(fds[0]);
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status));
    ASSERT_EQ(byte, 'K') << "child failed (E: open, B: bulk, V: vacancy)";

    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenAfterKill(dir.path()));
    for (int r = 0; r <= round; ++r) {
      ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w, engine->GetWorker(absl::StrCat("killed-", r)));
      EXPECT_EQ(w.welfare_decile(), r + 1);
      EXPECT_OK(engine->GetWorker(absl::StrCat("bulk-", r, "-19")));
      EXPECT_OK(engine->GetVacancy(absl::StrCat("vac-", r)));
    }
    ASSERT_OK_AND_ASSIGN(cakap::EngineStats stats, engine->Stats());
    EXPECT_EQ(stats.workers, 21 * (round + 1));
    ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::Candidate> all,
                         MatchAll(*engine, VacancyBuilder().Require("LAS")));
    EXPECT_EQ(all.size(), static_cast<size_t>(round + 1));
    // Closed here so that the next child can take the lock.
  }
}

TEST(DurabilityTest, ReopenKeepsEverything) {
  TempDir dir;
  std::string match_before;
  cakap::EngineStats stats_before;
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
    for (int i = 0; i < 50; ++i) {
      ASSERT_OK(engine->UpsertWorker(WorkerBuilder(absl::StrCat("w", i))
                                         .Region(i % 2 ? "64.72" : "64.71")
                                         .Skill(i % 3 ? "LAS.SMAW" : "LAS.GTAW")
                                         .Cert(cakap::v1::ISSUER_BNSP, {"LAS"}, i % 9 + 1,
                                               "2025-01-01")
                                         .Decile(i % 10 + 1)));
    }
    ASSERT_OK(engine->DeleteWorker("w7"));
    ASSERT_OK(engine->UpsertWorker(WorkerBuilder("w8").Skill("MSK")));
    ASSERT_OK(engine->UpsertVacancy(VacancyBuilder("v-open").Require("LAS").Open()));
    ASSERT_OK(engine->UpsertVacancy(VacancyBuilder("v-closed").Require("LAS")));
    ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r,
                         engine->Match(VacancyBuilder().Require("LAS").Region("64.72")
                                           .Radius(200).Issuer(cakap::v1::ISSUER_BNSP),
                                       MatchOpts(200, true)));
    match_before = r.SerializeAsString();
    ASSERT_OK_AND_ASSIGN(stats_before, engine->Stats());
    EXPECT_EQ(stats_before.workers, 49);
  }
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
  ASSERT_OK_AND_ASSIGN(cakap::EngineStats stats, engine->Stats());
  EXPECT_EQ(stats.workers, 49);
  EXPECT_EQ(stats.vacancies, 2);
  EXPECT_EQ(stats.open_vacancies, 1);
  EXPECT_EQ(stats.revision, stats_before.revision);
  EXPECT_THAT(engine->GetWorker("w7"), StatusIs(absl::StatusCode::kNotFound, _));
  ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w8, engine->GetWorker("w8"));
  EXPECT_THAT(w8.skills(), ::testing::ElementsAre("MSK"));
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r,
                       engine->Match(VacancyBuilder().Require("LAS").Region("64.72")
                                         .Radius(200).Issuer(cakap::v1::ISSUER_BNSP),
                                     MatchOpts(200, true)));
  EXPECT_EQ(r.SerializeAsString(), match_before) << r.ShortDebugString();
  ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult rv, engine->MatchVacancies("w1", 10));
  ASSERT_EQ(rv.vacancies_size(), 1);
  EXPECT_EQ(rv.vacancies(0).vacancy().id(), "v-open");
  // Writes continue after reopening.
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("w-new").Skill("LAS")));
  ASSERT_OK_AND_ASSIGN(stats, engine->Stats());
  EXPECT_EQ(stats.workers, 50);
  EXPECT_GT(stats.revision, stats_before.revision);
}

// While one Engine is open, a second Engine on the same directory fails with
// FailedPrecondition, from another process and from the same one; once the first is
// closed, the directory opens again.
TEST(DurabilityTest, SecondWriterFailsCleanly) {
  TempDir dir;
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> first, OpenEngine(dir.path()));
    ASSERT_OK(first->UpsertWorker(WorkerBuilder("w1").Skill("LAS")));
    const int code = RunInChild([&] {
      absl::StatusOr<std::unique_ptr<cakap::Engine>> second = OpenEngine(dir.path());
      if (second.ok()) return 10;
      if (absl::IsFailedPrecondition(second.status())) return 0;
      fprintf(stderr, "second Open: %s\n", second.status().ToString().c_str());
      return 11;
    });
    EXPECT_EQ(code, 0) << "10: the second Open succeeded; 11: wrong error";
    absl::StatusOr<std::unique_ptr<cakap::Engine>> same = OpenEngine(dir.path());
    EXPECT_THAT(same, StatusIs(absl::StatusCode::kFailedPrecondition, _));
    // The first one still works.
    ASSERT_OK(first->UpsertWorker(WorkerBuilder("w2").Skill("LAS")));
    ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w2, first->GetWorker("w2"));
    EXPECT_EQ(w2.id(), "w2");
  }
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> again, OpenEngine(dir.path()));
  EXPECT_OK(again->GetWorker("w1"));
  EXPECT_OK(again->GetWorker("w2"));
}

// The grid's levels are chosen at each Open (they are not in the index): reopening with
// other levels, or without the stored workers in memory, changes no result. An index of
// an older schema ("1": cell terms; "2": skill, certificate and region terms; "3": no
// checksums; "4": no change sequence terms) is read as is and relabelled "5" once opened
// for writing; a schema this build does not know is refused.
TEST(DurabilityTest, OpenTimeOptionsAndSchemaVersions) {
  TempDir dir;
  const auto radius_match = [](cakap::Engine& engine) {
    return engine.Match(VacancyBuilder().Require("LAS").At(-2.9, 115.2).Radius(60),
                        MatchOpts(200, true, 10));
  };
  std::string before;
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
    for (int i = 0; i < 60; ++i) {
      const LatLon p = PointAtDistance(-2.9, 115.2, i * 1.5, i * 37);
      ASSERT_OK(engine->UpsertWorker(
          WorkerBuilder(absl::StrCat("w", i)).At(p).Skill(i % 4 == 0 ? "MSK" : "LAS")));
    }
    ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, radius_match(*engine));
    ASSERT_GT(r.candidates_size(), 5);
    ASSERT_GT(r.near_misses_size(), 0);
    before = r.SerializeAsString();
  }
  // Likewise whether the stored workers are kept in memory or read from the index.
  for (std::vector<int> levels : {std::vector<int>{5, 7}, std::vector<int>{2}}) {
    cakap::EngineOptions options = TestOptions();
    options.geo_cell_levels = levels;
    options.cache_stored_workers = levels.size() == 1;
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine,
                         cakap::Engine::Open(options, dir.path()));
    ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, radius_match(*engine));
    EXPECT_EQ(r.SerializeAsString(), before) << "levels " << levels[0];
  }
  const auto set_schema = [&](const std::string& version) {
    Xapian::WritableDatabase db(dir.path(), Xapian::DB_OPEN);
    db.set_metadata("cakap.schema", version);
    db.commit();
    return Xapian::Database(dir.path()).get_metadata("cakap.schema");
  };
  for (const char* older : {"1", "2", "3", "4"}) {
    ASSERT_EQ(set_schema(older), older);
    {
      ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
      ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, radius_match(*engine));
      EXPECT_EQ(r.SerializeAsString(), before);
    }
    EXPECT_EQ(Xapian::Database(dir.path()).get_metadata("cakap.schema"), "5");
  }
  set_schema("6");
  EXPECT_THAT(OpenEngine(dir.path()),
              StatusIs(absl::StatusCode::kFailedPrecondition, ::testing::HasSubstr("schema 6")));
}

TEST(DurabilityTest, OpenErrors) {
  TempDir dir;
  // Missing directory without create_if_missing: NotFound.
  cakap::EngineOptions options = TestOptions();
  options.create_if_missing = false;
  EXPECT_THAT(cakap::Engine::Open(options, dir.Sub("missing")),
              StatusIs(absl::StatusCode::kNotFound, _));
  // A directory that holds a Xapian database that is not a cakap index: FailedPrecondition
  // (with or without create_if_missing).
  const std::string other = dir.Sub("other");
  {
    Xapian::WritableDatabase db(other, Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.set_data("not a cakap record");
    doc.add_term("Qforeign");
    db.add_document(doc);
    db.commit();
  }
  EXPECT_THAT(cakap::Engine::Open(options, other),
              StatusIs(absl::StatusCode::kFailedPrecondition, _));
  EXPECT_THAT(OpenEngine(other), StatusIs(absl::StatusCode::kFailedPrecondition, _));
  // Created with create_if_missing, then reopened without it.
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> e, OpenEngine(dir.Sub("index")));
  }
  EXPECT_OK(cakap::Engine::Open(options, dir.Sub("index")));
}

}  // namespace
}  // namespace cakap_test
