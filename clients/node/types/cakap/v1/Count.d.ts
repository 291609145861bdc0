import type { Long } from '@grpc/proto-loader';
/**
 * A count as a partner may see it. Through cakapd a partner gets value 0 and
 * suppressed = true for every count from 1 to kMinCellSize - 1 (10: see
 * docs/design.md), so that no figure can single out a person; zero is shown.
 */
export interface Count {
    'value'?: (number | string | Long);
    /**
     * True: the true value is between 1 and the minimum cell size minus one.
     */
    'suppressed'?: (boolean);
}
/**
 * A count as a partner may see it. Through cakapd a partner gets value 0 and
 * suppressed = true for every count from 1 to kMinCellSize - 1 (10: see
 * docs/design.md), so that no figure can single out a person; zero is shown.
 */
export interface Count__Output {
    'value': (string);
    /**
     * True: the true value is between 1 and the minimum cell size minus one.
     */
    'suppressed': (boolean);
}
