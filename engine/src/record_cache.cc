#include "record_cache.h"

#include <algorithm>

#include "schema.h"

namespace cakap {

void RecordCache::Load(const Xapian::Database& db) {
  records_.clear();
  records_.resize(static_cast<size_t>(db.get_lastdocid()) + 1);
  for (auto it = db.valuestream_begin(schema::kSlotMatchRecord);
       it != db.valuestream_end(schema::kSlotMatchRecord); ++it) {
    records_[it.get_docid()] = *it;
  }
}

void RecordCache::Apply(std::vector<RecordUpdate>& updates) {
  for (RecordUpdate& u : updates) {
    if (u.docid >= records_.size()) {
      if (u.record.empty()) continue;
      // Docids grow one by one: grow geometrically, not per document.
      records_.resize(std::max<size_t>(u.docid + 1, records_.size() * 3 / 2));
    }
    records_[u.docid] = std::move(u.record);
  }
}

}  // namespace cakap
