export interface DeleteVacancyResponse {
}
export interface DeleteVacancyResponse__Output {
}
