// Xapian used the obvious way, as its documentation suggests: one document per worker with
// boolean terms for skills ("S" + skill id: a RefWorker carries ids, not codes), region,
// province and certificate issuers; the worker's point as LatLongCoords in a value slot,
// searched with a LatLongDistancePostingSource (no geo cell terms, so the posting source
// computes the distance of every document it is asked about from the value stream);
// every other exact check and the score in a MatchDecider and a KeyMaker that read the
// worker's packed record (bench/peers/packed.h) from a second value slot.
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "packed.h"
#include "peer.h"

namespace cakap {
namespace bench {
namespace {

constexpr Xapian::valueno kSlotPoint = 0;   // LatLongCoords of point(w)
constexpr Xapian::valueno kSlotRecord = 1;  // PackedWorker (both halves), further cert
                                            // pieces, the id
constexpr int kCommitEvery = 50000;         // documents per transaction while loading
// LatLongCoords are serialised to 1/16 arcsecond (a point moves up to ~1.4 m) and
// GreatCircleMetric rounds differently from the contract's haversine, so the posting source
// keeps a little more than the radius; the decider makes the exact decision.
constexpr double kRangeMarginMetres = 5.0;

absl::Status XapianStatus(absl::StatusCode code, const Xapian::Error& e, const char* what) {
  return absl::Status(code, absl::StrCat("xapian-plain: ", what, ": ", e.get_description()));
}

// Runs `fn` (returning absl::Status or absl::StatusOr<T>); Xapian errors become a Status.
template <typename F>
auto Guard(const char* what, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Xapian::InvalidArgumentError& e) {
    return XapianStatus(absl::StatusCode::kInvalidArgument, e, what);
  } catch (const Xapian::DatabaseCorruptError& e) {
    return XapianStatus(absl::StatusCode::kDataLoss, e, what);
  } catch (const Xapian::Error& e) {
    return XapianStatus(absl::StatusCode::kInternal, e, what);
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("xapian-plain: ", what, ": ", e.what()));
  }
}

// The sort key: score descending, then id ascending, as one byte string that sorts
// ascending. The score is 8 bytes big-endian of its order-reversed two's complement.
std::string SortKey(int64_t score, const std::string& id) {
  const uint64_t reversed = ~(static_cast<uint64_t>(score) ^ (uint64_t{1} << 63));
  std::string key(8, '\0');
  for (int i = 0; i < 8; ++i) key[i] = static_cast<char>(reversed >> (56 - 8 * i));
  return key + id;
}

void ParseSortKey(const std::string& key, int64_t* score, std::string* id) {
  uint64_t reversed = 0;
  for (int i = 0; i < 8 && i < static_cast<int>(key.size()); ++i) {
    reversed = (reversed << 8) | static_cast<unsigned char>(key[i]);
  }
  *score = static_cast<int64_t>(~reversed ^ (uint64_t{1} << 63));
  *id = key.size() > 8 ? key.substr(8) : std::string();
}

// Decides one document from its record value. Xapian asks twice per document (the
// KeyMaker for the sort key first, then the MatchDecider), so the last verdict is kept.
class Judge {
 public:
  explicit Judge(const PackedQuery& query) : query_(query) {}

  bool Decide(const Xapian::Document& doc) const {
    const Xapian::docid did = doc.get_docid();
    if (did != 0 && did == last_did_) return last_ok_;
    last_did_ = did;
    last_ok_ = false;
    const std::string value = doc.get_value(kSlotRecord);
    if (value.size() < sizeof(PackedWorker)) return Corrupt();
    PackedWorker record;
    std::memcpy(&record, value.data(), sizeof record);
    const uint32_t n_overflow = record.cold.n_overflow;
    const size_t certs_end = sizeof record + n_overflow * sizeof(PackedCert);
    if (value.size() < certs_end) return Corrupt();
    overflow_.resize(n_overflow);
    if (n_overflow > 0) {
      std::memcpy(overflow_.data(), value.data() + sizeof record,
                  n_overflow * sizeof(PackedCert));
    }
    record.cold.overflow_begin = 0;
    if (!query_.Match(record.hot, record.cold, overflow_.data(), &last_score_)) return false;
    last_id_.assign(value, certs_end, std::string::npos);
    last_ok_ = true;
    return true;
  }
  int64_t score() const { return last_score_; }
  const std::string& id() const { return last_id_; }
  bool corrupt() const { return corrupt_; }

 private:
  bool Corrupt() const {
    corrupt_ = true;
    return false;
  }

