import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { BackupRequest as _cakap_v1_BackupRequest, BackupRequest__Output as _cakap_v1_BackupRequest__Output } from '../../cakap/v1/BackupRequest';
import type { BackupResponse as _cakap_v1_BackupResponse, BackupResponse__Output as _cakap_v1_BackupResponse__Output } from '../../cakap/v1/BackupResponse';
import type { StatsRequest as _cakap_v1_StatsRequest, StatsRequest__Output as _cakap_v1_StatsRequest__Output } from '../../cakap/v1/StatsRequest';
import type { StatsResponse as _cakap_v1_StatsResponse, StatsResponse__Output as _cakap_v1_StatsResponse__Output } from '../../cakap/v1/StatsResponse';
/**
 * Index statistics. Admin only.
 */
export interface AdminServiceClient extends grpc.Client {
    /**
     * Copies the last committed revision of the index into a directory on the server's
     * host, while the server goes on serving and writing (writes wait only for moments):
     * a consistent copy, fsync'd, then checked in full (checksums of every record,
     * Xapian's table check). Restore it with `cakap restore BACKUP DIR` with cakapd
     * stopped. FAILED_PRECONDITION when the directory exists and is not empty; DATA_LOSS
     * when the copy fails its check (the message names the first problem).
     */
    Backup(argument: _cakap_v1_BackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_BackupResponse__Output>): grpc.ClientUnaryCall;
    Backup(argument: _cakap_v1_BackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_BackupResponse__Output>): grpc.ClientUnaryCall;
    Backup(argument: _cakap_v1_BackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_BackupResponse__Output>): grpc.ClientUnaryCall;
    Backup(argument: _cakap_v1_BackupRequest, callback: grpc.requestCallback<_cakap_v1_BackupResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Copies the last committed revision of the index into a directory on the server's
     * host, while the server goes on serving and writing (writes wait only for moments):
     * a consistent copy, fsync'd, then checked in full (checksums of every record,
     * Xapian's table check). Restore it with `cakap restore BACKUP DIR` with cakapd
     * stopped. FAILED_PRECONDITION when the directory exists and is not empty; DATA_LOSS
     * when the copy fails its check (the message names the first problem).
     */
    backup(argument: _cakap_v1_BackupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_BackupResponse__Output>): grpc.ClientUnaryCall;
    backup(argument: _cakap_v1_BackupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_BackupResponse__Output>): grpc.ClientUnaryCall;
    backup(argument: _cakap_v1_BackupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_BackupResponse__Output>): grpc.ClientUnaryCall;
    backup(argument: _cakap_v1_BackupRequest, callback: grpc.requestCallback<_cakap_v1_BackupResponse__Output>): grpc.ClientUnaryCall;
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
     * Copies the last committed revision of the index into a directory on the server's
     * host, while the server goes on serving and writing (writes wait only for moments):
     * a consistent copy, fsync'd, then checked in full (checksums of every record,
     * Xapian's table check). Restore it with `cakap restore BACKUP DIR` with cakapd
     * stopped. FAILED_PRECONDITION when the directory exists and is not empty; DATA_LOSS
     * when the copy fails its check (the message names the first problem).
     */
    Backup: grpc.handleUnaryCall<_cakap_v1_BackupRequest__Output, _cakap_v1_BackupResponse>;
    /**
     * Counts, the index revision and its size on disk.
     */
    Stats: grpc.handleUnaryCall<_cakap_v1_StatsRequest__Output, _cakap_v1_StatsResponse>;
}
export interface AdminServiceDefinition extends grpc.ServiceDefinition {
    Backup: MethodDefinition<_cakap_v1_BackupRequest, _cakap_v1_BackupResponse, _cakap_v1_BackupRequest__Output, _cakap_v1_BackupResponse__Output>;
    Stats: MethodDefinition<_cakap_v1_StatsRequest, _cakap_v1_StatsResponse, _cakap_v1_StatsRequest__Output, _cakap_v1_StatsResponse__Output>;
}
