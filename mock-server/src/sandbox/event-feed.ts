import type { PlatformName, SandboxEventInput } from '../app/platform-module.js';
import { type Page, pageByKey } from '../app/paging.js';

/** An event on a sandbox's feed (and the payload source of webhook deliveries). */
export interface FeedEvent {
  seq: number;
  id: string;
  type: string;
  /** RFC 3339 instant (+08:00) on the sandbox clock. */
  at: string;
  platform: PlatformName;
  objectType: string;
  objectId: string;
  organizationIds: string[];
  object: unknown;
}

/**
 * The append-only event feed of one sandbox, paged by sequence number.
 *
 * @example
 * ```ts
 * const feed = new EventFeed();
 * feed.append(input, 'evt_1', '2025-09-26T10:00:00+08:00');
 * feed.page(undefined, 20).items.length; // 1
 * ```
 */
export class EventFeed {
  readonly #events: FeedEvent[];

  constructor(saved: readonly FeedEvent[] = []) {
    this.#events = saved.map((e) => structuredClone(e));
  }

  append(input: SandboxEventInput, id: string, at: string): FeedEvent {
    const event: FeedEvent = {
      seq: this.#events.length + 1,
      id,
      type: input.type,
      at,
      platform: input.platform,
      objectType: input.objectType,
      objectId: input.objectId,
      organizationIds: [...input.organizationIds],
      object: structuredClone(input.object),
    };
    this.#events.push(event);
    return event;
  }

  /** Events after `afterSeq` (from a decoded cursor). */
  page(afterSeq: number | undefined, limit: number): Page<FeedEvent> {
    return pageByKey(this.#events, (e) => [e.seq], afterSeq === undefined ? undefined : [afterSeq], limit);
  }

  save(): FeedEvent[] {
    return structuredClone(this.#events);
  }
}
