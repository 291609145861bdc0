import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { DeleteVacancyRequest as _cakap_v1_DeleteVacancyRequest, DeleteVacancyRequest__Output as _cakap_v1_DeleteVacancyRequest__Output } from '../../cakap/v1/DeleteVacancyRequest';
import type { DeleteVacancyResponse as _cakap_v1_DeleteVacancyResponse, DeleteVacancyResponse__Output as _cakap_v1_DeleteVacancyResponse__Output } from '../../cakap/v1/DeleteVacancyResponse';
import type { GetVacancyRequest as _cakap_v1_GetVacancyRequest, GetVacancyRequest__Output as _cakap_v1_GetVacancyRequest__Output } from '../../cakap/v1/GetVacancyRequest';
import type { GetVacancyResponse as _cakap_v1_GetVacancyResponse, GetVacancyResponse__Output as _cakap_v1_GetVacancyResponse__Output } from '../../cakap/v1/GetVacancyResponse';
import type { ListVacanciesRequest as _cakap_v1_ListVacanciesRequest, ListVacanciesRequest__Output as _cakap_v1_ListVacanciesRequest__Output } from '../../cakap/v1/ListVacanciesRequest';
import type { ListVacanciesResponse as _cakap_v1_ListVacanciesResponse, ListVacanciesResponse__Output as _cakap_v1_ListVacanciesResponse__Output } from '../../cakap/v1/ListVacanciesResponse';
import type { UpsertVacanciesRequest as _cakap_v1_UpsertVacanciesRequest, UpsertVacanciesRequest__Output as _cakap_v1_UpsertVacanciesRequest__Output } from '../../cakap/v1/UpsertVacanciesRequest';
import type { UpsertVacanciesResponse as _cakap_v1_UpsertVacanciesResponse, UpsertVacanciesResponse__Output as _cakap_v1_UpsertVacanciesResponse__Output } from '../../cakap/v1/UpsertVacanciesResponse';
import type { UpsertVacancyRequest as _cakap_v1_UpsertVacancyRequest, UpsertVacancyRequest__Output as _cakap_v1_UpsertVacancyRequest__Output } from '../../cakap/v1/UpsertVacancyRequest';
import type { UpsertVacancyResponse as _cakap_v1_UpsertVacancyResponse, UpsertVacancyResponse__Output as _cakap_v1_UpsertVacancyResponse__Output } from '../../cakap/v1/UpsertVacancyResponse';
/**
 * Stores vacancies for reverse matching. Writes: portal and admin. Reads: every role
 * (partners: open vacancies and their own, see "Partners" above).
 */
