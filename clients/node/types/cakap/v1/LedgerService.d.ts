import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { GetHistoryRequest as _cakap_v1_GetHistoryRequest, GetHistoryRequest__Output as _cakap_v1_GetHistoryRequest__Output } from '../../cakap/v1/GetHistoryRequest';
import type { GetHistoryResponse as _cakap_v1_GetHistoryResponse, GetHistoryResponse__Output as _cakap_v1_GetHistoryResponse__Output } from '../../cakap/v1/GetHistoryResponse';
import type { RecordOutcomeRequest as _cakap_v1_RecordOutcomeRequest, RecordOutcomeRequest__Output as _cakap_v1_RecordOutcomeRequest__Output } from '../../cakap/v1/RecordOutcomeRequest';
import type { RecordOutcomeResponse as _cakap_v1_RecordOutcomeResponse, RecordOutcomeResponse__Output as _cakap_v1_RecordOutcomeResponse__Output } from '../../cakap/v1/RecordOutcomeResponse';
import type { RecordPlacementRequest as _cakap_v1_RecordPlacementRequest, RecordPlacementRequest__Output as _cakap_v1_RecordPlacementRequest__Output } from '../../cakap/v1/RecordPlacementRequest';
import type { RecordPlacementResponse as _cakap_v1_RecordPlacementResponse, RecordPlacementResponse__Output as _cakap_v1_RecordPlacementResponse__Output } from '../../cakap/v1/RecordPlacementResponse';
/**
 * Placements and outcomes. Roles: portal and admin everything; a partner records
 * placements into its own vacancies and outcomes of its own placements, and may not read
 * histories (PERMISSION_DENIED). Every write is on disk before it is acknowledged and
 * appended to the audit log.
 */
export interface LedgerServiceClient extends grpc.Client {
    GetHistory(argument: _cakap_v1_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
    GetHistory(argument: _cakap_v1_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
    GetHistory(argument: _cakap_v1_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
    GetHistory(argument: _cakap_v1_GetHistoryRequest, callback: grpc.requestCallback<_cakap_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
    getHistory(argument: _cakap_v1_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
    getHistory(argument: _cakap_v1_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
    getHistory(argument: _cakap_v1_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
    getHistory(argument: _cakap_v1_GetHistoryRequest, callback: grpc.requestCallback<_cakap_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
    RecordOutcome(argument: _cakap_v1_RecordOutcomeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
    RecordOutcome(argument: _cakap_v1_RecordOutcomeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
    RecordOutcome(argument: _cakap_v1_RecordOutcomeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
    RecordOutcome(argument: _cakap_v1_RecordOutcomeRequest, callback: grpc.requestCallback<_cakap_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
    recordOutcome(argument: _cakap_v1_RecordOutcomeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
    recordOutcome(argument: _cakap_v1_RecordOutcomeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
    recordOutcome(argument: _cakap_v1_RecordOutcomeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
    recordOutcome(argument: _cakap_v1_RecordOutcomeRequest, callback: grpc.requestCallback<_cakap_v1_RecordOutcomeResponse__Output>): grpc.ClientUnaryCall;
    RecordPlacement(argument: _cakap_v1_RecordPlacementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_RecordPlacementResponse__Output>): grpc.ClientUnaryCall;
    RecordPlacement(argument: _cakap_v1_RecordPlacementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_RecordPlacementResponse__Output>): grpc.ClientUnaryCall;
    RecordPlacement(argument: _cakap_v1_RecordPlacementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_RecordPlacementResponse__Output>): grpc.ClientUnaryCall;
    RecordPlacement(argument: _cakap_v1_RecordPlacementRequest, callback: grpc.requestCallback<_cakap_v1_RecordPlacementResponse__Output>): grpc.ClientUnaryCall;
    recordPlacement(argument: _cakap_v1_RecordPlacementRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_RecordPlacementResponse__Output>): grpc.ClientUnaryCall;
    recordPlacement(argument: _cakap_v1_RecordPlacementRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_RecordPlacementResponse__Output>): grpc.ClientUnaryCall;
    recordPlacement(argument: _cakap_v1_RecordPlacementRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_RecordPlacementResponse__Output>): grpc.ClientUnaryCall;
    recordPlacement(argument: _cakap_v1_RecordPlacementRequest, callback: grpc.requestCallback<_cakap_v1_RecordPlacementResponse__Output>): grpc.ClientUnaryCall;
}
/**
 * Placements and outcomes. Roles: portal and admin everything; a partner records
 * placements into its own vacancies and outcomes of its own placements, and may not read
 * histories (PERMISSION_DENIED). Every write is on disk before it is acknowledged and
 * appended to the audit log.
 */
export interface LedgerServiceHandlers extends grpc.UntypedServiceImplementation {
    GetHistory: grpc.handleUnaryCall<_cakap_v1_GetHistoryRequest__Output, _cakap_v1_GetHistoryResponse>;
    RecordOutcome: grpc.handleUnaryCall<_cakap_v1_RecordOutcomeRequest__Output, _cakap_v1_RecordOutcomeResponse>;
    RecordPlacement: grpc.handleUnaryCall<_cakap_v1_RecordPlacementRequest__Output, _cakap_v1_RecordPlacementResponse>;
}
export interface LedgerServiceDefinition extends grpc.ServiceDefinition {
    GetHistory: MethodDefinition<_cakap_v1_GetHistoryRequest, _cakap_v1_GetHistoryResponse, _cakap_v1_GetHistoryRequest__Output, _cakap_v1_GetHistoryResponse__Output>;
    RecordOutcome: MethodDefinition<_cakap_v1_RecordOutcomeRequest, _cakap_v1_RecordOutcomeResponse, _cakap_v1_RecordOutcomeRequest__Output, _cakap_v1_RecordOutcomeResponse__Output>;
    RecordPlacement: MethodDefinition<_cakap_v1_RecordPlacementRequest, _cakap_v1_RecordPlacementResponse, _cakap_v1_RecordPlacementRequest__Output, _cakap_v1_RecordPlacementResponse__Output>;
}
