// Checksums of stored records, and the full check of an index directory.
//
// Every document a build with schema "4" writes carries, in value slot
// schema::kSlotChecksum, the CRC32C of its document data (the stored Worker / Vacancy)
// and of its compact match record (value slot 0; empty for a vacancy). Glass has no
// checksums of its own: a flipped byte in docdata.glass parsed as a different, valid
// Worker, and a deleted docdata.glass read as empty data, both with OK (issue 12). A
// read that finds a mismatch answers DATA_LOSS for that record alone.
//
// Why CRC32C: a stable on-disk checksum (absl::Hash is seeded per process), detects every
// burst of up to 32 flipped bits in a record, has published test vectors (RFC 3720), and
// runs in hardware (SSE4.2 `crc32`) at ~10 GB/s, so verifying every record and stored
// Worker while the record cache loads adds milliseconds per 100k workers. abseil 20220623
// predates absl::crc32c, and zlib's crc32 is another polynomial with no instruction; the
// table-driven fallback below is the textbook one.
#ifndef CAKAP_ENGINE_INTEGRITY_H_
#define CAKAP_ENGINE_INTEGRITY_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace cakap {

// CRC32C (Castagnoli) of `data`, continuing from `crc` (0 to start).
uint32_t Crc32c(absl::string_view data, uint32_t crc = 0);

// The value of schema::kSlotChecksum for a document with `data` and match `record`.
std::string EncodeChecksums(absl::string_view data, absl::string_view record);

// What the checksum slot says about a stored part.
enum class Integrity {
  kVerified,   // it matches
  kUnchecked,  // no checksum: written by a build before schema "4", read as before
  kCorrupt,    // it does not match (or the slot itself is damaged)
};
// `slot` is the document's kSlotChecksum value ("" when it has none).
Integrity VerifyData(absl::string_view slot, absl::string_view data);
Integrity VerifyRecord(absl::string_view slot, absl::string_view record);

// "worker w-17: stored record fails its checksum": DATA_LOSS for one record. `kind` is
// "worker" or "vacancy"; `what` says which part ("stored record", "match record").
absl::Status RecordDataLoss(absl::string_view kind, absl::string_view id,
                            absl::string_view what);

// The full check of the index in directory `path` (no engine needs to be open on it):
// Xapian's own consistency check of every table, then every document: its id term, its
// data and match record against their checksums, the record's and the stored record's
// ids against the id term. Appends one line per problem to `problems`; an error status
// only when the check could not run at all.
absl::Status CheckIndexDirectory(const std::string& path, std::vector<std::string>* problems);

// The per-document part of the check, on an open database.
void CheckDocuments(const Xapian::Database& db, std::vector<std::string>* problems);

}  // namespace cakap

#endif  // CAKAP_ENGINE_INTEGRITY_H_
