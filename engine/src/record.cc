#include "record.h"

#include <algorithm>
#include <cstring>

namespace cakap {
namespace {

// Version 1: no report fields (education, birth date, expected wage, work history).
// Version 2: with them, between the skills and the certificates. A record without report
// fields is written as version 1, so records of workers without them stay byte for byte
// what they were before the fields existed.
constexpr uint8_t kFormatVersion = 1;
constexpr uint8_t kFormatVersionWithReport = 2;

bool KnownVersion(uint8_t version) {
  return version == kFormatVersion || version == kFormatVersionWithReport;
}

class Writer {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      U8(static_cast<uint8_t>(v) | 0x80);
      v >>= 7;
    }
    U8(static_cast<uint8_t>(v));
  }
  void SignedVarint(int64_t v) { Varint((static_cast<uint64_t>(v) << 1) ^ (v >> 63)); }
  template <typename T>
  void Raw(T v) {
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T));
    out_.append(buf, sizeof(T));
  }
  void String(absl::string_view s) {
    Varint(s.size());
    out_.append(s.data(), s.size());
  }
  template <typename Ids>
  void Skills(const Ids& ids) {
    Varint(ids.size());
    for (SkillId id : ids) Varint(id);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(absl::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  uint8_t U8() {
    if (in_.empty()) return Fail();
    uint8_t v = static_cast<uint8_t>(in_[0]);
    in_.remove_prefix(1);
    return v;
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok_; shift += 7) {
      uint8_t b = U8();
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail();
  }
  int64_t SignedVarint() {
    uint64_t v = Varint();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  template <typename T>
  T Raw() {
    T v{};
    if (in_.size() < sizeof(T)) return Fail();
    std::memcpy(&v, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return v;
  }
  absl::string_view View() {
    uint64_t n = Varint();
    if (n > in_.size()) {
      Fail();
      return {};
    }
    absl::string_view s = in_.substr(0, n);
    in_.remove_prefix(n);
    return s;
  }
  void String(std::string* s) {
    absl::string_view v = View();
    s->assign(v.data(), v.size());
  }
  void SkipSkills() {
    for (uint64_t n = Varint(); n > 0 && ok_; --n) Varint();
  }
  template <typename Ids>
  void Skills(Ids* ids) {
    uint64_t n = Varint();
    if (n > in_.size()) {
      Fail();
      return;
    }
    ids->resize(n);
    for (auto& id : *ids) id = static_cast<SkillId>(Varint());
  }

 private:
  uint8_t Fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }
  absl::string_view in_;
  bool ok_ = true;
};

// A certificate's fields before its covered skills.
void ReadCertHead(Reader& in, CertRecord* c) {
  c->issuer = in.U8();
  c->level = in.U8();
  c->issued = static_cast<Day>(in.SignedVarint());
  c->expires = static_cast<Day>(in.SignedVarint());
}

void ReadCert(Reader& in, CertRecord* c) {
  ReadCertHead(in, c);
  in.Skills(&c->covers);
}

bool HasReport(const MatchRecord& r) {
  return r.education != 0 || r.birth != kNoDay || r.expected_wage != 0 ||
         !r.ktp_region.empty() || !r.jobs.empty();
}

// The report fields of a version 2 record into `r` (null: skipped). False on malformed input.
bool ReadReport(Reader& in, size_t size, MatchRecord* r) {
  const uint8_t education = in.U8();
  const Day birth = static_cast<Day>(in.SignedVarint());
  const uint64_t wage = in.Varint();
  const absl::string_view ktp_region = in.View();
  const uint64_t jobs = in.Varint();
  if (!in.ok() || jobs > size) return false;
  if (r == nullptr) {
    for (uint64_t i = 0; i < jobs && in.ok(); ++i) {
      in.SignedVarint();
      in.SignedVarint();
      in.SkipSkills();
    }
    return in.ok();
  }
  r->education = education;
  r->birth = birth;
  r->expected_wage = static_cast<int64_t>(wage);
  r->ktp_region.assign(ktp_region.data(), ktp_region.size());
  r->jobs.resize(jobs);
  for (JobRecord& j : r->jobs) {
    j.from = static_cast<Day>(in.SignedVarint());
    j.to = static_cast<Day>(in.SignedVarint());
    in.Skills(&j.skills);
  }
  return in.ok();
}

}  // namespace

bool MatchRecord::HasSkill(SkillId id) const {
  return std::binary_search(skills.begin(), skills.end(), id);
}

std::string EncodeRecord(const MatchRecord& r) {
  Writer w;
  const bool report = HasReport(r);
  w.U8(report ? kFormatVersionWithReport : kFormatVersion);
  w.String(r.id);
  w.Raw<double>(r.latitude);
  w.Raw<double>(r.longitude);
  w.String(r.region_code);
  w.Raw<double>(r.travel_km);
  w.U8((r.willing_to_relocate ? 1 : 0));
  w.U8(r.employment_status);
  w.SignedVarint(r.available_from);
  w.U8(r.welfare_decile);
  w.Skills(r.skills);
  if (report) {
    w.U8(r.education);
    w.SignedVarint(r.birth);
    w.Varint(static_cast<uint64_t>(r.expected_wage));
    w.String(r.ktp_region);
    w.Varint(r.jobs.size());
    for (const JobRecord& j : r.jobs) {
      w.SignedVarint(j.from);
      w.SignedVarint(j.to);
      w.Skills(j.skills);
    }
  }
  w.Varint(r.certs.size());
  for (const CertRecord& c : r.certs) {
    w.U8(c.issuer);
    w.U8(c.level);
    w.SignedVarint(c.issued);
    w.SignedVarint(c.expires);
    w.Skills(c.covers);
  }
  return w.Take();
}

absl::string_view RecordId(absl::string_view bytes) {
  Reader in(bytes);
  if (!KnownVersion(in.U8())) return {};
  return in.View();
}

std::optional<bool> AnyCertificate(absl::string_view bytes, CertRecord* scratch,
                                   absl::FunctionRef<bool(const CertRecord&)> head,
                                   absl::FunctionRef<bool(const CertRecord&)> pred) {
  // The fields before the certificates, in EncodeRecord's order, skipped.
  Reader in(bytes);
  const uint8_t version = in.U8();
  if (!KnownVersion(version)) return std::nullopt;
  in.View();          // id
  in.Raw<double>();   // latitude
  in.Raw<double>();   // longitude
  in.View();          // region_code
  in.Raw<double>();   // travel_km
  in.U8();            // willing_to_relocate
  in.U8();            // employment_status
  in.SignedVarint();  // available_from
  in.U8();            // welfare_decile
  in.SkipSkills();     // skills
  if (version == kFormatVersionWithReport && !ReadReport(in, bytes.size(), nullptr)) {
    return std::nullopt;
  }
  const uint64_t n = in.Varint();
  if (!in.ok() || n > bytes.size()) return std::nullopt;
  for (uint64_t i = 0; i < n; ++i) {
    scratch->covers.clear();
    ReadCertHead(in, scratch);
    if (in.ok() && head(*scratch)) {
      in.Skills(&scratch->covers);
      if (in.ok() && pred(*scratch)) return true;
    } else {
      in.SkipSkills();
    }
    if (!in.ok()) return std::nullopt;
  }
  return false;
}

bool DecodeRecord(absl::string_view bytes, MatchRecord* r) {
  Reader in(bytes);
  const uint8_t version = in.U8();
  if (!KnownVersion(version)) return false;
  in.String(&r->id);
  r->latitude = in.Raw<double>();
  r->longitude = in.Raw<double>();
  in.String(&r->region_code);
  r->travel_km = in.Raw<double>();
  r->willing_to_relocate = in.U8() != 0;
  r->employment_status = in.U8();
  r->available_from = static_cast<Day>(in.SignedVarint());
  r->welfare_decile = in.U8();
  in.Skills(&r->skills);
  r->education = 0;
  r->birth = kNoDay;
  r->expected_wage = 0;
  r->ktp_region.clear();
  r->jobs.clear();
  if (version == kFormatVersionWithReport && !ReadReport(in, bytes.size(), r)) return false;
  uint64_t n = in.Varint();
  if (!in.ok() || n > bytes.size()) return false;
  r->certs.resize(n);
  for (CertRecord& c : r->certs) ReadCert(in, &c);
  return in.ok();
}

}  // namespace cakap
