import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { DeleteWorkerRequest as _cakap_v1_DeleteWorkerRequest, DeleteWorkerRequest__Output as _cakap_v1_DeleteWorkerRequest__Output } from '../../cakap/v1/DeleteWorkerRequest';
import type { DeleteWorkerResponse as _cakap_v1_DeleteWorkerResponse, DeleteWorkerResponse__Output as _cakap_v1_DeleteWorkerResponse__Output } from '../../cakap/v1/DeleteWorkerResponse';
import type { GetWorkerRequest as _cakap_v1_GetWorkerRequest, GetWorkerRequest__Output as _cakap_v1_GetWorkerRequest__Output } from '../../cakap/v1/GetWorkerRequest';
import type { GetWorkerResponse as _cakap_v1_GetWorkerResponse, GetWorkerResponse__Output as _cakap_v1_GetWorkerResponse__Output } from '../../cakap/v1/GetWorkerResponse';
import type { UpsertWorkerRequest as _cakap_v1_UpsertWorkerRequest, UpsertWorkerRequest__Output as _cakap_v1_UpsertWorkerRequest__Output } from '../../cakap/v1/UpsertWorkerRequest';
import type { UpsertWorkerResponse as _cakap_v1_UpsertWorkerResponse, UpsertWorkerResponse__Output as _cakap_v1_UpsertWorkerResponse__Output } from '../../cakap/v1/UpsertWorkerResponse';
import type { UpsertWorkersRequest as _cakap_v1_UpsertWorkersRequest, UpsertWorkersRequest__Output as _cakap_v1_UpsertWorkersRequest__Output } from '../../cakap/v1/UpsertWorkersRequest';
import type { UpsertWorkersResponse as _cakap_v1_UpsertWorkersResponse, UpsertWorkersResponse__Output as _cakap_v1_UpsertWorkersResponse__Output } from '../../cakap/v1/UpsertWorkersResponse';
/**
 * Stores and reads worker records. Writes: portal and admin. Reads: every role.
 */
