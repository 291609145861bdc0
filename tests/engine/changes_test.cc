// The change feed behind alerts (Engine::MatchChanges, ChangeSequence, WaitForChange):
// every committed worker write after a cursor, once, at its latest write, in (seq, id)
// order, that is a candidate of the vacancy now, scored as Match scores it.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using cakap::ChangeBatch;
using cakap::ChangeCursor;
using cakap_test::OpenEngine;
using cakap_test::StatusIs;
using cakap_test::TempDir;
using cakap_test::VacancyBuilder;
using cakap_test::WorkerBuilder;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

cakap::v1::Vacancy Welders() { return VacancyBuilder("v-las").Require("LAS").Region("63.11"); }
WorkerBuilder Welder(const std::string& id) { return std::move(WorkerBuilder(id).Skill("LAS")); }
WorkerBuilder Cook(const std::string& id) { return std::move(WorkerBuilder(id).Skill("MSK")); }

// "seq:id" of each change, for readable expectations.
std::vector<std::string> Events(const ChangeBatch& b) {
  std::vector<std::string> out;
  for (const cakap::WorkerChange& c : b.changes) {
    out.push_back(absl::StrCat(c.seq, ":", c.candidate.worker().id()));
  }
  return out;
}

// Every change after `from`, read `limit` at a time, following the cursors.
std::vector<std::string> ReadAll(cakap::Engine& e, const cakap::v1::Vacancy& v,
                                 ChangeCursor from, int limit) {
  std::vector<std::string> out;
  for (int calls = 0; calls < 1000; ++calls) {
    absl::StatusOr<ChangeBatch> b = e.MatchChanges(v, {}, from, limit);
    EXPECT_TRUE(b.ok()) << b.status();
    if (!b.ok()) break;
    for (const std::string& s : Events(*b)) out.push_back(s);
    if (b->next == from) break;
    from = b->next;
  }
  return out;
}

TEST(ChangesTest, FeedIsTheCommittedWritesInSequenceOrder) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto e, OpenEngine(dir.path()));
  EXPECT_EQ(e->ChangeSequence(), 0u);
  ASSERT_OK(e->UpsertWorker(Welder("w1")));            // 1: a candidate
  ASSERT_OK(e->UpsertWorker(Cook("w2")));              // 2: not a candidate
  const std::vector<cakap::v1::Worker> pair = {Welder("w4"), Welder("w3")};
  ASSERT_OK(e->UpsertWorkers(pair).status());           // 3: both, in one commit
  ASSERT_OK(e->UpsertVacancy(Welders()));              // a vacancy moves no sequence
  EXPECT_EQ(e->ChangeSequence(), 3u);
  ASSERT_OK_AND_ASSIGN(ChangeBatch all, e->MatchChanges(Welders(), {}, {}, 100));
  EXPECT_THAT(Events(all), ElementsAre("1:w1", "3:w3", "3:w4"));  // by (seq, id)
  EXPECT_EQ(all.sequence, 3u);
  EXPECT_EQ(all.next, (ChangeCursor{3, ""}));
  // Scored and explained exactly as Match does.
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult m, e->Match(Welders(), cakap_test::MatchOpts()));
  std::map<std::string, std::string> matched;
  for (const auto& c : m.candidates()) matched[c.worker().id()] = c.SerializeAsString();
  ASSERT_EQ(matched.size(), 3u);
  for (const cakap::WorkerChange& c : all.changes) {
    EXPECT_EQ(c.candidate.SerializeAsString(), matched[c.candidate.worker().id()]);
    EXPECT_EQ(c.cursor, (ChangeCursor{c.seq, c.candidate.worker().id()}));
  }

  // w1 stops matching (4), w2 starts (5), w3 is deleted (6): from the old cursor only
  // w2's write is an event; a deletion moves the sequence but is no event.
  ASSERT_OK(e->UpsertWorker(Cook("w1")));
  ASSERT_OK(e->UpsertWorker(Welder("w2")));
  ASSERT_OK(e->DeleteWorker("w3"));
  ASSERT_OK_AND_ASSIGN(ChangeBatch later, e->MatchChanges(Welders(), {}, all.next, 100));
  EXPECT_THAT(Events(later), ElementsAre("5:w2"));
  EXPECT_EQ(later.next, (ChangeCursor{6, ""}));
  // From the beginning: each stored worker once, at its latest write; w3 is gone.
  EXPECT_THAT(ReadAll(*e, Welders(), {}, 100), ElementsAre("3:w4", "5:w2"));
}

