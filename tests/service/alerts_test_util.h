// Shared by the AlertService tests (alerts_test.cc over gRPC, alerts_http_test.cc over
// HTTP and both at once): a server with two stored vacancies, workers that match or not,
// and a gRPC watch.
#ifndef CAKAP_TESTS_SERVICE_ALERTS_TEST_UTIL_H_
#define CAKAP_TESTS_SERVICE_ALERTS_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/v1/alerts.grpc.pb.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {

using cakap::v1::VacancyAlert;
using cakap::v1::WatchVacancyRequest;

inline cakap::v1::Worker Welder(const std::string& id, const std::string& region = "63.11") {
  return WorkerBuilder(id).Region(region).Skill("LAS").Nik("6311010101900001").Decile(2);
}
inline cakap::v1::Worker Cook(const std::string& id) { return WorkerBuilder(id).Skill("MSK"); }

inline WatchVacancyRequest Request(const std::string& cursor = "", int heartbeat_seconds = 1) {
  WatchVacancyRequest req;
  req.set_vacancy_id("v-las");
  req.set_cursor(cursor);
  req.set_heartbeat_seconds(heartbeat_seconds);
  return req;
}

// One WatchVacancy call over gRPC.
class GrpcWatch {
 public:
  GrpcWatch(TestServer& s, const std::string& key, const WatchVacancyRequest& req,
            absl::Duration deadline = absl::Seconds(20))
      : stub_(cakap::v1::AlertService::NewStub(s.channel)) {
    Auth(&ctx_, key, deadline);
    reader_ = stub_->WatchVacancy(&ctx_, req);
  }
  // The next message (alert or heartbeat); false when the stream ended.
  bool Next(VacancyAlert* out) { return reader_->Read(out); }
  // The next alert, skipping heartbeats (each moves the cursor too).
  bool NextAlert(VacancyAlert* out) {
    while (reader_->Read(out)) {
      if (out->has_candidate()) return true;
    }
    return false;
  }
  grpc::Status Cancel() {
    ctx_.TryCancel();
    VacancyAlert ignored;
    while (reader_->Read(&ignored)) {
    }
    return reader_->Finish();
  }
  grpc::Status Finish() { return reader_->Finish(); }

 private:
  std::unique_ptr<cakap::v1::AlertService::Stub> stub_;
  grpc::ClientContext ctx_;
  std::unique_ptr<grpc::ClientReader<VacancyAlert>> reader_;
};

class AlertsTest : public ::testing::Test {
 protected:
  AlertsTest()
      : server_([](cakap::service::ServerOptions* o) {
          o->http.listen = "127.0.0.1:0";
          o->audit_log = o->data_dir + "-audit";
        }) {
    server_.Put(VacancyBuilder("v-las").Require("LAS").Open());
    server_.Put(VacancyBuilder("v-closed").Require("LAS").Open(false));
  }
  cakap::Engine& engine() { return server_.server->engine(); }
  // The ids of `n` writes of which every third is a cook (no alert), the others welders:
  // returns the welders' ids, the alerts expected, in order.
  std::vector<std::string> WriteMixed(const std::string& prefix, int n) {
    std::vector<std::string> expected;
    for (int i = 0; i < n; ++i) {
      const std::string id = absl::StrCat(prefix, i < 10 ? "0" : "", i);
      if (i % 3 == 2) {
        server_.Put(Cook(id));
      } else {
        server_.Put(Welder(id));
        expected.push_back(id);
      }
    }
    return expected;
  }
  TestServer server_;
};

}  // namespace cakap_svc_test

#endif  // CAKAP_TESTS_SERVICE_ALERTS_TEST_UTIL_H_
