import type { EventWire, PlatformName, SandboxEventInput } from '../app/platform-module.js';
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

/** Nobody to notify besides the owner (shared: most events have no further recipients). */
const NONE: readonly string[] = Object.freeze([]);

/**
 * An event as appended, until it is first read: what `FeedEvent` is made of, without the
 * recipients list (made from the owner unless others are notified) or the wire copy of the event.
 */
class Pending {
  constructor(
    readonly id: string,
    readonly type: string,
    readonly at: string,
    readonly platform: PlatformName,
    readonly objectType: string,
    readonly objectId: string,
    readonly organizationId: string | null,
    /** Set only when others than the owner are notified (`recipientsOf`, made at append: the caller's list is not kept). */
    readonly others: readonly string[] | undefined,
    readonly source: Readonly<Record<string, unknown>>,
    readonly wire: EventWire | undefined,
  ) {}

  recipients(): readonly string[] {
    return this.others ?? (this.organizationId ? [this.organizationId] : NONE);
  }

  receives(recipient: string): boolean {
    return this.others ? this.others.includes(recipient) : this.organizationId === recipient;
  }
}

type Stored = FeedEvent | Pending;

/** The owner, then the further organisations to notify, each once. */
function recipientsOf(input: SandboxEventInput): readonly string[] {
  const out: string[] = input.organizationId ? [input.organizationId] : [];
  for (const id of input.alsoNotify ?? []) if (!out.includes(id)) out.push(id);
  return out;
}

/** The mark of a newest-first cursor (`[seq, 'desc']`; an oldest-first cursor is `[seq]`). */
export const DESC = 'desc';

/**
 * Positions (0-based, `seq - 1`) of the feed's entries that pass a filter, brought up to date
 * when read (`upTo` entries of the feed looked at): appending an event costs no filter anything.
 */
interface Positions {
  upTo: number;
  positions: number[];
}

/**
 * The append-only event feed of one sandbox, paged by sequence number. An event is stored once,
 * as handed over (see `SandboxEventInput`: the emitter gives up the event; with `wire`, the feed
 * keeps the source and makes its wire form when the entry is first read); from then on the same
 * frozen entry is handed to every page and webhook delivery. Copies are made only by `save`, and
 * saved entries it is restored from are taken over as appended ones are. Because `seq` is the
 * position in the feed, the indexes (by platform, object, recipient) are lists of positions, built
 * when first asked for and brought up to date at each ask, and a page is a slice from the cursor's
 * index.
 *
 * @example
 * ```ts
 * const feed = new EventFeed();
 * feed.append(input, 'evt_1', '2025-09-26T10:00:00+08:00');
 * feed.page(undefined, 20).items.length; // 1
 * ```
 */
export class EventFeed {
  readonly #entries: Stored[] = [];
  readonly #byPlatform = new Map<PlatformName, Positions>();
  /** Each object's positions, for its timeline, by platform, object type and id. */
  readonly #byObject = new Map<PlatformName, Map<string, Map<string, number[]>>>();
  /** Entries of the feed `#byObject` holds (the first `#objectsUpTo`). */
  #objectsUpTo = 0;
  /** The positions each organisation's webhooks receive (`recipients`), by platform (`''`: all). */
  readonly #byRecipient = new Map<string, Map<PlatformName | '', Positions>>();

  /** A feed holding `saved` (a snapshot's entries, parsed for it alone: they become its own, frozen, not copied). */
  constructor(saved: readonly FeedEvent[] = []) {
    for (const e of saved) this.#entries.push(Object.freeze(e));
  }

  /**
   * Stores an event under `id` and answers its `seq`; `at` is the event's own instant, or the
   * clock's when it has none.
   */
  append(input: SandboxEventInput, id: string, at: string): number {
    const wire = input.wire;
    const others = input.alsoNotify !== undefined && input.alsoNotify.length > 0 ? recipientsOf(input) : undefined;
    const type = wire ? wire.type(input.event) : input.event.type;
    this.#entries.push(new Pending(id, type, at, input.platform, input.objectType, input.objectId, input.organizationId, others, input.event, wire));
    return this.#entries.length;
  }

  /** The entry numbered `seq` (1 ≤ `seq` ≤ `size`). */
  entry(seq: number): FeedEvent {
    return this.#at(seq - 1);
  }

  /**
   * Events after `afterSeq` (from a decoded cursor), oldest first, optionally of one platform and
   * only those one organisation's webhooks receive (`recipient`).
   */
  page(afterSeq: number | undefined, limit: number, platform?: PlatformName, recipient?: string): Page<FeedEvent> {
    const positions = this.#list(platform, recipient);
    const length = positions ? positions.length : this.#entries.length;
    const start = afterSeq === undefined ? 0 : this.#firstAfter(positions, length, afterSeq);
    const items = this.#slice(positions, start, Math.min(length, start + limit));
    const last = items.at(-1);
    const more = start + limit < length;
    return { items, nextCursor: more && last ? encodeCursor([last.seq]) : null, total: length };
  }

