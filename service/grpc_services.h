// The gRPC transport: the four cakap services, each rpc one line that hands the call to
// the RpcTable (rpc.h), the same handlers the HTTP transport dispatches to.
#ifndef CAKAP_SERVICE_GRPC_SERVICES_H_
#define CAKAP_SERVICE_GRPC_SERVICES_H_

#include <memory>
#include <vector>

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>

#include "rpc.h"

namespace cakap {
namespace service {

// WorkerService, VacancyService, MatchService and AdminService over `table`, which must
// outlive them.
std::vector<std::unique_ptr<grpc::Service>> NewGrpcServices(const RpcTable* table);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_GRPC_SERVICES_H_
