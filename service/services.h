// The four cakap gRPC services over a Backend (call.h). Each rpc authorizes, validates,
// calls the engine and maps the status; no ranking logic lives here.
#ifndef CAKAP_SERVICE_SERVICES_H_
#define CAKAP_SERVICE_SERVICES_H_

#include <memory>

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>

#include "call.h"

namespace cakap {
namespace service {

// Records per engine commit in WorkerService.UpsertWorkers.
inline constexpr size_t kImportBatch = 500;
// At most this many rejections are listed in an UpsertWorkers reply (all are counted).
inline constexpr size_t kMaxListedRejections = 10000;

std::unique_ptr<grpc::Service> NewWorkerService(Backend* backend);
std::unique_ptr<grpc::Service> NewVacancyService(Backend* backend);
std::unique_ptr<grpc::Service> NewMatchService(Backend* backend);
std::unique_ptr<grpc::Service> NewAdminService(Backend* backend);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_SERVICES_H_
