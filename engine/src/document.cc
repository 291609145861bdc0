#include "document.h"

#include "absl/strings/str_cat.h"
#include "integrity.h"
#include "schema.h"

namespace cakap {

std::string WorkerIdTerm(absl::string_view id) { return absl::StrCat(schema::kWorkerId, id); }
std::string VacancyIdTerm(absl::string_view id) { return absl::StrCat(schema::kVacancyId, id); }

std::string ChangeSeqTerm(uint64_t seq) {
  return absl::StrCat(schema::kChangeSeq, absl::Hex(seq, absl::kZeroPad16));
}

std::string StemTerm(const Xapian::Stem& stem, absl::string_view word) {
  return absl::StrCat(schema::kStem, stem(std::string(word)));
}

Xapian::Document BuildWorkerDocument(const NormalizedWorker& w, const EngineEnv& env,
                                     const Xapian::Stem& stem) {
  const MatchRecord& rec = w.record;
  Xapian::Document doc;
  std::string data = w.stored.SerializeAsString();
  std::string record = EncodeRecord(rec);
  doc.add_value(schema::kSlotChecksum, EncodeChecksums(data, record));
  doc.set_data(std::move(data));
  doc.add_value(schema::kSlotMatchRecord, std::move(record));
  doc.add_boolean_term(WorkerIdTerm(rec.id));
  doc.add_boolean_term(schema::kKindWorker);
  for (const std::string& word : w.words) doc.add_boolean_term(StemTerm(stem, word));
  return doc;
}

Xapian::Document BuildVacancyDocument(const v1::Vacancy& stored) {
  Xapian::Document doc;
  std::string data = stored.SerializeAsString();
  doc.add_value(schema::kSlotChecksum, EncodeChecksums(data, ""));
  doc.set_data(std::move(data));
  doc.add_boolean_term(VacancyIdTerm(stored.id()));
  doc.add_boolean_term(schema::kKindVacancy);
  if (stored.open()) doc.add_boolean_term(schema::kOpenVacancy);
  return doc;
}

}  // namespace cakap
