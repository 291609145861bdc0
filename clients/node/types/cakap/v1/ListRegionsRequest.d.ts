export interface ListRegionsRequest {
    /**
     * Only the regions of this province ("63"), the province included. Empty: every
     * region. An unknown province code: INVALID_ARGUMENT ("province_code: ...").
     */
    'provinceCode'?: (string);
}
export interface ListRegionsRequest__Output {
    /**
     * Only the regions of this province ("63"), the province included. Empty: every
     * region. An unknown province code: INVALID_ARGUMENT ("province_code: ...").
     */
    'provinceCode': (string);
}
