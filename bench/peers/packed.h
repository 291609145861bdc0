// Fixed-size worker records and a vacancy compiled against them: the exact matching and
// scoring of docs/ranking.md over plain integers and bit masks. A record is two halves: a
// hot one with everything most workers are rejected on, and a cold one read only for those
// that pass. The floor peer scans a vector of hot halves with a parallel vector of cold
// ones; the plain Xapian peer stores both halves per document (as a value) and decides
// with the same code, so both answer with the arithmetic of the reference.
//
//   Packer packer;
//   PackedWorker rec;
//   std::vector<PackedCert> overflow;
//   CHECK_OK(packer.Pack(ref_worker, &rec, &overflow));
//   absl::StatusOr<PackedQuery> q = PackedQuery::Compile(ref_vacancy, packer);
//   int64_t score;
//   if (q->Match(rec.hot, rec.cold, overflow.data(), &score)) ...
#ifndef CAKAP_BENCH_PEERS_PACKED_H_
#define CAKAP_BENCH_PEERS_PACKED_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cakap/lexicon.h"
#include "cakap/options.h"
#include "reference/reference_matcher.h"

namespace cakap {
namespace bench {

// Skills are bits of a dense numbering (first come, first numbered) rather than raw
// SkillIds: the lexicon's ids are sparse (100..640 for 126 skills), and a bitset over raw
// ids would take 128 bytes of every record instead of 32.
inline constexpr int kSkillWords = 4;
inline constexpr int kMaxPackedSkills = 64 * kSkillWords;  // distinct skills in a corpus
inline constexpr int kInlineCerts = 3;  // the generator gives at most 3 certificates
inline constexpr int kCoverSlots = 5;

// A certificate, or a piece of one: a certificate covering more than kCoverSlots skills
// becomes several pieces with the same issuer, dates and level. That is exact, because
// every rule only asks whether *some* certificate covers a skill of a set, and pieces of
// one certificate have the same strength.
struct PackedCert {
  int32_t issued = 0;   // days since 1970-01-01
  int32_t expires = 0;  // effective expiry, same unit
  uint8_t issuer = 0;   // cakap::v1::Issuer (0-3)
  uint8_t kkni = 0;
  uint8_t n_cover = 0;
  uint8_t cover[kCoverSlots] = {};  // skill bits of covers(c)
};
static_assert(sizeof(PackedCert) == 16, "PackedCert is 16 bytes");

// The availability day of a worker without available_from: a seeker is available on any
// start date, an employed worker on none. Packed dates lie strictly between the two.
inline constexpr int32_t kReadyAlways = std::numeric_limits<int32_t>::min();
inline constexpr int32_t kReadyNever = std::numeric_limits<int32_t>::max();

// What the scan reads for every worker, in one cache line: the required-skill test rejects
// most, region, availability and distance most of the rest. The willingness to relocate is
// folded into `reach` so that no flag byte is needed; the exact flag is in the cold half.
struct alignas(64) PackedHot {
  uint64_t skills[kSkillWords] = {};  // skills(w), as skill bits
  double lat = 0, lon = 0;            // point(w)
  double reach = 0;                   // travel(w), or +inf when willing to relocate
  uint16_t region = 0;                // place id of the region code, 0: none
  uint16_t province = 0;              // place id of the province code
  int32_t ready = kReadyAlways;       // available_from (days since 1970-01-01), or
                                      // kReadyAlways / kReadyNever without it
};
static_assert(sizeof(PackedHot) == 64, "PackedHot is one cache line");
static_assert(std::is_trivially_copyable<PackedHot>::value, "PackedHot is POD");

enum PackedFlags : uint8_t {
  kRelocate = 1,
};

// What only a worker that passed the hot checks needs: certificates and score inputs.
struct alignas(64) PackedCold {
  PackedCert certs[kInlineCerts];
  uint32_t overflow_begin = 0;        // index of the first further piece in the side table
  uint32_t n_overflow = 0;            // further pieces
  uint8_t n_inline = 0;               // certificate pieces in certs[]
  uint8_t decile = 0;                 // DTSEN decile 1-10, 0: none (or out of range)
  uint8_t flags = 0;                  // PackedFlags
};
static_assert(sizeof(PackedCold) == 64, "PackedCold is one cache line");
static_assert(std::is_trivially_copyable<PackedCold>::value, "PackedCold is POD");

// One worker, both halves: what Packer makes, and one Xapian value.
struct PackedWorker {
  PackedHot hot;
  PackedCold cold;
};
static_assert(sizeof(PackedWorker) == 128, "PackedWorker is two cache lines");

// Days since 1970-01-01.
inline int64_t DayNumber(absl::CivilDay d) { return d - absl::CivilDay(1970, 1, 1); }

// The dictionaries records are packed with: skill bits and place ids.
class Packer {
 public:
  Packer();
  // Packs `w` into `*out`. Certificate pieces beyond kInlineCerts are appended to
  // `*overflow` (out->cold.overflow_begin indexes it). FailedPrecondition when the corpus has
  // more distinct skills or places than a record can number; InvalidArgument for values
  // a record cannot hold (a KKNI level outside 0-255, an unknown issuer, a far date).
  absl::Status Pack(const cakap_ref::RefWorker& w, PackedWorker* out,
                    std::vector<PackedCert>* overflow);
  // The bit of a skill, or -1 when no packed worker holds it.
  int SkillBit(cakap::SkillId id) const {
    return id < skill_bit_.size() ? skill_bit_[id] : -1;
  }
  // The id of a region or province code, or -1 when no packed worker has it.
  int PlaceId(const std::string& code) const;
  // Heap bytes of the dictionaries (approximate).
  uint64_t SizeBytes() const;

