// The systems cakap is compared with (docs/benchmarks.md). Every peer loads the same
// resolved workers (bench/reference: ReferenceMatcher::ResolveWorker) and answers the same
// question for the same resolved vacancy: the candidates that satisfy every hard
// constraint of docs/ranking.md, scored by its formula (welfare included, default
// RankingWeights), ordered by score descending then id ascending, with the exact total.
//
//   std::unique_ptr<Peer> peer = NewFloorPeer();
//   for (batch ...) CHECK_OK(peer->Add(batch));
//   CHECK_OK(peer->FinishLoad());
//   absl::StatusOr<PeerAnswer> a = peer->Match(vacancy, 20);
//
// Keywords are not part of the benchmark question: a vacancy with keywords is refused
// (InvalidArgument), since no peer indexes the worker's free text the way cakap does.
#ifndef CAKAP_BENCH_PEERS_PEER_H_
#define CAKAP_BENCH_PEERS_PEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "reference/reference_matcher.h"

namespace cakap {
namespace bench {

struct PeerHit {
  std::string id;
  int64_t score_micro = 0;  // the score in units of 1e-6, as docs/ranking.md rounds it
};

struct PeerAnswer {
  int64_t total = 0;          // number of candidates
  std::vector<PeerHit> top;   // the best min(total, page_size), in order
};

// One peer. Load, then query. Not thread-safe: the benchmark runs one query at a time
// per peer object.
class Peer {
 public:
  virtual ~Peer() = default;
  // Short name used in reports: "floor", "xapian-plain", "sqlite", "postgres".
  virtual std::string Name() const = 0;
  // Adds workers (ids are unique across all batches). May be called many times.
  virtual absl::Status Add(absl::Span<const cakap_ref::RefWorker> batch) = 0;
  // Builds indexes / statistics after the last Add; queries only after this.
  virtual absl::Status FinishLoad() = 0;
  // The timed question.
  virtual absl::StatusOr<PeerAnswer> Match(const cakap_ref::RefVacancy& vacancy,
                                           int page_size) = 0;
  // Every candidate id, sorted ascending (verification only, not timed).
  virtual absl::StatusOr<std::vector<std::string>> AllCandidates(
      const cakap_ref::RefVacancy& vacancy) = 0;
  // Bytes the peer's data takes (on disk, or in memory for in-memory peers); 0 unknown.
  virtual uint64_t SizeBytes() const = 0;
};

// Brute force over packed fixed-size worker records in memory: the floor.
std::unique_ptr<Peer> NewFloorPeer();
// Xapian used the obvious way, in directory `dir` (created; must not exist).
std::unique_ptr<Peer> NewPlainXapianPeer(const std::string& dir);
// SQLite with FTS5 (skills) and an R*Tree (location), database file `path` (created).
std::unique_ptr<Peer> NewSqlitePeer(const std::string& path);
// PostgreSQL 15 + PostGIS at libpq `conninfo` (an empty database it may fill).
std::unique_ptr<Peer> NewPostgresPeer(const std::string& conninfo);

}  // namespace bench
}  // namespace cakap

#endif  // CAKAP_BENCH_PEERS_PEER_H_
