// The one table of every Xapian term prefix, value slot and metadata key cakap uses.
// Conventions follow Omega/notmuch: `Q` for unique ids, `X...` for custom prefixes.
// Changing any of these changes the on-disk format: bump kSchemaVersion.
#ifndef CAKAP_ENGINE_SCHEMA_H_
#define CAKAP_ENGINE_SCHEMA_H_

#include <xapian.h>

namespace cakap {
namespace schema {

// "2": no geo cell terms (the grid is in memory, RecordCache). A "1" index is read as is
// and relabelled "2" when opened for writing, since its new documents lack them.
inline constexpr char kSchemaVersion[] = "2";
inline constexpr char kSchemaVersionWithCellTerms[] = "1";

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
// ("XG" + level + ":" + x + ":" + y, geo grid cells, were dropped in schema "2": 18% of
// all postings, read only by near misses once the record cache held the grid. Indexes
// built with them simply carry them.)
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
// (Schema "1" also kept "cakap.geo_levels", the levels of its cell terms; now unused.)

}  // namespace schema
}  // namespace cakap

#endif  // CAKAP_ENGINE_SCHEMA_H_
