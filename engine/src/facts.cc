#include "facts.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "integrity.h"
#include "schema.h"

namespace cakap {

uint32_t Interner::Intern(absl::string_view s) {
  if (s.empty()) return 0;
  absl::MutexLock lock(&mu_);
  auto [it, inserted] = ids_.try_emplace(std::string(s), static_cast<uint32_t>(strings_.size()));
  if (inserted) strings_.emplace_back(s);
  return it->second;
}

std::optional<uint32_t> Interner::Find(absl::string_view s) const {
  if (s.empty()) return 0;
  absl::MutexLock lock(&mu_);
  auto it = ids_.find(s);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Interner::Snapshot() const {
  absl::MutexLock lock(&mu_);
  return strings_;
}

namespace {

// The figures' day of a training: ended_on, else 31 December of its year, else none.
Day TrainingEnd(const v1::Training& t) {
  // Stored workers passed validation: ended_on, when given, is a real date.
  if (!t.ended_on().empty()) {
    absl::StatusOr<absl::CivilDay> d = ParseDate(t.ended_on(), "ended_on");
    if (d.ok()) return ToDay(*d);
  } else if (t.year() > 0) {
    return ToDay(absl::CivilDay(t.year(), 12, 31));
  }
  return kNoDay;
}

void FillCommon(const MatchRecord& record, Interner& regions, WorkerFacts* f) {
  f->region = regions.Intern(record.region_code);
  f->welfare_decile = record.welfare_decile;
  f->employment_status = record.employment_status;
  f->available_from = record.available_from;
  f->skills = record.skills;
  for (const CertRecord& c : record.certs) {
    f->certs.push_back({c.issuer, c.issued, c.expires, c.covers});
  }
}

// Slot layout: format byte 1, then per training: varint length + programme, varint
// length + institution, 4-byte little-endian day; then CRC32C of everything before.
constexpr char kTrainingsFormat = 1;

void PutVarint(size_t n, std::string* out) {
  for (; n >= 0x80; n >>= 7) out->push_back(static_cast<char>((n & 0x7f) | 0x80));
  out->push_back(static_cast<char>(n));
}

bool GetVarint(absl::string_view* in, size_t* n) {
  *n = 0;
  for (int shift = 0; shift < 35 && !in->empty(); shift += 7) {
    const unsigned char b = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *n |= static_cast<size_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

void PutLe32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint32_t GetLe32(absl::string_view p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

}  // namespace

std::string EncodeTrainings(const v1::Worker& stored) {
  std::string out(1, kTrainingsFormat);
  for (const v1::Training& t : stored.trainings()) {
    const std::string programme = absl::AsciiStrToLower(t.programme());
    const std::string institution = absl::AsciiStrToLower(t.institution());
    PutVarint(programme.size(), &out);
    out += programme;
    PutVarint(institution.size(), &out);
    out += institution;
    PutLe32(static_cast<uint32_t>(TrainingEnd(t)), &out);
  }
  PutLe32(Crc32c(out), &out);
  return out;
}

bool FactsFromSlots(const MatchRecord& record, absl::string_view slot, Interner& regions,
                    Interner& names, WorkerFacts* out) {
  if (slot.size() < 5 || slot[0] != kTrainingsFormat) return false;
  absl::string_view body = slot.substr(0, slot.size() - 4);
  if (Crc32c(body) != GetLe32(slot.substr(slot.size() - 4))) return false;
  body.remove_prefix(1);
  WorkerFacts f;
  while (!body.empty()) {
    TrainingFact t;
    size_t n;
    if (!GetVarint(&body, &n) || n > body.size()) return false;
    t.programme = names.Intern(body.substr(0, n));
    body.remove_prefix(n);
    if (!GetVarint(&body, &n) || n > body.size()) return false;
    t.institution = names.Intern(body.substr(0, n));
    body.remove_prefix(n);
    if (body.size() < 4) return false;
    t.ended = static_cast<Day>(GetLe32(body));
    body.remove_prefix(4);
    f.trainings.push_back(t);
  }
  FillCommon(record, regions, &f);
  *out = std::move(f);
  return true;
}

WorkerFacts MakeWorkerFacts(const v1::Worker& stored, const MatchRecord& record,
                            Interner& regions, Interner& names) {
  WorkerFacts f;
  FillCommon(record, regions, &f);
  for (const v1::Training& t : stored.trainings()) {
    TrainingFact tf;
    tf.programme = names.Intern(absl::AsciiStrToLower(t.programme()));
    tf.institution = names.Intern(absl::AsciiStrToLower(t.institution()));
    tf.ended = TrainingEnd(t);
    f.trainings.push_back(tf);
  }
  return f;
}

bool LedgerState::Active() const { return ImpliedStatus().has_value(); }

std::optional<v1::EmploymentStatus> LedgerState::ImpliedStatus() const {
  // The latest active placement decides (a job after an own business: employed).
  const PlacementFact* latest = nullptr;
  for (const PlacementFact& p : placements) {
    if (p.withdrawn || p.left != kNoDay) continue;
    if (latest == nullptr || p.date >= latest->date) latest = &p;
  }
  if (latest == nullptr) return std::nullopt;
  return latest->kind == v1::PLACEMENT_KIND_OWN_BUSINESS ? v1::EMPLOYMENT_STATUS_SELF_EMPLOYED
                                                         : v1::EMPLOYMENT_STATUS_EMPLOYED;
}

void LedgerState::Refold(int index) {
  PlacementFact& p = placements[index];
  p.checked_months = 0;
  p.left = kNoDay;
  for (const auto& [seq, ref] : entries) {
    if (ref.is_placement || ref.corrected || ref.placement != index) continue;
    const v1::Outcome& o = ref.outcome;
    if (o.kind() == v1::OUTCOME_KIND_LEFT) {
      absl::StatusOr<absl::CivilDay> d = ParseDate(o.date(), "date");
      if (d.ok() && (p.left == kNoDay || ToDay(*d) < p.left)) p.left = ToDay(*d);
    } else {
      p.checked_months = std::max(p.checked_months, o.after_months());
    }
  }
}

void FoldEntry(const v1::LedgerEntry& e, LedgerState* state) {
  state->last_seq = std::max(state->last_seq, e.seq());
  LedgerState::EntryRef ref;
  if (e.has_placement()) {
    ref.is_placement = true;
    const v1::Placement& pl = e.placement();
    Day date = 0;
    if (absl::StatusOr<absl::CivilDay> d = ParseDate(pl.date(), "date"); d.ok()) date = ToDay(*d);
    auto old = state->entries.find(e.corrects());
    if (e.corrects() > 0 && old != state->entries.end()) {
      old->second.corrected = true;
      ref.placement = old->second.placement;
      PlacementFact& p = state->placements[ref.placement];
      p.kind = static_cast<uint8_t>(pl.kind());
      p.date = date;
      p.withdrawn = e.withdrawn();
    } else {
      PlacementFact p;
      p.seq = e.seq();
      p.kind = static_cast<uint8_t>(pl.kind());
      p.date = date;
      p.vacancy_id = pl.vacancy_id();
      p.source = e.source();
      ref.placement = static_cast<int>(state->placements.size());
      state->placements.push_back(std::move(p));
    }
    state->entries[e.seq()] = std::move(ref);
    return;
  }
  if (!e.has_outcome()) return;
  ref.outcome = e.outcome();
  auto old = state->entries.find(e.corrects());
  if (e.corrects() > 0 && old != state->entries.end()) {
    old->second.corrected = true;
    ref.placement = old->second.placement;
  } else {
    auto p = state->entries.find(e.outcome().placement_seq());
    if (p == state->entries.end()) return;  // validated before: cannot happen
    ref.placement = p->second.placement;
  }
  const int index = ref.placement;
  state->entries[e.seq()] = std::move(ref);
  state->Refold(index);
}

const LedgerState* FactTable::Ledger(const FactDelta& delta, const std::string& id) const {
  if (auto it = delta.ledgers.find(id); it != delta.ledgers.end()) return &it->second;
  absl::ReaderMutexLock lock(&mu_);
  auto it = ledgers_.find(id);
  return it == ledgers_.end() ? nullptr : &it->second;  // stable: only the writer changes it
}

LedgerState& FactTable::MutableLedger(FactDelta& delta, const std::string& id) const {
  if (auto it = delta.ledgers.find(id); it != delta.ledgers.end()) return it->second;
  LedgerState copy;
  {
    absl::ReaderMutexLock lock(&mu_);
    if (auto it = ledgers_.find(id); it != ledgers_.end()) copy = it->second;
  }
  return delta.ledgers.emplace(id, std::move(copy)).first->second;
}

int32_t FactTable::Filled(const FactDelta& delta, const std::string& vacancy_id) const {
  if (auto it = delta.filled.find(vacancy_id); it != delta.filled.end()) return it->second;
  absl::ReaderMutexLock lock(&mu_);
  auto it = filled_.find(vacancy_id);
  return it == filled_.end() ? 0 : it->second;
}

void FactTable::PutWorker(const std::string& id, std::optional<WorkerFacts> facts) {
  auto it = slot_of_.find(id);
  if (!facts.has_value()) {
    if (it == slot_of_.end()) return;
    workers_[it->second].reset();
    region_of_slot_[it->second] = 0;
    ledger_of_slot_[it->second] = nullptr;
    id_of_slot_[it->second].clear();
    free_slots_.push_back(it->second);
    slot_of_.erase(it);
    return;
  }
  uint32_t slot;
  if (it != slot_of_.end()) {
    slot = it->second;
  } else if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<uint32_t>(workers_.size());
    workers_.emplace_back();
    region_of_slot_.push_back(0);
    ledger_of_slot_.push_back(nullptr);
    id_of_slot_.emplace_back();
  }
  slot_of_[id] = slot;
  id_of_slot_[slot] = id;
  region_of_slot_[slot] = facts->region;
  workers_[slot] = std::move(facts);
  auto l = ledgers_.find(id);
  ledger_of_slot_[slot] = l == ledgers_.end() ? nullptr : &l->second;
}

void FactTable::PutLedger(const std::string& id, LedgerState state) {
  LedgerState& stored = ledgers_[id];
  stored = std::move(state);
  if (auto it = slot_of_.find(id); it != slot_of_.end()) ledger_of_slot_[it->second] = &stored;
}

void FactTable::Apply(FactDelta delta) {
  absl::MutexLock lock(&mu_);
  for (auto& [id, state] : delta.ledgers) PutLedger(id, std::move(state));
  for (auto& [id, facts] : delta.workers) PutWorker(id, std::move(facts));
  for (auto& [id, facts] : delta.vacancies) {
    if (facts.has_value()) {
      vacancies_[id] = std::move(*facts);
    } else {
      vacancies_.erase(id);
    }
  }
  for (const auto& [id, n] : delta.filled) filled_[id] = n;
}

void FactTable::LoadWorker(const std::string& id, WorkerFacts facts) {
  absl::MutexLock lock(&mu_);
  PutWorker(id, std::move(facts));
}
void FactTable::LoadVacancy(const std::string& id, VacancyFacts facts) {
  absl::MutexLock lock(&mu_);
  vacancies_[id] = std::move(facts);
}
void FactTable::LoadLedger(const std::string& id, LedgerState state) {
  absl::MutexLock lock(&mu_);
  for (const PlacementFact& p : state.placements) {
    if (!p.withdrawn && !p.vacancy_id.empty()) ++filled_[p.vacancy_id];
  }
  PutLedger(id, std::move(state));
}

size_t FactTable::MemoryBytes() const {
  absl::ReaderMutexLock lock(&mu_);
  size_t bytes = workers_.capacity() * sizeof(std::optional<WorkerFacts>) +
                 ledger_of_slot_.capacity() * sizeof(void*) +
                 region_of_slot_.capacity() * sizeof(uint32_t) +
                 id_of_slot_.capacity() * sizeof(std::string) +
                 slot_of_.capacity() * (sizeof(std::string) + 8);
  for (const auto& w : workers_) {
    if (!w) continue;
    bytes += w->skills.capacity() * sizeof(SkillId) +
             w->trainings.capacity() * sizeof(TrainingFact) +
             w->certs.capacity() * sizeof(CertFact);
  }
  for (const std::string& id : id_of_slot_) {
    if (id.capacity() > 15) bytes += id.capacity();
  }
  return bytes;
}

VacancyFacts MakeVacancyFacts(const v1::Vacancy& v, const EngineEnv& env, Interner& regions) {
  VacancyFacts f;
  f.owner = v.owner();
  f.employer = v.employer();
  if (!v.location().region_code().empty()) {
    f.region = regions.Intern(v.location().region_code());
  } else if (v.region_codes_size() == 1) {
    f.region = regions.Intern(v.region_codes(0));
  }
  for (const std::string& code : v.required_skills()) {
    if (const Skill* s = env.lexicon.Resolve(code)) f.required.push_back(s->id);
  }
  f.openings = v.openings();
  f.open = v.open();
  return f;
}

void LoadFacts(const Xapian::Database& db, const EngineEnv& env, FactTable* table) {
  // Workers: the match record and trainings slots, read as value streams in docid order
  // (the stored Worker is parsed only for a worker without a sound trainings slot).
  MatchRecord record;
  struct Cursor {
    Xapian::ValueIterator it, end;
    std::string Of(Xapian::docid docid) {
      if (it != end && it.get_docid() < docid) it.skip_to(docid);
      return it == end || it.get_docid() != docid ? std::string() : *it;
    }
  };
  Cursor sums{db.valuestream_begin(schema::kSlotChecksum), db.valuestream_end(schema::kSlotChecksum)};
  Cursor trainings{db.valuestream_begin(schema::kSlotTrainings),
                   db.valuestream_end(schema::kSlotTrainings)};
  for (auto it = db.valuestream_begin(schema::kSlotMatchRecord);
       it != db.valuestream_end(schema::kSlotMatchRecord); ++it) {
    const Xapian::docid docid = it.get_docid();
    const std::string bytes = *it;
    const std::string checksums = sums.Of(docid);
    // A damaged record is DATA_LOSS when read and in no match: in no figure either.
    if (VerifyRecord(checksums, bytes) == Integrity::kCorrupt || !DecodeRecord(bytes, &record)) {
      continue;
    }
    WorkerFacts facts;
    if (!FactsFromSlots(record, trainings.Of(docid), table->regions(), table->names(), &facts)) {
      const std::string data = db.get_document(docid).get_data();
      v1::Worker w;
      if (VerifyData(checksums, data) == Integrity::kCorrupt || !w.ParseFromString(data)) continue;
      facts = MakeWorkerFacts(w, record, table->regions(), table->names());
    }
    table->LoadWorker(record.id, std::move(facts));
  }
  for (auto it = db.postlist_begin(schema::kKindVacancy);
       it != db.postlist_end(schema::kKindVacancy); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    const std::string data = doc.get_data();
    if (VerifyData(doc.get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt) continue;
    v1::Vacancy v;
    if (!v.ParseFromString(data)) continue;
    table->LoadVacancy(v.id(), MakeVacancyFacts(v, env, table->regions()));
  }
  // Ledger documents, folded per worker in seq order (the id terms sort that way: the
  // seq is zero-padded).
  std::string current;
  LedgerState state;
  for (auto t = db.allterms_begin(schema::kLedgerId); t != db.allterms_end(schema::kLedgerId);
       ++t) {
    Xapian::PostingIterator p = db.postlist_begin(*t);
    if (p == db.postlist_end(*t)) continue;
    const Xapian::Document doc = db.get_document(*p);
    const std::string data = doc.get_data();
    if (VerifyData(doc.get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt) continue;
    v1::LedgerEntry e;
    if (!e.ParseFromString(data)) continue;
    if (e.worker_id() != current) {
      if (!current.empty()) table->LoadLedger(current, std::move(state));
      state = LedgerState();
      current = e.worker_id();
    }
    FoldEntry(e, &state);
  }
  if (!current.empty()) table->LoadLedger(current, std::move(state));
}

}  // namespace cakap
