import type { PlatformName, SandboxEventInput } from '../app/platform-module.js';
import { type Page, pageByKey } from '../app/paging.js';

/**
 * An entry of a sandbox's feed (the simulation API's `FeedEvent`, plus `id`, `type`, `at` and
 * `object` so a webhook delivery of it is self-contained).
 */
export interface FeedEvent {
  seq: number;
  id: string;
  type: string;
  /** RFC 3339 instant (+08:00): the event's own `at`, else the sandbox clock when it was emitted. */
  at: string;
  platform: PlatformName;
  objectType: string;
  objectId: string;
  organizationId: string | null;
  /** Organisations whose webhooks receive it (owner first). */
  recipients: string[];
  event: Record<string, unknown>;
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

  append(input: SandboxEventInput, id: string, now: string): FeedEvent {
    const at = typeof input.event.at === 'string' ? input.event.at : now;
    const recipients = [...new Set([...(input.organizationId ? [input.organizationId] : []), ...(input.alsoNotify ?? [])])];
    const event: FeedEvent = {
      seq: this.#events.length + 1,
      id,
      type: input.event.type,
      at,
      platform: input.platform,
      objectType: input.objectType,
      objectId: input.objectId,
      organizationId: input.organizationId,
      recipients,
      event: structuredClone({ ...input.event }),
      object: structuredClone(input.object),
    };
    this.#events.push(event);
    return event;
  }

  /** Events after `afterSeq` (from a decoded cursor), optionally of one platform. */
  page(afterSeq: number | undefined, limit: number, platform?: PlatformName): Page<FeedEvent> {
    const events = platform ? this.#events.filter((e) => e.platform === platform) : this.#events;
    return pageByKey(events, (e) => [e.seq], afterSeq === undefined ? undefined : [afterSeq], limit);
  }

  save(): FeedEvent[] {
    return structuredClone(this.#events);
  }
}
