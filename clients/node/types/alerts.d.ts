import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';
import type { AlertServiceClient as _cakap_v1_AlertServiceClient, AlertServiceDefinition as _cakap_v1_AlertServiceDefinition } from './cakap/v1/AlertService';
import type { Candidate as _cakap_v1_Candidate, Candidate__Output as _cakap_v1_Candidate__Output } from './cakap/v1/Candidate';
import type { Certificate as _cakap_v1_Certificate, Certificate__Output as _cakap_v1_Certificate__Output } from './cakap/v1/Certificate';
import type { Contact as _cakap_v1_Contact, Contact__Output as _cakap_v1_Contact__Output } from './cakap/v1/Contact';
import type { FacetValue as _cakap_v1_FacetValue, FacetValue__Output as _cakap_v1_FacetValue__Output } from './cakap/v1/FacetValue';
import type { Facets as _cakap_v1_Facets, Facets__Output as _cakap_v1_Facets__Output } from './cakap/v1/Facets';
import type { Location as _cakap_v1_Location, Location__Output as _cakap_v1_Location__Output } from './cakap/v1/Location';
import type { MatchOptions as _cakap_v1_MatchOptions, MatchOptions__Output as _cakap_v1_MatchOptions__Output } from './cakap/v1/MatchOptions';
import type { MatchResult as _cakap_v1_MatchResult, MatchResult__Output as _cakap_v1_MatchResult__Output } from './cakap/v1/MatchResult';
import type { NearMiss as _cakap_v1_NearMiss, NearMiss__Output as _cakap_v1_NearMiss__Output } from './cakap/v1/NearMiss';
import type { QuotaReport as _cakap_v1_QuotaReport, QuotaReport__Output as _cakap_v1_QuotaReport__Output } from './cakap/v1/QuotaReport';
import type { ScoreComponent as _cakap_v1_ScoreComponent, ScoreComponent__Output as _cakap_v1_ScoreComponent__Output } from './cakap/v1/ScoreComponent';
import type { SkillExperience as _cakap_v1_SkillExperience, SkillExperience__Output as _cakap_v1_SkillExperience__Output } from './cakap/v1/SkillExperience';
import type { Training as _cakap_v1_Training, Training__Output as _cakap_v1_Training__Output } from './cakap/v1/Training';
import type { Vacancy as _cakap_v1_Vacancy, Vacancy__Output as _cakap_v1_Vacancy__Output } from './cakap/v1/Vacancy';
import type { VacancyAlert as _cakap_v1_VacancyAlert, VacancyAlert__Output as _cakap_v1_VacancyAlert__Output } from './cakap/v1/VacancyAlert';
import type { VacancyHit as _cakap_v1_VacancyHit, VacancyHit__Output as _cakap_v1_VacancyHit__Output } from './cakap/v1/VacancyHit';
import type { VacancyMatchResult as _cakap_v1_VacancyMatchResult, VacancyMatchResult__Output as _cakap_v1_VacancyMatchResult__Output } from './cakap/v1/VacancyMatchResult';
import type { WatchVacancyRequest as _cakap_v1_WatchVacancyRequest, WatchVacancyRequest__Output as _cakap_v1_WatchVacancyRequest__Output } from './cakap/v1/WatchVacancyRequest';
import type { WorkExperience as _cakap_v1_WorkExperience, WorkExperience__Output as _cakap_v1_WorkExperience__Output } from './cakap/v1/WorkExperience';
import type { Worker as _cakap_v1_Worker, Worker__Output as _cakap_v1_Worker__Output } from './cakap/v1/Worker';
type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
    new (...args: ConstructorParameters<Constructor>): Subtype;
};
export interface ProtoGrpcType {
    cakap: {
        v1: {
            AlertService: SubtypeConstructor<typeof grpc.Client, _cakap_v1_AlertServiceClient> & {
                service: _cakap_v1_AlertServiceDefinition;
            };
            Candidate: MessageTypeDefinition<_cakap_v1_Candidate, _cakap_v1_Candidate__Output>;
            Certificate: MessageTypeDefinition<_cakap_v1_Certificate, _cakap_v1_Certificate__Output>;
            Contact: MessageTypeDefinition<_cakap_v1_Contact, _cakap_v1_Contact__Output>;
            Education: EnumTypeDefinition;
            EmploymentStatus: EnumTypeDefinition;
            FacetValue: MessageTypeDefinition<_cakap_v1_FacetValue, _cakap_v1_FacetValue__Output>;
            Facets: MessageTypeDefinition<_cakap_v1_Facets, _cakap_v1_Facets__Output>;
            Issuer: EnumTypeDefinition;
            LocalBasis: EnumTypeDefinition;
            Location: MessageTypeDefinition<_cakap_v1_Location, _cakap_v1_Location__Output>;
            MatchOptions: MessageTypeDefinition<_cakap_v1_MatchOptions, _cakap_v1_MatchOptions__Output>;
            MatchResult: MessageTypeDefinition<_cakap_v1_MatchResult, _cakap_v1_MatchResult__Output>;
            NearMiss: MessageTypeDefinition<_cakap_v1_NearMiss, _cakap_v1_NearMiss__Output>;
            QuotaReport: MessageTypeDefinition<_cakap_v1_QuotaReport, _cakap_v1_QuotaReport__Output>;
            ScoreComponent: MessageTypeDefinition<_cakap_v1_ScoreComponent, _cakap_v1_ScoreComponent__Output>;
            SkillExperience: MessageTypeDefinition<_cakap_v1_SkillExperience, _cakap_v1_SkillExperience__Output>;
            Training: MessageTypeDefinition<_cakap_v1_Training, _cakap_v1_Training__Output>;
            Vacancy: MessageTypeDefinition<_cakap_v1_Vacancy, _cakap_v1_Vacancy__Output>;
            VacancyAlert: MessageTypeDefinition<_cakap_v1_VacancyAlert, _cakap_v1_VacancyAlert__Output>;
            VacancyHit: MessageTypeDefinition<_cakap_v1_VacancyHit, _cakap_v1_VacancyHit__Output>;
            VacancyMatchResult: MessageTypeDefinition<_cakap_v1_VacancyMatchResult, _cakap_v1_VacancyMatchResult__Output>;
            WatchVacancyRequest: MessageTypeDefinition<_cakap_v1_WatchVacancyRequest, _cakap_v1_WatchVacancyRequest__Output>;
            WorkExperience: MessageTypeDefinition<_cakap_v1_WorkExperience, _cakap_v1_WorkExperience__Output>;
            Worker: MessageTypeDefinition<_cakap_v1_Worker, _cakap_v1_Worker__Output>;
        };
    };
}
export {};
