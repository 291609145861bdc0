// The change feed behind alerts: which stored workers were written after a cursor and are
// candidates of a vacancy now (Engine::MatchChanges), and waiting for the next commit.
//
// Every commit that writes or deletes a worker takes the next change sequence number
// (schema::kMetaChangeSeq, in its own transaction) and every worker it writes carries the
// term kChangeSeq + 16 hex digits of it (engine.cc). The terms sort by sequence, so the
// writes after sequence S are the posting lists of the terms after ChangeSeqTerm(S), read
// from a pooled reader at the published revision: exactly the committed writes, each
// worker once (replace_document dropped its older term), deleted workers in none.
#include <xapian.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cakap/limits.h"
#include "cakap/status_macros.h"
#include "coarse_query.h"
#include "document.h"
#include "engine_impl.h"
#include "evaluate.h"
#include "integrity.h"
#include "record_cache.h"
#include "schema.h"
#include "xapian_status.h"

namespace cakap {
namespace {

// Writes examined per MatchChanges call at most: bounds one call's work (a cursor from
// the beginning of a large index) whatever the vacancy; the next cursor resumes there.
constexpr size_t kMaxExamined = 10000;
constexpr int kMaxChangeLimit = 1000;

absl::Status BadCursor(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("cursor: ", what));
}

// MatchOptions.scope_region_codes as canonical codes (kabupaten/kota or province).
absl::StatusOr<std::vector<std::string>> ScopeCodes(const v1::MatchOptions& o,
                                                     const EngineEnv& env) {
  if (o.scope_region_codes_size() > kMaxVacancyRegionCodes) {
    return absl::InvalidArgumentError(absl::StrCat("scope_region_codes: ",
                                                   o.scope_region_codes_size(),
                                                   " codes, at most ", kMaxVacancyRegionCodes));
  }
  std::vector<std::string> codes;
  for (int i = 0; i < o.scope_region_codes_size(); ++i) {
    const Region* r = env.regions.Find(o.scope_region_codes(i));
    if (r == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("scope_region_codes[", i, "]: unknown region \"",
                       o.scope_region_codes(i).substr(0, 20), "\""));
    }
    codes.push_back(r->code);
  }
  return codes;
}

// The scope test of Match (CandidateFilter::scope): the domicile's kabupaten/kota is one
// of the codes, or lies in one of the provinces (a province is a code's first two
// characters). A worker without a region code is in no scope.
bool InScope(const MatchRecord& record, const std::vector<std::string>& scope) {
  if (scope.empty()) return true;
  if (record.region_code.empty()) return false;
  const absl::string_view province = absl::string_view(record.region_code).substr(0, 2);
  return std::any_of(scope.begin(), scope.end(), [&](const std::string& code) {
    return code == record.region_code || code == province;
  });
}

// Whether document `docid` matches `query` (the keyword words), by its posting lists:
// the same exact test as Match's candidates query, for one document.
bool MatchesDocument(const Xapian::Database& db, const TermQuery& query, Xapian::docid docid) {
  if (query.op() == TermQuery::Op::kTerm) {
    Xapian::PostingIterator it = db.postlist_begin(query.term());
    it.skip_to(docid);
    return it != db.postlist_end(query.term()) && *it == docid;
  }
  if (query.children().empty()) return false;
  return std::all_of(query.children().begin(), query.children().end(),
                     [&](const TermQuery& q) { return MatchesDocument(db, q, docid); });
}

// The stored Worker of `docid`: from the cache when it keeps them (verified at load),
// else from the index, verified against its checksum. DataLoss when damaged.
absl::Status ReadStoredWorker(const Xapian::Database& db, const RecordCache& cache,
                              Xapian::docid docid, absl::string_view id, v1::Worker* out) {
  const absl::string_view cached = cache.Stored(docid);
  bool parsed;
  if (cached.empty()) {
    const Xapian::Document doc = db.get_document(docid, Xapian::DOC_ASSUME_VALID);
    const std::string data = doc.get_data();
    if (VerifyData(doc.get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt) {
      return RecordDataLoss("worker", id, "stored record");
    }
    parsed = out->ParseFromString(data);
  } else {
    parsed = out->ParseFromArray(cached.data(), static_cast<int>(cached.size()));
  }
  if (!parsed || out->id() != id) {
    return absl::DataLossError(absl::StrCat("worker ", id, ": stored record is not this worker's"));
  }
  return absl::OkStatus();
}

// One write of the feed: a worker and the sequence of its latest write.
struct FeedEntry {
  uint64_t seq;
  std::string id;
  Xapian::docid docid;
};

}  // namespace

std::string EncodeChangeCursor(const ChangeCursor& cursor) {
  std::string token = absl::StrCat(absl::Hex(cursor.seq, absl::kZeroPad16));
  if (!cursor.id.empty()) absl::StrAppend(&token, ".", absl::WebSafeBase64Escape(cursor.id));
  return token;
}

absl::StatusOr<ChangeCursor> DecodeChangeCursor(absl::string_view token) {
  if (token.size() > kMaxChangeCursorBytes) {
    return BadCursor(absl::StrCat(token.size(), " bytes, at most ", kMaxChangeCursorBytes));
  }
  ChangeCursor cursor;
  const absl::string_view hex = token.substr(0, 16);
  if (hex.size() != 16 || !std::all_of(hex.begin(), hex.end(), absl::ascii_isxdigit) ||
      !absl::SimpleHexAtoi(hex, &cursor.seq)) {
    return BadCursor("not a cursor (a token from WatchVacancy)");
  }
  if (token.size() > 16) {
    if (token[16] != '.' || !absl::WebSafeBase64Unescape(token.substr(17), &cursor.id) ||
        !ValidateId(cursor.id, "id").ok()) {
      return BadCursor("not a cursor (a token from WatchVacancy)");
    }
  }
  // One token per cursor: upper-case hex or padded base64 would name the same position.
  if (EncodeChangeCursor(cursor) != token) {
    return BadCursor("not in canonical form (a token from WatchVacancy)");
  }
  return cursor;
}

