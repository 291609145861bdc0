// The embedded SQL peer: SQLite 3 with FTS5 over the skill codes and an R*Tree over the
// coordinates, answering the benchmark question (peer.h) in one SQL statement per Match.
//
// Schema (one row per worker, one per certificate):
//   workers(wid INTEGER PRIMARY KEY, id, skills ' LAS LAS_SMAW ', lat, lon, region,
//           province, travel_km, relocate, employed, available_from, decile)
//   certificates(worker, seq, issuer, kkni, issued, expires, covers ' LAS LAS_SMAW ')
//   worker_skills: FTS5, external content = workers.skills, rowid = wid
//   worker_geo:    R*Tree (wid, min_lat, max_lat, min_lon, max_lon)
// Dates are days since 1970-01-01. Skill codes are stored as FTS tokens: '.' becomes '_'
// (a token character of the tokenizer), so "LAS_SMAW" is one token and a requirement for
// LAS.SMAW never matches LAS alone.
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "peer.h"
#include "sql_common.h"

namespace cakap {
namespace bench {
namespace {

using cakap_ref::RefVacancy;
using cakap_ref::RefWorker;

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// The FTS token of a skill: its code with '.' as '_' ("LAS.SMAW" -> "LAS_SMAW").
std::string Token(cakap::SkillId id) {
  return absl::StrReplaceAll(sql::SkillCode(id), {{".", "_"}});
}

// A set of skills as stored: tokens between single spaces, with a space at both ends so
// that instr(column, ' LAS ') finds exactly the token LAS. Empty for no skills.
template <typename Container>
std::string TokenList(const Container& ids) {
  if (ids.empty()) return "";
  std::string out = " ";
  for (cakap::SkillId id : ids) absl::StrAppend(&out, Token(id), " ");
  return out;
}

// The values of one generated statement's placeholders ?1, ?2, ... in order.
class Params {
 public:
  // Adds a value; returns its placeholder.
  std::string Add(int64_t v) { return Push(Value{Value::kInt, v, 0, {}}); }
  std::string Add(double v) { return Push(Value{Value::kDouble, 0, v, {}}); }
  std::string Add(std::string v) { return Push(Value{Value::kText, 0, 0, std::move(v)}); }
  // Numbers the placeholders `sql` uses (sql::NumberParams): the text to prepare.
  std::string Finish(const std::string& sql) { return sql::NumberParams(sql, '?', &order_); }
  // Binds the values of the placeholders of Finish()'s text.
  int Bind(sqlite3_stmt* s) const {
    for (size_t i = 0; i < order_.size(); ++i) {
      const int n = static_cast<int>(i + 1);
      const Value& v = values_[order_[i]];
      const int rc = v.kind == Value::kInt ? sqlite3_bind_int64(s, n, v.i)
                     : v.kind == Value::kDouble
                         ? sqlite3_bind_double(s, n, v.d)
                         : sqlite3_bind_text(s, n, v.text.data(), static_cast<int>(v.text.size()),
                                             SQLITE_STATIC);
      if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
  }

 private:
  struct Value {
    enum Kind { kInt, kDouble, kText } kind;
    int64_t i;
    double d;
    std::string text;
  };
  std::string Push(Value v) {
    values_.push_back(std::move(v));
    return sql::ParamMarker(values_.size() - 1);
  }
  std::vector<Value> values_;
  std::vector<size_t> order_;  // value index of ?1, ?2, ...
};

class SqlitePeer : public Peer {
 public:
  explicit SqlitePeer(std::string path) : path_(std::move(path)) { open_status_ = Open(); }

  std::string Name() const override { return "sqlite"; }
  absl::Status Add(absl::Span<const RefWorker> batch) override;
  absl::Status FinishLoad() override;
  absl::StatusOr<PeerAnswer> Match(const RefVacancy& vacancy, int page_size) override;
  absl::StatusOr<std::vector<std::string>> AllCandidates(const RefVacancy& vacancy) override;
  uint64_t SizeBytes() const override {
    std::error_code ec;
    const uintmax_t n = std::filesystem::file_size(path_, ec);
    return ec ? 0 : static_cast<uint64_t>(n);
  }

