// The one table of every Xapian term prefix, value slot and metadata key cakap uses.
// Conventions follow Omega/notmuch: `Q` for unique ids, `X...` for custom prefixes.
// Changing any of these changes the on-disk format: bump kSchemaVersion.
#ifndef CAKAP_ENGINE_SCHEMA_H_
#define CAKAP_ENGINE_SCHEMA_H_

#include <xapian.h>

namespace cakap {
namespace schema {

// "5": every worker document carries its change sequence term (kChangeSeq) and the index
// the last sequence (kMetaChangeSeq): the alerts' change feed. Bumped because a build of
// "4" would still open a "5" index and write workers without the term, silently taking
// those writes out of the feed (an alert lost); it now refuses the index instead. An
// index of "4" is relabelled: its workers carry no term, i.e. count as written before
// sequence 1, before any cursor.
// "4": every document written carries checksums (kSlotChecksum). "3": no skill,
// certificate or region terms ("2": no geo cell terms either): the record cache holds
// those posting lists in memory. An index of an older schema is read as is (its extra
// terms are never read, its documents without checksums are read unverified, as before)
// and relabelled when opened for writing, since its new documents differ.
inline constexpr char kSchemaVersion[] = "5";
inline constexpr const char* kOlderSchemaVersions[] = {"1", "2", "3", "4"};

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
// Ledger entries (placements and outcomes, ledger.proto): one document each, kind
// kKindLedger, unique id "QL" + worker id + " " + seq as 12 digits (ids have no spaces),
// and "XLW" + worker id on every entry of that worker (GetHistory reads its postings).
// Data: the serialized LedgerEntry; kSlotChecksum as on every document. Added without
// a schema bump: an older build sees documents with none of its kinds and no record.
inline constexpr char kLedgerId[] = "QL";
inline constexpr char kKindLedger[] = "XKL";
inline constexpr char kLedgerOfWorker[] = "XLW";
// (Dropped in schema "3", read by no match since the record cache keeps these posting
// lists in memory (RecordCache::List): "XS" + skill code, "XC" + issuer digit [+ skill
// code], "XR" + kabupaten/kota code, "XP" + province code; 41% of the postings left.
// Dropped in schema "2": "XG" + level + ":" + x + ":" + y, geo grid cells, 18% of all
// postings.)
// "XZ" + Indonesian stem: the words of the worker's free text, stemmed. The keywords
// constraint accepts a word "exactly or with the same stem", and a word always has its own
// stem, so the stem term alone decides it. (Exact-word "XW" terms, 30% of all postings,
// were dropped; indexes built with them still match correctly and simply carry them.)
inline constexpr char kStem[] = "XZ";
// "XU" + 16 lowercase hex digits: the change sequence of the commit that last wrote the
// worker (kMetaChangeSeq). Set in the same Xapian transaction as the document, so the
// feed is exactly the committed writes; replace_document drops the old one with the old
// document, so a worker is in one such term, its latest write's. Fixed width, so the
// terms sort by sequence and "workers written after S" is the posting lists of the terms
// after "XU" + hex(S) (changes.cc).
inline constexpr char kChangeSeq[] = "XU";

// --- Value slots ---
// Packed MatchRecord (record.h) of a worker: everything the exact refine and the score
// need, so matching never parses the stored protobuf of a worker it does not return.
inline constexpr Xapian::valueno kSlotMatchRecord = 0;
// Checksums of the document (integrity.h: EncodeChecksums): CRC32C of the document data
// and of the kSlotMatchRecord value, on every worker and vacancy written by schema "4".
// None on documents written before: those are read unverified.
inline constexpr Xapian::valueno kSlotChecksum = 1;
// A worker's trainings as the figures read them (facts.h: EncodeTrainings): programme
// and institution lower-cased, end day, and a CRC32C of its own (the slot is derived
// from the data, which kSlotChecksum covers). Lets the fact table load at open from
// value streams instead of parsing every stored Worker (at 100k workers: ~2.6 s ->
// a fraction). Workers written before it have none: their data is parsed instead.
inline constexpr Xapian::valueno kSlotTrainings = 2;

// --- Document data ---
// Serialized cakap.v1.Worker / cakap.v1.Vacancy as stored (normalised).

// --- Metadata keys ---
inline constexpr char kMetaSchema[] = "cakap.schema";
// The last change sequence assigned, 16 lowercase hex digits (absent: 0). +1 by each
// commit that writes or deletes a worker, in that commit's transaction.
inline constexpr char kMetaChangeSeq[] = "cakap.useq";
// (Schema "1" also kept "cakap.geo_levels", the levels of its cell terms; now unused.)

}  // namespace schema
}  // namespace cakap

#endif  // CAKAP_ENGINE_SCHEMA_H_
