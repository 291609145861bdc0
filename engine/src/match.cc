// Engine reads: get, match (forward, with facets, pagination and near misses) and reverse
// matching. Xapian selects a superset of the candidates by terms (coarse_query.h);
// Evaluate (evaluate.h) decides each one exactly and scores it.
#include <xapian.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cakap/limits.h"
#include "cakap/status_macros.h"
#include "coarse_query.h"
#include "document.h"
#include "engine_impl.h"
#include "evaluate.h"
#include "integrity.h"
#include "page_token.h"
#include "quota.h"
#include "schema.h"
#include "xapian_status.h"

namespace cakap {
namespace {

// Every docid matching reads comes from a posting list of the leased revision, so it
// exists: skipping Xapian's existence check halves a stored-record read (measured at 1M
// workers: 9.8 -> 5.1 us), which is most of filling a page of 20 candidates.
constexpr unsigned kFromPostings = Xapian::DOC_ASSUME_VALID;

// A passing candidate; `id` views the record cache, valid while the lease is held.
struct Hit {
  int64_t score_micro;
  absl::string_view id;
  Xapian::docid docid;
};

// (score desc, id asc): the order of docs/ranking.md.
bool Before(int64_t score_a, absl::string_view id_a, int64_t score_b, absl::string_view id_b) {
  return score_a != score_b ? score_a > score_b : id_a < id_b;
}
bool HitBefore(const Hit& a, const Hit& b) {
  return Before(a.score_micro, a.id, b.score_micro, b.id);
}

// The best `n` hits, in order.
void KeepBest(std::vector<Hit>* hits, size_t n) {
  if (hits->size() > n) {
    std::nth_element(hits->begin(), hits->begin() + n, hits->end(), HitBefore);
    hits->resize(n);
  }
  std::sort(hits->begin(), hits->end(), HitBefore);
}

// Reads MatchRecords from the lease's record cache.
class RecordReader {
 public:
  explicit RecordReader(const RecordCache& cache) : cache_(cache) {}
  // DATA_LOSS for a record that failed its checksum at load or does not decode; a match
  // skips such a worker (one damaged record must not fail every match that meets it).
  absl::Status Read(Xapian::docid docid, MatchRecord* record) const {
    if (cache_.Corrupt(docid)) return Damaged(docid, "match record");
    if (!DecodeRecord(cache_.Get(docid), record)) {
      return absl::DataLossError(absl::StrCat("worker document ", docid,
                                              ": match record does not decode"));
    }
    return absl::OkStatus();
  }
  // Parses the stored Worker of `docid` (a document with a record): from the cache when
  // it keeps them (verified at load), else from `db`, verified against its checksum.
  // Either way its id must be the record's: a damaged posting list can point one id at
  // another worker's intact document. Throws Xapian::Error.
  // `id`: the worker's id when the caller knows it (named in errors).
  absl::Status ReadWorker(const Xapian::Database& db, Xapian::docid docid, v1::Worker* out,
                          absl::string_view id = {}) const {
    if (cache_.Corrupt(docid)) return Damaged(docid, "stored record", id);
    const absl::string_view cached = cache_.Stored(docid);
    bool parsed;
    if (cached.empty()) {
      const Xapian::Document doc = db.get_document(docid, kFromPostings);
      const std::string data = doc.get_data();
      if (VerifyData(doc.get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt) {
        return Damaged(docid, "stored record", id);
      }
      parsed = out->ParseFromString(data);
    } else {
      parsed = out->ParseFromArray(cached.data(), static_cast<int>(cached.size()));
    }
    if (!parsed || out->id() != RecordId(cache_.Get(docid))) {
      return absl::DataLossError(absl::StrCat(IdOrDocument(docid, id),
                                              ": stored record is not this worker's"));
    }
    return absl::OkStatus();
  }
  const RecordCache& cache() const { return cache_; }
  // "worker w-17", or "worker document 12" when even the id is unreadable.
  std::string IdOrDocument(Xapian::docid docid, absl::string_view id = {}) const {
    if (id.empty()) id = RecordId(cache_.Get(docid));
    return id.empty() ? absl::StrCat("worker document ", docid) : absl::StrCat("worker ", id);
  }
  absl::Status Damaged(Xapian::docid docid, absl::string_view what,
                       absl::string_view id = {}) const {
    return absl::DataLossError(absl::StrCat(IdOrDocument(docid, id), ": ", what,
                                            " fails its checksum"));
  }
  // The id of a record Read has decoded, as a view into the cache.
  absl::string_view Id(Xapian::docid docid) const { return RecordId(cache_.Get(docid)); }
  // Called before reading ids[i]: fetches later records (and hot records, which pruned
  // matches decide most candidates on) into the CPU cache, so the memory latency of
  // scattered candidates overlaps with evaluating this one (measured at 1M workers: most
  // of the per-candidate time without it; the hot records, national 650 -> 720 QPS).
  void PrefetchAhead(const std::vector<Xapian::docid>& ids, size_t i) const {
    constexpr size_t kRecordsAhead = 8, kSlotsAhead = 16;
    if (i + kSlotsAhead < ids.size()) cache_.PrefetchSlot(ids[i + kSlotsAhead]);
    if (i + kRecordsAhead < ids.size()) cache_.Prefetch(ids[i + kRecordsAhead]);
    if (i + kSlotsAhead < ids.size()) cache_.PrefetchHot(ids[i + kSlotsAhead]);
  }

 private:
  const RecordCache& cache_;
};

// Facet counts of docs/ranking.md / match.proto, over every candidate.
class FacetCounter {
 public:
  void Add(const MatchRecord& w, Day start) {
    int best_level = 0;
    bool issuers[4] = {false, false, false, false};
    for (const CertRecord& c : w.certs) {
      if (c.issued > start || start > c.expires) continue;
      issuers[c.issuer & 3] = true;
      best_level = std::max<int>(best_level, c.level);
    }
    for (int i = 1; i < 4; ++i) issuer_[i] += issuers[i] ? 1 : 0;
    ++region_[w.region_code];
    ++level_[best_level];
  }
  void Fill(const Regions& regions, v1::Facets* out) const {
    for (int i = 1; i < 4; ++i) {
      if (issuer_[i] == 0) continue;
      Put(v1::Issuer_Name(static_cast<v1::Issuer>(i)).substr(7), "", issuer_[i],
          out->add_issuer());
    }
    for (const auto& [code, count] : region_) {
      const Region* r = regions.Find(code);
      Put(code, r ? r->name : "", count, out->add_region());
    }
    for (const auto& [level, count] : level_) {
      Put(absl::StrCat(level), "", count, out->add_kkni_level());
    }
    SortByCount(out->mutable_issuer());
    SortByCount(out->mutable_region());
  }

