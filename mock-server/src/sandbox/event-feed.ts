import type { PlatformName, SandboxEventInput } from '../app/platform-module.js';
import { encodeCursor, type Page } from '../app/paging.js';

/**
 * An entry of a sandbox's feed (the simulation API's `FeedEvent`, plus `id`, `type` and `at`).
 * Entries are frozen: every reader gets the stored entry itself, so nobody may change it. The
 * object an event concerns is not kept: a webhook delivery builds it while the event is emitted.
 */
export interface FeedEvent {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  /** RFC 3339 instant (+08:00): the event's own `at`, else the sandbox clock when it was emitted. */
  readonly at: string;
  readonly platform: PlatformName;
  readonly objectType: string;
  readonly objectId: string;
  readonly organizationId: string | null;
  /** Organisations whose webhooks receive it (owner first). */
  readonly recipients: readonly string[];
  readonly event: Readonly<Record<string, unknown>>;
}

/** The owner, then the further organisations to notify, each once. */
function recipientsOf(input: SandboxEventInput): readonly string[] {
  const out: string[] = input.organizationId ? [input.organizationId] : [];
  for (const id of input.alsoNotify ?? []) if (!out.includes(id)) out.push(id);
  return out;
}

/** The mark of a newest-first cursor (`[seq, 'desc']`; an oldest-first cursor is `[seq]`). */
export const DESC = 'desc';

/**
 * The append-only event feed of one sandbox, paged by sequence number. An entry is stored once,
 * as handed over (see `SandboxEventInput`: the emitter gives up the event), and
 * the same frozen entry is handed to every page and webhook delivery; copies are made only by
 * `save`, and saved entries it is restored from are taken over as appended ones are. Because `seq` is the position in
 * the feed, a page is a slice from the cursor's index, also within one platform's own list.
 *
 * @example
 * ```ts
 * const feed = new EventFeed();
 * feed.append(input, 'evt_1', '2025-09-26T10:00:00+08:00');
 * feed.page(undefined, 20).items.length; // 1
 * ```
 */
export class EventFeed {
  readonly #events: FeedEvent[] = [];
  readonly #byPlatform = new Map<PlatformName, FeedEvent[]>();
  /**
   * Each object's entries, for its timeline, by platform, object type and id: maps keyed by the
   * strings the event already holds, so storing an event hashes no new key string (a joined key
   * was built and hashed for every event of a clock advance).
   */
  readonly #byObject = new Map<PlatformName, Map<string, Map<string, FeedEvent[]>>>();
  /**
   * The entries each organisation's webhooks receive (`recipients`), by platform (`''`: all),
   * built when first asked for and brought up to date at each ask (`upTo` entries of the feed
   * read): storing an event costs nothing for a filter nobody reads.
   */
  readonly #byRecipient = new Map<string, Map<PlatformName | '', { upTo: number; events: FeedEvent[] }>>();

  /** A feed holding `saved` (a snapshot's entries, parsed for it alone: they become its own, frozen, not copied). */
  constructor(saved: readonly FeedEvent[] = []) {
    for (const e of saved) this.#store(e);
  }

  /** Stores an event under `id`; `at` is the event's own instant, or the clock's when it has none. */
  append(input: SandboxEventInput, id: string, at: string): FeedEvent {
    return this.#store({
      seq: this.#events.length + 1,
      id,
      type: input.event.type,
      at,
      platform: input.platform,
      objectType: input.objectType,
      objectId: input.objectId,
      organizationId: input.organizationId,
      recipients: recipientsOf(input),
      event: input.event,
    });
  }

  /**
   * Events after `afterSeq` (from a decoded cursor), oldest first, optionally of one platform and
   * only those one organisation's webhooks receive (`recipient`).
   */
  page(afterSeq: number | undefined, limit: number, platform?: PlatformName, recipient?: string): Page<FeedEvent> {
    const events = this.#list(platform, recipient);
    const start = afterSeq === undefined ? 0 : firstAfter(events, afterSeq);
    const items = events.slice(start, start + limit);
    const last = items.at(-1);
    const more = start + limit < events.length;
    return { items, nextCursor: more && last ? encodeCursor([last.seq]) : null, total: events.length };
  }

  /**
   * Events before `beforeSeq` (from a decoded cursor; the newest when `undefined`), newest first,
   * optionally of one platform: the tail of a long feed costs one slice, not a walk from its start.
   * The cursor is marked `desc`, so it cannot be mistaken for one of `page`.
   */
  pageNewestFirst(beforeSeq: number | undefined, limit: number, platform?: PlatformName, recipient?: string): Page<FeedEvent> {
    const events = this.#list(platform, recipient);
    const end = beforeSeq === undefined ? events.length : firstAfter(events, beforeSeq - 1);
    const start = Math.max(0, end - limit);
    const items = events.slice(start, end).reverse();
    const last = items.at(-1);
    return { items, nextCursor: start > 0 && last ? encodeCursor([last.seq, DESC]) : null, total: events.length };
  }

  /** Every entry about one object, oldest first (an empty list for an object nothing was published about). */
  ofObject(platform: PlatformName, objectType: string, objectId: string): readonly FeedEvent[] {
    return this.#byObject.get(platform)?.get(objectType)?.get(objectId) ?? [];
  }

  #list(platform: PlatformName | undefined, recipient: string | undefined): readonly FeedEvent[] {
    if (recipient !== undefined) return this.#received(recipient, platform ?? '');
    return platform ? (this.#byPlatform.get(platform) ?? []) : this.#events;
  }

  /** The entries `recipient` receives (of `platform`, or all for `''`), read up to the feed's end. */
  #received(recipient: string, platform: PlatformName | ''): readonly FeedEvent[] {
    let ofRecipient = this.#byRecipient.get(recipient);
    if (!ofRecipient) this.#byRecipient.set(recipient, (ofRecipient = new Map()));
    let index = ofRecipient.get(platform);
    if (!index) ofRecipient.set(platform, (index = { upTo: 0, events: [] }));
    for (; index.upTo < this.#events.length; index.upTo++) {
      const event = this.#events[index.upTo] as FeedEvent;
      if (event.recipients.includes(recipient) && (platform === '' || event.platform === platform)) index.events.push(event);
    }
    return index.events;
  }

  /** How many events the feed holds (the sandbox's event quota counts them). */
  get size(): number {
    return this.#events.length;
  }

  /** A deep copy of every entry, for a snapshot. */
  save(): FeedEvent[] {
    return structuredClone(this.#events) as FeedEvent[];
  }

  #store(event: FeedEvent): FeedEvent {
    Object.freeze(event);
    this.#events.push(event);
    let list = this.#byPlatform.get(event.platform);
    if (!list) this.#byPlatform.set(event.platform, (list = []));
    list.push(event);
    let ofPlatform = this.#byObject.get(event.platform);
    if (!ofPlatform) this.#byObject.set(event.platform, (ofPlatform = new Map()));
    let ofType = ofPlatform.get(event.objectType);
    if (!ofType) ofPlatform.set(event.objectType, (ofType = new Map()));
    const own = ofType.get(event.objectId);
    if (own) own.push(event);
    else ofType.set(event.objectId, [event]);
    return event;
  }
}

/** Index of the first entry with `seq > afterSeq` (entries are in `seq` order). */
function firstAfter(events: readonly FeedEvent[], afterSeq: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid] as FeedEvent).seq <= afterSeq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
