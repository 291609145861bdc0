// The client/server SQL peer: PostgreSQL 15 + PostGIS 3 through libpq, answering the
// benchmark question (peer.h) with one prepared statement per Match.
//
// Schema:
//   workers(wid int PK, id text COLLATE "C", skills text[] (GIN), geog geography(Point)
//           (GiST), lat, lon, region, province, travel_km, relocate, employed,
//           available_from date, decile)
//   certificates(wid, issuer, level, issued, expires, covers text[])
//           (btree on wid and on expires, GIN on covers)
// Query: skills @> required (GIN), ST_DWithin on the GiST index with a small margin, then
// the exact haversine (R = 6371.0 km) in SQL, an EXISTS over certificates, the score in
// SQL, count(*) OVER () for the exact total, ORDER BY score DESC, id LIMIT page_size.
#include <libpq-fe.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "peer.h"
#include "sql_common.h"

namespace cakap {
namespace bench {
namespace {

using cakap_ref::RefVacancy;
using cakap_ref::RefWorker;

struct ConnCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultClearer {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Conn = std::unique_ptr<PGconn, ConnCloser>;
using Result = std::unique_ptr<PGresult, ResultClearer>;

std::string Day(absl::CivilDay d) { return absl::FormatCivilTime(d); }

// A PostgreSQL array literal of strings: {"a","b"} (elements quoted, '"' and '\' escaped).
std::string ArrayLiteral(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

template <typename Container>
std::string SkillArray(const Container& ids) {
  std::vector<std::string> codes;
  for (cakap::SkillId id : ids) codes.push_back(sql::SkillCode(id));
  return ArrayLiteral(codes);
}

// Appends a field of COPY's text format: '\', tab, newline and CR escaped; "\N" is NULL.
void CopyField(const std::string& value, std::string* out) {
  for (char c : value) {
    switch (c) {
      case '\\':
        *out += "\\\\";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        *out += c;
    }
  }
}

// Text values of one generated statement's parameters $1, $2, ... Every placeholder
// carries its type: untyped parameters would be inferred from context (text in a CASE).
class Params {
 public:
  std::string Add(std::string value, const char* type) {
    values_.push_back(std::move(value));
    return absl::StrCat(sql::ParamMarker(values_.size() - 1), "::", type);
  }
  std::string Double(double v) { return Add(sql::ExactDouble(v), "float8"); }
  std::string Int(int64_t v) { return Add(absl::StrCat(v), "int8"); }
  // Numbers the placeholders `sql` uses (sql::NumberParams): the text to prepare.
  std::string Finish(const std::string& sql) { return sql::NumberParams(sql, '$', &order_); }
  // The values of $1, $2, ... of Finish()'s text.
  std::vector<const char*> Values() const {
    std::vector<const char*> out;
    for (size_t k : order_) out.push_back(values_[k].c_str());
    return out;
  }

 private:
  std::vector<std::string> values_;
  std::vector<size_t> order_;
};

// A component rounded to micro units, half away from zero like std::llround. The values
// are >= 0 (and far below 2^52), where floor(x + 0.5) is exactly llround(x) except for
// the single double 0.5 - 2^-54. round() of a float8 rounds half to even instead, and
// round(x::numeric) would first cut x to 15 significant digits (float8 -> numeric), which
// can move a value just below .5 onto it.
std::string Micro(const std::string& expr) {
  return absl::StrCat("floor(", expr, " * 1e6::float8 + 0.5::float8)::int8");
}

class PostgresPeer : public Peer {
 public:
  explicit PostgresPeer(const std::string& conninfo) { open_status_ = Open(conninfo); }

  std::string Name() const override { return "postgres"; }
  absl::Status Add(absl::Span<const RefWorker> batch) override;
  absl::Status FinishLoad() override;
  absl::StatusOr<PeerAnswer> Match(const RefVacancy& vacancy, int page_size) override;
  absl::StatusOr<std::vector<std::string>> AllCandidates(const RefVacancy& vacancy) override;
  uint64_t SizeBytes() const override;

 private:
  absl::Status Open(const std::string& conninfo);
  absl::Status Error(absl::string_view what, const PGresult* r = nullptr) const {
    return absl::InternalError(
        absl::StrCat("postgres: ", what, ": ",
                     r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn_.get())));
  }
  // Runs `sql` (one or more statements without parameters).
  absl::Status Exec(const std::string& sql);
  // COPY `table_columns` FROM STDIN with the rows in `data` (COPY text format).
  absl::Status Copy(const std::string& table_columns, const std::string& data);
  // Prepares `sql` once (the name is cached by text) and executes it with `p`.
  // `sql` must be Finish()ed by `p`.
  absl::StatusOr<Result> Run(const std::string& sql, const Params& p);
  // SELECT ... FROM workers w WHERE <every hard constraint of v>: columns id and, when
  // `scored`, score (in micro units).
  std::string CandidatesSql(const RefVacancy& v, bool scored, Params* p) const;

  Conn conn_;
  absl::Status open_status_;
  bool loaded_ = false;
  int64_t next_wid_ = 1;
  std::map<std::string, std::string> prepared_;  // SQL text -> statement name
};

absl::Status PostgresPeer::Open(const std::string& conninfo) {
  conn_.reset(PQconnectdb(conninfo.c_str()));
  if (conn_ == nullptr) return absl::InternalError("postgres: out of memory connecting");
  if (PQstatus(conn_.get()) != CONNECTION_OK) return Error("connect");
  // client_min_messages: no NOTICEs on stderr ("table ... does not exist, skipping").
  // force_custom_plan: the best plan depends on the values (a rare or a common skill, 10
  // or 200 km) and a generic plan of a prepared statement cannot see them; planning is
  // cheap next to execution. jit=off: JIT compilation costs tens of milliseconds and
  // would start on the larger national queries, whose execution is shorter than that.
  absl::Status s = Exec(
      "SET client_min_messages = warning; SET plan_cache_mode = force_custom_plan;"
      "SET jit = off;"
      "CREATE EXTENSION IF NOT EXISTS postgis;");
  if (!s.ok()) return s;
  // The load is one transaction that also creates the tables: COPY ... FREEZE then writes
  // the rows frozen and all-visible (no hint-bit rewrite or VACUUM after the load), and
  // with wal_level=minimal (scripts/bench-postgres.sh) it skips WAL entirely.
  return Exec(
      "BEGIN;"
      "DROP TABLE IF EXISTS certificates, workers;"
      "CREATE TABLE workers (wid integer NOT NULL, id text COLLATE \"C\" NOT NULL,"
      "  skills text[] NOT NULL, geog geography(Point, 4326) NOT NULL,"
      "  lat float8 NOT NULL, lon float8 NOT NULL, region text, province text,"
      "  travel_km float8 NOT NULL, relocate boolean NOT NULL, employed boolean NOT NULL,"
      "  available_from date, decile smallint NOT NULL);"
      "CREATE TABLE certificates (wid integer NOT NULL, issuer smallint NOT NULL,"
      "  level smallint NOT NULL, issued date NOT NULL, expires date NOT NULL,"
      "  covers text[] NOT NULL);");
}

absl::Status PostgresPeer::Exec(const std::string& sql) {
  Result r(PQexec(conn_.get(), sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK && PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
    return Error(sql.substr(0, 120), r.get());
  }
  return absl::OkStatus();
}

absl::Status PostgresPeer::Copy(const std::string& table_columns, const std::string& data) {
  const std::string sql = absl::StrCat("COPY ", table_columns, " FROM STDIN WITH (FREEZE)");
  Result r(PQexec(conn_.get(), sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_COPY_IN) return Error(sql, r.get());
  constexpr size_t kChunk = 1 << 20;
  for (size_t i = 0; i < data.size(); i += kChunk) {
    const size_t n = std::min(kChunk, data.size() - i);
    if (PQputCopyData(conn_.get(), data.data() + i, static_cast<int>(n)) != 1) {
      return Error(absl::StrCat(sql, ": sending rows"));
    }
  }
  if (PQputCopyEnd(conn_.get(), nullptr) != 1) return Error(absl::StrCat(sql, ": end"));
  absl::Status status;
  while (PGresult* raw = PQgetResult(conn_.get())) {
    Result done(raw);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && status.ok()) status = Error(sql, raw);
  }
  return status;
}

absl::Status PostgresPeer::Add(absl::Span<const RefWorker> batch) {
  if (!open_status_.ok()) return open_status_;
  if (loaded_) return absl::FailedPreconditionError("postgres peer: Add after FinishLoad");
  std::string workers, certs;
  for (const RefWorker& w : batch) {
    const std::string wid = absl::StrCat(next_wid_++);
    const std::string point = absl::StrCat("SRID=4326;POINT(", sql::ExactDouble(w.lon), " ",
                                           sql::ExactDouble(w.lat), ")");
    // A worker given only by coordinates has no region: NULL never equals a code.
    const bool has_region = !w.region_code.empty();
    absl::StrAppend(&workers, wid, "\t");
    CopyField(w.id, &workers);
    absl::StrAppend(&workers, "\t");
    CopyField(SkillArray(w.skills), &workers);
    absl::StrAppend(&workers, "\t", point, "\t", sql::ExactDouble(w.lat), "\t",
                    sql::ExactDouble(w.lon), "\t");
    if (has_region)
      CopyField(w.region_code, &workers);
    else
      workers += "\\N";
    workers += '\t';
    if (has_region)
      CopyField(w.province_code, &workers);
    else
      workers += "\\N";
    absl::StrAppend(&workers, "\t", sql::ExactDouble(w.travel_km), "\t", w.relocate ? "t" : "f",
                    "\t", w.employed ? "t" : "f", "\t",
                    w.available_from ? Day(*w.available_from) : "\\N", "\t", w.decile, "\n");
    for (const cakap_ref::RefCert& c : w.certs) {
      absl::StrAppend(&certs, wid, "\t", static_cast<int>(c.issuer), "\t", c.kkni, "\t",
                      Day(c.issued), "\t", Day(c.expires), "\t");
      CopyField(SkillArray(c.covers), &certs);
      certs += '\n';
    }
  }
  absl::Status s = Copy(
      "workers (wid, id, skills, geog, lat, lon, region, province, travel_km, relocate,"
      " employed, available_from, decile)",
      workers);
  if (!s.ok()) return s;
  return Copy("certificates (wid, issuer, level, issued, expires, covers)", certs);
}

absl::Status PostgresPeer::FinishLoad() {
  if (!open_status_.ok()) return open_status_;
  if (loaded_) return absl::FailedPreconditionError("postgres peer: FinishLoad twice");
  // Indexes after the load: one sorted build each instead of row-by-row maintenance.
  absl::Status s = Exec(
      "COMMIT;"
      "ALTER TABLE workers ADD PRIMARY KEY (wid);"
      "CREATE UNIQUE INDEX workers_id ON workers (id);"
      "CREATE INDEX workers_skills ON workers USING gin (skills);"
      "CREATE INDEX workers_geog ON workers USING gist (geog);"
      "CREATE INDEX workers_region ON workers (region);"
      "CREATE INDEX workers_province ON workers (province);"
      "CREATE INDEX certificates_wid ON certificates (wid);"
      "CREATE INDEX certificates_expires ON certificates (expires);"
      // Without it the planner may drive the certificate EXISTS through the expires index,
      // which matches most certificates; covers && required is the selective condition.
      "CREATE INDEX certificates_covers ON certificates USING gin (covers);"
      "ANALYZE workers, certificates;");
  if (!s.ok()) return s;
  loaded_ = true;
  return absl::OkStatus();
}

uint64_t PostgresPeer::SizeBytes() const {
  if (!open_status_.ok()) return 0;
  // Tables with their indexes and TOAST.
  Result r(PQexec(conn_.get(),
                  "SELECT pg_total_relation_size('workers') + "
                  "pg_total_relation_size('certificates')"));
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) != 1) return 0;
  return std::strtoull(PQgetvalue(r.get(), 0, 0), nullptr, 10);
}

absl::StatusOr<Result> PostgresPeer::Run(const std::string& sql, const Params& p) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    const std::string name = absl::StrCat("cakap_q", prepared_.size());
    Result r(PQprepare(conn_.get(), name.c_str(), sql.c_str(), 0, nullptr));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
      return Error(absl::StrCat("prepare ", sql.substr(0, 300)), r.get());
    }
    it = prepared_.emplace(sql, name).first;
  }
  const std::vector<const char*> values = p.Values();
  Result r(PQexecPrepared(conn_.get(), it->second.c_str(), static_cast<int>(values.size()),
                          values.data(), nullptr, nullptr, 0));
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
    return Error(absl::StrCat("execute ", sql.substr(0, 300)), r.get());
  }
  return r;
}