 private:
  static void Put(std::string value, std::string label, int64_t count, v1::FacetValue* out) {
    out->set_value(std::move(value));
    out->set_label(std::move(label));
    out->set_count(count);
  }
  static void SortByCount(google::protobuf::RepeatedPtrField<v1::FacetValue>* values) {
    std::stable_sort(values->begin(), values->end(),
                     [](const v1::FacetValue& a, const v1::FacetValue& b) {
                       return a.count() > b.count();
                     });
  }
  int64_t issuer_[4] = {0, 0, 0, 0};
  std::map<std::string, int64_t> region_;
  std::map<int, int64_t> level_;
};

// MatchOptions.scope_region_codes as canonical codes, sorted and without repeats (a code
// inside a listed province is dropped: it adds nobody).
absl::StatusOr<std::vector<std::string>> ResolveScope(const v1::MatchOptions& o,
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
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  absl::flat_hash_set<std::string> provinces;
  for (const std::string& code : codes) {
    if (code.find('.') == std::string::npos) provinces.insert(code);
  }
  codes.erase(std::remove_if(codes.begin(), codes.end(),
                             [&](const std::string& code) {
                               const size_t dot = code.find('.');
                               return dot != std::string::npos &&
                                      provinces.contains(code.substr(0, dot));
                             }),
              codes.end());
  return codes;
}

// A page token's fingerprint also covers the scope: a page is a page of one scope's
// candidates. (FNV-1a, stable across processes like VacancyFingerprint.)
uint64_t WithScope(uint64_t fingerprint, const std::vector<std::string>& scope) {
  if (scope.empty()) return fingerprint;  // tokens made before scopes stay valid
  uint64_t hash = fingerprint;
  for (const std::string& code : scope) {
    for (const char c : code + ",") {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
  }
  return hash;
}

// Whether a candidate of one kind comes after the last of its kind the quota's earlier
// pages placed.
bool AfterQuotaCursor(const QuotaCursor& q, bool local, int64_t score_micro,
                      absl::string_view id) {
  const std::string& last_id = local ? q.local_id : q.other_id;
  if (last_id.empty()) return true;  // none of this kind placed yet
  return Before(local ? q.local_score_micro : q.other_score_micro, last_id, score_micro, id);
}

// The quota cursor after this page's placements.
QuotaCursor NextQuotaCursor(QuotaCursor next, const std::vector<QuotaPlacement>& placed,
                            const std::vector<Hit>& local_hits, const std::vector<Hit>& hits) {
  for (const QuotaPlacement& p : placed) {
    const Hit& hit = p.local ? local_hits[p.index] : hits[p.index];
    if (p.local) {
      ++next.locals;
      next.local_score_micro = hit.score_micro;
      next.local_id = std::string(hit.id);
    } else {
      ++next.others;
      next.other_score_micro = hit.score_micro;
      next.other_id = std::string(hit.id);
    }
  }
  return next;
}

void FillQuotaReport(int64_t share_micro, int64_t total, int64_t locals, int page_size,
                     int64_t page_locals, v1::QuotaReport* q) {
  q->set_min_local_share(MicroToDouble(share_micro));
  q->set_local_candidates(locals);
  q->set_total_local_share(total > 0 ? static_cast<double>(locals) / total : 0);
  q->set_page_local_share(page_size > 0 ? static_cast<double>(page_locals) / page_size : 0);
  // The placement meets every prefix while local candidates remain (quota.h), and the
  // required count only grows with k: it fails somewhere exactly when the whole list
  // needs more local candidates than there are.
  q->set_met(LocalsRequired(share_micro, total) <= locals);
}

// "80%", "66.6667%": a share in millionths as a percentage, as short as it is exact.
std::string FormatShare(int64_t share_micro) {
  return absl::StrCat(static_cast<double>(share_micro) / 1e4, "%");
}

// Parses the stored Vacancy of `docid`, verified against its checksum. Throws
// Xapian::Error.
absl::Status ReadVacancy(const Xapian::Database& db, Xapian::docid docid, v1::Vacancy* out) {
  const Xapian::Document doc = db.get_document(docid, kFromPostings);
  const std::string data = doc.get_data();
  if (VerifyData(doc.get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt) {
    // The id is in the damaged data: name the document's id term instead.
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(schema::kVacancyId);
    std::string id = t != doc.termlist_end() ? *t : "";
    id = absl::StartsWith(id, schema::kVacancyId)
             ? id.substr(std::strlen(schema::kVacancyId))
             : absl::StrCat("document ", docid);
    return RecordDataLoss("vacancy", id, "stored record");
  }
  if (!out->ParseFromString(data)) {
    return absl::DataLossError(absl::StrCat("vacancy document ", docid,
                                            ": stored record does not parse"));
  }
  return absl::OkStatus();
}

absl::StatusOr<Xapian::docid> FindDoc(const Xapian::Database& db, const std::string& term,
                                      absl::string_view what) {
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return absl::NotFoundError(absl::StrCat(what, " not found"));
  return *it;
}

// Runs `body(db, records)` on a pooled reader.
template <typename F>
auto WithReader(ReaderPool& pool, F&& body)
    -> decltype(body(std::declval<Xapian::Database&>(), std::declval<const RecordReader&>())) {
  ReaderPool::Lease lease = pool.Acquire();
  return body(lease.db(), RecordReader(lease.records()));
}

// Fills `out` for the worker of `docid`, whose record the caller has decoded into `record`.
absl::Status FillCandidate(const Xapian::Database& db, const RecordReader& reader,
                           Xapian::docid docid, const MatchRecord& record,
                           const ResolvedVacancy& v, const EngineEnv& env,
                           const EvaluateOptions& eopts, Evaluation* eval, v1::Candidate* out) {
  CAKAP_RETURN_IF_ERROR(reader.ReadWorker(db, docid, out->mutable_worker()));
  Evaluate(record, v, env, eopts, eval);
  out->set_score(MicroToDouble(eval->score_micro));
  out->set_distance_km(eval->distance_km);
  if (v.HasQuota()) out->set_local(IsLocal(record, v));
  Explain(record, v, env, *eval, eopts.exclude_welfare, out->mutable_explanation());
  return absl::OkStatus();
}

absl::Status AddNearMisses(const Xapian::Database& db, const RecordReader& reader,
                           const ResolvedVacancy& v, const EngineEnv& env,
                           const Xapian::Stem& stem, const v1::MatchOptions& o,
                           const std::vector<std::string>& scope, v1::MatchResult* result) {
  // The `keywords` constraint of a candidate: its words by the set of workers matching
  // them (the words query is exact), its skills on the record.
  const std::optional<TermQuery> words = KeywordWordsQuery(v, stem);
  absl::flat_hash_set<Xapian::docid> word_matches;
  if (words) {
    for (Xapian::docid d : AllMatches(db, *words)) word_matches.insert(d);
  }
  auto keywords_ok = [&](Xapian::docid d, const MatchRecord& r) {
    return (!words || word_matches.contains(d)) && KeywordSkillsOk(r, v);
  };
  EvaluateOptions eopts;
  eopts.exclude_welfare = o.exclude_welfare();
  eopts.coarse_locations = o.coarse_locations();
  eopts.max_failures = 1;
  MatchRecord record;
  Evaluation eval;
  std::vector<Hit> hits;
  const NearMissPlan plan =
      PlanNearMisses(reader.cache(), v, env, stem, o.coarse_locations(), scope);
  std::vector<Xapian::docid> ids = NearMissCandidates(db, reader.cache(), plan);
  reader.cache().FilterAtMostOneFailure(
      plan.groups,
      [&](Xapian::docid d, const HotRecord& h) {  // a sure keywords failure
        return (words && !word_matches.contains(d)) || !plan.keyword_skills.Accepts(h);
      },
      &ids);
  // Only the best near_miss_limit are returned, so a candidate whose score bound (which
  // holds for any worker Evaluate scores) is below the limit-th best near miss so far is
  // skipped undecoded. With one constraint group nearly every worker is a candidate.
  const size_t limit = static_cast<size_t>(o.near_miss_limit());
  const ScoreBound bound(v, env, eopts.exclude_welfare);
  const std::optional<HotDistance> where = HotDistanceOf(v, env, o.coarse_locations());
  std::priority_queue<int64_t, std::vector<int64_t>, std::greater<int64_t>> best;
  for (size_t i = 0; i < ids.size(); ++i) {
    reader.PrefetchAhead(ids, i);
    const Xapian::docid docid = ids[i];
    const HotRecord& hot = reader.cache().Hot(docid);
    if (!hot.malformed && best.size() >= limit &&
        bound.Micro(hot, where ? CheckHotDistance(hot, *where).min_km : 0) < best.top()) {
      continue;
    }
    if (!reader.Read(docid, &record).ok()) continue;  // damaged: Check reports it
    eopts.keywords_ok = keywords_ok(docid, record);
    Evaluate(record, v, env, eopts, &eval);
    if (eval.failures != 1) continue;
    hits.push_back({eval.score_micro, reader.Id(docid), docid});
    best.push(eval.score_micro);
    if (best.size() > limit) best.pop();
  }
  KeepBest(&hits, limit);
  for (const Hit& hit : hits) {
    CAKAP_RETURN_IF_ERROR(reader.Read(hit.docid, &record));
    eopts.keywords_ok = keywords_ok(hit.docid, record);
    v1::NearMiss near_miss;
    const absl::Status filled = FillCandidate(db, reader, hit.docid, record, v, env, eopts,
                                              &eval, near_miss.mutable_candidate());
    if (absl::IsDataLoss(filled)) continue;  // a damaged stored worker: skipped
    CAKAP_RETURN_IF_ERROR(filled);
    v1::NearMiss* miss = result->add_near_misses();
    *miss = std::move(near_miss);
    miss->set_constraint(ConstraintName(eval.failed));
    miss->set_reason(FailureReason(record, v, env, eval));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::MatchResult> RunMatch(const Xapian::Database& db, const RecordReader& reader,
                                         const ResolvedVacancy& v,
                                         const v1::MatchOptions& o,
                                         const std::vector<std::string>& scope,
                                         const std::optional<PageCursor>& cursor,
                                         uint64_t fingerprint, const EngineEnv& env) {
  const Xapian::Stem stem("indonesian");
  // Every id below is in the scope: the plan's filter checks it on each hot record, so
  // total, facets, pages and near misses only ever see workers in it.
  const CandidatePlan plan =
      PlanCandidates(reader.cache(), v, env, stem, o.coarse_locations(), scope);
  EvaluateOptions eopts;
  eopts.exclude_welfare = o.exclude_welfare();
  eopts.coarse_locations = o.coarse_locations();
  MatchRecord record;
  Evaluation eval;
  FacetCounter facets;
  std::vector<Hit> hits;  // candidates after the cursor (with a quota: the others)
  std::vector<Hit> local_hits;  // with a quota: local candidates after the local cursor
  int64_t total = 0, locals = 0;
  const size_t page_size = o.page_size() > 0 ? o.page_size() : kDefaultPageSize;
  // With an exact plan (and no facets, which read every candidate's certificates), a
  // candidate decided on its hot record is decoded and scored only when its score bound
  // reaches the page: below the (page_size + 1)-th best score after the cursor it cannot
  // be on the page nor change whether more follow. Measured at 1M workers, a one-skill
  // national vacancy has ~80k candidates, ~110 ns each to decode and score.
  // (A quota orders by locality too: every candidate is scored.)
  const bool quota = v.HasQuota();
  const bool prune = plan.exact && !o.facets() && !quota;
  const std::optional<HotDistance>& where = plan.filter.distance;
  CertRecord cert_scratch;
  std::optional<ScoreBound> bound;
  if (prune) bound.emplace(v, env, eopts.exclude_welfare);
  std::priority_queue<int64_t, std::vector<int64_t>, std::greater<int64_t>> best;
  const std::vector<Xapian::docid> ids = Candidates(db, reader.cache(), plan);
  for (size_t i = 0; i < ids.size(); ++i) {
    reader.PrefetchAhead(ids, i);
    const Xapian::docid docid = ids[i];
    if (prune) {
      const HotRecord& hot = reader.cache().Hot(docid);
      if (!hot.malformed) {  // (a malformed record goes on, to be reported)
        if (!v.include_employed && !AvailableOn(hot, v.start)) continue;
        HotDistanceCheck distance;
        distance.within = true;  // no location
        if (where) distance = CheckHotDistance(hot, *where);
        if (distance.too_far) continue;
        // Near a limit the record decides.
        if (distance.within && best.size() > page_size &&
            bound->Micro(hot, distance.min_km) < best.top()) {
          // The certificate is read from the record, nothing else.
          const std::optional<bool> certificate =
              MeetsCertificate(reader.cache().Get(docid), v, &cert_scratch);
          if (certificate.has_value()) {
            total += *certificate ? 1 : 0;
            continue;
          }
        }
      }
    }
    if (!reader.Read(docid, &record).ok()) continue;  // damaged: Check reports it
    // The keyword words, if any, were matched by the candidates' query.
    eopts.keywords_ok = KeywordSkillsOk(record, v);
    Evaluate(record, v, env, eopts, &eval);
    if (eval.failures > 0) continue;
    ++total;
    if (o.facets()) facets.Add(record, v.start);
    if (quota) {
      const bool local = IsLocal(record, v);
      locals += local ? 1 : 0;
      if (cursor && !AfterQuotaCursor(*cursor->quota, local, eval.score_micro, record.id)) {
        continue;
      }
      (local ? local_hits : hits).push_back({eval.score_micro, reader.Id(docid), docid});
      continue;
    }
    if (cursor && !Before(cursor->score_micro, cursor->last_id, eval.score_micro, record.id)) {
      continue;
    }
    hits.push_back({eval.score_micro, reader.Id(docid), docid});
    if (prune) {
      best.push(eval.score_micro);
      if (best.size() > page_size + 1) best.pop();
    }
  }
  v1::MatchResult result;
  result.set_total(total);
  KeepBest(&hits, page_size + 1);
  std::vector<QuotaPlacement> placed;  // with a quota: the page's order
  if (quota) {
    KeepBest(&local_hits, page_size + 1);
    QuotaPosition position;
    if (cursor) position = {cursor->quota->locals, cursor->quota->others};
    placed = PlaceForQuota(v.local_share_micro, local_hits.size(), hits.size(), page_size + 1,
                           &position, [&](size_t l, size_t h) {
                             return HitBefore(local_hits[l], hits[h]);
                           });
  } else {
    for (size_t i = 0; i < hits.size(); ++i) placed.push_back({false, i, false});
  }
  const bool more = placed.size() > page_size;
  if (more) placed.resize(page_size);
  eopts.keywords_ok = true;  // every hit met them
  int64_t page_locals = 0;
  for (const QuotaPlacement& p : placed) {
    const Hit& hit = p.local ? local_hits[p.index] : hits[p.index];
    CAKAP_RETURN_IF_ERROR(reader.Read(hit.docid, &record));
    v1::Candidate candidate;
    const absl::Status filled =
        FillCandidate(db, reader, hit.docid, record, v, env, eopts, &eval, &candidate);
    if (absl::IsDataLoss(filled)) continue;  // a damaged stored worker: skipped
    CAKAP_RETURN_IF_ERROR(filled);
    page_locals += p.local ? 1 : 0;
    if (p.moved) {
      candidate.set_moved_for_quota(true);
      v1::ScoreComponent* c = candidate.add_explanation();
      c->set_name("quota");
      c->set_detail(absl::StrCat("placed ahead of higher scores for the ",
                                 FormatShare(v.local_share_micro), " local-worker quota"));
    }
    *result.add_candidates() = std::move(candidate);
  }
  if (more && quota) {
    PageCursor token;
    token.fingerprint = fingerprint;
    token.quota = NextQuotaCursor(cursor ? *cursor->quota : QuotaCursor(), placed, local_hits,
                                  hits);
    result.set_next_page_token(EncodePageToken(token));
  } else if (more) {
    const Hit& last = hits[placed.back().index];
    result.set_next_page_token(
        EncodePageToken({fingerprint, last.score_micro, std::string(last.id), std::nullopt}));
  }
  if (quota) {
    FillQuotaReport(v.local_share_micro, total, locals, result.candidates_size(), page_locals,
                    result.mutable_quota());
  }
  if (o.facets()) facets.Fill(env.regions, result.mutable_facets());
  *result.mutable_resolved_vacancy() = v.normalized;
  if (o.near_miss_limit() > 0) {
    CAKAP_RETURN_IF_ERROR(AddNearMisses(db, reader, v, env, stem, o, scope, &result));
  }
  return result;
}

}  // namespace

absl::StatusOr<v1::Worker> Engine::Impl::GetWorker(absl::string_view id) {
  CAKAP_RETURN_IF_ERROR(ValidateId(id, "id"));
  // The label names the record, so a damaged id posting list says whose read failed.
  return CatchXapian(absl::StrCat("get worker ", id), [&]() -> absl::StatusOr<v1::Worker> {
    ReaderPool::Lease lease = readers_.Acquire();
    CAKAP_ASSIGN_OR_RETURN(Xapian::docid docid,
                           FindDoc(lease.db(), WorkerIdTerm(id), absl::StrCat("worker ", id)));
    v1::Worker worker;
    CAKAP_RETURN_IF_ERROR(RecordReader(lease.records()).ReadWorker(lease.db(), docid, &worker, id));
    if (worker.id() != id) {  // a damaged id posting list pointing at another worker
      return absl::DataLossError(absl::StrCat("worker ", id, ": the index points to worker ",
                                              worker.id(), "'s record"));
    }
    return worker;
  });
}

absl::StatusOr<v1::Vacancy> Engine::Impl::GetVacancy(absl::string_view id) {
  CAKAP_RETURN_IF_ERROR(ValidateId(id, "id"));
  return CatchXapian(absl::StrCat("get vacancy ", id), [&]() -> absl::StatusOr<v1::Vacancy> {
    ReaderPool::Lease lease = readers_.Acquire();
    CAKAP_ASSIGN_OR_RETURN(Xapian::docid docid,
                           FindDoc(lease.db(), VacancyIdTerm(id), absl::StrCat("vacancy ", id)));
    v1::Vacancy vacancy;
    CAKAP_RETURN_IF_ERROR(ReadVacancy(lease.db(), docid, &vacancy));
    if (vacancy.id() != id) {
      return absl::DataLossError(absl::StrCat("vacancy ", id, ": the index points to vacancy ",
                                              vacancy.id(), "'s record"));
    }
    return vacancy;
  });
}

absl::StatusOr<VacancyPage> Engine::Impl::ListVacancies(const VacancyListOptions& options) {
  if (options.page_size < 0 || options.page_size > kMaxVacancyListPageSize) {
    return absl::InvalidArgumentError(absl::StrCat("page_size: ", options.page_size,
                                                   " is outside 0-", kMaxVacancyListPageSize));
  }
  if (!options.owner.empty() && !IsValidOwnerName(options.owner)) {
    return absl::InvalidArgumentError(absl::StrCat("owner: must be 1-", kMaxOwnerNameBytes,
                                                   " characters of [A-Za-z0-9._-] (a cakapd "
                                                   "key's name)"));
  }
  std::string after;  // resume after this id; empty: from the first
  if (!options.page_token.empty()) {
    CAKAP_ASSIGN_OR_RETURN(after, DecodeVacancyListToken(options.page_token));
  }
  const size_t page_size = static_cast<size_t>(
      options.page_size == 0 ? kDefaultVacancyListPageSize : options.page_size);
  const Day today = ToDay(env_.Today());
  return CatchXapian("list vacancies", [&]() -> absl::StatusOr<VacancyPage> {
    ReaderPool::Lease lease = readers_.Acquire();
    const Xapian::Database& db = lease.db();
    VacancyPage page;
    const std::string prefix = schema::kVacancyId;
    // The id terms sort bytewise, so this walks the vacancies in id order; one reader
    // revision per page, and the next page starts after the last id of this one.
    Xapian::TermIterator term = db.allterms_begin(prefix);
    const Xapian::TermIterator end = db.allterms_end(prefix);
    if (!after.empty()) {
      const std::string resume = prefix + after;
      term.skip_to(resume);
      if (term != end && *term == resume) ++term;
    }
    std::string last_id;  // of the last vacancy on the page, as its id term names it
    for (; term != end; ++term) {
      const std::string id_term = *term;
      Xapian::PostingIterator posting = db.postlist_begin(id_term);
      if (posting == db.postlist_end(id_term)) continue;
      v1::Vacancy stored;
      // A damaged record is skipped, as reverse matching skips it; Check reports it.
      if (!ReadVacancy(db, *posting, &stored).ok() ||
          stored.id() != id_term.substr(prefix.size())) {
        continue;
      }
      if (options.open_only && !OpenOn(stored, today)) continue;
      if (!options.owner.empty() && stored.owner() != options.owner) continue;
      if (page.vacancies.size() == page_size) {
        // One more passes: there is a next page, after the last one returned.
        page.next_page_token = EncodeVacancyListToken(last_id);
        break;
      }
      last_id = stored.id();
      page.vacancies.push_back(std::move(stored));
    }
    return page;
  });
}

absl::StatusOr<v1::MatchResult> Engine::Impl::Match(const v1::Vacancy& vacancy,
                                                    const v1::MatchOptions& options) {
  if (options.page_size() < 0 || options.page_size() > kMaxPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: ", options.page_size(), " is outside 0-", kMaxPageSize));
  }
  if (options.near_miss_limit() < 0 || options.near_miss_limit() > kMaxNearMissLimit) {
    return absl::InvalidArgumentError(absl::StrCat(
        "near_miss_limit: ", options.near_miss_limit(), " is outside 0-", kMaxNearMissLimit));
  }
  CAKAP_ASSIGN_OR_RETURN(ResolvedVacancy v, ResolveVacancy(vacancy, env_, false));
  CAKAP_ASSIGN_OR_RETURN(const std::vector<std::string> scope, ResolveScope(options, env_));
  const uint64_t fingerprint = WithScope(
      VacancyFingerprint(v, options.exclude_welfare(), options.coarse_locations()), scope);
  std::optional<PageCursor> cursor;
  if (!options.page_token().empty()) {
    CAKAP_ASSIGN_OR_RETURN(cursor, DecodePageToken(options.page_token()));
    if (cursor->fingerprint != fingerprint || cursor->quota.has_value() != v.HasQuota()) {
      return absl::InvalidArgumentError(
          "page_token: made for another vacancy (or other options); start from the first page");
    }
  }
  return CatchXapian("match", [&]() {
    return WithReader(readers_, [&](Xapian::Database& db, const RecordReader& reader) {
      return RunMatch(db, reader, v, options, scope, cursor, fingerprint, env_);
    });
  });
}

absl::StatusOr<v1::VacancyMatchResult> Engine::Impl::MatchVacancies(absl::string_view worker_id,
                                                                    int limit,
                                                                    bool exclude_welfare,
                                                                    bool coarse_locations) {
  CAKAP_RETURN_IF_ERROR(ValidateId(worker_id, "worker_id"));
  if (limit < 1 || limit > kMaxVacancyLimit) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit: ", limit, " is outside 1-", kMaxVacancyLimit));
  }
  return CatchXapian("match vacancies", [&]() {
    return WithReader(readers_, [&](Xapian::Database& db, const RecordReader& reader)
                                    -> absl::StatusOr<v1::VacancyMatchResult> {
      CAKAP_ASSIGN_OR_RETURN(
          Xapian::docid worker_doc,
          FindDoc(db, WorkerIdTerm(worker_id), absl::StrCat("worker ", worker_id)));
      MatchRecord record;
      CAKAP_RETURN_IF_ERROR(reader.Read(worker_doc, &record));
      v1::Worker worker;
      CAKAP_RETURN_IF_ERROR(reader.ReadWorker(db, worker_doc, &worker));
      // The worker's words and stems: what the index holds for the `keywords` constraint.
      const Xapian::Stem stem("indonesian");
      absl::flat_hash_set<std::string> words, stems;
      for (const std::string& word : WorkerTextWords(worker, env_.lexicon)) {
        stems.insert(stem(word));
        words.insert(word);
      }
      EvaluateOptions eopts;
      eopts.exclude_welfare = exclude_welfare;
      eopts.coarse_locations = coarse_locations;
      Evaluation eval;
      struct VacancyHit {
        int64_t score_micro;
        v1::Vacancy stored;
        ResolvedVacancy resolved;
      };
      std::vector<VacancyHit> found;
      const Day today = ToDay(env_.Today());
      for (auto it = db.postlist_begin(schema::kOpenVacancy);
           it != db.postlist_end(schema::kOpenVacancy); ++it) {
        v1::Vacancy stored;
        // A damaged vacancy is skipped, as a damaged worker in Match; Check reports it.
        if (!ReadVacancy(db, *it, &stored).ok()) continue;
        // Open by its term; closed from the day after its valid_until (OpenOn).
        if (ValidUntilPassed(stored, today)) continue;
        absl::StatusOr<ResolvedVacancy> v = ResolveVacancy(stored, env_, true);
        if (!v.ok()) continue;  // validated on upsert: only a changed lexicon gets here
        eopts.keywords_ok =
            std::all_of(v->keyword_skills.begin(), v->keyword_skills.end(),
                        [&](SkillId s) { return record.HasSkill(s); }) &&
            std::all_of(v->keyword_words.begin(), v->keyword_words.end(),
                        [&](const std::string& w) {
                          return words.contains(w) || stems.contains(stem(w));
                        });
        Evaluate(record, *v, env_, eopts, &eval);
        if (eval.failures > 0) continue;
        found.push_back({eval.score_micro, std::move(stored), *std::move(v)});
      }
      v1::VacancyMatchResult result;
      result.set_total(static_cast<int64_t>(found.size()));
      const size_t n = std::min<size_t>(found.size(), static_cast<size_t>(limit));
      std::partial_sort(found.begin(), found.begin() + n, found.end(),
                        [](const VacancyHit& a, const VacancyHit& b) {
                          return Before(a.score_micro, a.stored.id(), b.score_micro,
                                        b.stored.id());
                        });
      for (size_t i = 0; i < n; ++i) {
        const ResolvedVacancy& v = found[i].resolved;
        eopts.keywords_ok = true;  // it passed above
        Evaluate(record, v, env_, eopts, &eval);
        v1::VacancyHit* out = result.add_vacancies();
        *out->mutable_vacancy() = std::move(found[i].stored);
        out->set_score(MicroToDouble(eval.score_micro));
        out->set_distance_km(eval.distance_km);
        Explain(record, v, env_, eval, exclude_welfare, out->mutable_explanation());
      }
      return result;
    });
  });
}


}  // namespace cakap
