// Update visibility: how long after an acknowledged upsert a match sees it, and how much
// match latency suffers under a steady stream of updates.
//
// Three kinds of threads run together for config.visibility_seconds:
//  - updaters re-upsert random corpus workers at config.updates_per_s in total (paced,
//    several threads so a slow commit does not lower the offered rate);
//  - a prober upserts a fresh worker at a point of its own in the Java Sea (no corpus
//    worker lives there) and, from the moment the upsert is acknowledged, repeats the
//    match of a 1 km vacancy around that point until the worker is among the candidates;
//  - a matcher runs the local50 vacancies of the mix, as in the latency phase.
// The same matcher runs alone first, for the same time: the baseline.
#include <atomic>
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

// Runs local50 matches until `stop`; the samples of every match.
absl::Status MatchLoop(const Workload& w, const Engine& engine, const std::atomic<bool>& stop,
                       LatencySamples* samples) {
  const ClassVacancies& local50 = w.vacancies[1];
  v1::MatchOptions o;
  o.set_page_size(20);
  for (size_t i = 0; !stop; ++i) {
    const absl::Time s = absl::Now();
    absl::StatusOr<v1::MatchResult> r = engine.Match(local50.raw[i % local50.raw.size()], o);
    samples->Add(absl::Now() - s);
    if (!r.ok()) return r.status();
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<nlohmann::json> MeasureVisibility(const Workload& w, Engine& engine, int64_t n) {
  const BenchConfig& c = *w.config;
  const absl::Duration length = absl::Seconds(c.visibility_seconds);

  // Baseline: the matcher alone.
  std::atomic<bool> stop{false};
  LatencySamples baseline;
  absl::Status match_status;
  absl::Time start = absl::Now();
  std::thread alone([&] { match_status = MatchLoop(w, engine, stop, &baseline); });
  absl::SleepFor(length);
  stop = true;
  alone.join();
  if (!match_status.ok()) return match_status;
  const LatencySummary base = baseline.Summarize(absl::Now() - start);

  // Under updates.
  stop = false;
  absl::Mutex mu;
  absl::Status error;
  auto fail = [&](const absl::Status& s) {
    absl::MutexLock lock(&mu);
    if (error.ok()) error = s;
    stop = true;
  };
  std::atomic<int64_t> updates{0};
  LatencySamples loaded, visibility, acks;
  start = absl::Now();
  std::vector<std::thread> threads;
  for (int t = 0; t < kUpdaterThreads; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937_64 rng(c.seed + 1000 + t);
      const absl::Duration period = absl::Seconds(double{kUpdaterThreads} / c.updates_per_s);
      absl::Time due = absl::Now();
      LatencySamples mine;
      while (!stop) {
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
      absl::MutexLock lock(&mu);
      acks.Merge(mine);
    });
  }
  threads.emplace_back([&] {
    absl::Status st = MatchLoop(w, engine, stop, &loaded);
    if (!st.ok()) fail(st);
  });
  threads.emplace_back([&] {
    v1::MatchOptions o;
    o.set_page_size(20);
    for (int64_t k = 0; !stop; ++k) {
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
  absl::SleepFor(length);
  stop = true;
  for (std::thread& t : threads) t.join();
  const absl::Duration wall = absl::Now() - start;
  if (!error.ok()) return error;
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
