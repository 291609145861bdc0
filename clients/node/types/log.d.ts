import type { MessageTypeDefinition } from '@grpc/proto-loader';
import type { AuditLine as _cakap_v1_AuditLine, AuditLine__Output as _cakap_v1_AuditLine__Output } from './cakap/v1/AuditLine';
import type { RequestLogLine as _cakap_v1_RequestLogLine, RequestLogLine__Output as _cakap_v1_RequestLogLine__Output } from './cakap/v1/RequestLogLine';
export interface ProtoGrpcType {
    cakap: {
        v1: {
            AuditLine: MessageTypeDefinition<_cakap_v1_AuditLine, _cakap_v1_AuditLine__Output>;
            RequestLogLine: MessageTypeDefinition<_cakap_v1_RequestLogLine, _cakap_v1_RequestLogLine__Output>;
        };
    };
}