TEST(ChangesTest, AWorkerWrittenTwiceBeforeTheReadIsOneEventItsLatest) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto e, OpenEngine(dir.path()));
  ASSERT_OK(e->UpsertWorker(Welder("w1")));
  ASSERT_OK(e->UpsertWorker(Welder("w1").Name("Siti")));
  ASSERT_OK_AND_ASSIGN(ChangeBatch b, e->MatchChanges(Welders(), {}, {}, 10));
  EXPECT_THAT(Events(b), ElementsAre("2:w1"));
  EXPECT_EQ(b.changes[0].candidate.worker().display_name(), "Siti");
}

// Read in pages of 1, 3 and 7, across a bulk commit's ids and single writes, the events
// are those of one read, none repeated or lost, however the cursor falls.
TEST(ChangesTest, CursorsResumeWithoutLossOrRepeat) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto e, OpenEngine(dir.path()));
  std::vector<cakap::v1::Worker> bulk;
  for (int i = 0; i < 40; ++i) {
    bulk.push_back(i % 3 == 0 ? Cook(absl::StrCat("b", i)) : Welder(absl::StrCat("b", i)));
  }
  ASSERT_OK(e->UpsertWorkers(bulk));
  for (int i = 0; i < 12; ++i) ASSERT_OK(e->UpsertWorker(Welder(absl::StrCat("s", i))));
  const std::vector<std::string> once = ReadAll(*e, Welders(), {}, 1000);
  ASSERT_EQ(once.size(), 26u + 12u);
  EXPECT_EQ(std::set<std::string>(once.begin(), once.end()).size(), once.size());
  for (int limit : {1, 3, 7}) EXPECT_EQ(ReadAll(*e, Welders(), {}, limit), once) << limit;
}

TEST(ChangesTest, SequenceAndCursorsSurviveReopen) {
  TempDir dir;
  ChangeCursor cursor;
  {
    ASSERT_OK_AND_ASSIGN(auto e, OpenEngine(dir.path()));
    ASSERT_OK(e->UpsertWorker(Welder("w1")));
    ASSERT_OK(e->UpsertWorker(Welder("w2")));
    ASSERT_OK_AND_ASSIGN(ChangeBatch b, e->MatchChanges(Welders(), {}, {}, 1));
    EXPECT_THAT(Events(b), ElementsAre("1:w1"));
    cursor = b.next;
  }
  ASSERT_OK_AND_ASSIGN(auto e, OpenEngine(dir.path()));
  EXPECT_EQ(e->ChangeSequence(), 2u);
  ASSERT_OK(e->UpsertWorker(Welder("w3")));
  EXPECT_THAT(ReadAll(*e, Welders(), cursor, 10), ElementsAre("2:w2", "3:w3"));
}

TEST(ChangesTest, ScopeKeywordsAndWelfareAsMatch) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto e, OpenEngine(dir.path()));
  ASSERT_OK(e->UpsertWorker(Welder("in").Region("64.08").Decile(1)));   // Kutai Timur
  ASSERT_OK(e->UpsertWorker(Welder("out").Region("63.11").Decile(1)));  // Balangan
  cakap::v1::Vacancy v = VacancyBuilder("v").Require("LAS");
  cakap::v1::MatchOptions scoped;
  scoped.add_scope_region_codes("64");
  scoped.set_exclude_welfare(true);
  ASSERT_OK_AND_ASSIGN(ChangeBatch b, e->MatchChanges(v, scoped, {}, 10));
  EXPECT_THAT(Events(b), ElementsAre("1:in"));
  for (const auto& c : b.changes[0].candidate.explanation()) EXPECT_NE(c.name(), "welfare");
  // Keywords: decided by the worker's words, stems included, as Match does.
  ASSERT_OK(e->UpsertWorker(Welder("pipa").Training("pengelasan pipa")));
  cakap::v1::Vacancy kw = VacancyBuilder("k").Require("LAS").Keywords("pipa");
  ASSERT_OK_AND_ASSIGN(ChangeBatch k, e->MatchChanges(kw, {}, {}, 10));
  EXPECT_THAT(Events(k), ElementsAre("3:pipa"));
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult m, e->Match(kw, cakap_test::MatchOpts()));
  EXPECT_EQ(cakap_test::Ids({m.candidates().begin(), m.candidates().end()}),
            std::vector<std::string>{"pipa"});
}

