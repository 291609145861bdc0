// Engine::Impl: the state of an open engine. Writes (engine.cc) go through the single
// WritableDatabase under write_mu_; reads (match.cc) take a database from the pool.
#ifndef CAKAP_ENGINE_ENGINE_IMPL_H_
#define CAKAP_ENGINE_ENGINE_IMPL_H_

#include <xapian.h>

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "cakap/engine.h"
#include "env.h"
#include "reader_pool.h"

namespace cakap {

class Engine::Impl {
 public:
  Impl(EngineEnv env, std::string path, Xapian::WritableDatabase writer)
      : env_(std::move(env)), path_(path), readers_(path), writer_(std::move(writer)) {}

  // engine.cc
  absl::Status UpsertWorker(const v1::Worker& worker);
  absl::StatusOr<BulkResult> UpsertWorkers(absl::Span<const v1::Worker> workers);
  absl::Status DeleteWorker(absl::string_view id);
  absl::Status UpsertVacancy(const v1::Vacancy& vacancy);
  absl::Status DeleteVacancy(absl::string_view id);
  absl::StatusOr<EngineStats> Stats();

  // match.cc
  absl::StatusOr<v1::Worker> GetWorker(absl::string_view id);
  absl::StatusOr<v1::Vacancy> GetVacancy(absl::string_view id);
  absl::StatusOr<v1::MatchResult> Match(const v1::Vacancy& vacancy,
                                        const v1::MatchOptions& options);
  absl::StatusOr<v1::VacancyMatchResult> MatchVacancies(absl::string_view worker_id, int limit,
                                                        bool exclude_welfare);

  const EngineEnv& env() const { return env_; }

 private:
  // Runs `change` on the writer inside a transaction and commits it durably; on any
  // failure the transaction is cancelled, so nothing of it is stored.
  template <typename F>
  absl::Status Write(absl::string_view what, F&& change);

  const EngineEnv env_;
  const std::string path_;
  ReaderPool readers_;
  absl::Mutex write_mu_;
  Xapian::WritableDatabase writer_ ABSL_GUARDED_BY(write_mu_);
  Xapian::Stem writer_stem_ ABSL_GUARDED_BY(write_mu_){"indonesian"};
};

}  // namespace cakap

#endif  // CAKAP_ENGINE_ENGINE_IMPL_H_
