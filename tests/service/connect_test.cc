#include "connect.h"

#include "gtest/gtest.h"

namespace cakap {
namespace service {
namespace {

TEST(ConnectTest, EveryCodeHasTheProtocolsNameAndHttpStatus) {
  struct Row {
    absl::StatusCode code;
    const char* name;
    int http;
  };
  // connectrpc.com/docs/protocol#error-codes
  const Row rows[] = {
      {absl::StatusCode::kCancelled, "canceled", 499},
      {absl::StatusCode::kUnknown, "unknown", 500},
      {absl::StatusCode::kInvalidArgument, "invalid_argument", 400},
      {absl::StatusCode::kDeadlineExceeded, "deadline_exceeded", 504},
      {absl::StatusCode::kNotFound, "not_found", 404},
      {absl::StatusCode::kAlreadyExists, "already_exists", 409},
      {absl::StatusCode::kPermissionDenied, "permission_denied", 403},
      {absl::StatusCode::kResourceExhausted, "resource_exhausted", 429},
      {absl::StatusCode::kFailedPrecondition, "failed_precondition", 400},
      {absl::StatusCode::kAborted, "aborted", 409},
      {absl::StatusCode::kOutOfRange, "out_of_range", 400},
      {absl::StatusCode::kUnimplemented, "unimplemented", 501},
      {absl::StatusCode::kInternal, "internal", 500},
      {absl::StatusCode::kUnavailable, "unavailable", 503},
      {absl::StatusCode::kDataLoss, "data_loss", 500},
      {absl::StatusCode::kUnauthenticated, "unauthenticated", 401},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(ConnectCodeName(row.code), row.name);
    EXPECT_EQ(ConnectHttpStatus(row.code), row.http) << row.name;
  }
}

TEST(ConnectTest, ErrorJsonEscapesTheMessage) {
  EXPECT_EQ(ConnectErrorJson(absl::InvalidArgumentError("vacancy_id: \"x\" bad\n")),
            R"({"code":"invalid_argument","message":"vacancy_id: \"x\" bad\n"})");
  EXPECT_EQ(ConnectErrorJson(absl::Status(absl::StatusCode::kInternal, "")),
            R"({"code":"internal"})");
}

TEST(ConnectTest, TimeoutIsOneToTenDigits) {
  const absl::Time now = absl::FromUnixSeconds(1000);
  EXPECT_EQ(*ParseConnectTimeout("250", now), now + absl::Milliseconds(250));
  EXPECT_EQ(*ParseConnectTimeout("9999999999", now), now + absl::Milliseconds(9999999999));
  for (const char* bad : {"", "12345678901", "-5", "1.5", "10s", " 10"}) {
    absl::StatusOr<absl::Time> t = ParseConnectTimeout(bad, now);
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(t.status().message().find("Connect-Timeout-Ms"), std::string::npos);
  }
}

}  // namespace
}  // namespace service
}  // namespace cakap
