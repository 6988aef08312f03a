import { formatShanghaiInstant } from '@gdx/calendar';
import { signWebhookBody, WEBHOOK_HEADERS } from '@gdx/protocol';
import { DeliveryLanes } from './delivery-lanes.js';
import type { TransitionLabels } from '../app/workflow-objects.js';
import type { FeedEvent } from './event-feed.js';

/** A webhook subscription of one organisation. */
export interface Webhook {
  id: string;
  organizationId: string;
  url: string;
  secret: string;
  /** Only these event types (`state_changed`, …); all when empty. */
  eventTypes: string[];
  /** RFC 3339 instant on the sandbox clock. */
  createdAt: string;
  /** Set while the webhook receives nothing (absent: enabled, as in snapshots taken before webhooks could be disabled). */
  disabled?: WebhookDisabled;
}

/**
 * Why and when a webhook stopped receiving deliveries: a 410 Gone. A disabled webhook is given no
 * deliveries, and its pending ones were cancelled (an attempt in flight is not logged).
 */
export interface WebhookDisabled {
  /** `gone`: its receiver answered 410 Gone. */
  reason: 'gone';
  /** The 410 attempt's start: wall time, Shanghai time with milliseconds as `DeliveryAttempt.at`. */
  at: string;
  /** The delivery answered 410 Gone. */
  deliveryId: string;
}

/**
 * One finished try of a delivery; `at` is the wall time it started (deliveries happen in real
 * time), in Shanghai time with its milliseconds, left out when `.000` (as the journal's `receivedAt`).
 */
export interface DeliveryAttempt {
  at: string;
  status?: number;
  /** Why no answer came (network error, timeout), or, with `status` 410, that the delivery was not retried. */
  error?: string;
}

/** The delivery of one event to one webhook, as the delivery log shows it. */
export interface Delivery {
  /** Sent as `X-Gdx-Delivery-Id` with every attempt; never reused within the sandbox's life. */
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  /** `cancelled`: its webhook was deleted or disabled before it settled (it is not sent again). */
  state: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: DeliveryAttempt[];
  /**
   * While `pending` after a failed attempt: the wall time its retry is due (the last attempt's
   * start plus the backoff), Shanghai time with milliseconds as `at`. Absent while the first attempt
   * (of a round) waits or is in flight. A retry due may still wait its turn behind the webhook's
   * other attempts, so this can be in the past.
   */
  nextAttemptAt?: string;
}

/** A delivery as a data directory keeps it: while pending or failed, with what a re-send needs. */
export interface SavedDelivery extends Delivery {
  /**
   * Target and body of the signed request (signed anew per attempt); dropped once delivered or
   * cancelled, kept while failed for a redelivery.
   */
  payload?: { url: string; secret: string; body: string };
  /** Index in `attempts` of the first attempt of the current round (0 until a redelivery). */
  round?: number;
}

/** Why a delivery cannot be sent again (`Webhooks.redeliver`). */
export type RedeliveryRefusal =
  | { reason: 'not_found' }
  /** Only a `failed` delivery is sent again: a pending one is still being tried, a delivered one reached its receiver. */
  | { reason: 'not_failed'; state: Delivery['state'] }
  | { reason: 'webhook_deleted' }
  /** Its webhook is disabled: enable it first. */
  | { reason: 'webhook_disabled' }
  /** Failed under a version that dropped the body of failed deliveries. */
  | { reason: 'not_kept' };

/** The result of one attempt and the state it left the delivery in (journaled by the app). */
export interface DeliveryOutcome {
  sandboxId: string;
  deliveryId: string;
  webhookId: string;
  eventId: string;
  attempt: DeliveryAttempt;
  state: Delivery['state'];
}

/** How deliveries are sent and retried. */
export interface WebhookDeliveryOptions {
  /** The fetch used to deliver (injectable for tests). */
  fetch: typeof globalThis.fetch;
  /** Attempts in total, including the first (default 5). */
  maxAttempts: number;
  /** Delay before the first retry; doubled for each further retry (default 500 ms). */
  baseDelayMs: number;
  /** Per-attempt timeout (default 5 s), counted from the moment the attempt is sent. */
  timeoutMs: number;
  /**
   * Attempts in flight at once per webhook (default 8); the webhook's other deliveries wait
   * their turn, oldest first. A clock advance emitting thousands of events then sends them a few
   * at a time instead of opening one connection per event.
   */
  concurrency: number;
}

