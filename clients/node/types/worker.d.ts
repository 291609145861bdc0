import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { Certificate as _cakap_v1_Certificate, Certificate__Output as _cakap_v1_Certificate__Output } from './cakap/v1/Certificate';
import type { Contact as _cakap_v1_Contact, Contact__Output as _cakap_v1_Contact__Output } from './cakap/v1/Contact';
import type { Location as _cakap_v1_Location, Location__Output as _cakap_v1_Location__Output } from './cakap/v1/Location';
import type { Training as _cakap_v1_Training, Training__Output as _cakap_v1_Training__Output } from './cakap/v1/Training';
import type { WorkExperience as _cakap_v1_WorkExperience, WorkExperience__Output as _cakap_v1_WorkExperience__Output } from './cakap/v1/WorkExperience';
import type { Worker as _cakap_v1_Worker, Worker__Output as _cakap_v1_Worker__Output } from './cakap/v1/Worker';
export interface ProtoGrpcType {
    cakap: {
        v1: {
            Certificate: MessageTypeDefinition<_cakap_v1_Certificate, _cakap_v1_Certificate__Output>;
            Contact: MessageTypeDefinition<_cakap_v1_Contact, _cakap_v1_Contact__Output>;
            Education: EnumTypeDefinition;
            EmploymentStatus: EnumTypeDefinition;
            Issuer: EnumTypeDefinition;
            Location: MessageTypeDefinition<_cakap_v1_Location, _cakap_v1_Location__Output>;
            Training: MessageTypeDefinition<_cakap_v1_Training, _cakap_v1_Training__Output>;
            WorkExperience: MessageTypeDefinition<_cakap_v1_WorkExperience, _cakap_v1_WorkExperience__Output>;
            Worker: MessageTypeDefinition<_cakap_v1_Worker, _cakap_v1_Worker__Output>;
        };
    };
}