// An event is a write: a worker made available again by a write is one; one who becomes
// available because the day moved (a vacancy without a start date matches "today") is
// not, though Match now finds them.
TEST(ChangesTest, AvailabilityByAWriteIsAnEventByTheClockAlone) {
  TempDir dir;
  auto today = std::make_shared<absl::CivilDay>(2026, 11, 23);
  cakap::EngineOptions options = cakap_test::TestOptions();
  options.today = [today] { return *today; };
  ASSERT_OK_AND_ASSIGN(auto e, cakap::Engine::Open(options, dir.path()));
  const cakap::v1::Vacancy v = VacancyBuilder("v").Require("LAS");  // no start date
  ASSERT_OK(e->UpsertWorker(Welder("busy").Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED)));
  ASSERT_OK(e->UpsertWorker(Welder("later").AvailableFrom("2026-12-01")));
  ASSERT_OK_AND_ASSIGN(ChangeBatch none, e->MatchChanges(v, {}, {}, 10));
  EXPECT_THAT(Events(none), ElementsAre());
  ASSERT_OK(e->UpsertWorker(Welder("busy")));  // seeking again: a write, an event
  ASSERT_OK_AND_ASSIGN(ChangeBatch back, e->MatchChanges(v, {}, none.next, 10));
  EXPECT_THAT(Events(back), ElementsAre("3:busy"));
  *today = absl::CivilDay(2026, 12, 2);  // "later" is available now, by the clock alone
  ASSERT_OK_AND_ASSIGN(ChangeBatch clock, e->MatchChanges(v, {}, back.next, 10));
  EXPECT_THAT(Events(clock), ElementsAre());
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult m, e->Match(v, cakap_test::MatchOpts()));
  EXPECT_EQ(m.total(), 2);
}

TEST(ChangesTest, CursorTokensAndErrorsNameTheField) {
  EXPECT_EQ(cakap::EncodeChangeCursor({7, ""}), "0000000000000007");
  const std::string token = cakap::EncodeChangeCursor({26, "w-1"});
  ASSERT_OK_AND_ASSIGN(ChangeCursor back, cakap::DecodeChangeCursor(token));
  EXPECT_EQ(back, (ChangeCursor{26, "w-1"}));
  for (const char* bad : {"", "7", "000000000000001A", "000000000000001a.",
                          "000000000000001a.dy0x=", "000000000000001a-dy0x",
                          "zzzzzzzzzzzzzzzz"}) {
    EXPECT_THAT(cakap::DecodeChangeCursor(bad),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("cursor: ")))
        << bad;
  }
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto e, OpenEngine(dir.path()));
  ASSERT_OK(e->UpsertWorker(Welder("w1")));
  EXPECT_THAT(e->MatchChanges(Welders(), {}, {}, 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("limit: 0")));
  EXPECT_THAT(e->MatchChanges(Welders(), {}, {}, 1001),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("limit: 1001")));
  EXPECT_THAT(e->MatchChanges(Welders(), {}, {2, ""}, 10),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("cursor: ")));
  EXPECT_THAT(e->MatchChanges(VacancyBuilder("v").Require("NOPE"), {}, {}, 10),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("required_skills[0]")));
  cakap::v1::MatchOptions bad_scope;
  bad_scope.add_scope_region_codes("99.99");
  EXPECT_THAT(e->MatchChanges(Welders(), bad_scope, {}, 10),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("scope_region_codes[0]")));
}

// A waiter is woken by the commit, after it is visible to MatchChanges; without one it
// returns at its deadline.
TEST(ChangesTest, WaitForChangeWakesOnTheCommit) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto e, OpenEngine(dir.path()));
  const absl::Time start = absl::Now();
  EXPECT_EQ(e->WaitForChange(0, start + absl::Milliseconds(50)), 0u);
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(50));
  uint64_t seen = 0;
  absl::Duration waited;
  std::thread waiter([&] {
    const absl::Time t = absl::Now();
    seen = e->WaitForChange(0, t + absl::Seconds(10));
    waited = absl::Now() - t;
    absl::StatusOr<ChangeBatch> b = e->MatchChanges(Welders(), {}, {}, 10);
    ASSERT_TRUE(b.ok()) << b.status();
    EXPECT_THAT(Events(*b), ElementsAre("1:w1"));
  });
  absl::SleepFor(absl::Milliseconds(100));
  ASSERT_OK(e->UpsertWorker(Welder("w1")));
  waiter.join();
  EXPECT_EQ(seen, 1u);
  EXPECT_LT(waited, absl::Seconds(5));
}

}  // namespace
