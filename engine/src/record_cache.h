// An in-memory copy of every worker's MatchRecord (value slot schema::kSlotMatchRecord),
// indexed by docid. Matching decides each coarse candidate from its record; reading it
// through Xapian costs a pread of a whole 8 KB block per scattered candidate (measured:
// most of a broad match's time), reading it from here costs a memory access.
//
// Not synchronised: ReaderPool guards it (lease holders read it; the writer changes it
// only while no lease is held).
#ifndef CAKAP_ENGINE_RECORD_CACHE_H_
#define CAKAP_ENGINE_RECORD_CACHE_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace cakap {

// One change to the cache made by a commit: the record of `docid`, or its removal (empty).
struct RecordUpdate {
  Xapian::docid docid;
  std::string record;
};

class RecordCache {
 public:
  // Replaces the contents with the records of every document of `db` that has one.
  void Load(const Xapian::Database& db);
  // The encoded record of `docid`; empty when the document has none (or does not exist).
  absl::string_view Get(Xapian::docid docid) const {
    return docid < records_.size() ? absl::string_view(records_[docid]) : absl::string_view();
  }
  void Apply(std::vector<RecordUpdate>& updates);

 private:
  std::vector<std::string> records_;
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_RECORD_CACHE_H_
