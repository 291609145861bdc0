// The gRPC transport: every rpc of the RpcTable (rpc.h), the handlers the HTTP transport
// dispatches to as well, registered under its proto service with raw bytes in and out
// (cakap parses requests itself: request.h).
#ifndef CAKAP_SERVICE_GRPC_SERVICES_H_
#define CAKAP_SERVICE_GRPC_SERVICES_H_

#include <memory>
#include <vector>

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>

#include "rpc.h"

namespace cakap {
namespace service {

// One grpc::Service per proto service of `table` (WorkerService, VacancyService,
// MatchService, AdminService); `table` must outlive them.
std::vector<std::unique_ptr<grpc::Service>> NewGrpcServices(const RpcTable* table);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_GRPC_SERVICES_H_