export interface VacancyServiceClient extends grpc.Client {
    /**
     * Removes the vacancy. NOT_FOUND when there is none.
     */
    DeleteVacancy(argument: _cakap_v1_DeleteVacancyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_DeleteVacancyResponse__Output>): grpc.ClientUnaryCall;
    DeleteVacancy(argument: _cakap_v1_DeleteVacancyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_DeleteVacancyResponse__Output>): grpc.ClientUnaryCall;
    DeleteVacancy(argument: _cakap_v1_DeleteVacancyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_DeleteVacancyResponse__Output>): grpc.ClientUnaryCall;
    DeleteVacancy(argument: _cakap_v1_DeleteVacancyRequest, callback: grpc.requestCallback<_cakap_v1_DeleteVacancyResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Removes the vacancy. NOT_FOUND when there is none.
     */
    deleteVacancy(argument: _cakap_v1_DeleteVacancyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_DeleteVacancyResponse__Output>): grpc.ClientUnaryCall;
    deleteVacancy(argument: _cakap_v1_DeleteVacancyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_DeleteVacancyResponse__Output>): grpc.ClientUnaryCall;
    deleteVacancy(argument: _cakap_v1_DeleteVacancyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_DeleteVacancyResponse__Output>): grpc.ClientUnaryCall;
    deleteVacancy(argument: _cakap_v1_DeleteVacancyRequest, callback: grpc.requestCallback<_cakap_v1_DeleteVacancyResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The stored vacancy. NOT_FOUND when there is none (or, for a partner, when it is
     * neither open nor the partner's own).
     */
    GetVacancy(argument: _cakap_v1_GetVacancyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetVacancyResponse__Output>): grpc.ClientUnaryCall;
    GetVacancy(argument: _cakap_v1_GetVacancyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_GetVacancyResponse__Output>): grpc.ClientUnaryCall;
    GetVacancy(argument: _cakap_v1_GetVacancyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetVacancyResponse__Output>): grpc.ClientUnaryCall;
    GetVacancy(argument: _cakap_v1_GetVacancyRequest, callback: grpc.requestCallback<_cakap_v1_GetVacancyResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The stored vacancy. NOT_FOUND when there is none (or, for a partner, when it is
     * neither open nor the partner's own).
     */
    getVacancy(argument: _cakap_v1_GetVacancyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetVacancyResponse__Output>): grpc.ClientUnaryCall;
    getVacancy(argument: _cakap_v1_GetVacancyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_GetVacancyResponse__Output>): grpc.ClientUnaryCall;
    getVacancy(argument: _cakap_v1_GetVacancyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_GetVacancyResponse__Output>): grpc.ClientUnaryCall;
    getVacancy(argument: _cakap_v1_GetVacancyRequest, callback: grpc.requestCallback<_cakap_v1_GetVacancyResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The stored vacancies, by id, a page at a time, optionally only the open ones or one
     * owner's. Every role; a partner lists only its own vacancies (Vacancy.owner is its
     * key's name), not the open ones of others that GetVacancy would show it.
     */
    ListVacancies(argument: _cakap_v1_ListVacanciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_ListVacanciesResponse__Output>): grpc.ClientUnaryCall;
    ListVacancies(argument: _cakap_v1_ListVacanciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_ListVacanciesResponse__Output>): grpc.ClientUnaryCall;
    ListVacancies(argument: _cakap_v1_ListVacanciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_ListVacanciesResponse__Output>): grpc.ClientUnaryCall;
    ListVacancies(argument: _cakap_v1_ListVacanciesRequest, callback: grpc.requestCallback<_cakap_v1_ListVacanciesResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The stored vacancies, by id, a page at a time, optionally only the open ones or one
     * owner's. Every role; a partner lists only its own vacancies (Vacancy.owner is its
     * key's name), not the open ones of others that GetVacancy would show it.
     */
    listVacancies(argument: _cakap_v1_ListVacanciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_ListVacanciesResponse__Output>): grpc.ClientUnaryCall;
    listVacancies(argument: _cakap_v1_ListVacanciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_ListVacanciesResponse__Output>): grpc.ClientUnaryCall;
    listVacancies(argument: _cakap_v1_ListVacanciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_ListVacanciesResponse__Output>): grpc.ClientUnaryCall;
    listVacancies(argument: _cakap_v1_ListVacanciesRequest, callback: grpc.requestCallback<_cakap_v1_ListVacanciesResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Stores a stream of vacancies as UpsertWorkers stores workers: batches of 500 records,
     * each batch in one commit; an invalid record is rejected (listed with its index and
     * reason) and the stream goes on. Over HTTP: POST /v1/import/vacancies, JSON Lines.
     */
    UpsertVacancies(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertVacanciesResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertVacanciesRequest>;
    UpsertVacancies(metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_UpsertVacanciesResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertVacanciesRequest>;
    UpsertVacancies(options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertVacanciesResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertVacanciesRequest>;
    UpsertVacancies(callback: grpc.requestCallback<_cakap_v1_UpsertVacanciesResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertVacanciesRequest>;
    /**
     * Stores a stream of vacancies as UpsertWorkers stores workers: batches of 500 records,
     * each batch in one commit; an invalid record is rejected (listed with its index and
     * reason) and the stream goes on. Over HTTP: POST /v1/import/vacancies, JSON Lines.
     */
    upsertVacancies(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertVacanciesResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertVacanciesRequest>;
    upsertVacancies(metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_UpsertVacanciesResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertVacanciesRequest>;
    upsertVacancies(options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertVacanciesResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertVacanciesRequest>;
    upsertVacancies(callback: grpc.requestCallback<_cakap_v1_UpsertVacanciesResponse__Output>): grpc.ClientWritableStream<_cakap_v1_UpsertVacanciesRequest>;
    /**
     * Stores the vacancy (id required), replacing one with the same id. INVALID_ARGUMENT
     * naming the field when it is invalid.
     */
    UpsertVacancy(argument: _cakap_v1_UpsertVacancyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertVacancyResponse__Output>): grpc.ClientUnaryCall;
    UpsertVacancy(argument: _cakap_v1_UpsertVacancyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_UpsertVacancyResponse__Output>): grpc.ClientUnaryCall;
    UpsertVacancy(argument: _cakap_v1_UpsertVacancyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertVacancyResponse__Output>): grpc.ClientUnaryCall;
    UpsertVacancy(argument: _cakap_v1_UpsertVacancyRequest, callback: grpc.requestCallback<_cakap_v1_UpsertVacancyResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Stores the vacancy (id required), replacing one with the same id. INVALID_ARGUMENT
     * naming the field when it is invalid.
     */
    upsertVacancy(argument: _cakap_v1_UpsertVacancyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertVacancyResponse__Output>): grpc.ClientUnaryCall;
    upsertVacancy(argument: _cakap_v1_UpsertVacancyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_UpsertVacancyResponse__Output>): grpc.ClientUnaryCall;
    upsertVacancy(argument: _cakap_v1_UpsertVacancyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_UpsertVacancyResponse__Output>): grpc.ClientUnaryCall;
    upsertVacancy(argument: _cakap_v1_UpsertVacancyRequest, callback: grpc.requestCallback<_cakap_v1_UpsertVacancyResponse__Output>): grpc.ClientUnaryCall;
}
/**
 * Stores vacancies for reverse matching. Writes: portal and admin. Reads: every role
 * (partners: open vacancies and their own, see "Partners" above).
 */
export interface VacancyServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Removes the vacancy. NOT_FOUND when there is none.
     */
    DeleteVacancy: grpc.handleUnaryCall<_cakap_v1_DeleteVacancyRequest__Output, _cakap_v1_DeleteVacancyResponse>;
    /**
     * The stored vacancy. NOT_FOUND when there is none (or, for a partner, when it is
     * neither open nor the partner's own).
     */
    GetVacancy: grpc.handleUnaryCall<_cakap_v1_GetVacancyRequest__Output, _cakap_v1_GetVacancyResponse>;
    /**
     * The stored vacancies, by id, a page at a time, optionally only the open ones or one
     * owner's. Every role; a partner lists only its own vacancies (Vacancy.owner is its
     * key's name), not the open ones of others that GetVacancy would show it.
     */
    ListVacancies: grpc.handleUnaryCall<_cakap_v1_ListVacanciesRequest__Output, _cakap_v1_ListVacanciesResponse>;
    /**
     * Stores a stream of vacancies as UpsertWorkers stores workers: batches of 500 records,
     * each batch in one commit; an invalid record is rejected (listed with its index and
     * reason) and the stream goes on. Over HTTP: POST /v1/import/vacancies, JSON Lines.
     */
    UpsertVacancies: grpc.handleClientStreamingCall<_cakap_v1_UpsertVacanciesRequest__Output, _cakap_v1_UpsertVacanciesResponse>;
    /**
     * Stores the vacancy (id required), replacing one with the same id. INVALID_ARGUMENT
     * naming the field when it is invalid.
     */
    UpsertVacancy: grpc.handleUnaryCall<_cakap_v1_UpsertVacancyRequest__Output, _cakap_v1_UpsertVacancyResponse>;
}
export interface VacancyServiceDefinition extends grpc.ServiceDefinition {
    DeleteVacancy: MethodDefinition<_cakap_v1_DeleteVacancyRequest, _cakap_v1_DeleteVacancyResponse, _cakap_v1_DeleteVacancyRequest__Output, _cakap_v1_DeleteVacancyResponse__Output>;
    GetVacancy: MethodDefinition<_cakap_v1_GetVacancyRequest, _cakap_v1_GetVacancyResponse, _cakap_v1_GetVacancyRequest__Output, _cakap_v1_GetVacancyResponse__Output>;
    ListVacancies: MethodDefinition<_cakap_v1_ListVacanciesRequest, _cakap_v1_ListVacanciesResponse, _cakap_v1_ListVacanciesRequest__Output, _cakap_v1_ListVacanciesResponse__Output>;
    UpsertVacancies: MethodDefinition<_cakap_v1_UpsertVacanciesRequest, _cakap_v1_UpsertVacanciesResponse, _cakap_v1_UpsertVacanciesRequest__Output, _cakap_v1_UpsertVacanciesResponse__Output>;
    UpsertVacancy: MethodDefinition<_cakap_v1_UpsertVacancyRequest, _cakap_v1_UpsertVacancyResponse, _cakap_v1_UpsertVacancyRequest__Output, _cakap_v1_UpsertVacancyResponse__Output>;
}
