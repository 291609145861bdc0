#include "packed.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"

namespace cakap {
namespace bench {
namespace {

absl::StatusOr<int32_t> PackDay(absl::CivilDay d, const char* what) {
  const int64_t n = DayNumber(d);
  if (n < std::numeric_limits<int32_t>::min() || n > std::numeric_limits<int32_t>::max()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " ", absl::FormatCivilTime(d), " is out of a packed record's range"));
  }
  return static_cast<int32_t>(n);
}

int PopCount(uint64_t x) { return __builtin_popcountll(x); }

}  // namespace

Packer::Packer() { places_.emplace("", 0); }

absl::StatusOr<int> Packer::AssignBit(cakap::SkillId id) {
  if (id >= skill_bit_.size()) skill_bit_.resize(static_cast<size_t>(id) + 1, -1);
  if (skill_bit_[id] >= 0) return skill_bit_[id];
  if (n_skills_ >= kMaxPackedSkills) {
    return absl::FailedPreconditionError(absl::StrCat(
        "packed records number at most ", kMaxPackedSkills, " distinct skills; skill id ", id,
        " would be one more (raise kSkillWords in bench/peers/packed.h)"));
  }
  skill_bit_[id] = static_cast<int16_t>(n_skills_);
  return n_skills_++;
}

absl::StatusOr<uint16_t> Packer::AssignPlace(const std::string& code) {
  auto it = places_.find(code);
  if (it != places_.end()) return it->second;
  if (places_.size() > std::numeric_limits<uint16_t>::max()) {
    return absl::FailedPreconditionError("packed records number at most 65535 places");
  }
  const uint16_t id = static_cast<uint16_t>(places_.size());
  places_.emplace(code, id);
  return id;
}

int Packer::PlaceId(const std::string& code) const {
  auto it = places_.find(code);
  return it == places_.end() ? -1 : it->second;
}

uint64_t Packer::SizeBytes() const {
  uint64_t bytes = skill_bit_.capacity() * sizeof(int16_t);
  for (const auto& p : places_) bytes += sizeof(p) + p.first.capacity();
  return bytes;
}

absl::Status Packer::Pack(const cakap_ref::RefWorker& w, PackedWorker* out,
                          std::vector<PackedCert>* overflow) {
  PackedHot r;
  PackedCold cold;
  for (cakap::SkillId id : w.skills) {
    absl::StatusOr<int> bit = AssignBit(id);
    if (!bit.ok()) return bit.status();
    r.skills[*bit >> 6] |= uint64_t{1} << (*bit & 63);
  }
  r.lat = w.lat;
  r.lon = w.lon;
  r.reach = w.relocate ? HUGE_VAL : w.travel_km;
  if (!w.region_code.empty()) {
    absl::StatusOr<uint16_t> region = AssignPlace(w.region_code);
    if (!region.ok()) return region.status();
    absl::StatusOr<uint16_t> province = AssignPlace(w.province_code);
    if (!province.ok()) return province.status();
    r.region = *region;
    r.province = *province;
  }
  cold.flags = w.relocate ? kRelocate : 0;
  if (w.available_from.has_value()) {
    absl::StatusOr<int32_t> day = PackDay(*w.available_from, "available_from");
    if (!day.ok()) return day.status();
    // The two extremes are the sentinels; real dates are some five million years short.
    if (*day == kReadyAlways || *day == kReadyNever) {
      return absl::InvalidArgumentError(
          absl::StrCat("worker ", w.id, ": available_from is out of a packed record's range"));
    }
    r.ready = *day;
  } else {
    r.ready = w.employed ? kReadyNever : kReadyAlways;
  }
  // Deciles outside 1-10 earn no welfare, exactly like no decile.
  cold.decile = w.decile >= 1 && w.decile <= 10 ? static_cast<uint8_t>(w.decile) : 0;

  std::vector<PackedCert> pieces;
  for (const cakap_ref::RefCert& c : w.certs) {
    if (c.issuer < 0 || c.issuer > 3) {
      return absl::InvalidArgumentError(absl::StrCat("worker ", w.id, ": issuer ", c.issuer));
    }
    if (c.kkni < 0 || c.kkni > 255) {
      return absl::InvalidArgumentError(
          absl::StrCat("worker ", w.id, ": KKNI level ", c.kkni, " does not fit a record"));
    }
    PackedCert p;
    p.issuer = static_cast<uint8_t>(c.issuer);
    p.kkni = static_cast<uint8_t>(c.kkni);
    absl::StatusOr<int32_t> issued = PackDay(c.issued, "issued_on");
    if (!issued.ok()) return issued.status();
    absl::StatusOr<int32_t> expires = PackDay(c.expires, "expiry");
    if (!expires.ok()) return expires.status();
    p.issued = *issued;
    p.expires = *expires;
    if (c.covers.empty()) pieces.push_back(p);  // still a certificate: it covers nothing
    for (cakap::SkillId id : c.covers) {
      absl::StatusOr<int> bit = AssignBit(id);
      if (!bit.ok()) return bit.status();
      if (p.n_cover == kCoverSlots) {
        pieces.push_back(p);
        p.n_cover = 0;
      }
      p.cover[p.n_cover++] = static_cast<uint8_t>(*bit);
    }
    if (p.n_cover > 0) pieces.push_back(p);
  }
  const size_t n_inline = std::min<size_t>(pieces.size(), kInlineCerts);
  std::copy(pieces.begin(), pieces.begin() + n_inline, cold.certs);
  cold.n_inline = static_cast<uint8_t>(n_inline);
  if (pieces.size() > n_inline) {
    if (overflow->size() + pieces.size() > std::numeric_limits<uint32_t>::max()) {
      return absl::FailedPreconditionError("certificate side table is full");
    }
    cold.overflow_begin = static_cast<uint32_t>(overflow->size());
    cold.n_overflow = static_cast<uint32_t>(pieces.size() - n_inline);
    overflow->insert(overflow->end(), pieces.begin() + n_inline, pieces.end());
  }
  out->hot = r;
  out->cold = cold;
  return absl::OkStatus();
}