 private:
  absl::StatusOr<int> AssignBit(cakap::SkillId id);
  absl::StatusOr<uint16_t> AssignPlace(const std::string& code);

  std::vector<int16_t> skill_bit_;  // by SkillId; -1: unnumbered
  int n_skills_ = 0;
  absl::flat_hash_map<std::string, uint16_t> places_;  // "" is 0
};

// A resolved vacancy against one Packer's dictionaries: masks, tables and constants
// computed once, so that Match() does no allocation and no lookups.
class PackedQuery {
 public:
  // InvalidArgument for a vacancy with keywords (not part of the benchmark question).
  static absl::StatusOr<PackedQuery> Compile(const cakap_ref::RefVacancy& v,
                                             const Packer& packer,
                                             const cakap::RankingWeights& weights = {});

  // True when no packed worker can be a candidate (a required skill or every region
  // code is unknown to the dictionaries).
  bool impossible() const { return impossible_; }

  // The required skills, for a scan that tests them itself with the mask in registers.
  const uint64_t* required() const { return required_; }

  // Every bit of `mask` is set in w.skills. One combined test rather than a branch per
  // word: most records fail here, and this is the whole cost of rejecting them.
  static bool HasRequiredSkills(const PackedHot& w, const uint64_t* mask) {
    uint64_t missing = 0;
    for (int i = 0; i < kSkillWords; ++i) missing |= mask[i] & ~w.skills[i];
    return missing == 0;
  }

  // True when the worker (`w` and `c`, its two halves) satisfies every hard constraint of
  // docs/ranking.md; then `*score_micro` is its score (welfare included) in units of 1e-6.
  // `overflow` is the side table c.overflow_begin indexes. Cheap tests first: skill masks,
  // region, availability, a latitude band, the haversine; `c` is read only after all of
  // them pass, so a scan touches the cold half of candidates (and, for certificate
  // questions, of workers that pass everything else) only.
  bool Match(const PackedHot& w, const PackedCold& c, const PackedCert* overflow,
             int64_t* score_micro) const {
    if (impossible_ || !HasRequiredSkills(w, required_)) return false;
    if (need_region_) {
      if (w.region == 0) return false;
      bool ok = false;
      for (uint16_t code : region_codes_) ok |= (code == w.region) | (code == w.province);
      if (!ok) return false;
    }
    if (!include_employed_ && w.ready > ready_limit_) return false;
    double d = 0;
    if (has_point_) {
      // A relocating worker's reach is +inf, which never lowers the limit.
      const double limit = w.reach < radius_limit_ ? w.reach : radius_limit_;
      // The great-circle distance is at least R * |dlat|; the slack keeps the band wider
      // than any rounding of the haversine, so it never rejects a true candidate.
      if (std::fabs(w.lat - lat_) * kKmPerDegree > limit * (1 + 1e-9) + 1e-9) return false;
      d = Distance(w.lat, w.lon);
      if (has_radius_ && !(d <= radius_km_)) return false;
      // travel_radius: relocating, or d <= travel(w). With reach = +inf for relocation
      // only a NaN distance gets past the first test; a worker with a real travel of
      // +inf is told apart by the cold flag, so the decision is the reference's exactly.
      if (!(d <= w.reach) && (w.reach != HUGE_VAL || !(c.flags & kRelocate))) return false;
    }
    const PackedCert* const extra = overflow + c.overflow_begin;
    if (need_cert_) {
      bool ok = false;
      for (int i = 0; i < c.n_inline && !ok; ++i) ok = Qualifies(c.certs[i]);
      for (uint32_t i = 0; i < c.n_overflow && !ok; ++i) ok = Qualifies(extra[i]);
      if (!ok) return false;
    }
    *score_micro = Score(w, c, extra, d);
    return true;
  }

