// The packed MatchRecord: encoding round-trips, and AnyCertificate, which skips the
// fields before the certificates instead of decoding them, sees exactly the certificates
// DecodeRecord decodes, and refuses what DecodeRecord refuses.
#include "record.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace cakap {
namespace {

MatchRecord RandomRecord(std::mt19937& rng, int i) {
  MatchRecord r;
  r.id = "w-" + std::to_string(i) + std::string(rng() % 40, 'x');
  r.latitude = -4 + (rng() % 8000) / 1000.0;
  r.longitude = 108 + (rng() % 12000) / 1000.0;
  r.region_code = rng() % 5 ? "63.0" + std::to_string(rng() % 10) : "";
  r.travel_km = (rng() % 3) * 12.5;
  r.willing_to_relocate = rng() % 2;
  r.employment_status = rng() % 4;
  r.available_from = rng() % 3 ? kNoDay : static_cast<Day>(20000 + rng() % 1000);
  r.welfare_decile = rng() % 11;
  for (int k = rng() % 12; k > 0; --k) r.skills.push_back(1 + rng() % 3000);
  std::sort(r.skills.begin(), r.skills.end());
  r.skills.erase(std::unique(r.skills.begin(), r.skills.end()), r.skills.end());
  for (int k = rng() % 5; k > 0; --k) {
    CertRecord c;
    c.issuer = 1 + rng() % 3;
    c.level = rng() % 10;
    c.issued = static_cast<Day>(-500 + rng() % 30000);  // before 1970 too
    c.expires = c.issued + static_cast<Day>(rng() % 3000);
    for (int s = rng() % 9; s > 0; --s) c.covers.push_back(1 + rng() % 3000);  // > inline
    std::sort(c.covers.begin(), c.covers.end());
    c.covers.erase(std::unique(c.covers.begin(), c.covers.end()), c.covers.end());
    r.certs.push_back(c);
  }
  if (rng() % 2) {  // the report fields (a version 2 record)
    r.education = rng() % 10;
    r.birth = rng() % 3 ? static_cast<Day>(-3000 + rng() % 20000) : kNoDay;
    r.expected_wage = rng() % 3 ? static_cast<int64_t>(rng() % 1000000000) : 0;
    for (int k = rng() % 6; k > 0; --k) {
      JobRecord j;
      j.from = static_cast<Day>(10000 + rng() % 10000);
      j.to = rng() % 4 ? j.from + static_cast<Day>(rng() % 3000) : kNoDay;
      for (int s = rng() % 3; s > 0; --s) j.skills.push_back(1 + rng() % 3000);
      std::sort(j.skills.begin(), j.skills.end());
      j.skills.erase(std::unique(j.skills.begin(), j.skills.end()), j.skills.end());
      r.jobs.push_back(j);
    }
  }
  return r;
}

bool SameCert(const CertRecord& a, const CertRecord& b) {
  return a.issuer == b.issuer && a.level == b.level && a.issued == b.issued &&
         a.expires == b.expires && a.covers == b.covers;
}

TEST(RecordTest, AnyCertificateSeesWhatDecodeRecordDecodes) {
  std::mt19937 rng(11);
  MatchRecord decoded;  // reused, as matches reuse it
  CertRecord scratch;
  for (int i = 0; i < 3000; ++i) {
    const MatchRecord r = RandomRecord(rng, i);
    const std::string bytes = EncodeRecord(r);
    ASSERT_TRUE(DecodeRecord(bytes, &decoded));
    EXPECT_EQ(decoded.id, r.id);
    EXPECT_EQ(decoded.skills, r.skills);
    EXPECT_EQ(decoded.available_from, r.available_from);
    EXPECT_EQ(decoded.education, r.education);
    EXPECT_EQ(decoded.birth, r.birth);
    EXPECT_EQ(decoded.expected_wage, r.expected_wage);
    ASSERT_EQ(decoded.jobs.size(), r.jobs.size());
    for (size_t j = 0; j < r.jobs.size(); ++j) {
      EXPECT_EQ(decoded.jobs[j].from, r.jobs[j].from);
      EXPECT_EQ(decoded.jobs[j].to, r.jobs[j].to);
      EXPECT_EQ(decoded.jobs[j].skills, r.jobs[j].skills);
    }
    // Decoding into a record that held report fields clears them for one without.
    ASSERT_EQ(decoded.certs.size(), r.certs.size());
    for (size_t c = 0; c < r.certs.size(); ++c) EXPECT_TRUE(SameCert(decoded.certs[c], r.certs[c]));

    // Visits every certificate in order when the predicate never holds...
    std::vector<CertRecord> seen;
    std::optional<bool> any = AnyCertificate(
        bytes, &scratch, [](const CertRecord&) { return true; },
        [&](const CertRecord& c) {
          seen.push_back(c);
          return false;
        });
    ASSERT_EQ(any, std::optional<bool>(false));
    ASSERT_EQ(seen.size(), r.certs.size());
    for (size_t c = 0; c < r.certs.size(); ++c) EXPECT_TRUE(SameCert(seen[c], r.certs[c]));
    // ...and stops at the first that holds.
    if (!r.certs.empty()) {
      const size_t target = rng() % r.certs.size();
      size_t visits = 0;
      any = AnyCertificate(
          bytes, &scratch, [](const CertRecord&) { return true; },
          [&](const CertRecord& c) {
            ++visits;
            return SameCert(c, r.certs[target]);
          });
      EXPECT_EQ(any, std::optional<bool>(true));
      EXPECT_LE(visits, target + 1);
      // `head` sees each certificate without its covered skills; `pred`, with them.
      any = AnyCertificate(
          bytes, &scratch,
          [&](const CertRecord& c) {
            EXPECT_TRUE(c.covers.empty());
            return c.issuer == r.certs[target].issuer && c.level == r.certs[target].level &&
                   c.issued == r.certs[target].issued && c.expires == r.certs[target].expires;
          },
          [&](const CertRecord& c) { return c.covers == r.certs[target].covers; });
      EXPECT_EQ(any, std::optional<bool>(true));
    }

    // Cut short anywhere, both refuse it.
    const size_t cut = rng() % bytes.size();
    const std::string truncated = bytes.substr(0, cut);
    EXPECT_FALSE(DecodeRecord(truncated, &decoded)) << cut;
    auto yes = [](const CertRecord&) { return true; };
    auto no = [](const CertRecord&) { return false; };
    EXPECT_FALSE(AnyCertificate(truncated, &scratch, yes, no).has_value()) << cut;
    EXPECT_FALSE(AnyCertificate(truncated, &scratch, no, no).has_value()) << cut;
  }
  auto yes = [](const CertRecord&) { return true; };
  EXPECT_FALSE(AnyCertificate("", &scratch, yes, yes).has_value());
}

// A record without the report fields is written exactly as before they existed (format
// version 1), so indexes written earlier and records of workers without them read alike;
// decoding one into a record that held report fields clears them.
TEST(RecordTest, WithoutReportFieldsTheFormatIsUnchanged) {
  MatchRecord plain;
  plain.id = "w-1";
  plain.skills = {3, 7};
  const std::string bytes = EncodeRecord(plain);
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes[0], 1);
  MatchRecord with = plain;
  with.education = 3;
  JobRecord job;
  job.from = 100;
  with.jobs.push_back(job);
  const std::string bytes2 = EncodeRecord(with);
  EXPECT_EQ(bytes2[0], 2);
  MatchRecord decoded;
  ASSERT_TRUE(DecodeRecord(bytes2, &decoded));
  EXPECT_EQ(decoded.education, 3);
  ASSERT_TRUE(DecodeRecord(bytes, &decoded));
  EXPECT_EQ(decoded.education, 0);
  EXPECT_TRUE(decoded.jobs.empty());
  EXPECT_EQ(decoded.birth, kNoDay);
}

}  // namespace
}  // namespace cakap
