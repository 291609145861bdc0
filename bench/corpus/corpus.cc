// Deterministic corpus generator. Every record is a pure function of (seed, index): the
// per-record random stream is seeded by mixing the two with splitmix64, and all choices
// use the small integer PRNG below rather than <random> distributions, whose outputs
// differ between standard libraries. Dates are drawn relative to CorpusOptions.today.
#include "corpus.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "tables.h"

namespace cakap {
namespace corpus {
namespace {

using tables::Profile;
using tables::kRural;
using tables::kIndustrial;
using tables::kUrban;
using tables::kIndustrialRegions;
using tables::TradeSpec;
using tables::kTrades;
using tables::kBlkByProvince;
using tables::kOtherBodies;
using tables::kMaleGiven;
using tables::kFemaleGiven;
using tables::kMaleFamily;
using tables::kFemaleFamily;
using tables::kFreeText;
using tables::kEmployers;
using tables::kPhonePrefixes;

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ULL;
constexpr double kPi = 3.14159265358979323846;

uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// splitmix64 as a stream: tiny, fast and identical on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return Mix64(state_ += kGolden); }
  // Uniform in [0, n), n > 0 (multiply-shift; the bias is negligible for our n).
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform in [lo, hi].
  int Range(int lo, int hi) { return lo + static_cast<int>(Below(hi - lo + 1)); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Percent(int p) { return Below(100) < static_cast<uint64_t>(p); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }
  // Index drawn with the given integer weights.
  size_t Weighted(absl::Span<const int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = static_cast<int>(Below(total));
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  uint64_t state_;
};

// Stream ids keep workers, vacancies and each vacancy class on unrelated sequences.
constexpr uint64_t kWorkerStream = 0x576F726B6572ULL;   // "Worker"
constexpr uint64_t kVacancyStream = 0x56616361ULL;      // "Vaca"

// The fields of the vacancy report come from their own stream, so that adding them left
// every other field of every worker as it was.
constexpr uint64_t kReportStream = 0x5265706F7274ULL;    // "Report"

uint64_t RecordSeed(uint64_t seed, uint64_t stream, uint64_t index) {
  return Mix64(Mix64(seed ^ stream) + Mix64(index * kGolden + stream));
}

template <typename T, size_t N>
const T& PickFrom(Rng& rng, const T (&array)[N]) {
  return array[rng.Below(N)];
}

std::string FormatDay(absl::CivilDay d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()), d.month(),
                d.day());
  return buf;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The model: the static tables resolved against the lexicon.

struct Model {
  struct Trade {
    const TradeSpec* spec = nullptr;
    std::vector<const Skill*> skills;  // family and specialisations
    std::vector<int> skill_weights;
    std::vector<size_t> related;       // indices into trades
    std::vector<std::string> bnsp_bodies;
    std::vector<std::string> scheme_suffixes;
  };
  std::vector<Trade> trades;
  std::vector<int> trade_weights[3];

