// `cakap watch` on a local index: the alerts after a cursor, as JSON lines with their
// cursors, then a heartbeat with the cursor to resume from; resuming prints only what
// was written since. (Against a server the same command streams: alerts_test covers the
// rpc it calls.)
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "backend.h"
#include "commands.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace {

using cakap_test::TempDir;
using cakap_test::VacancyBuilder;
using cakap_test::WorkerBuilder;
using ::testing::ElementsAre;

// Runs `cakap --json watch v-las` with `flags` and returns the messages it printed.
std::vector<cakap::v1::VacancyAlert> Watch(cakap::cli::Backend* backend,
                                           const cakap::cli::WatchFlags& flags) {
  cakap::cli::Context ctx;
  ctx.backend = backend;
  ctx.json = true;
  testing::internal::CaptureStdout();
  const int code = cakap::cli::RunWatch(ctx, {"watch", "v-las"}, flags);
  const std::string out = testing::internal::GetCapturedStdout();
  EXPECT_EQ(code, cakap::cli::kExitOk);
  std::vector<cakap::v1::VacancyAlert> messages;
  for (absl::string_view line : absl::StrSplit(out, '\n', absl::SkipEmpty())) {
    cakap::v1::VacancyAlert alert;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(std::string(line), &alert).ok())
        << line;
    messages.push_back(alert);
  }
  return messages;
}

std::vector<std::string> Ids(const std::vector<cakap::v1::VacancyAlert>& messages) {
  std::vector<std::string> ids;
  for (const auto& m : messages) {
    ids.push_back(m.has_candidate() ? m.candidate().worker().id() : "-");
  }
  return ids;
}

TEST(CliWatchTest, LocalIndexPrintsTheAlertsAfterTheCursor) {
  TempDir dir;
  cakap::cli::EmbeddedOptions options;
  options.data_dir = dir.Sub("index");
  options.create_if_missing = true;
  absl::StatusOr<std::unique_ptr<cakap::cli::Backend>> backend =
      cakap::cli::OpenEmbeddedBackend(options);
  ASSERT_TRUE(backend.ok()) << backend.status();
  cakap::cli::Backend& b = **backend;
  ASSERT_TRUE(b.UpsertVacancy(VacancyBuilder("v-las").Require("LAS").Open()).ok());
  const std::vector<cakap::v1::Worker> first = {WorkerBuilder("w1").Skill("LAS"),
                                                WorkerBuilder("cook").Skill("MSK")};
  ASSERT_TRUE(b.UpsertWorkers(first).ok());

  cakap::cli::WatchFlags from_beginning;
  from_beginning.from_beginning = true;
  const std::vector<cakap::v1::VacancyAlert> all = Watch(&b, from_beginning);
  EXPECT_THAT(Ids(all), ElementsAre("w1", "-"));  // the last line: where to resume
  const std::vector<cakap::v1::Worker> second = {WorkerBuilder("w2").Skill("LAS")};
  ASSERT_TRUE(b.UpsertWorkers(second).ok());
  cakap::cli::WatchFlags resume;
  resume.cursor = all.back().cursor();
  EXPECT_THAT(Ids(Watch(&b, resume)), ElementsAre("w2", "-"));
  // From now: nothing yet, only the cursor.
  EXPECT_THAT(Ids(Watch(&b, {})), ElementsAre("-"));

  cakap::cli::Context ctx;
  ctx.backend = &b;
  cakap::cli::WatchFlags bad;
  bad.cursor = "not-a-cursor";
  testing::internal::CaptureStderr();
  EXPECT_EQ(cakap::cli::RunWatch(ctx, {"watch", "v-las"}, bad), cakap::cli::kExitError);
  EXPECT_THAT(testing::internal::GetCapturedStderr(), ::testing::HasSubstr("cursor: "));
}

}  // namespace
