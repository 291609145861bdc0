// The byte-level targets: the match record codec and page tokens.
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "byte_reader.h"
#include "fuzz_targets.h"
#include "page_token.h"
#include "record.h"

namespace cakap {
namespace fuzz {
namespace {

// The adapters: how the targets call the codecs. The one place to change when their
// signatures change (page tokens are getting a MAC under a server secret).
std::string EncodeToken(const PageCursor& cursor) { return EncodePageToken(cursor); }
absl::StatusOr<PageCursor> DecodeToken(absl::string_view token) { return DecodePageToken(token); }
std::string Encode(const MatchRecord& record) { return EncodeRecord(record); }
bool Decode(absl::string_view bytes, MatchRecord* record) { return DecodeRecord(bytes, record); }

MatchRecord BuildRecord(ByteReader& in) {
  MatchRecord r;
  r.id = in.String(200);
  r.latitude = in.Raw<double>();  // any bit pattern: NaN, infinities, subnormals
  r.longitude = in.Raw<double>();
  r.region_code = in.String(40);
  r.travel_km = in.Raw<double>();
  r.willing_to_relocate = in.Bool();
  r.employment_status = in.U8();
  r.available_from = in.Raw<Day>();
  r.welfare_decile = in.U8();
  for (int n = in.U8() % 80; n > 0; --n) r.skills.push_back(in.Raw<SkillId>());
  for (int n = in.U8() % 40; n > 0 && !in.empty(); --n) {
    CertRecord c;
    c.issuer = in.U8();
    c.level = in.U8();
    c.issued = in.Raw<Day>();
    c.expires = in.Raw<Day>();
    for (int k = in.U8() % 12; k > 0; --k) c.covers.push_back(in.Raw<SkillId>());
    r.certs.push_back(std::move(c));
  }
  return r;
}

bool SameHead(const CertRecord& a, const CertRecord& b) {
  return a.issuer == b.issuer && a.level == b.level && a.issued == b.issued &&
         a.expires == b.expires;
}

// What must hold of `bytes` that DecodeRecord accepted as `r`.
std::string CheckDecoded(absl::string_view bytes, const MatchRecord& r) {
  if (RecordId(bytes) != r.id) return "RecordId disagrees with DecodeRecord";
  const std::string canonical = Encode(r);
  MatchRecord again;
  if (!Decode(canonical, &again) || Encode(again) != canonical) {
    return "a decoded record does not survive Encode/Decode";
  }
  // Decoding reuses the buffers of the record it decodes into: what was there before
  // must not leak into the result.
  MatchRecord reused;
  reused.id = "previous";
  reused.region_code = "99.99";
  reused.skills.assign(50, 7);
  reused.certs.resize(r.certs.size() + 3);
  for (CertRecord& c : reused.certs) c.covers.assign(9, 3);
  if (!Decode(bytes, &reused) || Encode(reused) != canonical) {
    return "decoding into a used record gives another record than into a fresh one";
  }
  CertRecord scratch;
  std::optional<bool> any = AnyCertificate(
      bytes, &scratch, [](const CertRecord&) { return true; },
      [](const CertRecord&) { return true; });
  if (any != std::optional<bool>(!r.certs.empty())) return "AnyCertificate(true) is wrong";
  any = AnyCertificate(
      bytes, &scratch, [](const CertRecord&) { return false; },
      [](const CertRecord&) { return true; });
  if (any != std::optional<bool>(false)) return "AnyCertificate(head false) is not false";
  // Each certificate is found by its own head and covers.
  for (const CertRecord& want : r.certs) {
    any = AnyCertificate(
        bytes, &scratch, [&](const CertRecord& c) { return SameHead(c, want) && c.covers.empty(); },
        [&](const CertRecord& c) {
          return std::equal(c.covers.begin(), c.covers.end(), want.covers.begin(),
                            want.covers.end());
        });
    if (any != std::optional<bool>(true)) return "AnyCertificate misses a decoded certificate";
  }
  return "";
}

}  // namespace

Outcome RecordCodec(absl::string_view input) {
  ByteReader in(input);
  if (in.U8() % 2 == 0) {
    const MatchRecord r = BuildRecord(in);
    const std::string bytes = Encode(r);
    MatchRecord back;
    if (!Decode(bytes, &back)) {
      return {"DecodeRecord rejects what EncodeRecord wrote", "record.round_trip", true};
    }
    if (Encode(back) != bytes) return {"Decode(Encode(r)) != r", "record.round_trip", true};
    std::string failure = CheckDecoded(bytes, r);
    return {failure, failure.empty() ? "" : "record.agree", true};
  }
  const absl::string_view bytes = in.Rest();
  MatchRecord r;
  const bool ok = Decode(bytes, &r);
  // AnyCertificate skips what DecodeRecord reads, but must fail on the same inputs.
  CertRecord scratch;
  const std::optional<bool> any = AnyCertificate(
      bytes, &scratch, [](const CertRecord&) { return false; },
      [](const CertRecord&) { return true; });
  if (any.has_value() != ok) {
    return {ok ? "AnyCertificate rejects a record DecodeRecord accepts"
               : "AnyCertificate accepts a record DecodeRecord rejects",
            "record.agree", ok};
  }
  if (!ok) return {};
  std::string failure = CheckDecoded(bytes, r);
  return {failure, failure.empty() ? "" : "record.agree", true};
}

Outcome PageTokens(absl::string_view input) {
  ByteReader in(input);
  if (in.U8() % 2 == 0) {
    PageCursor c;
    c.fingerprint = in.Raw<uint64_t>();
    c.score_micro = in.Raw<int64_t>();
    c.last_id = in.String(128);
    if (c.last_id.empty()) c.last_id = "w";  // the last id of a page is a worker id
    const std::string token = EncodeToken(c);
    absl::StatusOr<PageCursor> back = DecodeToken(token);
    if (!back.ok()) {
      return {
          absl::StrCat("a token made by EncodePageToken is rejected: ", back.status().ToString()),
          "page_token.round_trip", true};
    }
    if (back->fingerprint != c.fingerprint || back->score_micro != c.score_micro ||
        back->last_id != c.last_id) {
      return {"a page token does not decode to the cursor it was made from",
              "page_token.round_trip", true};
    }
    return {"", "", true};
  }
  const absl::string_view token = in.Rest();
  absl::StatusOr<PageCursor> c = DecodeToken(token);
  if (!c.ok()) {
    if (c.status().code() != absl::StatusCode::kInvalidArgument ||
        c.status().message().find("page_token") == absl::string_view::npos) {
      return {absl::StrCat("a bad token is rejected with ", c.status().ToString()),
              "page_token.error"};
    }
    return {};
  }
  // One cursor, one token: a token that decodes is the one the server made, byte for byte.
  const std::string again = EncodeToken(*c);
  if (again != token) {
    return {absl::StrCat("token \"", absl::CEscape(token.substr(0, 200)),
                         "\" decodes, but its cursor encodes to \"", again, "\""),
            "page_token.canonical", true};
  }
  return {"", "", true};
}

}  // namespace fuzz
}  // namespace cakap