std::string PostgresPeer::CandidatesSql(const RefVacancy& v, bool scored, Params* p) const {
  const cakap::RankingWeights& W = sql::Weights();
  std::vector<std::string> where;
  const std::string start = p->Add(Day(v.start), "date");
  const std::string required = v.required.empty() ? "" : p->Add(SkillArray(v.required), "text[]");
  const std::string preferred =
      v.preferred.empty() ? "" : p->Add(SkillArray(v.preferred), "text[]");
  if (!v.required.empty()) where.push_back(absl::StrCat("w.skills @> ", required));

  // Haversine exactly as RefHaversineKm (same float8 operations in the same order, so the
  // same doubles): R = 6371.0 km, degrees times the same radians-per-degree constant.
  std::string d;
  if (v.has_point) {
    const std::string vlat = p->Double(v.lat), vlon = p->Double(v.lon);
    const std::string rad = p->Double(sql::kRadiansPerDegree);
    const std::string s1 =
        absl::StrCat("sin((w.lat * ", rad, " - ", vlat, " * ", rad, ") / 2::float8)");
    const std::string s2 =
        absl::StrCat("sin((w.lon * ", rad, " - ", vlon, " * ", rad, ") / 2::float8)");
    d = absl::StrCat("(2::float8 * 6371.0::float8 * asin(sqrt(least(1.0::float8, ", s1, " * ",
                     s1, " + cos(", vlat, " * ", rad, ") * cos(w.lat * ", rad, ") * ", s2, " * ",
                     s2, "))))");
    if (v.radius_km > 0) {
      // The GiST index narrows by PostGIS' own sphere (radius 6371008.8 m, not 6371.0 km)
      // plus 0.1% + 10 m so that it never drops a point the exact distance keeps.
      const double radius_m = v.radius_km * 1000;
      where.push_back(absl::StrCat("ST_DWithin(w.geog, ST_SetSRID(ST_MakePoint(", vlon, ", ", vlat,
                                   "), 4326)::geography, ", p->Double(radius_m * 1.001 + 10),
                                   ", false)"));
      where.push_back(absl::StrCat(d, " <= ", p->Double(v.radius_km)));
    }
    where.push_back(absl::StrCat("(w.relocate OR ", d, " <= w.travel_km)"));
  }
  if (!v.region_codes.empty()) {
    const std::string codes = p->Add(ArrayLiteral(v.region_codes), "text[]");
    where.push_back(absl::StrCat("(w.region = ANY(", codes, ") OR w.province = ANY(", codes, "))"));
  }
  if (!v.include_employed) {
    where.push_back(
        absl::StrCat("(CASE WHEN w.available_from IS NULL THEN NOT w.employed"
                     " ELSE w.available_from <= ",
                     start, " END)"));
  }
  // Certificate conditions shared by the constraint and the score.
  const std::string valid =
      absl::StrCat("c.wid = w.wid AND c.issued <= ", start, " AND c.expires >= ", start);
  std::string accepted;
  if (!v.accepted.empty()) {
    std::vector<std::string> issuers;
    for (auto i : v.accepted) issuers.push_back(absl::StrCat(static_cast<int>(i)));
    accepted = absl::StrCat(" AND c.issuer = ANY(",
                            p->Add(absl::StrCat("{", absl::StrJoin(issuers, ","), "}"), "int2[]"),
                            ") AND c.level >= ", p->Int(v.min_kkni));
    where.push_back(absl::StrCat("EXISTS (SELECT 1 FROM certificates c WHERE ", valid, accepted,
                                 " AND ",
                                 v.required.empty() ? std::string("cardinality(c.covers) > 0")
                                                    : absl::StrCat("c.covers && ", required),
                                 ")"));
  }
  std::string sql = "SELECT w.id";
  if (scored) {
    // Each component mirrors the C++ of the reference operation by operation.
    const std::string preferred_micro =
        v.preferred.empty()
            ? std::string("0")
            : Micro(absl::StrCat(p->Double(W.preferred_skills), " * (SELECT count(*) FROM unnest(",
                                 preferred, ") AS p(code) WHERE p.code = ANY(w.skills))::float8 / ",
                                 p->Double(static_cast<double>(v.preferred.size()))));
    const std::string covers = !v.required.empty()    ? absl::StrCat("c.covers && ", required)
                               : !v.preferred.empty() ? absl::StrCat("c.covers && ", preferred)
                                                      : std::string("cardinality(c.covers) > 0");
    const std::string strength = absl::StrCat(
        "(CASE c.issuer WHEN 1 THEN ", p->Double(W.tier_bnsp), " WHEN 2 THEN ",
        p->Double(W.tier_kemnaker), " ELSE ", p->Double(W.tier_other),
        " END) * (0.5::float8 + c.level::float8 / 18::float8)"
        " * least(1::float8, 0.5::float8 + 0.5::float8 * (c.expires - ",
        start, ")::float8 / ", p->Double(static_cast<double>(W.full_validity_days)), ")");
    const std::string certificate_micro = absl::StrCat(
        "coalesce(",
        Micro(absl::StrCat(p->Double(W.certificate), " * (SELECT max(", strength,
                           ") FROM certificates c WHERE ", valid, accepted, " AND ", covers, ")")),
        ", 0)");
    const std::string distance_micro =
        v.has_point ? Micro(absl::StrCat(p->Double(W.distance), " * power(2::float8, -", d, " / ",
                                         p->Double(W.distance_half_life_km), ")"))
                    : std::string("0");
    const std::string welfare_micro = absl::StrCat(
        "(CASE WHEN w.decile BETWEEN 1 AND 10 THEN ",
        Micro(absl::StrCat(p->Double(W.welfare), " * (11 - w.decile)::float8 / 10::float8")),
        " ELSE 0 END)");
    absl::StrAppend(&sql, ", ", preferred_micro, " + ", certificate_micro, " + ", distance_micro,
                    " + ", welfare_micro, " AS score");
  }
  absl::StrAppend(&sql, " FROM workers w WHERE ",
                  where.empty() ? std::string("true") : absl::StrJoin(where, " AND "));
  return sql;
}

