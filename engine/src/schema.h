// The one table of every Xapian term prefix, value slot and metadata key cakap uses.
// Conventions follow Omega/notmuch: `Q` for unique ids, `X...` for custom prefixes.
// Changing any of these changes the on-disk format: bump kSchemaVersion.
#ifndef CAKAP_ENGINE_SCHEMA_H_
#define CAKAP_ENGINE_SCHEMA_H_

#include <xapian.h>

namespace cakap {
namespace schema {

inline constexpr char kSchemaVersion[] = "1";

// --- Terms (all boolean: BoolWeight scoring, within-document frequency unused) ---
// Unique id of a worker document: "QW" + worker id.
inline constexpr char kWorkerId[] = "QW";
// Unique id of a stored vacancy document: "QV" + vacancy id.
inline constexpr char kVacancyId[] = "QV";
// Kind of document; every worker carries kKindWorker, every vacancy kKindVacancy, and an
// open vacancy kOpenVacancy too.
inline constexpr char kKindWorker[] = "XKW";
inline constexpr char kKindVacancy[] = "XKV";
inline constexpr char kOpenVacancy[] = "XKO";
// "XS" + skill code: the skill is in skills(w) (docs/ranking.md), parents included.
inline constexpr char kSkill[] = "XS";
// "XC" + issuer digit + skill code: some certificate of that issuer covers the skill
// (valid or not: validity and level are refined exactly). "XC" + digit alone: some
// certificate of that issuer covers any skill.
inline constexpr char kCertIssuerSkill[] = "XC";
// "XR" + kabupaten/kota code, "XP" + province code of the worker's domicile region.
inline constexpr char kRegion[] = "XR";
inline constexpr char kProvince[] = "XP";
// "XG" + level + ":" + x + ":" + y: geo grid cell of the domicile point (geo.h).
inline constexpr char kGeoCell[] = "XG";
// "XZ" + Indonesian stem: the words of the worker's free text, stemmed. The keywords
// constraint accepts a word "exactly or with the same stem", and a word always has its own
// stem, so the stem term alone decides it. (Exact-word "XW" terms, 30% of all postings,
// were dropped; indexes built with them still match correctly and simply carry them.)
inline constexpr char kStem[] = "XZ";

// --- Value slots ---
// Packed MatchRecord (record.h) of a worker: everything the exact refine and the score
// need, so matching never parses the stored protobuf of a worker it does not return.
inline constexpr Xapian::valueno kSlotMatchRecord = 0;

// --- Document data ---
// Serialized cakap.v1.Worker / cakap.v1.Vacancy as stored (normalised).

// --- Metadata keys ---
inline constexpr char kMetaSchema[] = "cakap.schema";
// Comma-separated geo grid levels the index was built with, e.g. "4,6,8".
inline constexpr char kMetaGeoLevels[] = "cakap.geo_levels";

}  // namespace schema
}  // namespace cakap

#endif  // CAKAP_ENGINE_SCHEMA_H_
