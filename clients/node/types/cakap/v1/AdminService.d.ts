import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { StatsRequest as _cakap_v1_StatsRequest, StatsRequest__Output as _cakap_v1_StatsRequest__Output } from '../../cakap/v1/StatsRequest';
import type { StatsResponse as _cakap_v1_StatsResponse, StatsResponse__Output as _cakap_v1_StatsResponse__Output } from '../../cakap/v1/StatsResponse';
/**
 * Index statistics. Admin only.
 */
export interface AdminServiceClient extends grpc.Client {
    /**
     * Counts, the index revision and its size on disk.
     */
    Stats(argument: _cakap_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
    Stats(argument: _cakap_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
    Stats(argument: _cakap_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
    Stats(argument: _cakap_v1_StatsRequest, callback: grpc.requestCallback<_cakap_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Counts, the index revision and its size on disk.
     */
    stats(argument: _cakap_v1_StatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
    stats(argument: _cakap_v1_StatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
    stats(argument: _cakap_v1_StatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
    stats(argument: _cakap_v1_StatsRequest, callback: grpc.requestCallback<_cakap_v1_StatsResponse__Output>): grpc.ClientUnaryCall;
}
/**
 * Index statistics. Admin only.
 */
export interface AdminServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Counts, the index revision and its size on disk.
     */
    Stats: grpc.handleUnaryCall<_cakap_v1_StatsRequest__Output, _cakap_v1_StatsResponse>;
}
export interface AdminServiceDefinition extends grpc.ServiceDefinition {
    Stats: MethodDefinition<_cakap_v1_StatsRequest, _cakap_v1_StatsResponse, _cakap_v1_StatsRequest__Output, _cakap_v1_StatsResponse__Output>;
}
