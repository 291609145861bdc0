import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { AdminServiceClient as _cakap_v1_AdminServiceClient, AdminServiceDefinition as _cakap_v1_AdminServiceDefinition } from './cakap/v1/AdminService';
import type { BackupRequest as _cakap_v1_BackupRequest, BackupRequest__Output as _cakap_v1_BackupRequest__Output } from './cakap/v1/BackupRequest';
import type { BackupResponse as _cakap_v1_BackupResponse, BackupResponse__Output as _cakap_v1_BackupResponse__Output } from './cakap/v1/BackupResponse';
import type { Candidate as _cakap_v1_Candidate, Candidate__Output as _cakap_v1_Candidate__Output } from './cakap/v1/Candidate';
import type { Certificate as _cakap_v1_Certificate, Certificate__Output as _cakap_v1_Certificate__Output } from './cakap/v1/Certificate';
import type { Contact as _cakap_v1_Contact, Contact__Output as _cakap_v1_Contact__Output } from './cakap/v1/Contact';
import type { DeleteVacancyRequest as _cakap_v1_DeleteVacancyRequest, DeleteVacancyRequest__Output as _cakap_v1_DeleteVacancyRequest__Output } from './cakap/v1/DeleteVacancyRequest';
import type { DeleteVacancyResponse as _cakap_v1_DeleteVacancyResponse, DeleteVacancyResponse__Output as _cakap_v1_DeleteVacancyResponse__Output } from './cakap/v1/DeleteVacancyResponse';
import type { DeleteWorkerRequest as _cakap_v1_DeleteWorkerRequest, DeleteWorkerRequest__Output as _cakap_v1_DeleteWorkerRequest__Output } from './cakap/v1/DeleteWorkerRequest';
import type { DeleteWorkerResponse as _cakap_v1_DeleteWorkerResponse, DeleteWorkerResponse__Output as _cakap_v1_DeleteWorkerResponse__Output } from './cakap/v1/DeleteWorkerResponse';
import type { FacetValue as _cakap_v1_FacetValue, FacetValue__Output as _cakap_v1_FacetValue__Output } from './cakap/v1/FacetValue';
import type { Facets as _cakap_v1_Facets, Facets__Output as _cakap_v1_Facets__Output } from './cakap/v1/Facets';
import type { GetVacancyRequest as _cakap_v1_GetVacancyRequest, GetVacancyRequest__Output as _cakap_v1_GetVacancyRequest__Output } from './cakap/v1/GetVacancyRequest';
import type { GetVacancyResponse as _cakap_v1_GetVacancyResponse, GetVacancyResponse__Output as _cakap_v1_GetVacancyResponse__Output } from './cakap/v1/GetVacancyResponse';
import type { GetWorkerRequest as _cakap_v1_GetWorkerRequest, GetWorkerRequest__Output as _cakap_v1_GetWorkerRequest__Output } from './cakap/v1/GetWorkerRequest';
import type { GetWorkerResponse as _cakap_v1_GetWorkerResponse, GetWorkerResponse__Output as _cakap_v1_GetWorkerResponse__Output } from './cakap/v1/GetWorkerResponse';
import type { ListVacanciesRequest as _cakap_v1_ListVacanciesRequest, ListVacanciesRequest__Output as _cakap_v1_ListVacanciesRequest__Output } from './cakap/v1/ListVacanciesRequest';
import type { ListVacanciesResponse as _cakap_v1_ListVacanciesResponse, ListVacanciesResponse__Output as _cakap_v1_ListVacanciesResponse__Output } from './cakap/v1/ListVacanciesResponse';
import type { Location as _cakap_v1_Location, Location__Output as _cakap_v1_Location__Output } from './cakap/v1/Location';
import type { MatchCandidatesRequest as _cakap_v1_MatchCandidatesRequest, MatchCandidatesRequest__Output as _cakap_v1_MatchCandidatesRequest__Output } from './cakap/v1/MatchCandidatesRequest';
import type { MatchCandidatesResponse as _cakap_v1_MatchCandidatesResponse, MatchCandidatesResponse__Output as _cakap_v1_MatchCandidatesResponse__Output } from './cakap/v1/MatchCandidatesResponse';
import type { MatchOptions as _cakap_v1_MatchOptions, MatchOptions__Output as _cakap_v1_MatchOptions__Output } from './cakap/v1/MatchOptions';
import type { MatchResult as _cakap_v1_MatchResult, MatchResult__Output as _cakap_v1_MatchResult__Output } from './cakap/v1/MatchResult';
import type { MatchServiceClient as _cakap_v1_MatchServiceClient, MatchServiceDefinition as _cakap_v1_MatchServiceDefinition } from './cakap/v1/MatchService';
import type { MatchVacanciesRequest as _cakap_v1_MatchVacanciesRequest, MatchVacanciesRequest__Output as _cakap_v1_MatchVacanciesRequest__Output } from './cakap/v1/MatchVacanciesRequest';
import type { MatchVacanciesResponse as _cakap_v1_MatchVacanciesResponse, MatchVacanciesResponse__Output as _cakap_v1_MatchVacanciesResponse__Output } from './cakap/v1/MatchVacanciesResponse';
import type { NearMiss as _cakap_v1_NearMiss, NearMiss__Output as _cakap_v1_NearMiss__Output } from './cakap/v1/NearMiss';
import type { QuotaReport as _cakap_v1_QuotaReport, QuotaReport__Output as _cakap_v1_QuotaReport__Output } from './cakap/v1/QuotaReport';
import type { Rejection as _cakap_v1_Rejection, Rejection__Output as _cakap_v1_Rejection__Output } from './cakap/v1/Rejection';
import type { ScoreComponent as _cakap_v1_ScoreComponent, ScoreComponent__Output as _cakap_v1_ScoreComponent__Output } from './cakap/v1/ScoreComponent';
import type { SkillExperience as _cakap_v1_SkillExperience, SkillExperience__Output as _cakap_v1_SkillExperience__Output } from './cakap/v1/SkillExperience';
import type { StatsRequest as _cakap_v1_StatsRequest, StatsRequest__Output as _cakap_v1_StatsRequest__Output } from './cakap/v1/StatsRequest';
import type { StatsResponse as _cakap_v1_StatsResponse, StatsResponse__Output as _cakap_v1_StatsResponse__Output } from './cakap/v1/StatsResponse';
import type { Training as _cakap_v1_Training, Training__Output as _cakap_v1_Training__Output } from './cakap/v1/Training';
import type { UpsertVacanciesRequest as _cakap_v1_UpsertVacanciesRequest, UpsertVacanciesRequest__Output as _cakap_v1_UpsertVacanciesRequest__Output } from './cakap/v1/UpsertVacanciesRequest';
import type { UpsertVacanciesResponse as _cakap_v1_UpsertVacanciesResponse, UpsertVacanciesResponse__Output as _cakap_v1_UpsertVacanciesResponse__Output } from './cakap/v1/UpsertVacanciesResponse';
import type { UpsertVacancyRequest as _cakap_v1_UpsertVacancyRequest, UpsertVacancyRequest__Output as _cakap_v1_UpsertVacancyRequest__Output } from './cakap/v1/UpsertVacancyRequest';
import type { UpsertVacancyResponse as _cakap_v1_UpsertVacancyResponse, UpsertVacancyResponse__Output as _cakap_v1_UpsertVacancyResponse__Output } from './cakap/v1/UpsertVacancyResponse';
import type { UpsertWorkerRequest as _cakap_v1_UpsertWorkerRequest, UpsertWorkerRequest__Output as _cakap_v1_UpsertWorkerRequest__Output } from './cakap/v1/UpsertWorkerRequest';
import type { UpsertWorkerResponse as _cakap_v1_UpsertWorkerResponse, UpsertWorkerResponse__Output as _cakap_v1_UpsertWorkerResponse__Output } from './cakap/v1/UpsertWorkerResponse';
import type { UpsertWorkersRequest as _cakap_v1_UpsertWorkersRequest, UpsertWorkersRequest__Output as _cakap_v1_UpsertWorkersRequest__Output } from './cakap/v1/UpsertWorkersRequest';
import type { UpsertWorkersResponse as _cakap_v1_UpsertWorkersResponse, UpsertWorkersResponse__Output as _cakap_v1_UpsertWorkersResponse__Output } from './cakap/v1/UpsertWorkersResponse';
import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from './cakap/v1/Vacancy';
import type { VacancyHit as _cakap_v1_VacancyHit, VacancyHit__Output as _cakap_v1_VacancyHit__Output } from './cakap/v1/VacancyHit';
import type { VacancyMatchResult as _cakap_v1_VacancyMatchResult, VacancyMatchResult__Output as _cakap_v1_VacancyMatchResult__Output } from './cakap/v1/VacancyMatchResult';
import type { VacancyServiceClient as _cakap_v1_VacancyServiceClient, VacancyServiceDefinition as _cakap_v1_VacancyServiceDefinition } from './cakap/v1/VacancyService';
import type { WorkExperience as _cakap_v1_WorkExperience, WorkExperience__Output as _cakap_v1_WorkExperience__Output } from './cakap/v1/WorkExperience';
import type { Worker as _cakap_v1_Worker, Worker__Output as _cakap_v1_Worker__Output } from './cakap/v1/Worker';
import type { WorkerServiceClient as _cakap_v1_WorkerServiceClient, WorkerServiceDefinition as _cakap_v1_WorkerServiceDefinition } from './cakap/v1/WorkerService';
type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
    new (...args: ConstructorParameters<Constructor>): Subtype;
};
export interface ProtoGrpcType {
    cakap: {
        v1: {
            /**
             * Index statistics. Admin only.
             */
            AdminService: SubtypeConstructor<typeof grpc.Client, _cakap_v1_AdminServiceClient> & {
                service: _cakap_v1_AdminServiceDefinition;
            };
            BackupRequest: MessageTypeDefinition<_cakap_v1_BackupRequest, _cakap_v1_BackupRequest__Output>;
            BackupResponse: MessageTypeDefinition<_cakap_v1_BackupResponse, _cakap_v1_BackupResponse__Output>;
            Candidate: MessageTypeDefinition<_cakap_v1_Candidate, _cakap_v1_Candidate__Output>;
            Certificate: MessageTypeDefinition<_cakap_v1_Certificate, _cakap_v1_Certificate__Output>;
            Contact: MessageTypeDefinition<_cakap_v1_Contact, _cakap_v1_Contact__Output>;
            DeleteVacancyRequest: MessageTypeDefinition<_cakap_v1_DeleteVacancyRequest, _cakap_v1_DeleteVacancyRequest__Output>;
            DeleteVacancyResponse: MessageTypeDefinition<_cakap_v1_DeleteVacancyResponse, _cakap_v1_DeleteVacancyResponse__Output>;
            DeleteWorkerRequest: MessageTypeDefinition<_cakap_v1_DeleteWorkerRequest, _cakap_v1_DeleteWorkerRequest__Output>;
            DeleteWorkerResponse: MessageTypeDefinition<_cakap_v1_DeleteWorkerResponse, _cakap_v1_DeleteWorkerResponse__Output>;
            Education: EnumTypeDefinition;
            EmploymentStatus: EnumTypeDefinition;
            FacetValue: MessageTypeDefinition<_cakap_v1_FacetValue, _cakap_v1_FacetValue__Output>;
            Facets: MessageTypeDefinition<_cakap_v1_Facets, _cakap_v1_Facets__Output>;
            GetVacancyRequest: MessageTypeDefinition<_cakap_v1_GetVacancyRequest, _cakap_v1_GetVacancyRequest__Output>;
            GetVacancyResponse: MessageTypeDefinition<_cakap_v1_GetVacancyResponse, _cakap_v1_GetVacancyResponse__Output>;
            GetWorkerRequest: MessageTypeDefinition<_cakap_v1_GetWorkerRequest, _cakap_v1_GetWorkerRequest__Output>;
            GetWorkerResponse: MessageTypeDefinition<_cakap_v1_GetWorkerResponse, _cakap_v1_GetWorkerResponse__Output>;
            Issuer: EnumTypeDefinition;
            ListVacanciesRequest: MessageTypeDefinition<_cakap_v1_ListVacanciesRequest, _cakap_v1_ListVacanciesRequest__Output>;
            ListVacanciesResponse: MessageTypeDefinition<_cakap_v1_ListVacanciesResponse, _cakap_v1_ListVacanciesResponse__Output>;
            LocalBasis: EnumTypeDefinition;
            Location: MessageTypeDefinition<_cakap_v1_Location, _cakap_v1_Location__Output>;
            MatchCandidatesRequest: MessageTypeDefinition<_cakap_v1_MatchCandidatesRequest, _cakap_v1_MatchCandidatesRequest__Output>;
            MatchCandidatesResponse: MessageTypeDefinition<_cakap_v1_MatchCandidatesResponse, _cakap_v1_MatchCandidatesResponse__Output>;
            MatchOptions: MessageTypeDefinition<_cakap_v1_MatchOptions, _cakap_v1_MatchOptions__Output>;
            MatchResult: MessageTypeDefinition<_cakap_v1_MatchResult, _cakap_v1_MatchResult__Output>;
            /**
             * Ranks workers for a vacancy and vacancies for a worker (docs/ranking.md). Every role.
             */
            MatchService: SubtypeConstructor<typeof grpc.Client, _cakap_v1_MatchServiceClient> & {
                service: _cakap_v1_MatchServiceDefinition;
            };
            MatchVacanciesRequest: MessageTypeDefinition<_cakap_v1_MatchVacanciesRequest, _cakap_v1_MatchVacanciesRequest__Output>;
            MatchVacanciesResponse: MessageTypeDefinition<_cakap_v1_MatchVacanciesResponse, _cakap_v1_MatchVacanciesResponse__Output>;
            NearMiss: MessageTypeDefinition<_cakap_v1_NearMiss, _cakap_v1_NearMiss__Output>;
            QuotaReport: MessageTypeDefinition<_cakap_v1_QuotaReport, _cakap_v1_QuotaReport__Output>;
            Rejection: MessageTypeDefinition<_cakap_v1_Rejection, _cakap_v1_Rejection__Output>;
            ScoreComponent: MessageTypeDefinition<_cakap_v1_ScoreComponent, _cakap_v1_ScoreComponent__Output>;
            SkillExperience: MessageTypeDefinition<_cakap_v1_SkillExperience, _cakap_v1_SkillExperience__Output>;
            StatsRequest: MessageTypeDefinition<_cakap_v1_StatsRequest, _cakap_v1_StatsRequest__Output>;
            StatsResponse: MessageTypeDefinition<_cakap_v1_StatsResponse, _cakap_v1_StatsResponse__Output>;
            Training: MessageTypeDefinition<_cakap_v1_Training, _cakap_v1_Training__Output>;
            UpsertVacanciesRequest: MessageTypeDefinition<_cakap_v1_UpsertVacanciesRequest, _cakap_v1_UpsertVacanciesRequest__Output>;
            UpsertVacanciesResponse: MessageTypeDefinition<_cakap_v1_UpsertVacanciesResponse, _cakap_v1_UpsertVacanciesResponse__Output>;
            UpsertVacancyRequest: MessageTypeDefinition<_cakap_v1_UpsertVacancyRequest, _cakap_v1_UpsertVacancyRequest__Output>;
            UpsertVacancyResponse: MessageTypeDefinition<_cakap_v1_UpsertVacancyResponse, _cakap_v1_UpsertVacancyResponse__Output>;
            UpsertWorkerRequest: MessageTypeDefinition<_cakap_v1_UpsertWorkerRequest, _cakap_v1_UpsertWorkerRequest__Output>;
            UpsertWorkerResponse: MessageTypeDefinition<_cakap_v1_UpsertWorkerResponse, _cakap_v1_UpsertWorkerResponse__Output>;
            UpsertWorkersRequest: MessageTypeDefinition<_cakap_v1_UpsertWorkersRequest, _cakap_v1_UpsertWorkersRequest__Output>;
            UpsertWorkersResponse: MessageTypeDefinition<_cakap_v1_UpsertWorkersResponse, _cakap_v1_UpsertWorkersResponse__Output>;
            Vacancy: MessageTypeDefinition<_cakap_v1_Vacancy, _cakap_v1_Vacancy__Output>;
            VacancyHit: MessageTypeDefinition<_cakap_v1_VacancyHit, _cakap_v1_VacancyHit__Output>;
            VacancyMatchResult: MessageTypeDefinition<_cakap_v1_VacancyMatchResult, _cakap_v1_VacancyMatchResult__Output>;
            /**
             * Stores vacancies for reverse matching. Writes: portal and admin. Reads: every role
             * (partners: open vacancies and their own, see "Partners" above).
             */
            VacancyService: SubtypeConstructor<typeof grpc.Client, _cakap_v1_VacancyServiceClient> & {
                service: _cakap_v1_VacancyServiceDefinition;
            };
            WorkExperience: MessageTypeDefinition<_cakap_v1_WorkExperience, _cakap_v1_WorkExperience__Output>;
            Worker: MessageTypeDefinition<_cakap_v1_Worker, _cakap_v1_Worker__Output>;
            /**
             * Stores and reads worker records. Writes: portal and admin. Reads: every role.
             */
            WorkerService: SubtypeConstructor<typeof grpc.Client, _cakap_v1_WorkerServiceClient> & {
                service: _cakap_v1_WorkerServiceDefinition;
            };
        };
    };
}
export {};
