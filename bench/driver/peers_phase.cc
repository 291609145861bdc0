// The peers: load the same workers, check they answer the same question as cakap, time them.
#include <cmath>
#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "peer.h"
#include "phases.h"

namespace cakap {
namespace bench {
namespace {

// Above this many candidates verification compares totals and the first page only:
// paging cakap through every candidate of a national vacancy at 1M would take minutes.
constexpr int64_t kFullSetLimit = 5000;
constexpr int kPageSize = 20;

absl::StatusOr<std::unique_ptr<Peer>> MakePeer(const std::string& name, const BenchConfig& c,
                                               const std::string& dir) {
  if (name == "floor") return NewFloorPeer();
  if (name == "xapian-plain") return NewPlainXapianPeer(dir + "/xapian-plain");
  if (name == "sqlite") return NewSqlitePeer(dir + "/sqlite.db");
  if (name == "postgres") return NewPostgresPeer(c.pg_conninfo);
  return absl::InvalidArgumentError(absl::StrCat("unknown peer ", name));
}

absl::StatusOr<nlohmann::json> Load(const Workload& w, int64_t n, Peer& peer) {
  std::vector<cakap_ref::RefWorker> batch;
  absl::Duration loading;
  for (int64_t next = 0; next < n;) {
    batch.clear();
    for (int64_t i = next; i < std::min<int64_t>(n, next + 10000); ++i) {
      CAKAP_ASSIGN_OR_RETURN(cakap_ref::RefWorker r,
                             w.reference->ResolveWorker(w.workers->Make(i)));
      batch.push_back(std::move(r));
    }
    next += static_cast<int64_t>(batch.size());
    const absl::Time s = absl::Now();
    CAKAP_RETURN_IF_ERROR(peer.Add(batch));
    loading += absl::Now() - s;
    std::cerr << absl::StrFormat("\r  %s: loaded %d/%d", peer.Name(), next, n) << std::flush;
  }
  const absl::Time s = absl::Now();
  CAKAP_RETURN_IF_ERROR(peer.FinishLoad());
  loading += absl::Now() - s;
  std::cerr << "\n";
  const double seconds = absl::ToDoubleSeconds(loading);
  return nlohmann::json{{"system", peer.Name()},
                        {"seconds", seconds},
                        {"workers_per_s", n / seconds},
                        {"bytes", peer.SizeBytes()},
                        {"bytes_per_worker", static_cast<double>(peer.SizeBytes()) / n}};
}

// cakap's answer: total, first page, and (when total <= kFullSetLimit) every id.
struct CakapAnswer {
  int64_t total = 0;
  std::vector<std::pair<std::string, int64_t>> page;
  std::vector<std::string> all;  // sorted; empty when over the limit
};

absl::StatusOr<CakapAnswer> AskCakap(const Engine& engine, const v1::Vacancy& v) {
  CakapAnswer a;
  v1::MatchOptions o;
  o.set_page_size(kPageSize);
  CAKAP_ASSIGN_OR_RETURN(v1::MatchResult first, engine.Match(v, o));
  a.total = first.total();
  for (const v1::Candidate& c : first.candidates()) {
    a.page.emplace_back(c.worker().id(), std::llround(c.score() * 1e6));
  }
  if (a.total > kFullSetLimit) return a;
  o.set_page_size(200);
  for (;;) {
    CAKAP_ASSIGN_OR_RETURN(v1::MatchResult r, engine.Match(v, o));
    for (const v1::Candidate& c : r.candidates()) a.all.push_back(c.worker().id());
    if (r.next_page_token().empty()) break;
    o.set_page_token(r.next_page_token());
  }
  std::sort(a.all.begin(), a.all.end());
  return a;
}

// Compares the peer with cakap on the first config.verify_per_class vacancies per class.
absl::StatusOr<nlohmann::json> Verify(const Workload& w, const Engine& engine, Peer& peer) {
  int64_t checked = 0, full_sets = 0, mismatches = 0;
  std::vector<std::string> examples;
  for (const ClassVacancies& cv : w.vacancies) {
    const size_t k = std::min<size_t>(cv.raw.size(), w.config->verify_per_class);
    for (size_t i = 0; i < k; ++i) {
      CAKAP_ASSIGN_OR_RETURN(CakapAnswer want, AskCakap(engine, cv.raw[i]));
      CAKAP_ASSIGN_OR_RETURN(PeerAnswer got, peer.Match(cv.resolved[i], kPageSize));
      std::string problem;
      if (got.total != want.total) {
        problem = absl::StrCat("total ", got.total, " != cakap ", want.total);
      } else if (got.top.size() != want.page.size()) {
        problem = "page sizes differ";
      } else {
        for (size_t j = 0; j < got.top.size() && problem.empty(); ++j) {
          if (got.top[j].id != want.page[j].first ||
              std::abs(got.top[j].score_micro - want.page[j].second) > 1) {
            problem = absl::StrCat("rank ", j + 1, ": ", got.top[j].id, " ", got.top[j].score_micro,
                                   " != cakap ", want.page[j].first, " ", want.page[j].second);
          }
        }
      }
      if (problem.empty() && want.total <= kFullSetLimit) {
        CAKAP_ASSIGN_OR_RETURN(std::vector<std::string> ids, peer.AllCandidates(cv.resolved[i]));
        if (ids != want.all) problem = "candidate sets differ";
        ++full_sets;
      }
      ++checked;
      if (!problem.empty()) {
        ++mismatches;
        if (examples.size() < 5) examples.push_back(absl::StrCat(cv.raw[i].id(), " (",
                                                    corpus::VacancyClassName(cv.cls), "): ", problem));
      }
    }
  }
  std::cerr << absl::StrFormat("  %s: verified %d vacancies against cakap (%d full sets), %d mismatches\n",
                               peer.Name(), checked, full_sets, mismatches);
  for (const std::string& e : examples) std::cerr << "    " << e << "\n";
  return nlohmann::json{{"system", peer.Name()}, {"vacancies", checked}, {"full_sets", full_sets},
                        {"mismatches", mismatches}, {"examples", examples}};
}

}  // namespace

absl::StatusOr<nlohmann::json> RunPeers(const Workload& w, int64_t n, const Engine& engine,
                                        const std::string& dir) {
  nlohmann::json out = {{"load", nlohmann::json::array()},
                        {"verification", nlohmann::json::array()},
                        {"latency", nlohmann::json::array()}};
  for (const char* name : {"floor", "xapian-plain", "sqlite", "postgres"}) {
    if (!w.config->systems.count(name)) continue;
    CAKAP_ASSIGN_OR_RETURN(std::unique_ptr<Peer> peer, MakePeer(name, *w.config, dir));
    CAKAP_ASSIGN_OR_RETURN(nlohmann::json load, Load(w, n, *peer));
    out["load"].push_back(std::move(load));
    CAKAP_ASSIGN_OR_RETURN(nlohmann::json verification, Verify(w, engine, *peer));
    out["verification"].push_back(std::move(verification));
    Peer* p = peer.get();
    CAKAP_ASSIGN_OR_RETURN(
        nlohmann::json rows,
        RunLatency(w, name, "base", 1, [&]() -> QueryFn {
          return [&w, p](size_t ci, size_t vi) -> absl::StatusOr<int64_t> {
            CAKAP_ASSIGN_OR_RETURN(PeerAnswer a, p->Match(w.vacancies[ci].resolved[vi], kPageSize));
            return a.total;
          };
        }));
    for (auto& row : rows) out["latency"].push_back(std::move(row));
  }
  return out;
}

}  // namespace bench
}  // namespace cakap