uint64_t Engine::Impl::ChangeSequence() {
  absl::MutexLock lock(&seq_mu_);
  return published_seq_;
}

uint64_t Engine::Impl::WaitForChange(uint64_t after, absl::Time deadline) {
  absl::MutexLock lock(&seq_mu_);
  while (published_seq_ <= after) {
    if (seq_cv_.WaitWithDeadline(&seq_mu_, deadline)) break;  // timed out
  }
  return published_seq_;
}

absl::StatusOr<ChangeBatch> Engine::Impl::MatchChanges(const v1::Vacancy& vacancy,
                                                       const v1::MatchOptions& options,
                                                       const ChangeCursor& after, int limit) {
  if (limit < 1 || limit > kMaxChangeLimit) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit: ", limit, " is outside 1-", kMaxChangeLimit));
  }
  if (!after.id.empty()) CAKAP_RETURN_IF_ERROR(ValidateId(after.id, "cursor"));
  CAKAP_ASSIGN_OR_RETURN(const ResolvedVacancy v, ResolveVacancy(vacancy, env_, false));
  CAKAP_ASSIGN_OR_RETURN(const std::vector<std::string> scope, ScopeCodes(options, env_));
  return CatchXapian("match changes", [&]() -> absl::StatusOr<ChangeBatch> {
    ReaderPool::Lease lease = readers_.Acquire();
    const Xapian::Database& db = lease.db();
    const RecordCache& cache = lease.records();
    ChangeBatch batch;
    // The lease's revision is the published one, and its metadata holds its sequence.
    const std::string seq_text = db.get_metadata(schema::kMetaChangeSeq);
    if (!seq_text.empty()) {
      absl::StatusOr<ChangeCursor> last = DecodeChangeCursor(seq_text);
      if (!last.ok()) return absl::DataLossError("index: the change sequence does not parse");
      batch.sequence = last->seq;
    }
    if (after.seq > batch.sequence) {
      return absl::FailedPreconditionError(absl::StrCat(
          "cursor: at change sequence ", after.seq, ", past this index's last (",
          batch.sequence, "): a cursor of another index, or of one restored from an older "
          "backup; start without a cursor"));
    }
    // The writes after the cursor, in (seq, id) order, at most kMaxExamined of them: the
    // rest of the cursor's own sequence (ids after its id), then the later sequences.
    std::vector<FeedEntry> feed;
    bool truncated = false;
    const std::string first = ChangeSeqTerm(after.id.empty() ? after.seq + 1 : after.seq);
    Xapian::TermIterator t = db.allterms_begin(schema::kChangeSeq);
    t.skip_to(first);
    for (; t != db.allterms_end(schema::kChangeSeq) && !truncated; ++t) {
      const std::string term = *t;
      uint64_t seq = 0;
      if (term.size() != 18 || !absl::SimpleHexAtoi(absl::string_view(term).substr(2), &seq)) {
        continue;  // not a term of ours
      }
      std::vector<FeedEntry> writes;
      for (Xapian::PostingIterator p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        const absl::string_view id = RecordId(cache.Get(*p));
        if (id.empty() || cache.Corrupt(*p)) continue;  // damaged: Check reports it
        if (seq == after.seq && id <= after.id) continue;
        writes.push_back({seq, std::string(id), *p});
      }
      std::sort(writes.begin(), writes.end(),
                [](const FeedEntry& a, const FeedEntry& b) { return a.id < b.id; });
      for (FeedEntry& w : writes) {
        if (feed.size() == kMaxExamined) {
          truncated = true;
          break;
        }
        feed.push_back(std::move(w));
      }
    }
    // Where the next call resumes: after everything up to the index's sequence, unless
    // the examined writes or the candidates stopped short of it.
    batch.next = {batch.sequence, ""};
    const std::optional<TermQuery> words =
        KeywordWordsQuery(v, Xapian::Stem("indonesian"));
    EvaluateOptions eopts;
    eopts.exclude_welfare = options.exclude_welfare();
    eopts.coarse_locations = options.coarse_locations();
    MatchRecord record;
    Evaluation eval;
    for (size_t i = 0; i < feed.size(); ++i) {
      const FeedEntry& w = feed[i];
      if (static_cast<int>(batch.changes.size()) == limit) {
        batch.next = {feed[i - 1].seq, feed[i - 1].id};
        return batch;
      }
      if (!DecodeRecord(cache.Get(w.docid), &record) || !InScope(record, scope)) continue;
      eopts.keywords_ok = KeywordSkillsOk(record, v) &&
                          (!words || MatchesDocument(db, *words, w.docid));
      Evaluate(record, v, env_, eopts, &eval);
      if (eval.failures > 0) continue;
      WorkerChange change;
      change.seq = w.seq;
      change.cursor = {w.seq, w.id};
      v1::Candidate& c = change.candidate;
      if (!ReadStoredWorker(db, cache, w.docid, w.id, c.mutable_worker()).ok()) continue;
      c.set_score(MicroToDouble(eval.score_micro));
      c.set_distance_km(eval.distance_km);
      if (v.HasQuota()) c.set_local(IsLocal(record, v));
      Explain(record, v, env_, eval, eopts.exclude_welfare, c.mutable_explanation());
      batch.changes.push_back(std::move(change));
    }
    if (truncated) batch.next = {feed.back().seq, feed.back().id};
    return batch;
  });
}

}  // namespace cakap
