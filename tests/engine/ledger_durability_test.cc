// Every acknowledged ledger write survives kill -9, together with what it changed: a
// child process records placements and outcomes as fast as it can and reports each
// acknowledged entry through a pipe; the parent kills it mid-stream (SIGKILL, no chance
// to close anything), reopens the index and finds every reported entry, each vacancy's
// filled count equal to the placements into it, and every placed worker employed.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
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

constexpr int kWorkers = 40;

absl::StatusOr<std::unique_ptr<cakap::Engine>> OpenAfterKill(const std::string& path) {
  absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(path);
  for (int i = 0; i < 50 && absl::IsFailedPrecondition(engine.status()); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    engine = OpenEngine(path);
  }
  return engine;
}

// What the child reports per acknowledged entry: worker index and seq.
struct Ack {
  int32_t worker;
  int32_t seq;
};

TEST(LedgerDurabilityTest, EveryAcknowledgedEntrySurvivesSigkill) {
  TempDir dir;
  {
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
    for (int i = 0; i < kWorkers; ++i) {
      ASSERT_OK(engine->UpsertWorker(WorkerBuilder(absl::StrCat("w", i)).Skill("LAS")));
    }
    for (int v = 0; v < 4; ++v) {
      cakap::v1::Vacancy vac = VacancyBuilder(absl::StrCat("v", v)).Require("LAS").Open();
      vac.set_openings(kWorkers);
      ASSERT_OK(engine->UpsertVacancy(vac));
    }
  }
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  fflush(stdout);
  fflush(stderr);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(dir.path());
    if (!engine.ok()) _exit(2);
    const cakap::LedgerWriteOptions portal;
    // A placement per worker, then an outcome per worker, and again.
    for (int step = 0;; ++step) {
      const int i = step % kWorkers;
      cakap::v1::LedgerEntry e;
      e.set_worker_id(absl::StrCat("w", i));
      if (step < kWorkers) {
        e.mutable_placement()->set_kind(cakap::v1::PLACEMENT_KIND_JOB);
        e.mutable_placement()->set_date("2026-01-05");
        e.mutable_placement()->set_vacancy_id(absl::StrCat("v", i % 4));
      } else {
        e.mutable_outcome()->set_placement_seq(1);
        e.mutable_outcome()->set_kind(cakap::v1::OUTCOME_KIND_STILL_WORKING);
        e.mutable_outcome()->set_after_months(step / kWorkers % 2 ? 3 : 6);
      }
      absl::StatusOr<cakap::v1::LedgerEntry> r = (*engine)->RecordLedgerEntry(e, portal);
      if (!r.ok()) _exit(3);
      const Ack ack{i, static_cast<int32_t>(r->seq())};
      if (write(fds[1], &ack, sizeof ack) != sizeof ack) _exit(4);
    }
  }
  close(fds[1]);
  // Kill once well past the placements, mid-stream of outcomes.
  std::map<int, int> acked;  // worker -> highest acknowledged seq
  size_t n = 0;
  for (Ack ack; n < kWorkers + 25 && read(fds[0], &ack, sizeof ack) == sizeof ack; ++n) {
    acked[ack.worker] = std::max(acked[ack.worker], ack.seq);
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  // Entries acknowledged between the last read and the kill are in the pipe still.
  for (Ack ack; read(fds[0], &ack, sizeof ack) == sizeof ack; ++n) {
    acked[ack.worker] = std::max(acked[ack.worker], ack.seq);
  }
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
  ASSERT_GE(n, static_cast<size_t>(kWorkers + 25));

  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenAfterKill(dir.path()));
  std::map<std::string, int> placements_into;
  for (int i = 0; i < kWorkers; ++i) {
    SCOPED_TRACE(i);
    ASSERT_OK_AND_ASSIGN(std::vector<cakap::v1::LedgerEntry> history,
                         engine->GetHistory(absl::StrCat("w", i)));
    ASSERT_GE(static_cast<int>(history.size()), acked[i]);  // nothing acknowledged is lost
    for (size_t k = 0; k < history.size(); ++k) EXPECT_EQ(history[k].seq(), k + 1);
    ASSERT_FALSE(history.empty());
    ASSERT_TRUE(history[0].has_placement());
    ++placements_into[history[0].placement().vacancy_id()];
    // Committed with its placement: the worker is employed.
    ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w, engine->GetWorker(absl::StrCat("w", i)));
    EXPECT_EQ(w.employment_status(), cakap::v1::EMPLOYMENT_STATUS_EMPLOYED);
  }
  for (int v = 0; v < 4; ++v) {
    ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy vac, engine->GetVacancy(absl::StrCat("v", v)));
    EXPECT_EQ(vac.filled(), placements_into[vac.id()]) << vac.id();
  }
  ASSERT_OK_AND_ASSIGN(cakap::CheckReport report, engine->Check());
  EXPECT_THAT(report.problems, ::testing::IsEmpty());
}

}  // namespace
}  // namespace cakap_test
