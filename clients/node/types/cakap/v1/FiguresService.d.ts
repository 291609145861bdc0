import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { GetFiguresRequest as _cakap_v1_GetFiguresRequest, GetFiguresRequest__Output as _cakap_v1_GetFiguresRequest__Output } from '../../cakap/v1/GetFiguresRequest';
import type { GetFiguresResponse as _cakap_v1_GetFiguresResponse, GetFiguresResponse__Output as _cakap_v1_GetFiguresResponse__Output } from '../../cakap/v1/GetFiguresResponse';
/**
 * Roles: any. A partner's counts are suppressed below the minimum cell size, and
 * welfare slices are PERMISSION_DENIED to it.
 */
export interface FiguresServiceClient extends grpc.Client {
    GetFigures(argument: _cakap_v1_GetFiguresRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetFiguresResponse__Output>): grpc.ClientUnaryCall;
    GetFigures(argument: _cakap_v1_GetFiguresRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_GetFiguresResponse__Output>): grpc.ClientUnaryCall;
    GetFigures(argument: _cakap_v1_GetFiguresRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetFiguresResponse__Output>): grpc.ClientUnaryCall;
    GetFigures(argument: _cakap_v1_GetFiguresRequest, callback: grpc.requestCallback<_cakap_v1_GetFiguresResponse__Output>): grpc.ClientUnaryCall;
    getFigures(argument: _cakap_v1_GetFiguresRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetFiguresResponse__Output>): grpc.ClientUnaryCall;
    getFigures(argument: _cakap_v1_GetFiguresRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_GetFiguresResponse__Output>): grpc.ClientUnaryCall;
    getFigures(argument: _cakap_v1_GetFiguresRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetFiguresResponse__Output>): grpc.ClientUnaryCall;
    getFigures(argument: _cakap_v1_GetFiguresRequest, callback: grpc.requestCallback<_cakap_v1_GetFiguresResponse__Output>): grpc.ClientUnaryCall;
}
/**
 * Roles: any. A partner's counts are suppressed below the minimum cell size, and
 * welfare slices are PERMISSION_DENIED to it.
 */
export interface FiguresServiceHandlers extends grpc.UntypedServiceImplementation {
    GetFigures: grpc.handleUnaryCall<_cakap_v1_GetFiguresRequest__Output, _cakap_v1_GetFiguresResponse>;
}
export interface FiguresServiceDefinition extends grpc.ServiceDefinition {
    GetFigures: MethodDefinition<_cakap_v1_GetFiguresRequest, _cakap_v1_GetFiguresResponse, _cakap_v1_GetFiguresRequest__Output, _cakap_v1_GetFiguresResponse__Output>;
}
