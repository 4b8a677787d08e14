import type { CustomerSegment } from '../../../entities/Customer';

/** The two thresholds (fen) of CRM_SMALL_DEAL_CNY / CRM_BIG_DEAL_CNY. */
export interface SegmentThresholds {
  smallDealFen: number;
  bigDealFen: number;
}

/** Default thresholds from the articles: small clients deal around 3,000 CNY, big ones at 10,000 CNY and up. */
export const DEFAULT_SEGMENT_THRESHOLDS: SegmentThresholds = { smallDealFen: 300_000, bigDealFen: 1_000_000 };

/**
 * A customer's segment from its deals that were not cancelled, oldest first (product.md, "the problem": small clients
 * deal around 3,000 CNY, big clients 10,000 CNY and up). Walking the deals in order:
 * - a deal at or above the big threshold makes the customer big;
 * - a deal below the small threshold makes it small again;
 * - a deal in between keeps the segment it had, and a first deal in between is small (big means 10,000 and up).
 * So a big client renewing at 8,000 stays big (the relationship is still a big-client one) and a small client
 * buying 5,000 stays small until a deal reaches the big threshold. Null: no deal yet.
 */
export function customerSegment(deals: readonly { amountFen: number }[], t: SegmentThresholds): CustomerSegment | null {
  let segment: CustomerSegment | null = null;
  for (const d of deals) {
    if (d.amountFen >= t.bigDealFen) segment = 'big';
    else if (d.amountFen < t.smallDealFen) segment = 'small';
    else segment = segment ?? 'small';
  }
  return segment;
}