  const PackedQuery& query_;
  mutable Xapian::docid last_did_ = 0;
  mutable bool last_ok_ = false;
  mutable int64_t last_score_ = 0;
  mutable std::string last_id_;
  mutable std::vector<PackedCert> overflow_;
  mutable bool corrupt_ = false;
};

class ScoreKeyMaker : public Xapian::KeyMaker {
 public:
  explicit ScoreKeyMaker(const Judge* judge) : judge_(judge) {}
  std::string operator()(const Xapian::Document& doc) const override {
    // A non-candidate's key does not matter: the decider drops it.
    return judge_->Decide(doc) ? SortKey(judge_->score(), judge_->id()) : std::string();
  }

 private:
  const Judge* judge_;
};

class CandidateDecider : public Xapian::MatchDecider {
 public:
  explicit CandidateDecider(const Judge* judge) : judge_(judge) {}
  bool operator()(const Xapian::Document& doc) const override { return judge_->Decide(doc); }

 private:
  const Judge* judge_;
};

class PlainXapianPeer final : public Peer {
 public:
  explicit PlainXapianPeer(std::string dir) : dir_(std::move(dir)) {}

  ~PlainXapianPeer() override {
    try {
      if (writer_ != nullptr) writer_->close();
    } catch (const Xapian::Error&) {
      // Nothing to report to from a destructor; an unfinished load is simply lost.
    }
  }

  std::string Name() const override { return "xapian-plain"; }

  absl::Status Add(absl::Span<const cakap_ref::RefWorker> batch) override {
    return Guard("add", [&]() -> absl::Status {
      finished_ = false;
      absl::Status st = OpenWriter();
      if (!st.ok()) return st;
      std::vector<PackedCert> overflow;
      for (const cakap_ref::RefWorker& w : batch) {
        PackedWorker record;
        overflow.clear();
        st = packer_.Pack(w, &record, &overflow);
        if (!st.ok()) return absl::Status(st.code(), absl::StrCat("xapian-plain: ", st.message()));
        writer_->add_document(MakeDocument(w, record, overflow));
        if (++in_transaction_ >= kCommitEvery) {
          writer_->commit_transaction();
          writer_->begin_transaction();
          in_transaction_ = 0;
        }
      }
      return absl::OkStatus();
    });
  }

  absl::Status FinishLoad() override {
    return Guard("finish load", [&]() -> absl::Status {
      absl::Status st = OpenWriter();  // an empty load still makes a database
      if (!st.ok()) return st;
      writer_->commit_transaction();
      writer_->commit();
      writer_->begin_transaction();
      in_transaction_ = 0;
      reader_ = Xapian::Database(dir_);
      finished_ = true;
      return absl::OkStatus();
    });
  }

  absl::StatusOr<PeerAnswer> Match(const cakap_ref::RefVacancy& vacancy,
                                   int page_size) override {
    return Guard("match", [&]() -> absl::StatusOr<PeerAnswer> {
      std::vector<std::pair<int64_t, std::string>> hits;
      int64_t total = 0;
      absl::Status st = Run(vacancy, page_size > 0 ? page_size : 0, &hits, &total);
      if (!st.ok()) return st;
      PeerAnswer answer;
      answer.total = total;
      for (auto& h : hits) answer.top.push_back(PeerHit{std::move(h.second), h.first});
      return answer;
    });
  }

  absl::StatusOr<std::vector<std::string>> AllCandidates(
      const cakap_ref::RefVacancy& vacancy) override {
    return Guard("all candidates", [&]() -> absl::StatusOr<std::vector<std::string>> {
      std::vector<std::pair<int64_t, std::string>> hits;
      int64_t total = 0;
      absl::Status st = Run(vacancy, -1, &hits, &total);
      if (!st.ok()) return st;
      std::vector<std::string> ids;
      ids.reserve(hits.size());
      for (auto& h : hits) ids.push_back(std::move(h.second));
      std::sort(ids.begin(), ids.end());
      return ids;
    });
  }

  uint64_t SizeBytes() const override {
    std::error_code ec;
    uint64_t bytes = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code size_ec;
      if (it->is_regular_file(size_ec)) {
        const uintmax_t n = it->file_size(size_ec);
        if (!size_ec) bytes += n;
      }
    }
    return bytes;
  }

 private:
  absl::Status OpenWriter() {
    if (writer_ != nullptr) return absl::OkStatus();
    // DB_CREATE fails when the database exists: the peer always starts empty.
    writer_ = std::make_unique<Xapian::WritableDatabase>(dir_, Xapian::DB_CREATE);
    writer_->begin_transaction();
    return absl::OkStatus();
  }