/** What a sandbox's webhooks start from. */
export interface WebhooksInit {
  sandboxId: string;
  /** Delivery ids are this prefix and the delivery's number in this log (`dlv_1_` → `dlv_1_1`, …). */
  deliveryIdPrefix: string;
  options: WebhookDeliveryOptions;
  hooks?: readonly Webhook[];
  deliveries?: readonly SavedDelivery[];
  /** Told every attempt's outcome as it happens (not on replay): the app journals it. */
  onOutcome?: (outcome: DeliveryOutcome) => void;
  /** The names of an event's states, sent in its body as the feed shows them (asked only for an event a webhook receives). */
  labels?: (event: FeedEvent) => TransitionLabels;
}

type Timer = ReturnType<typeof setTimeout>;

/** A copy of a webhook (its `disabled` too), for a reader. */
function copyOf(hook: Webhook): Webhook {
  return hook.disabled ? { ...hook, disabled: { ...hook.disabled } } : { ...hook };
}

/** The log's note on an attempt answered 410 Gone, which ends its delivery at once and disables its webhook. */
const GONE = 'the receiver answered 410 Gone: the delivery failed at once, not retried, and the webhook was disabled';


/**
 * Why an attempt got no answer, as the delivery log shows it. Node's fetch rejects every network
 * failure with the same `fetch failed` and puts the reason (`connect ECONNREFUSED …`,
 * `getaddrinfo ENOTFOUND …`, `other side closed`) in its `cause`: the log names the cause.
 */
function networkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  // A host name with several addresses (`localhost`: ::1 and 127.0.0.1) fails with one error each.
  if (cause instanceof AggregateError && cause.errors.length > 0) return cause.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))).join('; ');
  if (cause instanceof Error && cause.message) return cause.message;
  return error.message;
}

/**
 * Webhook subscriptions and deliveries of one sandbox. A delivery is retried with exponential
 * backoff on a non-2xx answer or a network error, on real timers, up to `maxAttempts`; a 410 Gone
 * answer fails it at once and disables its webhook (`enable` enables it again). Deliveries
 * are at least once: an attempt whose outcome was not recorded (the process died, or the sandbox
 * closed while it was in flight) is sent again by the next `resume`.
 *
 * @example
 * ```ts
 * const hooks = new Webhooks({ sandboxId: 'default', deliveryIdPrefix: 'dlv_1_', options });
 * hooks.add({ id: 'whk_1', organizationId: 'org_1', url: 'http://127.0.0.1:9000/hook', secret: 's3cret-0123456789', eventTypes: [], createdAt });
 * hooks.deliver(event, () => ({ id: 'rga_1', state: 'submitted' }), true);
 * ```
 */
export class Webhooks {
  readonly #sandboxId: string;
  readonly #deliveryIdPrefix: string;
  readonly #options: WebhookDeliveryOptions;
  readonly #onOutcome: ((outcome: DeliveryOutcome) => void) | undefined;
  readonly #labels: ((event: FeedEvent) => TransitionLabels) | undefined;
  readonly #hooks = new Map<string, Webhook>();
  readonly #deliveries: SavedDelivery[];
  readonly #byId = new Map<string, SavedDelivery>();
  readonly #timers = new Set<Timer>();
  /** When each scheduled retry fires (epoch ms), while its timer runs: the log's `nextAttemptAt`. */
  readonly #retryAt = new WeakMap<SavedDelivery, number>();
  readonly #lanes: DeliveryLanes;
  #closed = false;
  #resumed = false;

