export interface StatsRequest {
}
export interface StatsRequest__Output {
}