absl::StatusOr<PackedQuery> PackedQuery::Compile(const cakap_ref::RefVacancy& v,
                                                 const Packer& packer,
                                                 const cakap::RankingWeights& weights) {
  if (!v.keyword_skills.empty() || !v.keyword_words.empty()) {
    return absl::InvalidArgumentError("keywords are not part of the benchmark question");
  }
  PackedQuery q;
  q.weights_ = weights;
  auto set_bit = [](uint64_t* mask, int bit) { mask[bit >> 6] |= uint64_t{1} << (bit & 63); };
  for (cakap::SkillId id : v.required) {
    const int bit = packer.SkillBit(id);
    if (bit < 0) {
      q.impossible_ = true;  // nobody holds it
    } else {
      set_bit(q.required_, bit);
    }
  }
  // A preferred skill nobody holds still counts in n, never in h.
  int known_preferred = 0;
  for (cakap::SkillId id : v.preferred) {
    const int bit = packer.SkillBit(id);
    if (bit >= 0) {
      set_bit(q.preferred_, bit);
      ++known_preferred;
    }
  }
  if (!v.preferred.empty()) {
    const double n = static_cast<double>(v.preferred.size());
    q.preferred_micro_.resize(static_cast<size_t>(known_preferred) + 1);
    for (int h = 0; h <= known_preferred; ++h) {
      q.preferred_micro_[h] = cakap_ref::RoundMicro(weights.preferred_skills * h / n);
    }
  } else {
    q.preferred_micro_.assign(1, 0);
  }
  q.cert_any_cover_ = v.required.empty();
  if (!v.required.empty()) {
    std::copy(q.required_, q.required_ + kSkillWords, q.score_cover_);
  } else if (!v.preferred.empty()) {
    std::copy(q.preferred_, q.preferred_ + kSkillWords, q.score_cover_);
  } else {
    q.score_any_cover_ = true;
  }
  q.need_cert_ = !v.accepted.empty();
  for (cakap::v1::Issuer i : v.accepted) {
    if (i >= 0 && i <= 3) q.accepted_ |= static_cast<uint8_t>(1u << i);
  }
  q.min_kkni_ = v.min_kkni;
  q.start_ = DayNumber(v.start);
  // Clamped so that kReadyAlways is always <= it and kReadyNever never is; packed dates
  // lie strictly between, so `ready <= ready_limit_` is `available_from <= start` exactly.
  q.ready_limit_ = static_cast<int32_t>(
      std::clamp<int64_t>(q.start_, kReadyAlways, int64_t{kReadyNever} - 1));
  q.need_region_ = !v.region_codes.empty();
  for (const std::string& code : v.region_codes) {
    const int id = packer.PlaceId(code);
    if (id >= 0) q.region_codes_.push_back(static_cast<uint16_t>(id));
  }
  if (q.need_region_ && q.region_codes_.empty()) q.impossible_ = true;
  q.include_employed_ = v.include_employed;
  q.has_point_ = v.has_point;
  if (v.has_point) {
    q.lat_ = v.lat;
    q.lon_ = v.lon;
    q.cos_p1_ = std::cos(v.lat * kRad);
    q.has_radius_ = v.radius_km > 0;
    q.radius_km_ = v.radius_km;
    if (q.has_radius_) q.radius_limit_ = v.radius_km;
  }
  for (int decile = 1; decile <= 10; ++decile) {
    q.welfare_micro_[decile] = cakap_ref::RoundMicro(weights.welfare * (11 - decile) / 10.0);
  }
  q.tier_[cakap::v1::ISSUER_UNSPECIFIED] = weights.tier_other;
  q.tier_[cakap::v1::ISSUER_BNSP] = weights.tier_bnsp;
  q.tier_[cakap::v1::ISSUER_KEMNAKER] = weights.tier_kemnaker;
  q.tier_[cakap::v1::ISSUER_OTHER] = weights.tier_other;
  return q;
}

int64_t PackedQuery::Score(const PackedHot& w, const PackedCold& c, const PackedCert* extra,
                           double d) const {
  int h = 0;
  for (int i = 0; i < kSkillWords; ++i) h += PopCount(w.skills[i] & preferred_[i]);
  int64_t score = preferred_micro_[h];
  double best = 0;
  bool any = false;
  auto consider = [&](const PackedCert& cert) {
    if (!Relevant(cert)) return;
    const double s = Strength(cert);
    if (!any || s > best) best = s;
    any = true;
  };
  for (int i = 0; i < c.n_inline; ++i) consider(c.certs[i]);
  for (uint32_t i = 0; i < c.n_overflow; ++i) consider(extra[i]);
  if (any) score += cakap_ref::RoundMicro(weights_.certificate * best);
  if (has_point_) {
    score += cakap_ref::RoundMicro(weights_.distance *
                                   std::pow(2.0, -d / weights_.distance_half_life_km));
  }
  return score + welfare_micro_[c.decile];
}

}  // namespace bench
}  // namespace cakap