  /**
   * Events before `beforeSeq` (from a decoded cursor; the newest when `undefined`), newest first,
   * optionally of one platform: the tail of a long feed costs one slice, not a walk from its start.
   * The cursor is marked `desc`, so it cannot be mistaken for one of `page`.
   */
  pageNewestFirst(beforeSeq: number | undefined, limit: number, platform?: PlatformName, recipient?: string): Page<FeedEvent> {
    const positions = this.#list(platform, recipient);
    const length = positions ? positions.length : this.#entries.length;
    const end = beforeSeq === undefined ? length : this.#firstAfter(positions, length, beforeSeq - 1);
    const start = Math.max(0, end - limit);
    const items = this.#slice(positions, start, end).reverse();
    const last = items.at(-1);
    return { items, nextCursor: start > 0 && last ? encodeCursor([last.seq, DESC]) : null, total: length };
  }

  /** Every entry about one object, oldest first (an empty list for an object nothing was published about). */
  ofObject(platform: PlatformName, objectType: string, objectId: string): readonly FeedEvent[] {
    for (; this.#objectsUpTo < this.#entries.length; this.#objectsUpTo++) {
      const e = this.#entries[this.#objectsUpTo] as Stored;
      let ofPlatform = this.#byObject.get(e.platform);
      if (!ofPlatform) this.#byObject.set(e.platform, (ofPlatform = new Map()));
      let ofType = ofPlatform.get(e.objectType);
      if (!ofType) ofPlatform.set(e.objectType, (ofType = new Map()));
      const own = ofType.get(e.objectId);
      if (own) own.push(this.#objectsUpTo);
      else ofType.set(e.objectId, [this.#objectsUpTo]);
    }
    const own = this.#byObject.get(platform)?.get(objectType)?.get(objectId);
    return own ? this.#slice(own, 0, own.length) : [];
  }

  /** The positions of `platform`'s events or of those `recipient` receives; `undefined`: every entry. */
  #list(platform: PlatformName | undefined, recipient: string | undefined): readonly number[] | undefined {
    if (recipient !== undefined) return this.#received(recipient, platform ?? '');
    if (!platform) return undefined;
    let index = this.#byPlatform.get(platform);
    if (!index) this.#byPlatform.set(platform, (index = { upTo: 0, positions: [] }));
    for (; index.upTo < this.#entries.length; index.upTo++) if ((this.#entries[index.upTo] as Stored).platform === platform) index.positions.push(index.upTo);
    return index.positions;
  }

  /** The positions `recipient` receives (of `platform`, or all for `''`), read up to the feed's end. */
  #received(recipient: string, platform: PlatformName | ''): readonly number[] {
    let ofRecipient = this.#byRecipient.get(recipient);
    if (!ofRecipient) this.#byRecipient.set(recipient, (ofRecipient = new Map()));
    let index = ofRecipient.get(platform);
    if (!index) ofRecipient.set(platform, (index = { upTo: 0, positions: [] }));
    for (; index.upTo < this.#entries.length; index.upTo++) {
      const e = this.#entries[index.upTo] as Stored;
      const receives = e instanceof Pending ? e.receives(recipient) : e.recipients.includes(recipient);
      if (receives && (platform === '' || e.platform === platform)) index.positions.push(index.upTo);
    }
    return index.positions;
  }

  /** The entries at `positions[start..end)` (at positions `start..end` when `positions` is `undefined`). */
  #slice(positions: readonly number[] | undefined, start: number, end: number): FeedEvent[] {
    const out: FeedEvent[] = [];
    for (let i = start; i < end; i += 1) out.push(this.#at(positions ? (positions[i] as number) : i));
    return out;
  }

  /** The entry at `position`, made the first time it is read (and kept: every later reader gets the same frozen entry). */
  #at(position: number): FeedEvent {
    const e = this.#entries[position] as Stored;
    if (!(e instanceof Pending)) return e;
    const made = Object.freeze(entryOf(e, position + 1));
    this.#entries[position] = made;
    return made;
  }

  /**
   * Index in `positions` (`undefined`: every position, `0..length`) of the first entry with
   * `seq > afterSeq`. An appended entry's `seq` is its position + 1; a restored one keeps its own
   * (a snapshot's feed needs only rising numbers).
   */
  #firstAfter(positions: readonly number[] | undefined, length: number, afterSeq: number): number {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const position = positions ? (positions[mid] as number) : mid;
      const e = this.#entries[position] as Stored;
      if ((e instanceof Pending ? position + 1 : e.seq) <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How many events the feed holds (the sandbox's event quota counts them). */
  get size(): number {
    return this.#entries.length;
  }

  /** A deep copy of every entry, for a snapshot (an entry not read yet is made for it, not kept). */
  save(): FeedEvent[] {
    return structuredClone(this.#entries.map((e, i) => (e instanceof Pending ? entryOf(e, i + 1) : e))) as FeedEvent[];
  }
}

/** The feed entry of a pending event at `seq` (its wire form made now, when it has a `wire`). */
function entryOf(e: Pending, seq: number): FeedEvent {
  return {
    seq,
    id: e.id,
    type: e.type,
    at: e.at,
    platform: e.platform,
    objectType: e.objectType,
    objectId: e.objectId,
    organizationId: e.organizationId,
    recipients: e.recipients(),
    event: e.wire ? e.wire.render(e.source) : e.source,
  };
}
