import type { EventWire, PlatformName, SandboxEventInput } from '../app/platform-module.js';
import { encodeCursor, type Page } from '../app/paging.js';
import { DrawnIds } from './id-generator.js';

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

/**
 * An entry of a snapshot (`EventFeed.save`) not made when the snapshot was taken: `JSON.stringify`
 * makes it, from what the feed kept of the event then (its columns are only appended to), so the
 * text is the one the entry made at once would give.
 */
export interface DeferredFeedEvent {
  toJSON(): FeedEvent;
}

/** An entry of a snapshot: made, or made when serialised. */
export type SavedFeedEvent = FeedEvent | DeferredFeedEvent;

/** Nobody to notify besides the owner (shared: most events have no further recipients). */
const NONE: readonly string[] = Object.freeze([]);

/** What many events share: their platform, object type and renderer (one per machine of a host). */
interface Channel {
  readonly platform: PlatformName;
  readonly objectType: string;
  readonly wire: EventWire | undefined;
}

/** The recipients of an event others than its owner are told of (`recipientsOf`, made at append: the caller's list is not kept). */
interface Notified {
  readonly organizationId: string | null;
  readonly all: readonly string[];
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
 * An appended event is kept in columns until it is first read — its source, id, `Channel` (the
 * platform, object type and renderer many events share), object id and recipients, one array
 * each — and its id may be kept unspelled (`drawnIds`): a clock advance appends an event per
 * transition and reads none, and an object per event (and its id's string) was what the
 * scavenger copied most of the feed's. The columns' long arrays live outside the young generation.
 *
 * @example
 * ```ts
 * const feed = new EventFeed();
 * feed.append(input, 'evt_1', '2025-09-26T10:00:00+08:00');
 * feed.page(undefined, 20).items.length; // 1
 * ```
 */
export class EventFeed {
  /** Ids drawn for the feed and spelled when their entry is made (`append`'s numeric ids). */
  readonly drawnIds: DrawnIds;
  /** The saved entries the feed was restored from: positions `0..base`. */
  readonly #restored: FeedEvent[] = [];
  /**
   * Positions from `base` on, by `position - base`: the event as appended (its source), replaced
   * by its entry once made (`#made` says which).
   */
  readonly #sources: (Readonly<Record<string, unknown>> | FeedEvent)[] = [];
  /** 1 where `#sources` holds the made entry. */
  #made = new Uint8Array(1024);
  readonly #ids: (string | number)[] = [];
  readonly #channels: Channel[] = [];
  readonly #objectIds: string[] = [];
  /** The owner (`organizationId`), or `Notified` when others than the owner are notified too. */
  readonly #recipients: (string | null | Notified)[] = [];
  /** The `at` of events whose own `at` is not the one given (none for a workflow host's events), by position. */
  readonly #ats = new Map<number, string>();
  /** Every channel met, and the last (most events follow one of the same). */
  readonly #knownChannels: Channel[] = [];
  #lastChannel: Channel | undefined;
  readonly #byPlatform = new Map<PlatformName, Positions>();
  /** Each object's positions, for its timeline, by platform, object type and id. */
  readonly #byObject = new Map<PlatformName, Map<string, Map<string, number[]>>>();
  /** Entries of the feed `#byObject` holds (the first `#objectsUpTo`). */
  #objectsUpTo = 0;
  /** The positions each organisation's webhooks receive (`recipients`), by platform (`''`: all). */
  readonly #byRecipient = new Map<string, Map<PlatformName | '', Positions>>();

  /**
   * A feed holding `saved` (a snapshot's entries, parsed for it alone: they become its own, frozen,
   * not copied); `drawnIds` keeps the ids `append` is given by index (default: of prefix `evt`).
   */
  constructor(saved: readonly FeedEvent[] = [], drawnIds = new DrawnIds('evt')) {
    for (const e of saved) this.#restored.push(Object.freeze(e));
    this.drawnIds = drawnIds;
  }

  /**
   * Stores an event under `id` — the id, or the index of one drawn into `drawnIds` — and answers
   * its `seq`; `at` is the event's own instant, or the clock's when it has none.
   */
  append(input: SandboxEventInput, id: string | number, at: string): number {
    const i = this.#sources.length;
    const event = input.event;
    if (event['at'] !== at) this.#ats.set(i, at);
    if (i === this.#made.length) {
      const grown = new Uint8Array(i * 2);
      grown.set(this.#made);
      this.#made = grown;
    }
    this.#sources.push(event);
    this.#ids.push(id);
    this.#channels.push(this.#channelOf(input.platform, input.objectType, input.wire));
    this.#objectIds.push(input.objectId);
    const organizationId = input.organizationId;
    this.#recipients.push(input.alsoNotify !== undefined && input.alsoNotify.length > 0 ? { organizationId, all: recipientsOf(input) } : organizationId);
    return this.size;
  }

  /** The shared channel of these three (compared, not keyed: a feed meets a handful). */
  #channelOf(platform: PlatformName, objectType: string, wire: EventWire | undefined): Channel {
    const last = this.#lastChannel;
    if (last !== undefined && last.platform === platform && last.objectType === objectType && last.wire === wire) return last;
    // A loop, not `find` with a closure: a clock advance alternates between an application's and a
    // registration's channel, and a closure made per switch was most of what this allocated.
    const known = this.#knownChannels;
    let found: Channel | undefined;
    for (let i = 0; i < known.length && found === undefined; i += 1) {
      const c = known[i] as Channel;
      if (c.platform === platform && c.objectType === objectType && c.wire === wire) found = c;
    }
    if (found === undefined) this.#knownChannels.push((found = { platform, objectType, wire }));
    this.#lastChannel = found;
    return found;
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
    const length = positions ? positions.length : this.size;
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
    const length = positions ? positions.length : this.size;
    const end = beforeSeq === undefined ? length : this.#firstAfter(positions, length, beforeSeq - 1);
    const start = Math.max(0, end - limit);
    const items = this.#slice(positions, start, end).reverse();
    const last = items.at(-1);
    return { items, nextCursor: start > 0 && last ? encodeCursor([last.seq, DESC]) : null, total: length };
  }

  /** Every entry about one object, oldest first (an empty list for an object nothing was published about). */
  ofObject(platform: PlatformName, objectType: string, objectId: string): readonly FeedEvent[] {
    for (; this.#objectsUpTo < this.size; this.#objectsUpTo++) {
      const position = this.#objectsUpTo;
      const entryPlatform = this.#platformAt(position);
      let ofPlatform = this.#byObject.get(entryPlatform);
      if (!ofPlatform) this.#byObject.set(entryPlatform, (ofPlatform = new Map()));
      const entryType = this.#objectTypeAt(position);
      let ofType = ofPlatform.get(entryType);
      if (!ofType) ofPlatform.set(entryType, (ofType = new Map()));
      const entryObject = this.#objectIdAt(position);
      const own = ofType.get(entryObject);
      if (own) own.push(position);
      else ofType.set(entryObject, [position]);
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
    for (; index.upTo < this.size; index.upTo++) if (this.#platformAt(index.upTo) === platform) index.positions.push(index.upTo);
    return index.positions;
  }

  /** The positions `recipient` receives (of `platform`, or all for `''`), read up to the feed's end. */
  #received(recipient: string, platform: PlatformName | ''): readonly number[] {
    let ofRecipient = this.#byRecipient.get(recipient);
    if (!ofRecipient) this.#byRecipient.set(recipient, (ofRecipient = new Map()));
    let index = ofRecipient.get(platform);
    if (!index) ofRecipient.set(platform, (index = { upTo: 0, positions: [] }));
    for (; index.upTo < this.size; index.upTo++) {
      const position = index.upTo;
      if (this.#receives(position, recipient) && (platform === '' || this.#platformAt(position) === platform)) index.positions.push(position);
    }
    return index.positions;
  }

  /** Whether `recipient`'s webhooks receive the entry at `position`. */
  #receives(position: number, recipient: string): boolean {
    const base = this.#restored.length;
    if (position < base) return (this.#restored[position] as FeedEvent).recipients.includes(recipient);
    const recipients = this.#recipients[position - base];
    return typeof recipients === 'object' && recipients !== null ? recipients.all.includes(recipient) : recipients === recipient;
  }

  #platformAt(position: number): PlatformName {
    const base = this.#restored.length;
    return position < base ? (this.#restored[position] as FeedEvent).platform : (this.#channels[position - base] as Channel).platform;
  }

  #objectTypeAt(position: number): string {
    const base = this.#restored.length;
    return position < base ? (this.#restored[position] as FeedEvent).objectType : (this.#channels[position - base] as Channel).objectType;
  }

  #objectIdAt(position: number): string {
    const base = this.#restored.length;
    return position < base ? (this.#restored[position] as FeedEvent).objectId : (this.#objectIds[position - base] as string);
  }

  /** The entries at `positions[start..end)` (at positions `start..end` when `positions` is `undefined`). */
  #slice(positions: readonly number[] | undefined, start: number, end: number): FeedEvent[] {
    const out: FeedEvent[] = [];
    for (let i = start; i < end; i += 1) out.push(this.#at(positions ? (positions[i] as number) : i));
    return out;
  }

  /** The entry at `position`, made the first time it is read (and kept: every later reader gets the same frozen entry). */
  #at(position: number): FeedEvent {
    const base = this.#restored.length;
    if (position < base) return this.#restored[position] as FeedEvent;
    const i = position - base;
    if (this.#made[i] === 1) return this.#sources[i] as FeedEvent;
    const entry = Object.freeze(this.#entryOf(position));
    this.#sources[i] = entry;
    this.#made[i] = 1;
    return entry;
  }

  /** The entry an appended event at `position` (≥ the restored entries, not made yet) makes, its wire form made now when it has a `wire`. */
  #entryOf(position: number): FeedEvent {
    const i = position - this.#restored.length;
    const id = this.#ids[i] as string | number;
    const channel = this.#channels[i] as Channel;
    const source = this.#sources[i] as Readonly<Record<string, unknown>>;
    const recipients = this.#recipients[i] as string | null | Notified;
    const notified = typeof recipients === 'object' && recipients !== null ? recipients : undefined;
    const organizationId = notified ? notified.organizationId : (recipients as string | null);
    const wire = channel.wire;
    return {
      seq: position + 1,
      id: typeof id === 'number' ? this.drawnIds.spell(id) : id,
      type: wire ? wire.type(source) : (source['type'] as string),
      at: this.#ats.get(i) ?? (source['at'] as string),
      platform: channel.platform,
      objectType: channel.objectType,
      objectId: this.#objectIds[i] as string,
      organizationId,
      recipients: notified ? notified.all : organizationId ? [organizationId] : NONE,
      event: wire ? wire.render(source) : source,
    };
  }

  /**
   * Index in `positions` (`undefined`: every position, `0..length`) of the first entry with
   * `seq > afterSeq`. An appended entry's `seq` is its position + 1; a restored one keeps its own
   * (a snapshot's feed needs only rising numbers).
   */
  #firstAfter(positions: readonly number[] | undefined, length: number, afterSeq: number): number {
    const base = this.#restored.length;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const position = positions ? (positions[mid] as number) : mid;
      if ((position < base ? (this.#restored[position] as FeedEvent).seq : position + 1) <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How many events the feed holds (the sandbox's event quota counts them). */
  get size(): number {
    return this.#restored.length + this.#sources.length;
  }

  /**
   * Every entry, for a snapshot: those made or restored as they are, those not read yet as a
   * `DeferredFeedEvent` that makes the entry when the snapshot is serialised (and does not keep
   * it). Nothing is copied: an entry is never changed once made or restored (nor its `event` and
   * `recipients`: every reader gets the same ones), and the feed only appends to its columns, so
   * the list serialises as the feed of this instant whatever is appended or read later. Copying
   * the entries, and making those not read yet, was most of the time a large sandbox's export held
   * every request up. Nothing may change the list's entries.
   */
  save(): SavedFeedEvent[] {
    const base = this.#restored.length;
    const out: SavedFeedEvent[] = [...this.#restored];
    for (let i = 0; i < this.#sources.length; i += 1) out.push(this.#made[i] === 1 ? (this.#sources[i] as FeedEvent) : { toJSON: () => this.#madeOrMaking(i) });
    return out;
  }

  /** The `i`-th appended entry (after the restored ones): as made since, or made now and not kept. */
  #madeOrMaking(i: number): FeedEvent {
    return this.#made[i] === 1 ? (this.#sources[i] as FeedEvent) : this.#entryOf(this.#restored.length + i);
  }
}