  static Xapian::Document MakeDocument(const cakap_ref::RefWorker& w,
                                       const PackedWorker& record,
                                       const std::vector<PackedCert>& overflow) {
    Xapian::Document doc;
    doc.add_boolean_term("Q" + w.id);
    for (cakap::SkillId s : w.skills) doc.add_boolean_term(absl::StrCat("S", s));
    if (!w.region_code.empty()) doc.add_boolean_term("R" + w.region_code);
    if (!w.province_code.empty()) doc.add_boolean_term("P" + w.province_code);
    for (const cakap_ref::RefCert& c : w.certs) {
      doc.add_boolean_term(absl::StrCat("I", static_cast<int>(c.issuer)));
    }
    doc.add_value(kSlotPoint,
                  Xapian::LatLongCoords(Xapian::LatLongCoord(w.lat, w.lon)).serialise());
    std::string value(reinterpret_cast<const char*>(&record), sizeof record);
    value.append(reinterpret_cast<const char*>(overflow.data()),
                 overflow.size() * sizeof(PackedCert));
    value += w.id;
    doc.add_value(kSlotRecord, value);
    doc.set_data(w.id);
    return doc;
  }

  // Terms narrow the documents (skills, region, issuer), the posting source the radius;
  // the decider decides exactly.
  static Xapian::Query MakeQuery(const cakap_ref::RefVacancy& v) {
    std::vector<Xapian::Query> filters;
    for (cakap::SkillId s : v.required) filters.emplace_back(absl::StrCat("S", s));
    if (!v.region_codes.empty()) {
      std::vector<Xapian::Query> places;
      for (const std::string& code : v.region_codes) {
        places.emplace_back("R" + code);
        places.emplace_back("P" + code);
      }
      filters.emplace_back(Xapian::Query::OP_OR, places.begin(), places.end());
    }
    if (!v.accepted.empty()) {
      std::vector<Xapian::Query> issuers;
      for (cakap::v1::Issuer i : v.accepted) issuers.emplace_back(absl::StrCat("I", static_cast<int>(i)));
      filters.emplace_back(Xapian::Query::OP_OR, issuers.begin(), issuers.end());
    }
    Xapian::Query filter = filters.empty()
                               ? Xapian::Query::MatchAll
                               : Xapian::Query(Xapian::Query::OP_AND, filters.begin(),
                                               filters.end());
    if (!v.has_point || !(v.radius_km > 0) || !std::isfinite(v.radius_km)) return filter;
    auto* source = new Xapian::LatLongDistancePostingSource(
        kSlotPoint, Xapian::LatLongCoords(Xapian::LatLongCoord(v.lat, v.lon)),
        Xapian::GreatCircleMetric(6371000.0), v.radius_km * 1000.0 + kRangeMarginMetres);
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(source->release()), filter);
  }

  // The best `limit` candidates (all of them when limit < 0) as (score, id), best first,
  // and the exact number of candidates.
  absl::Status Run(const cakap_ref::RefVacancy& vacancy, int limit,
                   std::vector<std::pair<int64_t, std::string>>* hits, int64_t* total) {
    if (!finished_) return absl::FailedPreconditionError("xapian-plain: FinishLoad was not called");
    absl::StatusOr<PackedQuery> packed = PackedQuery::Compile(vacancy, packer_);
    if (!packed.ok()) return packed.status();
    const Judge judge(*packed);
    ScoreKeyMaker key_maker(&judge);
    const CandidateDecider decider(&judge);
    Xapian::Enquire enquire(reader_);
    enquire.set_query(MakeQuery(vacancy));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_key(&key_maker, false);
    const Xapian::doccount all = reader_.get_doccount();
    // check_at_least = every document: the decider sees every match, so the count is exact.
    Xapian::MSet mset = enquire.get_mset(0, limit < 0 ? all : static_cast<Xapian::doccount>(limit),
                                         all, nullptr, &decider);
    if (judge.corrupt()) return absl::DataLossError("xapian-plain: a record value is truncated");
    if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) {
      return absl::InternalError("xapian-plain: the total is not exact");
    }
    *total = mset.get_matches_lower_bound();
    hits->reserve(mset.size());
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      std::pair<int64_t, std::string> hit;
      ParseSortKey(it.get_sort_key(), &hit.first, &hit.second);
      hits->push_back(std::move(hit));
    }
    return absl::OkStatus();
  }

  std::string dir_;
  Packer packer_;
  std::unique_ptr<Xapian::WritableDatabase> writer_;
  int in_transaction_ = 0;
  Xapian::Database reader_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<Peer> NewPlainXapianPeer(const std::string& dir) {
  return std::make_unique<PlainXapianPeer>(dir);
}

}  // namespace bench
}  // namespace cakap
