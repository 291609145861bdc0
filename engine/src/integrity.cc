#include "integrity.h"

#include <array>
#include <cstring>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"
#include "record.h"
#include "schema.h"
#include "xapian_status.h"

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

namespace cakap {
namespace {

// Reflected Castagnoli polynomial.
constexpr uint32_t kPoly = 0x82F63B78u;

std::array<uint32_t, 256> MakeTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ kPoly : c >> 1;
    table[i] = c;
  }
  return table;
}

uint32_t Crc32cTable(const unsigned char* p, size_t n, uint32_t crc) {
  static const std::array<uint32_t, 256> kTable = MakeTable();
  for (size_t i = 0; i < n; ++i) crc = kTable[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) uint32_t Crc32cHardware(const unsigned char* p, size_t n,
                                                          uint32_t crc) {
  uint64_t c = crc;
  for (; n >= 8; n -= 8, p += 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    c = _mm_crc32_u64(c, word);
  }
  uint32_t c32 = static_cast<uint32_t>(c);
  for (; n > 0; --n, ++p) c32 = _mm_crc32_u8(c32, *p);
  return c32;
}
const bool kHaveSse42 = __builtin_cpu_supports("sse4.2");
#endif

// Slot layout: a format byte, then CRC32C(data) and CRC32C(record), little-endian.
constexpr char kChecksumFormat = 1;
constexpr size_t kChecksumSize = 9;

uint32_t LoadLe32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

void AppendLe32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

Integrity Verify(absl::string_view slot, size_t offset, absl::string_view bytes) {
  if (slot.empty()) return Integrity::kUnchecked;
  if (slot.size() != kChecksumSize || slot[0] != kChecksumFormat) return Integrity::kCorrupt;
  return LoadLe32(slot.data() + offset) == Crc32c(bytes) ? Integrity::kVerified
                                                          : Integrity::kCorrupt;
}

}  // namespace

uint32_t Crc32c(absl::string_view data, uint32_t crc) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  crc = ~crc;
#if defined(__x86_64__)
  crc = kHaveSse42 ? Crc32cHardware(p, data.size(), crc) : Crc32cTable(p, data.size(), crc);
#else
  crc = Crc32cTable(p, data.size(), crc);
#endif
  return ~crc;
}

std::string EncodeChecksums(absl::string_view data, absl::string_view record) {
  std::string out(1, kChecksumFormat);
  AppendLe32(Crc32c(data), &out);
  AppendLe32(Crc32c(record), &out);
  return out;
}

Integrity VerifyData(absl::string_view slot, absl::string_view data) {
  return Verify(slot, 1, data);
}
Integrity VerifyRecord(absl::string_view slot, absl::string_view record) {
  return Verify(slot, 5, record);
}

absl::Status RecordDataLoss(absl::string_view kind, absl::string_view id,
                            absl::string_view what) {
  return absl::DataLossError(absl::StrCat(kind, " ", id, ": ", what, " fails its checksum"));
}

namespace {

// The id of a document's first term with `prefix` ("" when none).
std::string IdTerm(const Xapian::Document& doc, const std::string& prefix) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(prefix);
  if (it == doc.termlist_end()) return "";
  const std::string term = *it;
  return term.compare(0, prefix.size(), prefix) == 0 ? term.substr(prefix.size()) : "";
}