 private:
  absl::Status Open();
  absl::Status Error(absl::string_view what) const {
    return absl::InternalError(
        absl::StrCat("sqlite ", path_, ": ", what, ": ", sqlite3_errmsg(db_.get())));
  }
  absl::Status Exec(const std::string& sql);
  // The cached prepared statement for `sql`, reset and with bindings cleared.
  absl::StatusOr<sqlite3_stmt*> Prepare(const std::string& sql);
  // SELECT ... FROM workers w WHERE <every hard constraint of v>: columns id and, when
  // `scored`, score (in micro units).
  std::string CandidatesSql(const RefVacancy& v, bool scored, Params* p) const;

  std::string path_;
  Db db_;
  absl::Status open_status_;
  bool loading_ = false, loaded_ = false;
  int64_t next_wid_ = 1;
  std::map<std::string, Stmt> statements_;
};

absl::Status SqlitePeer::Open() {
  if (std::filesystem::exists(path_)) {
    return absl::AlreadyExistsError(absl::StrCat("sqlite peer: ", path_, " already exists"));
  }
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  db_.reset(raw);  // closed even when the open failed
  if (rc != SQLITE_OK) return Error("open");
  // 256 MiB of page cache holds a benchmark database of a few 100k workers whole, so
  // queries do not pay for read() calls; temp_store keeps the sorter of ORDER BY and the
  // materialised IN (SELECT ...) lists in memory. synchronous=OFF: the file is rebuilt
  // from the corpus, a crash during the load loses nothing of value.
  return Exec(
      "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA synchronous = OFF;"
      "CREATE TABLE workers(wid INTEGER PRIMARY KEY, id TEXT NOT NULL, skills TEXT NOT NULL,"
      "  lat REAL NOT NULL, lon REAL NOT NULL, region TEXT, province TEXT,"
      "  travel_km REAL NOT NULL, relocate INTEGER NOT NULL, employed INTEGER NOT NULL,"
      "  available_from INTEGER, decile INTEGER NOT NULL);"
      // Clustered by worker (WITHOUT ROWID, key (worker, seq)): the per-candidate
      // certificate subqueries read one contiguous range and need no second index.
      "CREATE TABLE certificates(worker INTEGER NOT NULL, seq INTEGER NOT NULL,"
      "  issuer INTEGER NOT NULL, kkni INTEGER NOT NULL, issued INTEGER NOT NULL,"
      "  expires INTEGER NOT NULL, covers TEXT NOT NULL, PRIMARY KEY(worker, seq))"
      "  WITHOUT ROWID;");
}

absl::Status SqlitePeer::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    absl::Status s = absl::InternalError(
        absl::StrCat("sqlite ", path_, ": ", err ? err : "?", " in: ", sql.substr(0, 200)));
    sqlite3_free(err);
    return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<sqlite3_stmt*> SqlitePeer::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &raw, nullptr) != SQLITE_OK) {
      return Error(absl::StrCat("prepare ", sql.substr(0, 300)));
    }
    it = statements_.emplace(sql, Stmt(raw)).first;
  }
  sqlite3_reset(it->second.get());
  sqlite3_clear_bindings(it->second.get());
  return it->second.get();
}

