import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { GetHistoryRequest as _cakap_v1_GetHistoryRequest, GetHistoryRequest__Output as _cakap_v1_GetHistoryRequest__Output } from './cakap/v1/GetHistoryRequest';
import type { GetHistoryResponse as _cakap_v1_GetHistoryResponse, GetHistoryResponse__Output as _cakap_v1_GetHistoryResponse__Output } from './cakap/v1/GetHistoryResponse';
import type { LedgerEntry as _cakap_v1_LedgerEntry, LedgerEntry__Output as _cakap_v1_LedgerEntry__Output } from './cakap/v1/LedgerEntry';
import type { LedgerServiceClient as _cakap_v1_LedgerServiceClient, LedgerServiceDefinition as _cakap_v1_LedgerServiceDefinition } from './cakap/v1/LedgerService';
import type { Outcome as _cakap_v1_Outcome, Outcome__Output as _cakap_v1_Outcome__Output } from './cakap/v1/Outcome';
import type { Placement as _cakap_v1_Placement, Placement__Output as _cakap_v1_Placement__Output } from './cakap/v1/Placement';
import type { RecordOutcomeRequest as _cakap_v1_RecordOutcomeRequest, RecordOutcomeRequest__Output as _cakap_v1_RecordOutcomeRequest__Output } from './cakap/v1/RecordOutcomeRequest';
import type { RecordOutcomeResponse as _cakap_v1_RecordOutcomeResponse, RecordOutcomeResponse__Output as _cakap_v1_RecordOutcomeResponse__Output } from './cakap/v1/RecordOutcomeResponse';
import type { RecordPlacementRequest as _cakap_v1_RecordPlacementRequest, RecordPlacementRequest__Output as _cakap_v1_RecordPlacementRequest__Output } from './cakap/v1/RecordPlacementRequest';
import type { RecordPlacementResponse as _cakap_v1_RecordPlacementResponse, RecordPlacementResponse__Output as _cakap_v1_RecordPlacementResponse__Output } from './cakap/v1/RecordPlacementResponse';
type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
    new (...args: ConstructorParameters<Constructor>): Subtype;
};
export interface ProtoGrpcType {
    cakap: {
        v1: {
            GetHistoryRequest: MessageTypeDefinition<_cakap_v1_GetHistoryRequest, _cakap_v1_GetHistoryRequest__Output>;
            GetHistoryResponse: MessageTypeDefinition<_cakap_v1_GetHistoryResponse, _cakap_v1_GetHistoryResponse__Output>;
            LedgerEntry: MessageTypeDefinition<_cakap_v1_LedgerEntry, _cakap_v1_LedgerEntry__Output>;
            /**
             * Placements and outcomes. Roles: portal and admin everything; a partner records
             * placements into its own vacancies and outcomes of its own placements, and may not read
             * histories (PERMISSION_DENIED). Every write is on disk before it is acknowledged and
             * appended to the audit log.
             */
            LedgerService: SubtypeConstructor<typeof grpc.Client, _cakap_v1_LedgerServiceClient> & {
                service: _cakap_v1_LedgerServiceDefinition;
            };
            Outcome: MessageTypeDefinition<_cakap_v1_Outcome, _cakap_v1_Outcome__Output>;
            OutcomeKind: EnumTypeDefinition;
            Placement: MessageTypeDefinition<_cakap_v1_Placement, _cakap_v1_Placement__Output>;
            PlacementKind: EnumTypeDefinition;
            RecordOutcomeRequest: MessageTypeDefinition<_cakap_v1_RecordOutcomeRequest, _cakap_v1_RecordOutcomeRequest__Output>;
            RecordOutcomeResponse: MessageTypeDefinition<_cakap_v1_RecordOutcomeResponse, _cakap_v1_RecordOutcomeResponse__Output>;
            RecordPlacementRequest: MessageTypeDefinition<_cakap_v1_RecordPlacementRequest, _cakap_v1_RecordPlacementRequest__Output>;
            RecordPlacementResponse: MessageTypeDefinition<_cakap_v1_RecordPlacementResponse, _cakap_v1_RecordPlacementResponse__Output>;
        };
    };
}
export {};
