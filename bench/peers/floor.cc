// The floor: every worker as a packed record (bench/peers/packed.h) split in two parallel
// vectors, 64-byte hot halves and 64-byte cold ones, and a single-threaded scan of all the
// hot halves per question. No index, no allocation per record; what any smarter system has
// to beat. The scan is bound by the bytes it streams, so it streams only what rejects:
// the cold half (certificates, score inputs) is fetched for the few records that pass.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "packed.h"
#include "peer.h"

namespace cakap {
namespace bench {
namespace {

class FloorPeer final : public Peer {
 public:
  std::string Name() const override { return "floor"; }

  absl::Status Add(absl::Span<const cakap_ref::RefWorker> batch) override {
    finished_ = false;  // records must be put in id order again
    hot_.reserve(hot_.size() + batch.size());
    cold_.reserve(cold_.size() + batch.size());
    ids_.reserve(ids_.size() + batch.size());
    for (const cakap_ref::RefWorker& w : batch) {
      if (hot_.size() >= std::numeric_limits<uint32_t>::max()) {
        return absl::FailedPreconditionError("floor: at most 2^32-1 workers");
      }
      PackedWorker r;
      absl::Status st = packer_.Pack(w, &r, &overflow_);
      if (!st.ok()) return absl::Status(st.code(), absl::StrCat("floor: ", st.message()));
      hot_.push_back(r.hot);
      cold_.push_back(r.cold);
      ids_.push_back(w.id);
    }
    return absl::OkStatus();
  }

  // Puts the records in id order, so that the record index breaks score ties exactly as
  // the id does (and AllCandidates comes out sorted) without comparing strings.
  absl::Status FinishLoad() override {
    std::vector<uint32_t> order(hot_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return ids_[a] < ids_[b]; });
    for (size_t i = 1; i < order.size(); ++i) {
      if (ids_[order[i - 1]] == ids_[order[i]]) {
        return absl::InvalidArgumentError(absl::StrCat("floor: duplicate id ", ids_[order[i]]));
      }
    }
    std::vector<PackedHot> hot;
    std::vector<PackedCold> cold;
    std::vector<std::string> ids;
    hot.reserve(order.size());
    cold.reserve(order.size());
    ids.reserve(order.size());
    for (uint32_t i : order) {
      hot.push_back(hot_[i]);
      cold.push_back(cold_[i]);
      ids.push_back(std::move(ids_[i]));
    }
    hot_ = std::move(hot);
    cold_ = std::move(cold);
    ids_ = std::move(ids);
    overflow_.shrink_to_fit();
    finished_ = true;
    return absl::OkStatus();
  }

  absl::StatusOr<PeerAnswer> Match(const cakap_ref::RefVacancy& vacancy,
                                   int page_size) override {
    absl::StatusOr<PackedQuery> q = Prepare(vacancy);
    if (!q.ok()) return q.status();
    PeerAnswer answer;
    if (q->impossible()) return answer;
    const size_t k = page_size > 0 ? static_cast<size_t>(page_size) : 0;
    // Bounded heap: the worst of the best k on top (Better as "less" makes it a max-heap
    // of worseness).
    heap_.clear();
    heap_.reserve(k);
    int64_t total = 0;
    Scan(*q, [&](uint32_t index, int64_t score) {
      ++total;
      const Hit hit{score, index};
      if (heap_.size() < k) {
        heap_.push_back(hit);
        std::push_heap(heap_.begin(), heap_.end(), Better);
      } else if (k > 0 && Better(hit, heap_.front())) {
        std::pop_heap(heap_.begin(), heap_.end(), Better);
        heap_.back() = hit;
        std::push_heap(heap_.begin(), heap_.end(), Better);
      }
    });
    std::sort(heap_.begin(), heap_.end(), Better);
    answer.total = total;
    answer.top.reserve(heap_.size());
    for (const Hit& h : heap_) answer.top.push_back(PeerHit{ids_[h.index], h.score});
    return answer;
  }

  absl::StatusOr<std::vector<std::string>> AllCandidates(
      const cakap_ref::RefVacancy& vacancy) override {
    absl::StatusOr<PackedQuery> q = Prepare(vacancy);
    if (!q.ok()) return q.status();
    std::vector<std::string> out;
    if (q->impossible()) return out;
    Scan(*q, [&](uint32_t index, int64_t) { out.push_back(ids_[index]); });
    return out;  // records are in id order
  }

  uint64_t SizeBytes() const override {
    uint64_t bytes = hot_.size() * (sizeof(PackedHot) + sizeof(PackedCold)) +
                     overflow_.size() * sizeof(PackedCert) + packer_.SizeBytes();
    for (const std::string& id : ids_) bytes += sizeof(std::string) + id.capacity();
    return bytes;
  }

 private:
  struct Hit {
    int64_t score;
    uint32_t index;  // records are in id order: a smaller index is a smaller id
  };
  static bool Better(const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.index < b.index;
  }

  absl::StatusOr<PackedQuery> Prepare(const cakap_ref::RefVacancy& vacancy) const {
    if (!finished_) return absl::FailedPreconditionError("floor: FinishLoad was not called");
    return PackedQuery::Compile(vacancy, packer_);
  }

  template <typename OnHit>
  void Scan(const PackedQuery& q, OnHit&& on_hit) const {
    const PackedHot* const hot = hot_.data();
    const PackedCold* const cold = cold_.data();
    const PackedCert* const overflow = overflow_.data();
    const uint32_t n = static_cast<uint32_t>(hot_.size());
    // The skill test rejects most records; a local copy of the mask lets the compiler keep
    // it in registers (on_hit writes memory, which could otherwise alias the query).
    uint64_t required[kSkillWords];
    std::copy(q.required(), q.required() + kSkillWords, required);
    for (uint32_t i = 0; i < n; ++i) {
      if (!PackedQuery::HasRequiredSkills(hot[i], required)) continue;
      int64_t score;
      if (q.Match(hot[i], cold[i], overflow, &score)) on_hit(i, score);
    }
  }

  Packer packer_;
  std::vector<PackedHot> hot_;    // by record, in id order
  std::vector<PackedCold> cold_;  // parallel to hot_
  std::vector<PackedCert> overflow_;
  std::vector<std::string> ids_;  // by record
  std::vector<Hit> heap_;         // reused across queries
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<Peer> NewFloorPeer() { return std::make_unique<FloorPeer>(); }

}  // namespace bench
}  // namespace cakap