export interface WorkerServiceClient extends grpc.Client {
    /**
     * Removes the worker. NOT_FOUND when there is none.
     */
    DeleteWorker(argument: _cakap_v1_DeleteWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_DeleteWorkerResponse__Output>): grpc.ClientUnaryCall;
    DeleteWorker(argument: _cakap_v1_DeleteWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_DeleteWorkerResponse__Output>): grpc.ClientUnaryCall;
    DeleteWorker(argument: _cakap_v1_DeleteWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_DeleteWorkerResponse__Output>): grpc.ClientUnaryCall;
    DeleteWorker(argument: _cakap_v1_DeleteWorkerRequest, callback: grpc.requestCallback<_cakap_v1_DeleteWorkerResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Removes the worker. NOT_FOUND when there is none.
     */
    deleteWorker(argument: _cakap_v1_DeleteWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_DeleteWorkerResponse__Output>): grpc.ClientUnaryCall;
    deleteWorker(argument: _cakap_v1_DeleteWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_DeleteWorkerResponse__Output>): grpc.ClientUnaryCall;
    deleteWorker(argument: _cakap_v1_DeleteWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_DeleteWorkerResponse__Output>): grpc.ClientUnaryCall;
    deleteWorker(argument: _cakap_v1_DeleteWorkerRequest, callback: grpc.requestCallback<_cakap_v1_DeleteWorkerResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The stored worker (normalised, see worker.proto). NOT_FOUND when there is none, or
     * when the caller is a partner restricted to regions the worker is not in.
     */
    GetWorker(argument: _cakap_v1_GetWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetWorkerResponse__Output>): grpc.ClientUnaryCall;
    GetWorker(argument: _cakap_v1_GetWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_GetWorkerResponse__Output>): grpc.ClientUnaryCall;
    GetWorker(argument: _cakap_v1_GetWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetWorkerResponse__Output>): grpc.ClientUnaryCall;
    GetWorker(argument: _cakap_v1_GetWorkerRequest, callback: grpc.requestCallback<_cakap_v1_GetWorkerResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The stored worker (normalised, see worker.proto). NOT_FOUND when there is none, or
     * when the caller is a partner restricted to regions the worker is not in.
     */
    getWorker(argument: _cakap_v1_GetWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetWorkerResponse__Output>): grpc.ClientUnaryCall;
    getWorker(argument: _cakap_v1_GetWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_GetWorkerResponse__Output>): grpc.ClientUnaryCall;
    getWorker(argument: _cakap_v1_GetWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetWorkerResponse__Output>): grpc.ClientUnaryCall;
    getWorker(argument: _cakap_v1_GetWorkerRequest, callback: grpc.requestCallback<_cakap_v1_GetWorkerResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Inserts the worker, or replaces the stored one with the same id whole. Durable on
     * return. INVALID_ARGUMENT naming the field when the record is invalid (nothing is
     * written).
     */
    UpsertWorker(argument: _cakap_v1_UpsertWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertWorkerResponse__Output>): grpc.ClientUnaryCall;
    UpsertWorker(argument: _cakap_v1_UpsertWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_UpsertWorkerResponse__Output>): grpc.ClientUnaryCall;
    UpsertWorker(argument: _cakap_v1_UpsertWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertWorkerResponse__Output>): grpc.ClientUnaryCall;
    UpsertWorker(argument: _cakap_v1_UpsertWorkerRequest, callback: grpc.requestCallback<_cakap_v1_UpsertWorkerResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Inserts the worker, or replaces the stored one with the same id whole. Durable on
     * return. INVALID_ARGUMENT naming the field when the record is invalid (nothing is
     * written).
     */
    upsertWorker(argument: _cakap_v1_UpsertWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertWorkerResponse__Output>): grpc.ClientUnaryCall;
    upsertWorker(argument: _cakap_v1_UpsertWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_UpsertWorkerResponse__Output>): grpc.ClientUnaryCall;
    upsertWorker(argument: _cakap_v1_UpsertWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertWorkerResponse__Output>): grpc.ClientUnaryCall;
    upsertWorker(argument: _cakap_v1_UpsertWorkerRequest, callback: grpc.requestCallback<_cakap_v1_UpsertWorkerResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Imports a stream of workers. Records are validated one by one and committed in
     * batches (of 500); a bad record (also one that is not a valid Worker message) is
     * reported in the reply and never stops the stream. A non-OK status (e.g.
     * DEADLINE_EXCEEDED, INTERNAL) ends the import: batches committed before it stay
     * committed, and the status message says how many records were committed until then.
     * When cakapd is shutting down (SIGTERM) the import commits what it has read and ends
     * with UNAVAILABLE "... N records committed (stream index 0 to K-1 read); resend from
     * index K".
     */
    UpsertWorkers(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertWorkersResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertWorkersRequest>;
    UpsertWorkers(metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_UpsertWorkersResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertWorkersRequest>;
    UpsertWorkers(options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertWorkersResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertWorkersRequest>;
    UpsertWorkers(callback: grpc.requestCallback<_cakap_v1_UpsertWorkersResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertWorkersRequest>;
    /**
     * Imports a stream of workers. Records are validated one by one and committed in
     * batches (of 500); a bad record (also one that is not a valid Worker message) is
     * reported in the reply and never stops the stream. A non-OK status (e.g.
     * DEADLINE_EXCEEDED, INTERNAL) ends the import: batches committed before it stay
     * committed, and the status message says how many records were committed until then.
     * When cakapd is shutting down (SIGTERM) the import commits what it has read and ends
     * with UNAVAILABLE "... N records committed (stream index 0 to K-1 read); resend from
     * index K".
     */
    upsertWorkers(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertWorkersResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertWorkersRequest>;
    upsertWorkers(metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_UpsertWorkersResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertWorkersRequest>;
    upsertWorkers(options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertWorkersResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertWorkersRequest>;
    upsertWorkers(callback: grpc.requestCallback<_cakap_v1_UpsertWorkersResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertWorkersRequest>;
}
/**
 * Stores and reads worker records. Writes: portal and admin. Reads: every role.
 */
export interface WorkerServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Removes the worker. NOT_FOUND when there is none.
     */
    DeleteWorker: grpc.handleUnaryCall<_cakap_v1_DeleteWorkerRequest__Output, _cakap_v1_DeleteWorkerResponse>;
    /**
     * The stored worker (normalised, see worker.proto). NOT_FOUND when there is none, or
     * when the caller is a partner restricted to regions the worker is not in.
     */
    GetWorker: grpc.handleUnaryCall<_cakap_v1_GetWorkerRequest__Output, _cakap_v1_GetWorkerResponse>;
    /**
     * Inserts the worker, or replaces the stored one with the same id whole. Durable on
     * return. INVALID_ARGUMENT naming the field when the record is invalid (nothing is
     * written).
     */
    UpsertWorker: grpc.handleUnaryCall<_cakap_v1_UpsertWorkerRequest__Output, _cakap_v1_UpsertWorkerResponse>;
    /**
     * Imports a stream of workers. Records are validated one by one and committed in
     * batches (of 500); a bad record (also one that is not a valid Worker message) is
     * reported in the reply and never stops the stream. A non-OK status (e.g.
     * DEADLINE_EXCEEDED, INTERNAL) ends the import: batches committed before it stay
     * committed, and the status message says how many records were committed until then.
     * When cakapd is shutting down (SIGTERM) the import commits what it has read and ends
     * with UNAVAILABLE "... N records committed (stream index 0 to K-1 read); resend from
     * index K".
     */
    UpsertWorkers: grpc.handleClientStreamingCall<_cakap_v1_UpsertWorkersRequest__Output, _cakap_v1_UpsertWorkersResponse>;
}
export interface WorkerServiceDefinition extends grpc.ServiceDefinition {
    DeleteWorker: MethodDefinition<_cakap_v1_DeleteWorkerRequest, _cakap_v1_DeleteWorkerResponse, _cakap_v1_DeleteWorkerRequest__Output, _cakap_v1_DeleteWorkerResponse__Output>;
    GetWorker: MethodDefinition<_cakap_v1_GetWorkerRequest, _cakap_v1_GetWorkerResponse, _cakap_v1_GetWorkerRequest__Output, _cakap_v1_GetWorkerResponse__Output>;
    UpsertWorker: MethodDefinition<_cakap_v1_UpsertWorkerRequest, _cakap_v1_UpsertWorkerResponse, _cakap_v1_UpsertWorkerRequest__Output, _cakap_v1_UpsertWorkerResponse__Output>;
    UpsertWorkers: MethodDefinition<_cakap_v1_UpsertWorkersRequest, _cakap_v1_UpsertWorkersResponse, _cakap_v1_UpsertWorkersRequest__Output, _cakap_v1_UpsertWorkersResponse__Output>;
}