absl::StatusOr<PeerAnswer> PostgresPeer::Match(const RefVacancy& vacancy, int page_size) {
  if (!loaded_) return absl::FailedPreconditionError("postgres peer: Match before FinishLoad");
  if (absl::Status s = sql::CheckAnswerable(vacancy); !s.ok()) return s;
  if (page_size < 0) return absl::InvalidArgumentError("postgres peer: negative page_size");
  Params p;
  const std::string candidates = CandidatesSql(vacancy, /*scored=*/true, &p);
  // count(*) OVER () runs over every candidate before LIMIT: the exact total in the same
  // statement. LIMIT at least 1 so that the total is seen even for page_size 0.
  const std::string sql = p.Finish(absl::StrCat("SELECT id, score, count(*) OVER () FROM (",
                                                candidates, ") AS s ORDER BY score DESC, id LIMIT ",
                                                p.Int(std::max(page_size, 1))));
  absl::StatusOr<Result> r = Run(sql, p);
  if (!r.ok()) return r.status();
  PeerAnswer answer;
  const int rows = PQntuples(r->get());
  if (rows > 0) answer.total = std::strtoll(PQgetvalue(r->get(), 0, 2), nullptr, 10);
  for (int i = 0; i < std::min(rows, page_size); ++i) {
    answer.top.push_back(
        PeerHit{PQgetvalue(r->get(), i, 0), std::strtoll(PQgetvalue(r->get(), i, 1), nullptr, 10)});
  }
  return answer;
}

absl::StatusOr<std::vector<std::string>> PostgresPeer::AllCandidates(const RefVacancy& vacancy) {
  if (!loaded_) return absl::FailedPreconditionError("postgres peer: query before FinishLoad");
  if (absl::Status s = sql::CheckAnswerable(vacancy); !s.ok()) return s;
  Params p;
  const std::string sql = p.Finish(CandidatesSql(vacancy, /*scored=*/false, &p) + " ORDER BY w.id");
  absl::StatusOr<Result> r = Run(sql, p);
  if (!r.ok()) return r.status();
  std::vector<std::string> ids;
  for (int i = 0; i < PQntuples(r->get()); ++i) ids.emplace_back(PQgetvalue(r->get(), i, 0));
  return ids;
}

}  // namespace

std::unique_ptr<Peer> NewPostgresPeer(const std::string& conninfo) {
  return std::make_unique<PostgresPeer>(conninfo);
}

}  // namespace bench
}  // namespace cakap