  constructor(init: WebhooksInit) {
    this.#sandboxId = init.sandboxId;
    this.#deliveryIdPrefix = init.deliveryIdPrefix;
    this.#options = init.options;
    this.#onOutcome = init.onOutcome;
    this.#labels = init.labels;
    this.#lanes = new DeliveryLanes(init.options.concurrency);
    for (const hook of init.hooks ?? []) this.#hooks.set(hook.id, copyOf(hook));
    this.#deliveries = structuredClone([...(init.deliveries ?? [])]);
    for (const d of this.#deliveries) this.#byId.set(d.id, d);
  }

  add(hook: Webhook): void {
    this.#hooks.set(hook.id, copyOf(hook));
  }

  /**
   * Deletes a webhook and cancels its deliveries not settled yet: none is sent again, and an
   * attempt in flight is not logged (the receiver may still have got it). Replaying the delete
   * cancels the same deliveries of the rebuilt log.
   */
  remove(id: string): boolean {
    if (!this.#hooks.delete(id)) return false;
    // Its failed deliveries kept their body for a redelivery, which needs the webhook.
    this.#cancelPending(id, true);
    return true;
  }

  /**
   * Enables a webhook a 410 Gone disabled (`undefined` when there is none; an enabled one stays
   * as it is). It receives the events emitted from now on; nothing it missed is sent (the feed,
   * `/events?organizationId=`, lists it), and its failed deliveries may be redelivered again.
   */
  enable(id: string): Webhook | undefined {
    const hook = this.#hooks.get(id);
    if (!hook) return undefined;
    delete hook.disabled;
    return copyOf(hook);
  }

  /** The webhook of an id, a copy. */
  get(id: string): Webhook | undefined {
    const hook = this.#hooks.get(id);
    return hook ? copyOf(hook) : undefined;
  }

  list(): Webhook[] {
    return [...this.#hooks.values()].map(copyOf);
  }

  /** How many webhooks there are. */
  get size(): number {
    return this.#hooks.size;
  }

  /** The delivery log. */
  deliveries(): Delivery[] {
    return this.#deliveries.map((d) => this.#view(d));
  }

  /** How many deliveries the log holds (it only grows). */
  get deliveryCount(): number {
    return this.#deliveries.length;
  }

  /** The delivery at `position` in the log (0-based), as `deliveries()` shows it: one copy, not the whole log's. */
  deliveryAt(position: number): Delivery | undefined {
    const saved = this.#deliveries[position];
    return saved ? this.#view(saved) : undefined;
  }

  /** Positions in the log (rising) of the deliveries of one webhook and/or in one state. */
  positionsWhere(filter: { webhookId?: string; state?: Delivery['state'] }): number[] {
    const positions: number[] = [];
    this.#deliveries.forEach((d, position) => {
      if ((filter.webhookId === undefined || d.webhookId === filter.webhookId) && (filter.state === undefined || d.state === filter.state)) positions.push(position);
    });
    return positions;
  }

  /** The delivery log with the payloads of pending and failed deliveries (a data directory's snapshot). */
  save(): SavedDelivery[] {
    return structuredClone(this.#deliveries);
  }

  /**
   * Records deliveries of `event` to the webhooks of its organisations, with the object `object`
   * builds (at most once, now), and sends them when `send` (replay only rebuilds the log). Costs
   * nothing when no webhook wants the event (the object and the body are built only for a match).
   */
  deliver(event: FeedEvent, object: () => unknown, send: boolean): void {
    if (this.#hooks.size === 0) return;
    let body: string | undefined;
    for (const hook of this.#hooks.values()) {
      if (hook.disabled || !event.recipients.includes(hook.organizationId)) continue;
      if (hook.eventTypes.length > 0 && !hook.eventTypes.includes(event.type)) continue;
      body ??= this.#body(event, object());
      const id = `${this.#deliveryIdPrefix}${this.#deliveries.length + 1}`;
      const delivery: SavedDelivery = {
        id,
        webhookId: hook.id,
        eventId: event.id,
        eventType: event.type,
        state: 'pending',
        attempts: [],
        payload: { url: hook.url, secret: hook.secret, body: withDeliveryId(body, id) },
      };
      this.#deliveries.push(delivery);
      this.#byId.set(delivery.id, delivery);
      if (send) this.#attempt(delivery);
    }
  }

  /**
   * Applies a journaled outcome (replay: nothing is sent). An outcome that does not match the
   * rebuilt log (another delivery under that id) is ignored; its delivery stays pending and is
   * sent again. A 410 Gone disables the webhook as it did live, unless `disableOnGone` is false
   * (an outcome journaled before a 410 disabled it: the events after it were delivered).
   */
  apply(outcome: DeliveryOutcome, disableOnGone = true): void {
    const delivery = this.#byId.get(outcome.deliveryId);
    if (delivery?.state !== 'pending' || delivery.webhookId !== outcome.webhookId || delivery.eventId !== outcome.eventId) return;
    this.#settle(delivery, { ...outcome.attempt }, outcome.state);
    if (disableOnGone) this.#disableIfGone(delivery, outcome.attempt);
  }

  /**
   * Sends a `failed` delivery again: a new round of up to `maxAttempts` attempts, under the same
   * delivery id, with the same body, to the URL it was made for (sent when `send`; a replay
   * only reopens it, and the outcomes journaled after it settle it). Its earlier attempts stay in
   * the log. The webhook must still exist.
   */
  redeliver(id: string, send: boolean): { delivery: Delivery } | RedeliveryRefusal {
    const delivery = this.#byId.get(id);
    if (!delivery) return { reason: 'not_found' };
    if (delivery.state !== 'failed') return { reason: 'not_failed', state: delivery.state };
    const hook = this.#hooks.get(delivery.webhookId);
    if (!hook) return { reason: 'webhook_deleted' };
    if (hook.disabled) return { reason: 'webhook_disabled' };
    if (!delivery.payload) return { reason: 'not_kept' };
    delivery.state = 'pending';
    delivery.round = delivery.attempts.length;
    if (send) this.#attempt(delivery);
    return { delivery: this.#view(delivery) };
  }

  /**
   * Sends every pending delivery (after a restart), each after what is left of its backoff. Only
   * the first call does anything: a delivery is resumed once per process.
   */
  resume(): void {
    if (this.#resumed || this.#closed) return;
    this.#resumed = true;
    for (const delivery of this.#deliveries) {
      if (delivery.state !== 'pending') continue;
      this.#retryAfter(delivery, Math.max(0, (this.#retryDue(delivery) ?? 0) - Date.now()));
    }
  }

  /** Resolves once no delivery is in flight or waiting for its turn (pending retries are not waited for). */
  async idle(): Promise<void> {
    await this.#lanes.idle();
  }

  /** Cancels pending retries; outcomes of attempts still in flight are no longer recorded. */
  close(): void {
    this.#closed = true;
    this.#lanes.close();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  /** A delivery as the log shows it: a copy, without what only a re-send needs, with when its retry is due. */
  #view(saved: SavedDelivery): Delivery {
    const { payload: _payload, round: _round, ...delivery } = saved;
    const copy: Delivery = structuredClone(delivery);
    // The scheduled timer's instant; without one (replayed, or closed), when a resume would send it.
    const due = saved.state === 'pending' && this.#roundAttempts(saved) > 0 ? (this.#retryAt.get(saved) ?? this.#retryDue(saved)) : undefined;
    if (due !== undefined) copy.nextAttemptAt = formatShanghaiInstant(due, { milliseconds: true });
    return copy;
  }

  /** When a pending delivery's retry is due (epoch ms): its round's last attempt's start plus the backoff; `undefined` before its round's first attempt. */
  #retryDue(delivery: SavedDelivery): number | undefined {
    if (this.#roundAttempts(delivery) === 0) return undefined;
    const last = delivery.attempts.at(-1);
    return last ? Date.parse(last.at) + this.#backoff(delivery) : undefined;
  }

  /** The contract's `WebhookPayload` but its `deliveryId`: the feed event as `/events` lists it (its labels too), the object and the sandbox. */
  #body(event: FeedEvent, object: unknown): string {
    const { recipients: _recipients, ...visible } = event;
    const labels = this.#labels?.(event) ?? { fromLabel: null, toLabel: null };
    return JSON.stringify({ ...visible, ...labels, object, sandboxId: this.#sandboxId });
  }

  /** Queues an attempt in its webhook's lane: it is sent when fewer than `concurrency` are in flight. */
  #attempt(delivery: SavedDelivery): void {
    this.#lanes.add(delivery.webhookId, () => this.#send(delivery));
  }

  async #send(delivery: SavedDelivery): Promise<void> {
    const payload = delivery.payload;
    if (!payload) return;
    const now = Date.now();
    const attempt: DeliveryAttempt = { at: formatShanghaiInstant(now, { milliseconds: true }) };
    let ok = false;
    try {
      const response = await this.#options.fetch(payload.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_HEADERS.signature]: signWebhookBody(payload.secret, payload.body, now),
          [WEBHOOK_HEADERS.timestamp]: String(now),
          [WEBHOOK_HEADERS.webhookId]: delivery.webhookId,
          [WEBHOOK_HEADERS.deliveryId]: delivery.id,
        },
        body: payload.body,
        // A redirect is the receiver's answer, not a delivery: following a 301/302/303 would
        // send a GET without the body, and its 2xx would log the event as delivered.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      // A browser's fetch hides a manual redirect's status (an `opaqueredirect` answer, status 0).
      if (response.type === 'opaqueredirect') attempt.error = 'the receiver answered a redirect (not followed)';
      else attempt.status = response.status;
      // The answer's body means nothing to a delivery: release the connection without reading it.
      // Not awaited: under MSW's interception of the global fetch the cancel settles only when the
      // attempt's timeout aborts it, which held every attempt (and its retries) for that long.
      void response.body?.cancel().catch(() => undefined);
      ok = response.ok;
    } catch (error) {
      attempt.error = networkError(error);
    }
    // A closed sandbox was reset, deleted or shut down: its log is gone or will be rebuilt, and
    // an unrecorded attempt is simply sent again. A cancelled delivery stays as the delete left it.
    if (this.#closed || delivery.state !== 'pending') return;
    // 410 Gone: the receiver says the endpoint is gone for good, so retrying cannot help
    // (Standard Webhooks stops there too). The webhook stays: a redelivery may still be asked for.
    const gone = attempt.status === 410;
    if (gone) attempt.error = GONE;
    const state = ok ? 'delivered' : gone || this.#roundAttempts(delivery) + 1 >= this.#options.maxAttempts ? 'failed' : 'pending';
    this.#settle(delivery, attempt, state);
    this.#onOutcome?.({ sandboxId: this.#sandboxId, deliveryId: delivery.id, webhookId: delivery.webhookId, eventId: delivery.eventId, attempt: { ...attempt }, state });
    if (state === 'pending') this.#retryAfter(delivery, this.#backoff(delivery));
    this.#disableIfGone(delivery, attempt);
  }

  /**
   * A 410 Gone says the endpoint is gone for good (Standard Webhooks and Svix disable it too): its
   * webhook is disabled, from that attempt, until its owner enables it again.
   */
  #disableIfGone(delivery: SavedDelivery, attempt: DeliveryAttempt): void {
    if (attempt.status !== 410) return;
    const hook = this.#hooks.get(delivery.webhookId);
    if (hook && !hook.disabled) this.#disable(hook, { reason: 'gone', at: attempt.at, deliveryId: delivery.id });
  }

  #disable(hook: Webhook, disabled: WebhookDisabled): void {
    hook.disabled = disabled;
    this.#cancelPending(hook.id, false);
  }

  /** Cancels a webhook's pending deliveries (and drops its failed ones' bodies when `dropFailed`): none is sent again. */
  #cancelPending(webhookId: string, dropFailed: boolean): void {
    this.#lanes.clear(webhookId);
    for (const delivery of this.#deliveries) {
      if (delivery.webhookId !== webhookId) continue;
      if (delivery.state === 'pending') {
        delivery.state = 'cancelled';
        delete delivery.payload;
        this.#retryAt.delete(delivery);
      } else if (dropFailed) delete delivery.payload;
    }
  }

  #settle(delivery: SavedDelivery, attempt: DeliveryAttempt, state: Delivery['state']): void {
    delivery.attempts.push(attempt);
    delivery.state = state;
    if (state === 'delivered' || state === 'cancelled') delete delivery.payload;
  }

