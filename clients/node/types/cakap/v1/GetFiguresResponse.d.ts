import type { Figures as _cakap_v1_Figures, Figures__Output as _cakap_v1_Figures__Output } from '../../cakap/v1/Figures';
import type { SupplyDemandRow as _cakap_v1_SupplyDemandRow, SupplyDemandRow__Output as _cakap_v1_SupplyDemandRow__Output } from '../../cakap/v1/SupplyDemandRow';
export interface GetFiguresResponse {
    'figures'?: (_cakap_v1_Figures | null);
    /**
     * When asked for: one row per (skill, region) with any non-zero count, by skill then
     * region. Empty otherwise.
     */
    'supplyDemand'?: (_cakap_v1_SupplyDemandRow)[];
    /**
     * The day as_of resolved to, "YYYY-MM-DD".
     */
    'asOf'?: (string);
    /**
     * The minimum cell size applied (0: none, a portal or admin reply).
     */
    'minCellSize'?: (number);
}
export interface GetFiguresResponse__Output {
    'figures': (_cakap_v1_Figures__Output | null);
    /**
     * When asked for: one row per (skill, region) with any non-zero count, by skill then
     * region. Empty otherwise.
     */
    'supplyDemand': (_cakap_v1_SupplyDemandRow__Output)[];
    /**
     * The day as_of resolved to, "YYYY-MM-DD".
     */
    'asOf': (string);
    /**
     * The minimum cell size applied (0: none, a portal or admin reply).
     */
    'minCellSize': (number);
}
