import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';
import type { LexiconServiceClient as _cakap_v1_LexiconServiceClient, LexiconServiceDefinition as _cakap_v1_LexiconServiceDefinition } from './cakap/v1/LexiconService';
import type { ListRegionsRequest as _cakap_v1_ListRegionsRequest, ListRegionsRequest__Output as _cakap_v1_ListRegionsRequest__Output } from './cakap/v1/ListRegionsRequest';
import type { ListRegionsResponse as _cakap_v1_ListRegionsResponse, ListRegionsResponse__Output as _cakap_v1_ListRegionsResponse__Output } from './cakap/v1/ListRegionsResponse';
import type { LookupSkillsRequest as _cakap_v1_LookupSkillsRequest, LookupSkillsRequest__Output as _cakap_v1_LookupSkillsRequest__Output } from './cakap/v1/LookupSkillsRequest';
import type { LookupSkillsResponse as _cakap_v1_LookupSkillsResponse, LookupSkillsResponse__Output as _cakap_v1_LookupSkillsResponse__Output } from './cakap/v1/LookupSkillsResponse';
import type { RegionEntry as _cakap_v1_RegionEntry, RegionEntry__Output as _cakap_v1_RegionEntry__Output } from './cakap/v1/RegionEntry';
import type { SkillEntry as _cakap_v1_SkillEntry, SkillEntry__Output as _cakap_v1_SkillEntry__Output } from './cakap/v1/SkillEntry';
type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
    new (...args: ConstructorParameters<Constructor>): Subtype;
};
export interface ProtoGrpcType {
    cakap: {
        v1: {
            /**
             * Looks up skills and regions. Every role (portal, partner, admin). Over HTTP:
             * POST /cakap.v1.LexiconService/LookupSkills and /cakap.v1.LexiconService/ListRegions.
             */
            LexiconService: SubtypeConstructor<typeof grpc.Client, _cakap_v1_LexiconServiceClient> & {
                service: _cakap_v1_LexiconServiceDefinition;
            };
            ListRegionsRequest: MessageTypeDefinition<_cakap_v1_ListRegionsRequest, _cakap_v1_ListRegionsRequest__Output>;
            ListRegionsResponse: MessageTypeDefinition<_cakap_v1_ListRegionsResponse, _cakap_v1_ListRegionsResponse__Output>;
            LookupSkillsRequest: MessageTypeDefinition<_cakap_v1_LookupSkillsRequest, _cakap_v1_LookupSkillsRequest__Output>;
            LookupSkillsResponse: MessageTypeDefinition<_cakap_v1_LookupSkillsResponse, _cakap_v1_LookupSkillsResponse__Output>;
            RegionEntry: MessageTypeDefinition<_cakap_v1_RegionEntry, _cakap_v1_RegionEntry__Output>;
            SkillEntry: MessageTypeDefinition<_cakap_v1_SkillEntry, _cakap_v1_SkillEntry__Output>;
        };
    };
}
export {};