void CheckDocument(const Xapian::Database& db, Xapian::docid docid,
                   std::vector<std::string>* problems) {
  const Xapian::Document doc = db.get_document(docid);
  if (const std::string ledger_id = IdTerm(doc, schema::kLedgerId); !ledger_id.empty()) {
    // A ledger entry: its checksum, and its id term against the entry it holds.
    const std::string where = absl::StrCat("ledger entry ", ledger_id);
    const std::string data = doc.get_data();
    v1::LedgerEntry entry;
    if (VerifyData(doc.get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt) {
      problems->push_back(absl::StrCat(where, ": stored record fails its checksum"));
    } else if (!entry.ParseFromString(data)) {
      problems->push_back(absl::StrCat(where, ": stored record does not parse"));
    } else if (absl::StrCat(entry.worker_id(), " ", absl::Dec(entry.seq(), absl::kZeroPad12)) !=
               ledger_id) {
      problems->push_back(absl::StrCat(where, ": stored entry is worker ", entry.worker_id(),
                                       "'s entry ", entry.seq()));
    }
    return;
  }
  const std::string worker_id = IdTerm(doc, schema::kWorkerId);
  const std::string vacancy_id = IdTerm(doc, schema::kVacancyId);
  const bool worker = !worker_id.empty();
  const std::string kind = worker ? "worker" : "vacancy";
  const std::string& id = worker ? worker_id : vacancy_id;
  if (id.empty()) {
    problems->push_back(absl::StrCat("document ", docid, ": no worker or vacancy id term"));
    return;
  }
  const std::string where = absl::StrCat(kind, " ", id);
  const std::string id_term = (worker ? schema::kWorkerId : schema::kVacancyId) + id;
  if (db.get_termfreq(id_term) != 1) {
    problems->push_back(absl::StrCat(where, ": ", db.get_termfreq(id_term),
                                     " documents carry its id term (document ", docid, ")"));
  }
  // Lookups by id go through the id term's posting list: it must lead here.
  Xapian::PostingIterator posting = db.postlist_begin(id_term);
  if (posting == db.postlist_end(id_term) || *posting != docid) {
    problems->push_back(absl::StrCat(where, ": a lookup by id does not find document ", docid));
  }
  const std::string data = doc.get_data();
  const std::string record = doc.get_value(schema::kSlotMatchRecord);
  const std::string sums = doc.get_value(schema::kSlotChecksum);
  if (VerifyData(sums, data) == Integrity::kCorrupt) {
    problems->push_back(absl::StrCat(where, ": stored record fails its checksum"));
  } else {
    std::string stored_id;
    bool parsed;
    if (worker) {
      v1::Worker w;
      parsed = w.ParseFromString(data);
      stored_id = w.id();
    } else {
      v1::Vacancy v;
      parsed = v.ParseFromString(data);
      stored_id = v.id();
    }
    if (!parsed) {
      problems->push_back(absl::StrCat(where, ": stored record does not parse"));
    } else if (stored_id != id) {
      problems->push_back(absl::StrCat(where, ": stored record has id \"", stored_id, "\""));
    }
  }
  if (!worker) {
    if (!record.empty()) problems->push_back(absl::StrCat(where, ": has a match record"));
    return;
  }
  if (VerifyRecord(sums, record) == Integrity::kCorrupt) {
    problems->push_back(absl::StrCat(where, ": match record fails its checksum"));
    return;
  }
  MatchRecord decoded;
  if (!DecodeRecord(record, &decoded)) {
    problems->push_back(absl::StrCat(where, ": match record does not decode"));
  } else if (decoded.id != id) {
    problems->push_back(absl::StrCat(where, ": match record has id \"", decoded.id, "\""));
  }
}

}  // namespace

void CheckDocuments(const Xapian::Database& db, std::vector<std::string>* problems) {
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::docid docid = *it;
    const absl::Status s = CatchXapian("", [&]() -> absl::Status {
      CheckDocument(db, docid, problems);
      return absl::OkStatus();
    });
    if (!s.ok()) problems->push_back(absl::StrCat("document ", docid, s.message()));
  }
  // The kind terms against the id terms.
  for (const auto& [kind, id_prefix] : {std::pair<const char*, const char*>{schema::kKindWorker, schema::kWorkerId},
                                        {schema::kKindVacancy, schema::kVacancyId}}) {
    Xapian::doccount ids = 0;
    for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) ++ids;
    if (ids != db.get_termfreq(kind)) {
      problems->push_back(absl::StrCat(ids, " ", id_prefix, " id terms but ", db.get_termfreq(kind),
                                       " documents of kind ", kind));
    }
  }
}

absl::Status CheckIndexDirectory(const std::string& path, std::vector<std::string>* problems) {
  std::ostringstream out;
  const absl::Status xapian = CatchXapian("xapian check", [&]() -> absl::Status {
    const size_t errors = Xapian::Database::check(path, 0, &out);
    if (errors > 0) {
      std::istringstream lines(out.str());
      for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) problems->push_back(absl::StrCat("xapian check: ", line));
      }
      problems->push_back(absl::StrCat("xapian check: ", errors, " errors"));
    }
    return absl::OkStatus();
  });
  if (!xapian.ok()) {
    if (absl::IsNotFound(xapian)) return xapian;
    problems->push_back(std::string(xapian.message()));
    return absl::OkStatus();  // the tables are broken: reading documents could crash
  }
  const absl::Status docs = CatchXapian("check documents", [&]() -> absl::Status {
    const Xapian::Database db(path);
    CheckDocuments(db, problems);
    return absl::OkStatus();
  });
  if (!docs.ok()) problems->push_back(std::string(docs.message()));
  return absl::OkStatus();
}

}  // namespace cakap
