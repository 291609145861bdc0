import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { VacancyAlert as _cakap_v1_VacancyAlert, VacancyAlert__Output as _cakap_v1_VacancyAlert__Output } from '../../cakap/v1/VacancyAlert';
import type { WatchVacancyRequest as _cakap_v1_WatchVacancyRequest, WatchVacancyRequest__Output as _cakap_v1_WatchVacancyRequest__Output } from '../../cakap/v1/WatchVacancyRequest';
export interface AlertServiceClient extends grpc.Client {
    /**
     * Streams the alerts of a stored vacancy until the call's deadline (then
     * DEADLINE_EXCEEDED, the normal end of a watch), the client cancels, the vacancy is
     * deleted or stops being visible to the caller (NOT_FOUND), or cakapd shuts down
     * (UNAVAILABLE: reconnect with the last cursor). Roles: portal and admin any stored
     * vacancy; partner only a vacancy it may see (open, or its own) and only workers
     * within its key's regions, redacted, scored without welfare and from rounded
     * coordinates, and every alert written to the audit log before it is sent.
     * Over HTTP: a Connect server stream (docs/http.md).
     */
    WatchVacancy(argument: _cakap_v1_WatchVacancyRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_cakap_v1_VacancyAlert__Output>;
    WatchVacancy(argument: _cakap_v1_WatchVacancyRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_cakap_v1_VacancyAlert__Output>;
    /**
     * Streams the alerts of a stored vacancy until the call's deadline (then
     * DEADLINE_EXCEEDED, the normal end of a watch), the client cancels, the vacancy is
     * deleted or stops being visible to the caller (NOT_FOUND), or cakapd shuts down
     * (UNAVAILABLE: reconnect with the last cursor). Roles: portal and admin any stored
     * vacancy; partner only a vacancy it may see (open, or its own) and only workers
     * within its key's regions, redacted, scored without welfare and from rounded
     * coordinates, and every alert written to the audit log before it is sent.
     * Over HTTP: a Connect server stream (docs/http.md).
     */
    watchVacancy(argument: _cakap_v1_WatchVacancyRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_cakap_v1_VacancyAlert__Output>;
    watchVacancy(argument: _cakap_v1_WatchVacancyRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_cakap_v1_VacancyAlert__Output>;
}
export interface AlertServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Streams the alerts of a stored vacancy until the call's deadline (then
     * DEADLINE_EXCEEDED, the normal end of a watch), the client cancels, the vacancy is
     * deleted or stops being visible to the caller (NOT_FOUND), or cakapd shuts down
     * (UNAVAILABLE: reconnect with the last cursor). Roles: portal and admin any stored
     * vacancy; partner only a vacancy it may see (open, or its own) and only workers
     * within its key's regions, redacted, scored without welfare and from rounded
     * coordinates, and every alert written to the audit log before it is sent.
     * Over HTTP: a Connect server stream (docs/http.md).
     */
    WatchVacancy: grpc.handleServerStreamingCall<_cakap_v1_WatchVacancyRequest__Output, _cakap_v1_VacancyAlert>;
}
export interface AlertServiceDefinition extends grpc.ServiceDefinition {
    WatchVacancy: MethodDefinition<_cakap_v1_WatchVacancyRequest, _cakap_v1_VacancyAlert, _cakap_v1_WatchVacancyRequest__Output, _cakap_v1_VacancyAlert__Output>;
}
