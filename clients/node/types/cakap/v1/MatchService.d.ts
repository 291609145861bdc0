import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { MatchCandidatesRequest as _cakap_v1_MatchCandidatesRequest, MatchCandidatesRequest__Output as _cakap_v1_MatchCandidatesRequest__Output } from '../../cakap/v1/MatchCandidatesRequest';
import type { MatchCandidatesResponse as _cakap_v1_MatchCandidatesResponse, MatchCandidatesResponse__Output as _cakap_v1_MatchCandidatesResponse__Output } from '../../cakap/v1/MatchCandidatesResponse';
import type { MatchVacanciesRequest as _cakap_v1_MatchVacanciesRequest, MatchVacanciesRequest__Output as _cakap_v1_MatchVacanciesRequest__Output } from '../../cakap/v1/MatchVacanciesRequest';
import type { MatchVacanciesResponse as _cakap_v1_MatchVacanciesResponse, MatchVacanciesResponse__Output as _cakap_v1_MatchVacanciesResponse__Output } from '../../cakap/v1/MatchVacanciesResponse';
/**
 * Ranks workers for a vacancy and vacancies for a worker (docs/ranking.md). Every role.
 */
export interface MatchServiceClient extends grpc.Client {
    /**
     * The workers that satisfy every hard constraint of the vacancy, best first, a page at
     * a time, with facets and near misses on request.
     */
    MatchCandidates(argument: _cakap_v1_MatchCandidatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_MatchCandidatesResponse__Output>): grpc.ClientUnaryCall;
    MatchCandidates(argument: _cakap_v1_MatchCandidatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_MatchCandidatesResponse__Output>): grpc.ClientUnaryCall;
    MatchCandidates(argument: _cakap_v1_MatchCandidatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_MatchCandidatesResponse__Output>): grpc.ClientUnaryCall;
    MatchCandidates(argument: _cakap_v1_MatchCandidatesRequest, callback: grpc.requestCallback<_cakap_v1_MatchCandidatesResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The workers that satisfy every hard constraint of the vacancy, best first, a page at
     * a time, with facets and near misses on request.
     */
    matchCandidates(argument: _cakap_v1_MatchCandidatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_MatchCandidatesResponse__Output>): grpc.ClientUnaryCall;
    matchCandidates(argument: _cakap_v1_MatchCandidatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_MatchCandidatesResponse__Output>): grpc.ClientUnaryCall;
    matchCandidates(argument: _cakap_v1_MatchCandidatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_MatchCandidatesResponse__Output>): grpc.ClientUnaryCall;
    matchCandidates(argument: _cakap_v1_MatchCandidatesRequest, callback: grpc.requestCallback<_cakap_v1_MatchCandidatesResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The open stored vacancies a stored worker satisfies, best first.
     */
    MatchVacancies(argument: _cakap_v1_MatchVacanciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_MatchVacanciesResponse__Output>): grpc.ClientUnaryCall;
    MatchVacancies(argument: _cakap_v1_MatchVacanciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_MatchVacanciesResponse__Output>): grpc.ClientUnaryCall;
    MatchVacancies(argument: _cakap_v1_MatchVacanciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_MatchVacanciesResponse__Output>): grpc.ClientUnaryCall;
    MatchVacancies(argument: _cakap_v1_MatchVacanciesRequest, callback: grpc.requestCallback<_cakap_v1_MatchVacanciesResponse__Output>): grpc.ClientUnaryCall;
    /**
     * The open stored vacancies a stored worker satisfies, best first.
     */
    matchVacancies(argument: _cakap_v1_MatchVacanciesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_MatchVacanciesResponse__Output>): grpc.ClientUnaryCall;
    matchVacancies(argument: _cakap_v1_MatchVacanciesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_MatchVacanciesResponse__Output>): grpc.ClientUnaryCall;
    matchVacancies(argument: _cakap_v1_MatchVacanciesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_MatchVacanciesResponse__Output>): grpc.ClientUnaryCall;
    matchVacancies(argument: _cakap_v1_MatchVacanciesRequest, callback: grpc.requestCallback<_cakap_v1_MatchVacanciesResponse__Output>): grpc.ClientUnaryCall;
}
/**
 * Ranks workers for a vacancy and vacancies for a worker (docs/ranking.md). Every role.
 */
export interface MatchServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * The workers that satisfy every hard constraint of the vacancy, best first, a page at
     * a time, with facets and near misses on request.
     */
    MatchCandidates: grpc.handleUnaryCall<_cakap_v1_MatchCandidatesRequest__Output, _cakap_v1_MatchCandidatesResponse>;
    /**
     * The open stored vacancies a stored worker satisfies, best first.
     */
    MatchVacancies: grpc.handleUnaryCall<_cakap_v1_MatchVacanciesRequest__Output, _cakap_v1_MatchVacanciesResponse>;
}
export interface MatchServiceDefinition extends grpc.ServiceDefinition {
    MatchCandidates: MethodDefinition<_cakap_v1_MatchCandidatesRequest, _cakap_v1_MatchCandidatesResponse, _cakap_v1_MatchCandidatesRequest__Output, _cakap_v1_MatchCandidatesResponse__Output>;
    MatchVacancies: MethodDefinition<_cakap_v1_MatchVacanciesRequest, _cakap_v1_MatchVacanciesResponse, _cakap_v1_MatchVacanciesRequest__Output, _cakap_v1_MatchVacanciesResponse__Output>;
}
