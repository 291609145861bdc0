export interface DeleteWorkerResponse {
}
export interface DeleteWorkerResponse__Output {
}
