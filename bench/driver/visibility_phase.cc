// Update visibility: how long after an acknowledged upsert a match sees it, and how much
// match latency suffers under a steady stream of updates.
//
// Three kinds of threads run together for 2 x config.visibility_seconds:
//  - updaters re-upsert random corpus workers at config.updates_per_s in total (paced,
//    several threads so a slow commit does not lower the offered rate);
//  - a prober upserts a fresh worker at a point of its own in the Java Sea (no corpus
//    worker lives there) and, from the moment the upsert is acknowledged, repeats the
//    match of a 1 km vacancy around that point until the worker is among the candidates;
//  - a matcher runs the local50 vacancies of the mix, as in the latency phase.
// Updaters and prober work in alternate one-second windows and idle in the others, where
// the matcher runs alone: its baseline. Interleaving the two, rather than timing one
// after the other, keeps a drift of the machine (a noisy neighbour, a frequency change)
// out of their ratio. A match overlapping a switch counts for neither.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <iostream>
#include <random>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "phases.h"

namespace cakap {
namespace bench {
namespace {

constexpr int kUpdaterThreads = 4;

v1::Worker ProbeWorker(int64_t k) {
  v1::Worker w;
  w.set_id(absl::StrCat("probe", k));
  w.set_display_name(absl::StrCat("Probe ", k));
  v1::Location* loc = w.mutable_domicile();
  loc->set_has_coordinates(true);
  loc->set_latitude(-6.0 + 0.02 * static_cast<double>(k % 100));
  loc->set_longitude(110.0 + 0.02 * static_cast<double>(k / 100 % 100));
  w.add_skills("LAS");
  w.set_employment_status(v1::EMPLOYMENT_STATUS_SEEKING);
  return w;
}

v1::Vacancy ProbeVacancy(const v1::Worker& probe) {
  v1::Vacancy v;
  v.add_required_skills("LAS");
  v1::Location* loc = v.mutable_location();
  loc->set_has_coordinates(true);
  loc->set_latitude(probe.domicile().latitude());
  loc->set_longitude(probe.domicile().longitude());
  v.set_radius_km(1);
  return v;
}

// Runs local50 matches until `stop`, each sample into `alone` or `under` by whether
// `updating` held throughout it.
absl::Status MatchLoop(const Workload& w, const Engine& engine, const std::atomic<bool>& stop,
                       const std::atomic<bool>& updating, LatencySamples* alone,
                       LatencySamples* under) {
  const ClassVacancies& local50 = w.vacancies[1];
  v1::MatchOptions o;
  o.set_page_size(20);
  for (size_t i = 0; !stop; ++i) {
    const bool before = updating;
    const absl::Time s = absl::Now();
    absl::StatusOr<v1::MatchResult> r = engine.Match(local50.raw[i % local50.raw.size()], o);
    const absl::Duration took = absl::Now() - s;
    if (!r.ok()) return r.status();
    if (updating == before) (before ? under : alone)->Add(took);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<nlohmann::json> MeasureVisibility(const Workload& w, Engine& engine, int64_t n) {
  const BenchConfig& c = *w.config;
  const int windows = 2 * std::max(1, static_cast<int>(std::lround(c.visibility_seconds)));

  std::atomic<bool> stop{false}, updating{false};
  absl::Mutex mu;
  absl::Status error;
  auto fail = [&](const absl::Status& s) {
    absl::MutexLock lock(&mu);
    if (error.ok()) error = s;
    stop = true;
  };
  // Waits while the window is the matcher's alone; false once stopped.
  auto await_updating = [&] {
    while (!updating && !stop) absl::SleepFor(absl::Milliseconds(1));
    return !stop;
  };
  std::atomic<int64_t> updates{0};
  LatencySamples baseline, loaded, visibility, acks;
  std::vector<std::thread> threads;
  for (int t = 0; t < kUpdaterThreads; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937_64 rng(c.seed + 1000 + t);
      const absl::Duration period = absl::Seconds(double{kUpdaterThreads} / c.updates_per_s);
      LatencySamples mine;
      while (await_updating()) {
        absl::Time due = absl::Now();
        while (updating && !stop) {
          v1::Worker worker = w.workers->Make(static_cast<int64_t>(rng() % n));
          worker.set_travel_km(static_cast<double>(10 + rng() % 90));
          const absl::Time s = absl::Now();
          absl::Status st = engine.UpsertWorker(worker);
          mine.Add(absl::Now() - s);
          if (!st.ok()) return fail(st);
          ++updates;
          due += period;
          absl::SleepFor(due - absl::Now());  // negative: behind schedule, no sleep
        }
      }
      absl::MutexLock lock(&mu);
      acks.Merge(mine);
    });
  }
  threads.emplace_back([&] {
    absl::Status st = MatchLoop(w, engine, stop, updating, &baseline, &loaded);
    if (!st.ok()) fail(st);
  });
  threads.emplace_back([&] {
    v1::MatchOptions o;
    o.set_page_size(20);
    for (int64_t k = 0; await_updating(); ++k) {
      const v1::Worker probe = ProbeWorker(k);
      const v1::Vacancy v = ProbeVacancy(probe);
      if (absl::Status st = engine.UpsertWorker(probe); !st.ok()) return fail(st);
      const absl::Time acked = absl::Now();
      for (bool seen = false; !seen && !stop;) {
        absl::StatusOr<v1::MatchResult> r = engine.Match(v, o);
        if (!r.ok()) return fail(r.status());
        for (const v1::Candidate& cand : r->candidates()) seen |= cand.worker().id() == probe.id();
        if (seen) visibility.Add(absl::Now() - acked);
      }
      absl::SleepFor(absl::Milliseconds(10));
    }
  });
  absl::Duration alone_time, updating_time;
  for (int i = 0; i < windows && !stop; ++i) {
    updating = i % 2 == 1;
    const absl::Time s = absl::Now();
    absl::SleepFor(absl::Seconds(1));
    (updating ? updating_time : alone_time) += absl::Now() - s;
  }
  stop = true;
  for (std::thread& t : threads) t.join();
  if (!error.ok()) return error;
  const absl::Duration wall = updating_time;
  const LatencySummary base = baseline.Summarize(alone_time);
  const LatencySummary under = loaded.Summarize(wall);
  const LatencySummary vis = visibility.Summarize(wall);
  const LatencySummary ack = acks.Summarize(wall);
  const double rate = updates / absl::ToDoubleSeconds(wall);
  std::cerr << absl::StrFormat(
      "  visibility: %.0f updates/s (offered %d), upsert ack p50 %.2f ms p99 %.2f ms; "
      "visible after p50 %.2f ms p99 %.2f ms; local50 match p99 %.3f ms alone, %.3f ms under "
      "updates (x%.2f)\n",
      rate, c.updates_per_s, ack.p50_ms, ack.p99_ms, vis.p50_ms, vis.p99_ms, base.p99_ms,
      under.p99_ms, under.p99_ms / base.p99_ms);
  return nlohmann::json{{"offered_updates_per_s", c.updates_per_s},
                        {"updates_per_s", rate},
                        {"upsert_ack", ToJson(ack)},
                        {"visibility", ToJson(vis)},
                        {"match_alone", ToJson(base)},
                        {"match_under_updates", ToJson(under)},
                        {"p99_degradation", under.p99_ms / base.p99_ms}};
}

}  // namespace bench
}  // namespace cakap