  const Trade* TradeOf(const Skill* s, const Lexicon& lexicon) const {
    const Skill* family = s->parent == 0 ? s : lexicon.Find(s->parent);
    for (const Trade& t : trades) {
      if (family != nullptr && family->code == t.spec->family) return &t;
    }
    return nullptr;
  }
};

namespace {

std::shared_ptr<const Model> BuildModel(const Lexicon& lexicon) {
  auto model = std::make_shared<Model>();
  for (const TradeSpec& spec : kTrades) {
    Model::Trade trade;
    trade.spec = &spec;
    for (absl::string_view item : absl::StrSplit(spec.specs, ',')) {
      std::pair<std::string, std::string> kv = absl::StrSplit(item, ':');
      const Skill* s = lexicon.FindCode(kv.first);
      if (s == nullptr) continue;  // a lexicon without this code: leave it out
      trade.skills.push_back(s);
      trade.skill_weights.push_back(std::max(1, std::atoi(kv.second.c_str())));
    }
    if (trade.skills.empty()) continue;
    trade.bnsp_bodies = absl::StrSplit(spec.bnsp_bodies, '|');
    trade.scheme_suffixes = absl::StrSplit(spec.scheme_suffixes, '|');
    model->trades.push_back(std::move(trade));
  }
  for (Model::Trade& trade : model->trades) {
    for (absl::string_view family : absl::StrSplit(trade.spec->related, ',')) {
      for (size_t i = 0; i < model->trades.size(); ++i) {
        if (family == model->trades[i].spec->family) trade.related.push_back(i);
      }
    }
    for (int p = 0; p < 3; ++p) model->trade_weights[p].push_back(trade.spec->weight[p]);
  }
  return model;
}

Profile ProfileOf(const Region& r) {
  for (const char* code : kIndustrialRegions) {
    if (r.code == code) return kIndustrial;
  }
  return r.level == "kota" ? kUrban : kRural;
}

void BuildKabupaten(const Regions& regions, const CorpusOptions& options,
                    std::vector<const Region*>* kabupaten, std::vector<double>* cumulative) {
  double total = 0;
  for (const Region& r : regions.all()) {
    if (r.is_province()) continue;
    if (std::find(options.provinces.begin(), options.provinces.end(), r.province_code) ==
        options.provinces.end()) {
      continue;
    }
    kabupaten->push_back(&r);
    total += static_cast<double>(std::max<int64_t>(r.population, 1));
    cumulative->push_back(total);
  }
}

const Region* PickRegion(Rng& rng, const std::vector<const Region*>& kabupaten,
                         const std::vector<double>& cumulative) {
  if (kabupaten.empty()) return nullptr;
  // Integer draw: exact on every platform (the weights are integers below 2^53).
  double r = static_cast<double>(rng.Below(static_cast<uint64_t>(cumulative.back())));
  size_t i = std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin();
  return kabupaten[std::min(i, kabupaten.size() - 1)];
}

double Round5(double x) { return std::round(x * 1e5) / 1e5; }

// A point between min_km and max_km from the region's point, uniform over the annulus'
// directions. Uses only sqrt (exact in IEEE) on the random values, so the output does
// not depend on the libm's trigonometry.
void Jitter(Rng& rng, const Region& r, double min_km, double max_km, v1::Location* loc) {
  double x, y, n2;
  do {
    x = rng.Unit() * 2 - 1;
    y = rng.Unit() * 2 - 1;
    n2 = x * x + y * y;
  } while (n2 > 1 || n2 < 1e-6);
  double n = std::sqrt(n2);
  double km = min_km + (max_km - min_km) * n;
  double lat = r.latitude + (y / n) * km / 111.32;
  double lon = r.longitude + (x / n) * km / (111.32 * std::cos(r.latitude * kPi / 180));
  loc->set_latitude(Round5(std::clamp(lat, -90.0, 90.0)));
  loc->set_longitude(Round5(std::clamp(lon, -180.0, 180.0)));
  loc->set_has_coordinates(true);
}

// Draws a plausible set of 1-4 distinct skills: a primary trade weighted by the region's
// labour market, often a second skill from a related trade. Shared by workers and
// vacancies so that vacancies ask for combinations workers actually have.
struct SkillSet {
  const Model::Trade* primary = nullptr;
  std::vector<const Skill*> skills;
};

SkillSet DrawSkills(Rng& rng, const Model& model, Profile profile) {
  SkillSet out;
  const Model::Trade& primary = model.trades[rng.Weighted(model.trade_weights[profile])];
  out.primary = &primary;
  auto add = [&out](const Skill* s) {
    if (std::find(out.skills.begin(), out.skills.end(), s) == out.skills.end()) {
      out.skills.push_back(s);
    }
  };
  int n = rng.Percent(62) ? 1 : (rng.Percent(85) ? 2 : 3);
  for (int i = 0; i < n; ++i) add(primary.skills[rng.Weighted(primary.skill_weights)]);
  if (rng.Percent(35)) {
    const Model::Trade* second = &model.trades[rng.Below(model.trades.size())];
    if (!primary.related.empty() && rng.Percent(70)) {
      size_t i = rng.Pick(primary.related);
      second = &model.trades[i];
    }
    add(second->skills[rng.Weighted(second->skill_weights)]);
  }
  if (out.skills.size() > 4) out.skills.resize(4);
  return out;
}

// A name or synonym of the skill: how a person would write it.
const std::string& Phrase(Rng& rng, const Skill& s) {
  size_t n = s.synonyms.size() + 1;
  size_t i = rng.Below(n);
  return i == 0 ? s.name_id : s.synonyms[i - 1];
}

}  // namespace

// ---------------------------------------------------------------------------------------

WorkerGenerator::WorkerGenerator(const Regions& regions, const Lexicon& lexicon,
                                 CorpusOptions options)
    : regions_(regions),
      lexicon_(lexicon),
      options_(std::move(options)),
      model_(BuildModel(lexicon)) {
  BuildKabupaten(regions_, options_, &kabupaten_, &cumulative_weight_);
}

// Education, birth date, expected wage and a work history in the worker's trades, as
// offices record them: mostly SMA/SMK, the birth date of the NIK, jobs of the last ten
// years (one still held by employed workers), wages of Rp 3-8 jt.
void AddReportFields(Rng& rng, const SkillSet& set, absl::CivilDay today,
                     const std::optional<absl::CivilDay>& nik_birth, v1::Worker* w) {
  static constexpr v1::Education kEducation[] = {
      v1::EDUCATION_UNSPECIFIED, v1::EDUCATION_SD, v1::EDUCATION_SMP, v1::EDUCATION_SMA,
      v1::EDUCATION_SMK,         v1::EDUCATION_D1, v1::EDUCATION_D3,  v1::EDUCATION_D4,
      v1::EDUCATION_S1,          v1::EDUCATION_S2};
  w->set_education(kEducation[rng.Weighted({4, 9, 17, 24, 31, 3, 4, 1, 6, 1})]);
  if (nik_birth) {
    w->set_birth_date(FormatDay(*nik_birth));
  } else if (rng.Percent(50)) {
    w->set_birth_date(FormatDay(today - rng.Range(18 * 365, 55 * 365)));
  }
  if (rng.Percent(60)) w->set_expected_wage(250000LL * rng.Range(12, 32));
  const bool employed = w->employment_status() == v1::EMPLOYMENT_STATUS_EMPLOYED;
  const int jobs = static_cast<int>(rng.Weighted({35, 40, 18, 7}));
  absl::CivilDay end = today - rng.Range(0, 3 * 365);
  for (int i = 0; i < jobs; ++i) {
    v1::WorkExperience* job = w->add_work_history();
    const absl::CivilDay start = end - rng.Range(90, 4 * 365);
    job->set_started_on(FormatDay(start));
    if (!(i == 0 && employed)) job->set_ended_on(FormatDay(end));  // the latest still held
    if (rng.Percent(80)) job->set_skill(rng.Pick(set.skills)->code);
    job->set_employer(PickFrom(rng, kEmployers));
    end = start - rng.Range(0, 365);
  }
}

v1::Worker WorkerGenerator::Make(int64_t index) const {
  Rng rng(RecordSeed(options_.seed, kWorkerStream, static_cast<uint64_t>(index)));
  const absl::CivilDay today = options_.today;
  v1::Worker w;
  w.set_id(absl::StrFormat("w%08d", index));

  const Region* region = PickRegion(rng, kabupaten_, cumulative_weight_);
  SkillSet set = DrawSkills(rng, *model_, region ? ProfileOf(*region) : kRural);
  const TradeSpec& trade = *set.primary->spec;
  const bool female = rng.Percent(trade.female_percent);

  // Name.
  std::string name = female ? PickFrom(rng, kFemaleGiven) : PickFrom(rng, kMaleGiven);
  if (rng.Percent(90)) {
    absl::StrAppend(&name, " ", female ? PickFrom(rng, kFemaleFamily)
                                       : PickFrom(rng, kMaleFamily));
  }
  w.set_display_name(name);

  // Domicile: the region code, and for most workers a point 3-30 km from its centre.
  v1::Location* home = w.mutable_domicile();
  if (region != nullptr) {
    home->set_region_code(region->code);
    if (rng.Percent(80)) Jitter(rng, *region, 3, 30, home);
  }

  // NIK: province, kabupaten, kecamatan, birth date (day + 40 for women), serial.
  std::optional<absl::CivilDay> nik_birth;
  if (rng.Percent(85) && region != nullptr) {
    absl::CivilDay birth = today - rng.Range(18 * 365, 55 * 365);
    nik_birth = birth;
    std::string digits = region->code.substr(0, 2) + region->code.substr(3, 2);
    w.set_nik(absl::StrFormat("%s%02d%02d%02d%02d%04d", digits, rng.Range(1, 15),
                              birth.day() + (female ? 40 : 0), birth.month(),
                              static_cast<int>(birth.year() % 100), rng.Range(1, 999)));
  }

  // Contact.
  if (rng.Percent(88)) {
    v1::Contact* c = w.mutable_contact();
    c->set_phone(absl::StrFormat("%s%08d", PickFrom(rng, kPhonePrefixes),
                                 static_cast<int>(rng.Below(100000000))));
    c->set_consent_to_share(rng.Percent(68));
    if (rng.Percent(20)) {
      std::string user = absl::AsciiStrToLower(absl::StrReplaceAll(name, {{" ", "."}}));
      c->set_email(absl::StrFormat("%s%d@gmail.com", user, rng.Range(1, 99)));
    }
  }

  // Skills as written: mostly codes, often a name or synonym, sometimes a sentence.
  for (const Skill* s : set.skills) {
    int form = static_cast<int>(rng.Below(100));
    if (form < 60) {
      w.add_skills(s->code);
    } else if (form < 93) {
      w.add_skills(Phrase(rng, *s));
    } else {
      w.add_skills(absl::StrFormat("pengalaman %s %d tahun", Phrase(rng, *s),
                                   rng.Range(1, 10)));
    }
  }
  if (rng.Percent(12)) w.add_skills(PickFrom(rng, kFreeText));

  // Certificates: 0-3, each covering 1-2 of the worker's skills.
  int n_certs = trade.cert_heavy ? static_cast<int>(rng.Weighted({8, 50, 30, 12}))
                                 : static_cast<int>(rng.Weighted({32, 45, 16, 7}));
  const char* const* blk = kBlkByProvince[0];
  for (const auto& row : kBlkByProvince) {
    if (region != nullptr && region->province_code == row[0]) blk = row;
  }
  for (int i = 0; i < n_certs; ++i) {
    v1::Certificate* c = w.add_certificates();
    // The first certificate is for the main trade; later ones may cover anything held.
    const Skill* main = i == 0 ? set.skills[0] : rng.Pick(set.skills);
    const Model::Trade* t = model_->TradeOf(main, lexicon_);
    if (t == nullptr) t = set.primary;
    const TradeSpec& ts = *t->spec;
    int issuer = static_cast<int>(rng.Weighted(
        {ts.issuer_percent[0], ts.issuer_percent[1], ts.issuer_percent[2]}));
    std::string scheme = main->name_id;
    if (!t->scheme_suffixes.empty()) absl::StrAppend(&scheme, rng.Pick(t->scheme_suffixes));
    if (issuer == 0) {
      c->set_issuer(v1::ISSUER_BNSP);
      c->set_issuing_body(rng.Pick(t->bnsp_bodies));
      c->set_scheme(absl::StrCat("Skema ", scheme));
    } else if (issuer == 1) {
      c->set_issuer(v1::ISSUER_KEMNAKER);
      c->set_issuing_body(blk[1 + rng.Below(3)]);
      c->set_scheme(absl::StrCat("Pelatihan ", scheme));
    } else {
      c->set_issuer(v1::ISSUER_OTHER);
      c->set_issuing_body(PickFrom(rng, kOtherBodies));
      c->set_scheme(scheme);
    }
    c->add_skills(rng.Percent(85) ? main->code : Phrase(rng, *main));
    if (set.skills.size() > 1 && rng.Percent(30)) {
      const Skill* other = rng.Pick(set.skills);
      if (other != main) c->add_skills(other->code);
    }
    c->set_kkni_level(1 + static_cast<int>(rng.Weighted({8, 36, 33, 12, 7, 4})));
    // Skewed towards recent certificates (a mix of uniform over 3 and over 6 years):
    // about 60% are within 3 years, so some are expired and a few expire soon.
    int age = rng.Range(0, rng.Percent(20) ? 3 * 365 : 6 * 365);
    absl::CivilDay issued = today - age;
    c->set_issued_on(FormatDay(issued));
    int validity = static_cast<int>(rng.Weighted({80, 12, 5, 3}));
    if (validity != 1) {  // 1: left empty, the engine's default applies
      int years = validity == 0 ? 3 : (validity == 2 ? 5 : 1);
      absl::CivilDay expires =
          absl::CivilDay(issued.year() + years, issued.month(), issued.day()) - 1;
      c->set_expires_on(FormatDay(expires));
    }
    const char* prefix = issuer == 0 ? "BNSP" : (issuer == 1 ? "KMN" : "LPK");
    c->set_number(absl::StrFormat("%s-%04d-%07d", prefix, static_cast<int>(issued.year()),
                                  static_cast<int>(rng.Below(10000000))));
  }

  // Trainings: 0-2.
  int n_trainings = static_cast<int>(rng.Weighted({40, 45, 15}));
  for (int i = 0; i < n_trainings; ++i) {
    const Skill* s = rng.Pick(set.skills);
    const Model::Trade* t = model_->TradeOf(s, lexicon_);
    v1::Training* tr = w.add_trainings();
    tr->set_programme(rng.Percent(50) ? absl::StrCat("Pelatihan ", s->name_id) : s->name_id);
    tr->set_institution(rng.Percent(75) ? blk[1 + rng.Below(3)] : PickFrom(rng, kOtherBodies));
    tr->set_field(t != nullptr ? t->spec->field : trade.field);
    tr->set_year(static_cast<int>(today.year()) - rng.Range(0, 8));
  }

  // Employment and availability.
  switch (rng.Weighted({74, 15, 8, 3})) {
    case 0:
      w.set_employment_status(v1::EMPLOYMENT_STATUS_SEEKING);
      if (rng.Percent(10)) w.set_available_from(FormatDay(today + rng.Range(1, 60)));
      break;
    case 1:
    case 2:
      w.set_employment_status(rng.Percent(65) ? v1::EMPLOYMENT_STATUS_EMPLOYED
                                              : v1::EMPLOYMENT_STATUS_SELF_EMPLOYED);
      if (rng.Percent(50)) w.set_available_from(FormatDay(today + rng.Range(-30, 120)));
      break;
    default:
      break;  // unspecified: treated like seeking
  }

  if (rng.Percent(50)) w.set_travel_km(5 * rng.Range(2, 30));
  w.set_willing_to_relocate(rng.Percent(15));
  if (rng.Percent(30)) {
    w.set_welfare_decile(1 + static_cast<int>(rng.Weighted({14, 13, 12, 11, 10, 10, 9, 8, 7, 6})));
  }
  w.set_updated_at(FormatDay(today - static_cast<int>(400 * rng.Unit() * rng.Unit())));
  Rng report(RecordSeed(options_.seed, kReportStream, static_cast<uint64_t>(index)));
  AddReportFields(report, set, today, nik_birth, &w);
  if (options_.training_end_dates) AddTrainingEndDates(options_.seed, index, today, &w);
  return w;
}

// ---------------------------------------------------------------------------------------

VacancyGenerator::VacancyGenerator(const Regions& regions, const Lexicon& lexicon,
                                   CorpusOptions options)
    : regions_(regions),
      lexicon_(lexicon),
      options_(std::move(options)),
      model_(BuildModel(lexicon)) {
  BuildKabupaten(regions_, options_, &kabupaten_, &cumulative_weight_);
}

v1::Vacancy VacancyGenerator::Make(VacancyClass cls, int64_t index) const {
  Rng rng(RecordSeed(options_.seed, kVacancyStream + (static_cast<uint64_t>(cls) << 40),
                     static_cast<uint64_t>(index)));
  const absl::CivilDay today = options_.today;
  v1::Vacancy v;
  v.set_id(absl::StrFormat("v%06d", index));

  const Region* centre = PickRegion(rng, kabupaten_, cumulative_weight_);
  SkillSet set = DrawSkills(rng, *model_, centre ? ProfileOf(*centre) : kRural);

  // Required: 1-3 skills of one plausible worker; some written as names or synonyms.
  size_t n_required = std::min<size_t>(set.skills.size(), rng.Weighted({0, 65, 27, 8}));
  for (size_t i = 0; i < n_required; ++i) {
    const Skill* s = set.skills[i];
    v.add_required_skills(rng.Percent(80) ? s->code : Phrase(rng, *s));
  }
  // Preferred: 0-2 other skills of the main trade.
  int n_preferred = static_cast<int>(rng.Weighted({45, 35, 20}));
  for (int i = 0; i < n_preferred; ++i) {
    const Skill* s = set.primary->skills[rng.Weighted(set.primary->skill_weights)];
    if (std::find(set.skills.begin(), set.skills.begin() + n_required, s) !=
        set.skills.begin() + n_required) {
      continue;
    }
    bool dup = false;
    for (const std::string& p : v.preferred_skills()) dup |= p == s->code;
    if (!dup) v.add_preferred_skills(s->code);
  }

  if (rng.Percent(60)) {
    v.add_accepted_issuers(v1::ISSUER_BNSP);
    if (rng.Percent(40)) v.add_accepted_issuers(v1::ISSUER_KEMNAKER);
    v.set_min_kkni_level(static_cast<int>(rng.Weighted({40, 20, 30, 10})));
  }

  std::string place;
  switch (cls) {
    case VacancyClass::kLocal10:
    case VacancyClass::kLocal50:
    case VacancyClass::kRegional200:
      if (centre != nullptr) {
        v1::Location* loc = v.mutable_location();
        loc->set_region_code(centre->code);
        if (rng.Percent(50)) Jitter(rng, *centre, 0, 5, loc);
        place = centre->name;
      }
      v.set_radius_km(cls == VacancyClass::kLocal10 ? 10
                      : cls == VacancyClass::kLocal50 ? 50 : 200);
      break;
    case VacancyClass::kRegionCodes:
      if (centre != nullptr && rng.Percent(25)) {
        v.add_region_codes(centre->province_code);
        place = regions_.Find(centre->province_code) != nullptr
                    ? regions_.Find(centre->province_code)->name
                    : centre->province_code;
      } else {
        int n = rng.Range(1, 3);
        for (int i = 0; i < n; ++i) {
          const Region* r = i == 0 ? centre : PickRegion(rng, kabupaten_, cumulative_weight_);
          if (r == nullptr) continue;
          bool dup = false;
          for (const std::string& c : v.region_codes()) dup |= c == r->code;
          if (dup) continue;
          v.add_region_codes(r->code);
          if (place.empty()) place = r->name;
        }
      }
      break;
    case VacancyClass::kNational:
      place = "seluruh Indonesia";
      break;
  }

  const Skill* main = set.skills[0];
  v.set_title(main->name_id);
  v.set_employer(PickFrom(rng, kEmployers));
  v.set_description(absl::StrCat("Dibutuhkan segera ", main->name_id, " untuk penempatan di ",
                                  place.empty() ? "lokasi proyek" : place, "."));
  v.set_start_date(FormatDay(today + rng.Range(0, 90)));
  v.set_openings(rng.Range(1, 20));
  v.set_include_employed(rng.Percent(20));
  v.set_open(rng.Percent(90));
  return v;
}

bool ParseVacancyClass(const std::string& name, VacancyClass* cls) {
  for (VacancyClass c : {VacancyClass::kLocal10, VacancyClass::kLocal50,
                         VacancyClass::kRegional200, VacancyClass::kRegionCodes,
                         VacancyClass::kNational}) {
    if (name == VacancyClassName(c)) {
      *cls = c;
      return true;
    }
  }
  return false;
}

const char* VacancyClassName(VacancyClass cls) {
  switch (cls) {
    case VacancyClass::kLocal10: return "local10";
    case VacancyClass::kLocal50: return "local50";
    case VacancyClass::kRegional200: return "regional200";
    case VacancyClass::kRegionCodes: return "regions";
    case VacancyClass::kNational: return "national";
  }
  return "";
}

}  // namespace corpus
}  // namespace cakap
