// MatchRecord: the compact form of a worker that the exact refine and the score read,
// stored in value slot schema::kSlotMatchRecord. Decoding it is much cheaper than parsing
// the stored protobuf, and it holds skills already expanded with their parents.
#ifndef CAKAP_ENGINE_RECORD_H_
#define CAKAP_ENGINE_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "cakap/lexicon.h"
#include "dates.h"

namespace cakap {

// A certificate's covered skills: inline up to 6 (a scheme's few skills and their
// parents), so that decoding records one after another into the same MatchRecord does
// not allocate and free a list per certificate.
using CoveredSkills = absl::InlinedVector<SkillId, 6>;

struct CertRecord {
  uint8_t issuer = 0;      // v1::Issuer value
  uint8_t level = 0;       // KKNI 0-9
  Day issued = 0;
  Day expires = 0;         // effective expiry (default validity applied)
  CoveredSkills covers;    // sorted, unique, parents included
};

// One job of the work history (v1::WorkExperience).
struct JobRecord {
  Day from = 0;
  Day to = kNoDay;       // kNoDay: still held
  CoveredSkills skills;  // the job's skill with its parents, sorted; empty: none given
};

struct MatchRecord {
  std::string id;
  double latitude = 0;     // the domicile point: coordinates or the region's point
  double longitude = 0;
  std::string region_code; // kabupaten/kota code, or empty (coordinates only)
  double travel_km = 0;    // as given; 0 means EngineOptions.default_travel_km
  bool willing_to_relocate = false;
  uint8_t employment_status = 0;  // v1::EmploymentStatus value
  Day available_from = kNoDay;
  uint8_t welfare_decile = 0;
  std::vector<SkillId> skills;    // skills(w): sorted, unique, parents and certificates included
  std::vector<CertRecord> certs;
  // The fields of the vacancy report (encoded only when one is given, so that records of
  // workers without them are byte for byte those written before they existed).
  uint8_t education = 0;      // EducationRank (evaluate.h); 0: not given
  Day birth = kNoDay;
  int64_t expected_wage = 0;  // rupiah per month; 0: not given
  std::string ktp_region;     // the kabupaten/kota the NIK encodes, when one is known
  std::vector<JobRecord> jobs;

  bool HasSkill(SkillId id) const;
};

std::string EncodeRecord(const MatchRecord& record);
// Decodes into `record`, reusing its buffers. False on malformed input.
bool DecodeRecord(absl::string_view bytes, MatchRecord* record);
// The id of an encoded record, a view into `bytes` (no decoding of the rest); empty on
// malformed input.
absl::string_view RecordId(absl::string_view bytes);
// Whether one of the certificates of an encoded record passes `head` (shown every field
// but `covers`, still empty) and then `pred`, each decoded in turn into `scratch`; its
// covered skills are decoded only once `head` passes, and the record's other fields are
// skipped, not decoded. nullopt on malformed input.
std::optional<bool> AnyCertificate(absl::string_view bytes, CertRecord* scratch,
                                   absl::FunctionRef<bool(const CertRecord&)> head,
                                   absl::FunctionRef<bool(const CertRecord&)> pred);

}  // namespace cakap

#endif  // CAKAP_ENGINE_RECORD_H_