  /** The wait after the latest attempt: `baseDelayMs` × 2^(attempts − 1). */
  #backoff(delivery: SavedDelivery): number {
    return this.#options.baseDelayMs * 2 ** (this.#roundAttempts(delivery) - 1);
  }

  /** Finished attempts of the delivery's current round (all of them until a redelivery). */
  #roundAttempts(delivery: SavedDelivery): number {
    return delivery.attempts.length - (delivery.round ?? 0);
  }

  #retryAfter(delivery: SavedDelivery, delayMs: number): void {
    this.#retryAt.set(delivery, Date.now() + delayMs);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#retryAt.delete(delivery);
      this.#attempt(delivery);
    }, delayMs);
    // Node only: a pending retry must not keep the process alive (browsers have no `unref`).
    (timer as { unref?: () => void }).unref?.();
    this.#timers.add(timer);
  }
}

/**
 * A delivery's body: the event's body, made once for every webhook it goes to, with the delivery's
 * id as its last member. The id is signed with the body, and unlike the event's `id` it never
 * repeats within a sandbox's life (a reset or a re-created sandbox draws its events' ids again).
 *
 * @example
 * ```ts
 * withDeliveryId('{"id":"evt_1","sandboxId":"default"}', 'dlv_1_7'); // '{"id":"evt_1","sandboxId":"default","deliveryId":"dlv_1_7"}'
 * ```
 */
function withDeliveryId(body: string, deliveryId: string): string {
  return `${body.slice(0, -1)},"deliveryId":${JSON.stringify(deliveryId)}}`;
}
