import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { Location as _cakap_v1_Location, Location__Output as _cakap_v1_Location__Output } from './cakap/v1/Location';
export interface ProtoGrpcType {
    cakap: {
        v1: {
            Education: EnumTypeDefinition;
            Issuer: EnumTypeDefinition;
            Location: MessageTypeDefinition<_cakap_v1_Location, _cakap_v1_Location__Output>;
        };
    };
}
