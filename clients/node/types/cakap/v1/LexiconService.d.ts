import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { ListRegionsRequest as _cakap_v1_ListRegionsRequest, ListRegionsRequest__Output as _cakap_v1_ListRegionsRequest__Output } from '../../cakap/v1/ListRegionsRequest';
import type { ListRegionsResponse as _cakap_v1_ListRegionsResponse, ListRegionsResponse__Output as _cakap_v1_ListRegionsResponse__Output } from '../../cakap/v1/ListRegionsResponse';
import type { LookupSkillsRequest as _cakap_v1_LookupSkillsRequest, LookupSkillsRequest__Output as _cakap_v1_LookupSkillsRequest__Output } from '../../cakap/v1/LookupSkillsRequest';
import type { LookupSkillsResponse as _cakap_v1_LookupSkillsResponse, LookupSkillsResponse__Output as _cakap_v1_LookupSkillsResponse__Output } from '../../cakap/v1/LookupSkillsResponse';
/**
 * Looks up skills and regions. Every role (portal, partner, admin). Over HTTP:
 * POST /cakap.v1.LexiconService/LookupSkills and /cakap.v1.LexiconService/ListRegions.
 */
export interface LexiconServiceClient extends grpc.Client {
    /**
     * Provinces and kabupaten/kota with their reference points, sorted by code.
     */
    ListRegions(argument: _cakap_v1_ListRegionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_ListRegionsResponse__Output>): grpc.ClientUnaryCall;
    ListRegions(argument: _cakap_v1_ListRegionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_ListRegionsResponse__Output>): grpc.ClientUnaryCall;
    ListRegions(argument: _cakap_v1_ListRegionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_ListRegionsResponse__Output>): grpc.ClientUnaryCall;
    ListRegions(argument: _cakap_v1_ListRegionsRequest, callback: grpc.requestCallback<_cakap_v1_ListRegionsResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Provinces and kabupaten/kota with their reference points, sorted by code.
     */
    listRegions(argument: _cakap_v1_ListRegionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_ListRegionsResponse__Output>): grpc.ClientUnaryCall;
    listRegions(argument: _cakap_v1_ListRegionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_ListRegionsResponse__Output>): grpc.ClientUnaryCall;
    listRegions(argument: _cakap_v1_ListRegionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_ListRegionsResponse__Output>): grpc.ClientUnaryCall;
    listRegions(argument: _cakap_v1_ListRegionsRequest, callback: grpc.requestCallback<_cakap_v1_ListRegionsResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Skills whose code, Indonesian or English name or a synonym matches the query, best
     * match first: "juru las" finds LAS, "weld" finds LAS and its children, "forklift"
     * finds OAB.FORKLIFT. The query is compared as the engine compares phrases
     * (lower-cased, punctuation as space); a phrase matches when it equals the query,
     * starts with it, has a word starting with it, or contains it, ranked in that order,
     * then by code. INVALID_ARGUMENT when the query is empty after normalising
     * ("query: required") or limit is out of range.
     */
    LookupSkills(argument: _cakap_v1_LookupSkillsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_LookupSkillsResponse__Output>): grpc.ClientUnaryCall;
    LookupSkills(argument: _cakap_v1_LookupSkillsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_LookupSkillsResponse__Output>): grpc.ClientUnaryCall;
    LookupSkills(argument: _cakap_v1_LookupSkillsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_LookupSkillsResponse__Output>): grpc.ClientUnaryCall;
    LookupSkills(argument: _cakap_v1_LookupSkillsRequest, callback: grpc.requestCallback<_cakap_v1_LookupSkillsResponse__Output>): grpc.ClientUnaryCall;
    /**
     * Skills whose code, Indonesian or English name or a synonym matches the query, best
     * match first: "juru las" finds LAS, "weld" finds LAS and its children, "forklift"
     * finds OAB.FORKLIFT. The query is compared as the engine compares phrases
     * (lower-cased, punctuation as space); a phrase matches when it equals the query,
     * starts with it, has a word starting with it, or contains it, ranked in that order,
     * then by code. INVALID_ARGUMENT when the query is empty after normalising
     * ("query: required") or limit is out of range.
     */
    lookupSkills(argument: _cakap_v1_LookupSkillsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_LookupSkillsResponse__Output>): grpc.ClientUnaryCall;
    lookupSkills(argument: _cakap_v1_LookupSkillsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_cakap_v1_LookupSkillsResponse__Output>): grpc.ClientUnaryCall;
    lookupSkills(argument: _cakap_v1_LookupSkillsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_cakap_v1_LookupSkillsResponse__Output>): grpc.ClientUnaryCall;
    lookupSkills(argument: _cakap_v1_LookupSkillsRequest, callback: grpc.requestCallback<_cakap_v1_LookupSkillsResponse__Output>): grpc.ClientUnaryCall;
}
/**
 * Looks up skills and regions. Every role (portal, partner, admin). Over HTTP:
 * POST /cakap.v1.LexiconService/LookupSkills and /cakap.v1.LexiconService/ListRegions.
 */
export interface LexiconServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Provinces and kabupaten/kota with their reference points, sorted by code.
     */
    ListRegions: grpc.handleUnaryCall<_cakap_v1_ListRegionsRequest__Output, _cakap_v1_ListRegionsResponse>;
    /**
     * Skills whose code, Indonesian or English name or a synonym matches the query, best
     * match first: "juru las" finds LAS, "weld" finds LAS and its children, "forklift"
     * finds OAB.FORKLIFT. The query is compared as the engine compares phrases
     * (lower-cased, punctuation as space); a phrase matches when it equals the query,
     * starts with it, has a word starting with it, or contains it, ranked in that order,
     * then by code. INVALID_ARGUMENT when the query is empty after normalising
     * ("query: required") or limit is out of range.
     */
    LookupSkills: grpc.handleUnaryCall<_cakap_v1_LookupSkillsRequest__Output, _cakap_v1_LookupSkillsResponse>;
}
export interface LexiconServiceDefinition extends grpc.ServiceDefinition {
    ListRegions: MethodDefinition<_cakap_v1_ListRegionsRequest, _cakap_v1_ListRegionsResponse, _cakap_v1_ListRegionsRequest__Output, _cakap_v1_ListRegionsResponse__Output>;
    LookupSkills: MethodDefinition<_cakap_v1_LookupSkillsRequest, _cakap_v1_LookupSkillsResponse, _cakap_v1_LookupSkillsRequest__Output, _cakap_v1_LookupSkillsResponse__Output>;
}
