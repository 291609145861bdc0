import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { AllocateRequest as _cakap_v1_AllocateRequest, AllocateRequest__Output as _cakap_v1_AllocateRequest__Output } from '../../cakap/v1/AllocateRequest';
import type { AllocateResponse as _cakap_v1_AllocateResponse, AllocateResponse__Output as _cakap_v1_AllocateResponse__Output } from '../../cakap/v1/AllocateResponse';
/**
 * Batch allocation over the stored vacancies and workers. Roles: portal and admin;
 * partners only over their own stored vacancies (Vacancy.owner = their key's name) with
 * welfare left out, coarse locations, their regions as the cohort filter, redacted
 * workers, and every proposed worker appended to the audit log.
 */
export interface AllocationServiceClient extends grpc.Client {
    Allocate(argument: _cakap_v1_AllocateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_AllocateResponse__Output>): grpc.ClientUnaryCall;
    Allocate(argument: _cakap_v1_AllocateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_AllocateResponse__Output>): grpc.ClientUnaryCall;
    Allocate(argument: _cakap_v1_AllocateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_AllocateResponse__Output>): grpc.ClientUnaryCall;
    Allocate(argument: _cakap_v1_AllocateRequest, callback: grpc.requestCallback<_cakap_v1_AllocateResponse__Output>): grpc.ClientUnaryCall;
    allocate(argument: _cakap_v1_AllocateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_AllocateResponse__Output>): grpc.ClientUnaryCall;
    allocate(argument: _cakap_v1_AllocateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_AllocateResponse__Output>): grpc.ClientUnaryCall;
    allocate(argument: _cakap_v1_AllocateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_AllocateResponse__Output>): grpc.ClientUnaryCall;
    allocate(argument: _cakap_v1_AllocateRequest, callback: grpc.requestCallback<_cakap_v1_AllocateResponse__Output>): grpc.ClientUnaryCall;
}
/**
 * Batch allocation over the stored vacancies and workers. Roles: portal and admin;
 * partners only over their own stored vacancies (Vacancy.owner = their key's name) with
 * welfare left out, coarse locations, their regions as the cohort filter, redacted
 * workers, and every proposed worker appended to the audit log.
 */
export interface AllocationServiceHandlers extends grpc.UntypedServiceImplementation {
    Allocate: grpc.handleUnaryCall<_cakap_v1_AllocateRequest__Output, _cakap_v1_AllocateResponse>;
}
export interface AllocationServiceDefinition extends grpc.ServiceDefinition {
    Allocate: MethodDefinition<_cakap_v1_AllocateRequest, _cakap_v1_AllocateResponse, _cakap_v1_AllocateRequest__Output, _cakap_v1_AllocateResponse__Output>;
}
