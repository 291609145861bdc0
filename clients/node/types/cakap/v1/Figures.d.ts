import type { Count as _cakap_v1_Count, Count__Output as _cakap_v1_Count__Output } from '../../cakap/v1/Count';
export interface Figures {
    /**
     * Workers in the slice (every stored worker meeting its worker filters).
     */
    'workers'?: (_cakap_v1_Count | null);
    /**
     * Of those, the ones with a training that meets the slice's training filters (any
     * training when there are none).
     */
    'trained'?: (_cakap_v1_Count | null);
    /**
     * Of the workers, the ones holding a certificate (of the slice's issuer when given;
     * issued in the period when one is given).
     */
    'certified'?: (_cakap_v1_Count | null);
    /**
     * Of the workers, the ones placed in the period (each counted once, by their first
     * placement dated in it; withdrawn placements do not count), and that total by kind.
     */
    'placed'?: (_cakap_v1_Count | null);
    'placedJob'?: (_cakap_v1_Count | null);
    'placedApprenticeship'?: (_cakap_v1_Count | null);
    'placedOwnBusiness'?: (_cakap_v1_Count | null);
    /**
     * Of the placed, those still working (or running the business) at 3 / 6 months: an
     * outcome STILL_WORKING or BUSINESS_RUNNING with after_months >= 3 (>= 6) for that
     * placement, and no LEFT dated before the placement's date plus 3 (6) months.
     */
    'stillWorking_3m'?: (_cakap_v1_Count | null);
    'stillWorking_6m'?: (_cakap_v1_Count | null);
    /**
     * Median of the days from the end of the worker's latest qualifying training (the
     * slice's; any dated one otherwise) on or before the placement's date to that date,
     * over the placed who have one; `count` of them. -1: nobody. Partners: -1 when the
     * count is suppressed.
     */
    'medianDaysTrainingToPlacement'?: (number | string);
    'withTrainingBeforePlacement'?: (_cakap_v1_Count | null);
    /**
     * The same from the issue of the worker's latest certificate on or before the date.
     */
    'medianDaysCertificationToPlacement'?: (number | string);
    'withCertificateBeforePlacement'?: (_cakap_v1_Count | null);
}
export interface Figures__Output {
    /**
     * Workers in the slice (every stored worker meeting its worker filters).
     */
    'workers': (_cakap_v1_Count__Output | null);
    /**
     * Of those, the ones with a training that meets the slice's training filters (any
     * training when there are none).
     */
    'trained': (_cakap_v1_Count__Output | null);
    /**
     * Of the workers, the ones holding a certificate (of the slice's issuer when given;
     * issued in the period when one is given).
     */
    'certified': (_cakap_v1_Count__Output | null);
    /**
     * Of the workers, the ones placed in the period (each counted once, by their first
     * placement dated in it; withdrawn placements do not count), and that total by kind.
     */
    'placed': (_cakap_v1_Count__Output | null);
    'placedJob': (_cakap_v1_Count__Output | null);
    'placedApprenticeship': (_cakap_v1_Count__Output | null);
    'placedOwnBusiness': (_cakap_v1_Count__Output | null);
    /**
     * Of the placed, those still working (or running the business) at 3 / 6 months: an
     * outcome STILL_WORKING or BUSINESS_RUNNING with after_months >= 3 (>= 6) for that
     * placement, and no LEFT dated before the placement's date plus 3 (6) months.
     */
    'stillWorking_3m': (_cakap_v1_Count__Output | null);
    'stillWorking_6m': (_cakap_v1_Count__Output | null);
    /**
     * Median of the days from the end of the worker's latest qualifying training (the
     * slice's; any dated one otherwise) on or before the placement's date to that date,
     * over the placed who have one; `count` of them. -1: nobody. Partners: -1 when the
     * count is suppressed.
     */
    'medianDaysTrainingToPlacement': (number);
    'withTrainingBeforePlacement': (_cakap_v1_Count__Output | null);
    /**
     * The same from the issue of the worker's latest certificate on or before the date.
     */
    'medianDaysCertificationToPlacement': (number);
    'withCertificateBeforePlacement': (_cakap_v1_Count__Output | null);
}