 private:
  static constexpr double kPi = 3.14159265358979323846;  // as RefHaversineKm has it
  static constexpr double kRad = kPi / 180.0;
  static constexpr double kEarthKm = 6371.0;
  static constexpr double kKmPerDegree = kEarthKm * kRad;

  // RefHaversineKm(lat_, lon_, lat, lon) operation for operation (so boundary decisions
  // agree to the last bit), with the vacancy's cosine computed once.
  double Distance(double lat, double lon) const {
    const double p2 = lat * kRad;
    const double s1 = std::sin((p2 - lat_ * kRad) / 2);
    const double s2 = std::sin((lon * kRad - lon_ * kRad) / 2);
    const double h = s1 * s1 + cos_p1_ * std::cos(p2) * s2 * s2;
    return 2 * kEarthKm * std::asin(std::sqrt(h < 1 ? h : 1.0));
  }

  static bool Covers(const PackedCert& c, const uint64_t* mask) {
    for (int i = 0; i < c.n_cover; ++i) {
      if ((mask[c.cover[i] >> 6] >> (c.cover[i] & 63)) & 1) return true;
    }
    return false;
  }

  bool ValidOnStart(const PackedCert& c) const {
    return c.issued <= start_ && start_ <= c.expires;
  }

  // The `certificate` constraint for one certificate.
  bool Qualifies(const PackedCert& c) const {
    return ((accepted_ >> c.issuer) & 1) && ValidOnStart(c) && c.kkni >= min_kkni_ &&
           (cert_any_cover_ ? c.n_cover > 0 : Covers(c, required_));
  }

  // Relevant for the certificate component of the score.
  bool Relevant(const PackedCert& c) const {
    if (!ValidOnStart(c)) return false;
    if (!(score_any_cover_ ? c.n_cover > 0 : Covers(c, score_cover_))) return false;
    return !need_cert_ || (((accepted_ >> c.issuer) & 1) && c.kkni >= min_kkni_);
  }

  double Strength(const PackedCert& c) const {
    const double r = static_cast<double>(static_cast<int64_t>(c.expires) - start_);
    const double validity = std::min(1.0, 0.5 + 0.5 * r / weights_.full_validity_days);
    return tier_[c.issuer] * (0.5 + c.kkni / 18.0) * validity;
  }

  int64_t Score(const PackedHot& w, const PackedCold& c, const PackedCert* extra,
                double d) const;

  bool impossible_ = false;
  uint64_t required_[kSkillWords] = {};
  uint64_t preferred_[kSkillWords] = {};
  uint64_t score_cover_[kSkillWords] = {};  // relevance: required, else preferred
  bool score_any_cover_ = false;            // neither: any covered skill
  bool cert_any_cover_ = false;             // no required skill: any covered skill
  bool need_cert_ = false;
  uint8_t accepted_ = 0;                    // bit per issuer
  int min_kkni_ = 0;
  int64_t start_ = 0;
  int32_t ready_limit_ = 0;                 // start_ clamped between the ready sentinels
  bool need_region_ = false;
  std::vector<uint16_t> region_codes_;
  bool include_employed_ = false;
  bool has_point_ = false;
  bool has_radius_ = false;
  double lat_ = 0, lon_ = 0, cos_p1_ = 1;
  double radius_km_ = 0;
  double radius_limit_ = HUGE_VAL;          // radius_km_ when it applies
  std::vector<int64_t> preferred_micro_;    // by number of preferred skills held
  int64_t welfare_micro_[11] = {};          // by decile
  double tier_[4] = {};                     // by issuer
  cakap::RankingWeights weights_;
};

}  // namespace bench
}  // namespace cakap

#endif  // CAKAP_BENCH_PEERS_PACKED_H_
