// The engine's limits on what a caller sends and asks for, stated once: the engine
// enforces them, and cakapd, the cakap client and their help texts use these constants
// rather than restating the numbers (docs and proto comments quote them).
#ifndef CAKAP_LIMITS_H_
#define CAKAP_LIMITS_H_

#include <cstddef>

namespace cakap {

// MatchOptions.page_size: 0 asks for the default; more than the maximum is
// InvalidArgument on page_size.
inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 200;
// Engine::ListVacancies' page size (ListVacanciesRequest.page_size): 0 asks for the
// default; more than the maximum is InvalidArgument on page_size.
inline constexpr int kDefaultVacancyListPageSize = 50;
inline constexpr int kMaxVacancyListPageSize = 1000;
// MatchOptions.near_miss_limit: at most this many near misses.
inline constexpr int kMaxNearMissLimit = 100;
// Engine::MatchVacancies' limit: 1 to the maximum; callers that let it be unset (cakapd's
// MatchVacanciesRequest.limit 0, the client's --limit) use the default.
inline constexpr int kDefaultVacancyLimit = 20;
inline constexpr int kMaxVacancyLimit = 1000;
// The most Vacancy.region_codes a match accepts (more: InvalidArgument on region_codes);
// also the most codes of a partner key's provinces and regions together.
inline constexpr int kMaxVacancyRegionCodes = 64;
// Ids of workers and vacancies, wherever they appear (records and requests).
inline constexpr size_t kMaxIdBytes = 128;
// A page token as cakapd or the engine hands it out.
inline constexpr size_t kMaxPageTokenBytes = 1024;
// An alert cursor (EncodeChangeCursor): 16 hex digits, ".", an id's unpadded base64url.
inline constexpr size_t kMaxChangeCursorBytes = 16 + 1 + (kMaxIdBytes * 4 + 2) / 3;
// A Vacancy.owner, which is a cakapd key's name: 1 to this many characters of
// [A-Za-z0-9._-].
inline constexpr size_t kMaxOwnerNameBytes = 64;

// The fields of the vacancy report (vacancy.proto, worker.proto).
// Months of experience a vacancy may require (overall or per skill).
inline constexpr int kMaxExperienceMonths = 600;
// A vacancy's age range: each bound 0 (none) or within these years.
inline constexpr int kMinAgeBound = 15;
inline constexpr int kMaxAgeBound = 100;
// Monthly wages in rupiah (offered or expected): 0 (not given) up to this.
inline constexpr long long kMaxWageRupiah = 1000000000;

}  // namespace cakap

#endif  // CAKAP_LIMITS_H_
