// cakap watch VACANCY_ID: the alerts of a stored vacancy (AlertService.WatchVacancy), one
// line per alert as it arrives; the cursor to resume from is printed at the end, and with
// --json every message (heartbeats too) is a JSON line carrying it.
#include <iomanip>
#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "commands.h"
#include "google/protobuf/util/json_util.h"

namespace cakap {
namespace cli {
namespace {

// One message as one line of JSON (format.h's ToJson spans lines): JSON Lines, so a
// consumer reads each alert, and keeps its cursor, as it arrives.
std::string JsonLine(const google::protobuf::Message& message) {
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(message, &out);
  return out;
}

}  // namespace

int RunWatch(const Context& ctx, const Positional& args, const WatchFlags& flags) {
  if (args.size() != 2) return ReportUsage("watch takes one VACANCY_ID");
  if (flags.seconds < 0) return ReportUsage("--for: seconds must be >= 0");
  v1::WatchVacancyRequest request;
  request.set_vacancy_id(args[1]);
  request.set_cursor(flags.cursor);
  request.set_from_beginning(flags.from_beginning);
  request.set_heartbeat_seconds(flags.heartbeat_seconds);
  request.set_exclude_welfare(flags.no_welfare);
  std::string cursor = flags.cursor;
  const absl::Status status = ctx.backend->Watch(
      request, flags.seconds > 0 ? absl::Seconds(flags.seconds) : absl::InfiniteDuration(),
      [&](const v1::VacancyAlert& alert) {
        cursor = alert.cursor();
        if (ctx.json) {
          std::cout << JsonLine(alert) << "\n" << std::flush;
        } else if (alert.has_candidate()) {
          const v1::Worker& w = alert.candidate().worker();
          std::cout << std::fixed << std::setprecision(4) << alert.candidate().score() << "  "
                    << w.id() << "  " << w.display_name() << "  "
                    << w.domicile().region_code() << "\n"
                    << std::flush;
        }
        return true;
      });
  if (!ctx.json) std::cerr << "cursor: " << cursor << "\n";
  if (!status.ok()) return ReportError("watch", status);
  return kExitOk;
}

}  // namespace cli
}  // namespace cakap
