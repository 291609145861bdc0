export interface UpsertVacancyResponse {
}
export interface UpsertVacancyResponse__Output {
}
