// cakapd on a full disk (server.h, write_probe_interval): a write fails with
// RESOURCE_EXHAUSTED naming the index, the writing services' health turns NOT_SERVING
// before that reply, matches go on, and once space is freed health turns SERVING by
// itself (the probe) and writes succeed, in the same process. On a real small ext4.
#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include <grpcpp/generic/generic_stub.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "engine/loop_fs.h"
#include "gmock/gmock.h"
#include "service/service_test_util.h"

namespace cakap_svc_test {
namespace {

using ::testing::HasSubstr;

// grpc.health.v1.Health/Check for `service`: 1 SERVING, 2 NOT_SERVING, -1 on error.
int HealthOf(grpc::Channel* channel, const std::string& service) {
  grpc::GenericStub stub(channel->shared_from_this());
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  std::string request;
  request.push_back(static_cast<char>((1 << 3) | 2));  // field 1, length-delimited
  request.push_back(static_cast<char>(service.size()));
  request += service;
  grpc::Slice slice(request);
  grpc::ByteBuffer req(&slice, 1), resp;
  grpc::CompletionQueue cq;
  auto call = stub.PrepareUnaryCall(&ctx, "/grpc.health.v1.Health/Check", req, &cq);
  call->StartCall();
  grpc::Status status;
  call->Finish(&resp, &status, reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  cq.Next(&tag, &ok);
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  std::vector<grpc::Slice> slices;
  if (!status.ok() || !resp.Dump(&slices).ok()) return -1;
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  if (bytes.empty()) return 0;  // UNKNOWN (default value, not sent)
  return bytes.size() == 2 && bytes[0] == 0x08 ? bytes[1] : -1;
}

grpc::Status Upsert(TestServer& s, const std::string& id) {
  grpc::ClientContext ctx;
  Auth(&ctx, s.keys.portal);
  cakap::v1::UpsertWorkerRequest req;
  *req.mutable_worker() = WorkerBuilder(id)
                              .Skill("LAS")
                              .Training(absl::StrCat("Pelatihan pengelasan angkatan ", id),
                                        "BLK Banjarbaru", "pengelasan", 2024)
                              .Build();
  cakap::v1::UpsertWorkerResponse resp;
  return s.workers->UpsertWorker(&ctx, req, &resp);
}

TEST(WriteHealthTest, FullDiskTurnsWritesNotServingUntilSpaceIsFreed) {
  TempDir mounts;
  cakap_test::LoopFs disk(mounts.Sub("disk.img"), mounts.Sub("mnt"));
  if (std::string why = disk.MountExt4(8); !why.empty()) GTEST_SKIP() << why;
  const std::string data = disk.mount_point() + "/data";
  TestServer s([&](cakap::service::ServerOptions* o) {
    o->data_dir = data;
    o->write_probe_interval = absl::Milliseconds(50);
  });
  ASSERT_NE(s.server, nullptr);
  ASSERT_TRUE(Upsert(s, "before").ok());
  EXPECT_EQ(HealthOf(s.channel.get(), "cakap.v1.WorkerService"), 1);

  // Fill the disk, then write until glass runs out of the free blocks in its files.
  const std::string filler = disk.mount_point() + "/filler";
  {
    const int fd = open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(fd, 0);
    const std::string block(64 * 1024, 'x');
    for (size_t chunk = block.size(); chunk >= 512;) {
      if (write(fd, block.data(), chunk) <= 0) chunk /= 2;
    }
    fsync(fd);
    close(fd);
  }
  grpc::Status failed;
  std::vector<std::string> acknowledged = {"before"};
  for (int i = 0; i < 2000 && failed.ok(); ++i) {
    const std::string id = absl::StrCat("w", i);
    failed = Upsert(s, id);
    if (failed.ok()) acknowledged.push_back(id);
  }
  ASSERT_EQ(failed.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << failed.error_message();
  EXPECT_THAT(failed.error_message(), HasSubstr(data));
  // Set before the failed reply was sent; reads and matches still serve.
  EXPECT_EQ(HealthOf(s.channel.get(), "cakap.v1.WorkerService"), 2);
  EXPECT_EQ(HealthOf(s.channel.get(), "cakap.v1.VacancyService"), 2);
  EXPECT_EQ(HealthOf(s.channel.get(), "cakap.v1.MatchService"), 1);
  EXPECT_EQ(HealthOf(s.channel.get(), ""), 1);
  // The probes keep failing while the disk is full.
  absl::SleepFor(absl::Milliseconds(300));
  EXPECT_EQ(HealthOf(s.channel.get(), "cakap.v1.WorkerService"), 2);
  for (const std::string& id : acknowledged) EXPECT_TRUE(GetWorker(s, s.keys.portal, id).ok()) << id;

  ASSERT_EQ(unlink(filler.c_str()), 0);
  // No client writes: the probe finds writes work again.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (HealthOf(s.channel.get(), "cakap.v1.WorkerService") != 1 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_EQ(HealthOf(s.channel.get(), "cakap.v1.WorkerService"), 1);
  EXPECT_EQ(HealthOf(s.channel.get(), "cakap.v1.VacancyService"), 1);
  ASSERT_TRUE(Upsert(s, "after").ok());
  acknowledged.push_back("after");
  for (const std::string& id : acknowledged) EXPECT_TRUE(GetWorker(s, s.keys.portal, id).ok()) << id;
  s.server->Shutdown(absl::ZeroDuration());
}

}  // namespace
}  // namespace cakap_svc_test
