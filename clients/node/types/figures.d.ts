import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { Count as _cakap_v1_Count, Count__Output as _cakap_v1_Count__Output } from './cakap/v1/Count';
import type { Figures as _cakap_v1_Figures, Figures__Output as _cakap_v1_Figures__Output } from './cakap/v1/Figures';
import type { FiguresServiceClient as _cakap_v1_FiguresServiceClient, FiguresServiceDefinition as _cakap_v1_FiguresServiceDefinition } from './cakap/v1/FiguresService';
import type { FiguresSlice as _cakap_v1_FiguresSlice, FiguresSlice__Output as _cakap_v1_FiguresSlice__Output } from './cakap/v1/FiguresSlice';
import type { GetFiguresRequest as _cakap_v1_GetFiguresRequest, GetFiguresRequest__Output as _cakap_v1_GetFiguresRequest__Output } from './cakap/v1/GetFiguresRequest';
import type { GetFiguresResponse as _cakap_v1_GetFiguresResponse, GetFiguresResponse__Output as _cakap_v1_GetFiguresResponse__Output } from './cakap/v1/GetFiguresResponse';
import type { Location as _cakap_v1_Location, Location__Output as _cakap_v1_Location__Output } from './cakap/v1/Location';
import type { SupplyDemandRow as _cakap_v1_SupplyDemandRow, SupplyDemandRow__Output as _cakap_v1_SupplyDemandRow__Output } from './cakap/v1/SupplyDemandRow';
type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
    new (...args: ConstructorParameters<Constructor>): Subtype;
};
export interface ProtoGrpcType {
    cakap: {
        v1: {
            Count: MessageTypeDefinition<_cakap_v1_Count, _cakap_v1_Count__Output>;
            Education: EnumTypeDefinition;
            Figures: MessageTypeDefinition<_cakap_v1_Figures, _cakap_v1_Figures__Output>;
            /**
             * Roles: any. A partner's counts are suppressed below the minimum cell size, and
             * welfare slices are PERMISSION_DENIED to it.
             */
            FiguresService: SubtypeConstructor<typeof grpc.Client, _cakap_v1_FiguresServiceClient> & {
                service: _cakap_v1_FiguresServiceDefinition;
            };
            FiguresSlice: MessageTypeDefinition<_cakap_v1_FiguresSlice, _cakap_v1_FiguresSlice__Output>;
            GetFiguresRequest: MessageTypeDefinition<_cakap_v1_GetFiguresRequest, _cakap_v1_GetFiguresRequest__Output>;
            GetFiguresResponse: MessageTypeDefinition<_cakap_v1_GetFiguresResponse, _cakap_v1_GetFiguresResponse__Output>;
            Issuer: EnumTypeDefinition;
            Location: MessageTypeDefinition<_cakap_v1_Location, _cakap_v1_Location__Output>;
            SupplyDemandRow: MessageTypeDefinition<_cakap_v1_SupplyDemandRow, _cakap_v1_SupplyDemandRow__Output>;
        };
    };
}
export {};
