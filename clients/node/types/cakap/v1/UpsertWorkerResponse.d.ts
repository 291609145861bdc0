export interface UpsertWorkerResponse {
}
export interface UpsertWorkerResponse__Output {
}
