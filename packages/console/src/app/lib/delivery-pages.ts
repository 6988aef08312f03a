import type { Delivery, Page } from '../api/types.js';

/** Deliveries read per request by the console. */
export const DELIVERY_PAGE = 100;

/** The newest deliveries as the console shows them, and whether older ones are left. */
export interface DeliveryWindow {
  /** Newest first. */
  items: Delivery[];
  /** Deliveries in the log (of the filter). */
  total: number;
  /** Whether older deliveries than the last shown are left to load. */
  more: boolean;
}

/**
 * Reads the `pages` newest pages of the delivery log, newest first (`order=desc`), each from the
 * cursor of the one before. Read afresh at every poll: pending deliveries change state, and new
 * ones push the older pages down, so keeping pages read earlier would show stale states and skip
 * the deliveries pushed between them.
 *
 * @example
 * ```ts
 * await readNewestDeliveries((params) => sim('GET', `${path}${query(params)}`), 2, 'failed');
 * // { items: [the 200 newest failed deliveries], total, more }
 * ```
 */
export async function readNewestDeliveries(
  load: (params: { order: 'desc'; limit: number; state?: Delivery['state']; cursor?: string }) => Promise<Page<Delivery> & { total: number }>,
  pages: number,
  state?: Delivery['state'],
): Promise<DeliveryWindow> {
  const items: Delivery[] = [];
  let total = 0;
  let cursor: string | undefined;
  for (let read = 0; read < pages; read++) {
    const page = await load({ order: 'desc', limit: DELIVERY_PAGE, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    total = page.total;
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return { items, total, more: cursor !== undefined };
}
