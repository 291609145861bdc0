// Terms and Xapian documents of workers and vacancies (prefixes: schema.h).
#ifndef CAKAP_ENGINE_DOCUMENT_H_
#define CAKAP_ENGINE_DOCUMENT_H_

#include <xapian.h>

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "cakap/v1/vacancy.pb.h"
#include "env.h"
#include "normalize.h"

namespace cakap {

std::string WorkerIdTerm(absl::string_view id);
std::string VacancyIdTerm(absl::string_view id);
// The change feed's term of sequence `seq` (schema::kChangeSeq).
std::string ChangeSeqTerm(uint64_t seq);
std::string StemTerm(const Xapian::Stem& stem, absl::string_view word);

// `stem` is the caller's own (Xapian objects are not thread-safe).
Xapian::Document BuildWorkerDocument(const NormalizedWorker& worker, const EngineEnv& env,
                                     const Xapian::Stem& stem);
Xapian::Document BuildVacancyDocument(const v1::Vacancy& stored);

}  // namespace cakap

#endif  // CAKAP_ENGINE_DOCUMENT_H_