absl::Status SqlitePeer::Add(absl::Span<const RefWorker> batch) {
  if (!open_status_.ok()) return open_status_;
  if (loaded_) return absl::FailedPreconditionError("sqlite peer: Add after FinishLoad");
  if (!loading_) {
    // One transaction for the whole load: a commit per row would cost a journal write each.
    if (absl::Status s = Exec("BEGIN"); !s.ok()) return s;
    loading_ = true;
  }
  for (const RefWorker& w : batch) {
    const int64_t wid = next_wid_++;
    absl::StatusOr<sqlite3_stmt*> s =
        Prepare("INSERT INTO workers VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!s.ok()) return s.status();
    const std::string skills = TokenList(w.skills);
    sqlite3_bind_int64(*s, 1, wid);
    sqlite3_bind_text(*s, 2, w.id.data(), static_cast<int>(w.id.size()), SQLITE_STATIC);
    sqlite3_bind_text(*s, 3, skills.data(), static_cast<int>(skills.size()), SQLITE_STATIC);
    sqlite3_bind_double(*s, 4, w.lat);
    sqlite3_bind_double(*s, 5, w.lon);
    // A worker given only by coordinates has no region: NULL never equals a code.
    if (!w.region_code.empty()) {
      sqlite3_bind_text(*s, 6, w.region_code.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(*s, 7, w.province_code.c_str(), -1, SQLITE_STATIC);
    }
    sqlite3_bind_double(*s, 8, w.travel_km);
    sqlite3_bind_int(*s, 9, w.relocate);
    sqlite3_bind_int(*s, 10, w.employed);
    if (w.available_from) sqlite3_bind_int64(*s, 11, sql::EpochDay(*w.available_from));
    sqlite3_bind_int(*s, 12, w.decile);
    if (sqlite3_step(*s) != SQLITE_DONE) return Error(absl::StrCat("insert worker ", w.id));
    for (size_t i = 0; i < w.certs.size(); ++i) {
      const cakap_ref::RefCert& c = w.certs[i];
      s = Prepare("INSERT INTO certificates VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      if (!s.ok()) return s.status();
      const std::string covers = TokenList(c.covers);
      sqlite3_bind_int64(*s, 1, wid);
      sqlite3_bind_int64(*s, 2, static_cast<int64_t>(i));
      sqlite3_bind_int(*s, 3, static_cast<int>(c.issuer));
      sqlite3_bind_int(*s, 4, c.kkni);
      sqlite3_bind_int64(*s, 5, sql::EpochDay(c.issued));
      sqlite3_bind_int64(*s, 6, sql::EpochDay(c.expires));
      sqlite3_bind_text(*s, 7, covers.data(), static_cast<int>(covers.size()), SQLITE_STATIC);
      if (sqlite3_step(*s) != SQLITE_DONE) {
        return Error(absl::StrCat("insert certificate of ", w.id));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status SqlitePeer::FinishLoad() {
  if (!open_status_.ok()) return open_status_;
  if (loaded_) return absl::FailedPreconditionError("sqlite peer: FinishLoad twice");
  if (!loading_) {
    if (absl::Status s = Exec("BEGIN"); !s.ok()) return s;
  }
  // Indexes are built once over the loaded rows (bulk builds beat row-by-row updates).
  // FTS5: external content (the index only, the text stays in workers.skills), detail=none
  // (we need "which rows hold this token", never positions). '_' joins a code's parts.
  absl::Status s = Exec(
      "CREATE VIRTUAL TABLE worker_skills USING fts5(skills, content='workers',"
      "  content_rowid='wid', tokenize=\"unicode61 tokenchars '_'\", detail=none);"
      "INSERT INTO worker_skills(worker_skills) VALUES ('rebuild');"
      "INSERT INTO worker_skills(worker_skills) VALUES ('optimize');"
      "CREATE VIRTUAL TABLE worker_geo USING rtree(wid, min_lat, max_lat, min_lon, max_lon);"
      "INSERT INTO worker_geo SELECT wid, lat, lat, lon, lon FROM workers ORDER BY wid;"
      "CREATE UNIQUE INDEX workers_id ON workers(id);"
      "CREATE INDEX workers_region ON workers(region);"
      "CREATE INDEX workers_province ON workers(province);"
      "COMMIT; ANALYZE;");
  if (!s.ok()) return s;
  loading_ = false;
  loaded_ = true;
  return absl::OkStatus();
}

std::string SqlitePeer::CandidatesSql(const RefVacancy& v, bool scored, Params* p) const {
  const cakap::RankingWeights& W = sql::Weights();
  std::vector<std::string> where;
  const std::string start = p->Add(sql::EpochDay(v.start));

  // required_skill: the FTS index yields the workers holding every required token.
  std::vector<std::string> required;  // ' LAS_SMAW ' placeholders, for instr()
  if (!v.required.empty()) {
    std::vector<std::string> quoted;
    for (cakap::SkillId id : v.required) {
      quoted.push_back(absl::StrCat("\"", Token(id), "\""));
      required.push_back(p->Add(absl::StrCat(" ", Token(id), " ")));
    }
    where.push_back(
        absl::StrCat("w.wid IN (SELECT rowid FROM worker_skills WHERE worker_skills MATCH ",
                     p->Add(absl::StrJoin(quoted, " AND ")), ")"));
  }
  std::vector<std::string> preferred;
  for (cakap::SkillId id : v.preferred) {
    preferred.push_back(p->Add(absl::StrCat(" ", Token(id), " ")));
  }
  // "Some token of `list` is in `column`".
  auto any_of = [](const std::string& column, const std::vector<std::string>& list) {
    std::vector<std::string> terms;
    for (const std::string& t : list) terms.push_back(absl::StrCat("instr(", column, ", ", t, ")"));
    return absl::StrCat("(", absl::StrJoin(terms, " OR "), ")");
  };

  // Haversine exactly as RefHaversineKm (same operations in the same order, so the same
  // doubles): R = 6371.0 km, degrees times the same radians-per-degree constant.
  std::string d = "0.0";
  if (v.has_point) {
    const std::string vlat = p->Add(v.lat), vlon = p->Add(v.lon);
    const std::string rad = p->Add(sql::kRadiansPerDegree);
    const std::string s1 =
        absl::StrCat("sin((w.lat * ", rad, " - ", vlat, " * ", rad, ") / 2)");
    const std::string s2 =
        absl::StrCat("sin((w.lon * ", rad, " - ", vlon, " * ", rad, ") / 2)");
    d = absl::StrCat("(2 * 6371.0 * asin(sqrt(min(1.0, ", s1, " * ", s1, " + cos(", vlat, " * ",
                     rad, ") * cos(w.lat * ", rad, ") * ", s2, " * ", s2, "))))");
    if (v.radius_km > 0) {
      // The R*Tree narrows to the radius' bounding box (1 km wider: its coordinates are
      // 32-bit floats); the exact distance decides.
      const sql::GeoBox box = sql::BoundingBox(v.lat, v.lon, v.radius_km, 1.0);
      std::string geo =
          absl::StrCat("SELECT wid FROM worker_geo WHERE max_lat >= ", p->Add(box.lat_lo),
                       " AND min_lat <= ", p->Add(box.lat_hi));
      if (!box.all_lon) {
        absl::StrAppend(&geo, " AND max_lon >= ", p->Add(box.lon_lo),
                        " AND min_lon <= ", p->Add(box.lon_hi));
      }
      where.push_back(absl::StrCat("w.wid IN (", geo, ")"));
      where.push_back(absl::StrCat(d, " <= ", p->Add(v.radius_km)));
    }
    where.push_back(absl::StrCat("(w.relocate OR ", d, " <= w.travel_km)"));
  }
  if (!v.region_codes.empty()) {
    std::vector<std::string> codes;
    for (const std::string& c : v.region_codes) codes.push_back(p->Add(c));
    const std::string list = absl::StrJoin(codes, ", ");
    where.push_back(absl::StrCat("(w.region IN (", list, ") OR w.province IN (", list, "))"));
  }
  if (!v.include_employed) {
    where.push_back(
        absl::StrCat("(CASE WHEN w.available_from IS NULL THEN NOT w.employed"
                     " ELSE w.available_from <= ",
                     start, " END)"));
  }
  // Certificate conditions shared by the constraint and the score.
  const std::string valid =
      absl::StrCat("c.worker = w.wid AND c.issued <= ", start, " AND c.expires >= ", start);
  std::string accepted;
  if (!v.accepted.empty()) {
    std::vector<std::string> issuers;
    for (auto i : v.accepted) issuers.push_back(p->Add(static_cast<int64_t>(i)));
    accepted = absl::StrCat(" AND c.issuer IN (", absl::StrJoin(issuers, ", "),
                            ") AND c.kkni >= ", p->Add(static_cast<int64_t>(v.min_kkni)));
    where.push_back(absl::StrCat(
        "EXISTS (SELECT 1 FROM certificates c WHERE ", valid, accepted, " AND ",
        required.empty() ? std::string("c.covers <> ''") : any_of("c.covers", required), ")"));
  }
  std::string sql = "SELECT w.id";
  if (scored) {
    // Each component rounded to micro units. SQLite's round(x) is (double)(int64)(x + 0.5)
    // for x >= 0: half away from zero like std::llround, for every x of ours (>= 0, far
    // below 2^52) except the single double 0.5 - 2^-54.
    std::string preferred_micro = "0";
    if (!preferred.empty()) {
      std::vector<std::string> held;
      for (const std::string& t : preferred)
        held.push_back(absl::StrCat("(instr(w.skills, ", t, ") > 0)"));
      preferred_micro = absl::StrCat(
          "CAST(round(", p->Add(W.preferred_skills), " * (", absl::StrJoin(held, " + "), ") / ",
          p->Add(static_cast<double>(preferred.size())), " * 1e6) AS INTEGER)");
    }
    const std::string covers = !required.empty()    ? any_of("c.covers", required)
                               : !preferred.empty() ? any_of("c.covers", preferred)
                                                    : std::string("c.covers <> ''");
    const std::string strength =
        absl::StrCat("(CASE c.issuer WHEN 1 THEN ", p->Add(W.tier_bnsp), " WHEN 2 THEN ",
                     p->Add(W.tier_kemnaker), " ELSE ", p->Add(W.tier_other),
                     " END) * (0.5 + c.kkni / 18.0)", " * min(1.0, 0.5 + 0.5 * (c.expires - ",
                     start, ") / ", p->Add(static_cast<double>(W.full_validity_days)), ")");
    const std::string certificate_micro =
        absl::StrCat("coalesce(CAST(round(", p->Add(W.certificate), " * (SELECT max(", strength,
                     ") FROM certificates c WHERE ", valid, accepted, " AND ", covers,
                     ") * 1e6) AS INTEGER), 0)");
    const std::string distance_micro =
        v.has_point ? absl::StrCat("CAST(round(", p->Add(W.distance), " * pow(2.0, -", d, " / ",
                                   p->Add(W.distance_half_life_km), ") * 1e6) AS INTEGER)")
                    : std::string("0");
    const std::string welfare_micro =
        absl::StrCat("(CASE WHEN w.decile BETWEEN 1 AND 10 THEN CAST(round(", p->Add(W.welfare),
                     " * (11 - w.decile) / 10.0 * 1e6) AS INTEGER) ELSE 0 END)");
    absl::StrAppend(&sql, ", ", preferred_micro, " + ", certificate_micro, " + ", distance_micro,
                    " + ", welfare_micro, " AS score");
  }
  absl::StrAppend(&sql, " FROM workers w WHERE ",
                  where.empty() ? std::string("1") : absl::StrJoin(where, " AND "));
  return sql;
}

absl::StatusOr<PeerAnswer> SqlitePeer::Match(const RefVacancy& vacancy, int page_size) {
  if (!loaded_) return absl::FailedPreconditionError("sqlite peer: Match before FinishLoad");
  if (absl::Status s = sql::CheckAnswerable(vacancy); !s.ok()) return s;
  if (page_size < 0) return absl::InvalidArgumentError("sqlite peer: negative page_size");
  Params p;
  const std::string candidates = CandidatesSql(vacancy, /*scored=*/true, &p);
  // count(*) OVER () is computed over every candidate before LIMIT: the exact total in
  // the same statement. LIMIT at least 1 so that the total is seen even for page_size 0.
  const std::string sql = p.Finish(absl::StrCat("SELECT id, score, count(*) OVER () FROM (",
                                                candidates, ") ORDER BY score DESC, id LIMIT ",
                                                p.Add(int64_t{std::max(page_size, 1)})));
  absl::StatusOr<sqlite3_stmt*> s = Prepare(sql);
  if (!s.ok()) return s.status();
  if (p.Bind(*s) != SQLITE_OK) return Error("bind");
  PeerAnswer answer;
  int rc;
  while ((rc = sqlite3_step(*s)) == SQLITE_ROW) {
    answer.total = sqlite3_column_int64(*s, 2);
    if (static_cast<int>(answer.top.size()) == page_size) continue;
    PeerHit hit;
    hit.id = reinterpret_cast<const char*>(sqlite3_column_text(*s, 0));
    hit.score_micro = sqlite3_column_int64(*s, 1);
    answer.top.push_back(std::move(hit));
  }
  if (rc != SQLITE_DONE) return Error("match query");
  return answer;
}

absl::StatusOr<std::vector<std::string>> SqlitePeer::AllCandidates(const RefVacancy& vacancy) {
  if (!loaded_) return absl::FailedPreconditionError("sqlite peer: query before FinishLoad");
  if (absl::Status s = sql::CheckAnswerable(vacancy); !s.ok()) return s;
  Params p;
  const std::string sql = p.Finish(CandidatesSql(vacancy, /*scored=*/false, &p) + " ORDER BY w.id");
  absl::StatusOr<sqlite3_stmt*> s = Prepare(sql);
  if (!s.ok()) return s.status();
  if (p.Bind(*s) != SQLITE_OK) return Error("bind");
  std::vector<std::string> ids;
  int rc;
  while ((rc = sqlite3_step(*s)) == SQLITE_ROW) {
    ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(*s, 0)));
  }
  if (rc != SQLITE_DONE) return Error("candidates query");
  return ids;
}

}  // namespace

std::unique_ptr<Peer> NewSqlitePeer(const std::string& path) {
  return std::make_unique<SqlitePeer>(path);
}

}  // namespace bench
}  // namespace cakap
