import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { Location as _cakap_v1_Location, Location__Output as _cakap_v1_Location__Output } from './cakap/v1/Location';
import type { SkillExperience as _cakap_v1_SkillExperience, SkillExperience__Output as _cakap_v1_SkillExperience__Output } from './cakap/v1/SkillExperience';
import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from './cakap/v1/Vacancy';
export interface ProtoGrpcType {
    cakap: {
        v1: {
            Education: EnumTypeDefinition;
            Issuer: EnumTypeDefinition;
            LocalBasis: EnumTypeDefinition;
            Location: MessageTypeDefinition<_cakap_v1_Location, _cakap_v1_Location__Output>;
            SkillExperience: MessageTypeDefinition<_cakap_v1_SkillExperience, _cakap_v1_SkillExperience__Output>;
            Vacancy: MessageTypeDefinition<_cakap_v1_Vacancy, _cakap_v1_Vacancy__Output>;
        };
    };
}
