import { signWebhookBody, WEBHOOK_HEADERS } from '@gdx/protocol';
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
}

/** One try of a delivery; `at` is wall time (deliveries happen in real time). */
export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
}

/** The delivery of one event to one webhook, as the delivery log shows it. */
export interface Delivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
}

/** How deliveries are sent and retried. */
export interface WebhookDeliveryOptions {
  /** The fetch used to deliver (injectable for tests). */
  fetch: typeof globalThis.fetch;
  /** Attempts in total, including the first (default 5). */
  maxAttempts: number;
  /** Delay before the first retry; doubled for each further retry (default 500 ms). */
  baseDelayMs: number;
  /** Per-attempt timeout (default 5 s). */
  timeoutMs: number;
}

/**
 * Webhook subscriptions and deliveries of one sandbox. A delivery is retried with exponential
 * backoff on a non-2xx answer or a network error, on real timers, up to `maxAttempts`.
 *
 * @example
 * ```ts
 * const hooks = new Webhooks('default', options);
 * hooks.add({ id: 'whk_1', organizationId: 'org_1', url: 'http://127.0.0.1:9000/hook', secret: 's3cret-0123456789', eventTypes: [], createdAt });
 * hooks.deliver(event, () => ({ id: 'rga_1', state: 'submitted' }), () => 'dlv_1');
 * ```
 */
export class Webhooks {
  readonly #sandboxId: string;
  readonly #options: WebhookDeliveryOptions;
  readonly #hooks = new Map<string, Webhook>();
  readonly #deliveries: Delivery[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #running = new Set<Promise<void>>();

  constructor(sandboxId: string, options: WebhookDeliveryOptions, saved: readonly Webhook[] = []) {
    this.#sandboxId = sandboxId;
    this.#options = options;
    for (const hook of saved) this.#hooks.set(hook.id, { ...hook });
  }

  add(hook: Webhook): void {
    this.#hooks.set(hook.id, { ...hook });
  }

  remove(id: string): boolean {
    return this.#hooks.delete(id);
  }

  list(): Webhook[] {
    return [...this.#hooks.values()].map((h) => ({ ...h }));
  }

  deliveries(): Delivery[] {
    return structuredClone(this.#deliveries);
  }

  /**
   * Starts deliveries of `event` to the webhooks of its organisations, with the object `object`
   * builds (at most once, now); `nextId` names each delivery. Costs nothing when no webhook wants
   * the event (the object and the body are built only for a match).
   */
  deliver(event: FeedEvent, object: () => unknown, nextId: () => string): void {
    if (this.#hooks.size === 0) return;
    let body: string | undefined;
    for (const hook of this.#hooks.values()) {
      if (!event.recipients.includes(hook.organizationId)) continue;
      if (hook.eventTypes.length > 0 && !hook.eventTypes.includes(event.type)) continue;
      body ??= this.#body(event, object());
      const delivery: Delivery = { id: nextId(), webhookId: hook.id, eventId: event.id, eventType: event.type, state: 'pending', attempts: [] };
      this.#deliveries.push(delivery);
      this.#attempt(hook, delivery, body);
    }
  }

  /** Resolves once no delivery is in flight (pending retries are not waited for). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }

  /** Cancels pending retries. */
  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #body(event: FeedEvent, object: unknown): string {
    const { recipients: _recipients, ...visible } = event;
    return JSON.stringify({ ...visible, object, sandboxId: this.#sandboxId });
  }

  #attempt(hook: Webhook, delivery: Delivery, body: string): void {
    const run = this.#send(hook, delivery, body).finally(() => this.#running.delete(run));
    this.#running.add(run);
  }

  async #send(hook: Webhook, delivery: Delivery, body: string): Promise<void> {
    const now = Date.now();
    const attempt: DeliveryAttempt = { at: new Date(now).toISOString() };
    delivery.attempts.push(attempt);
    try {
      const response = await this.#options.fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_HEADERS.signature]: signWebhookBody(hook.secret, body, now),
          [WEBHOOK_HEADERS.timestamp]: String(now),
          [WEBHOOK_HEADERS.webhookId]: hook.id,
        },
        body,
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      attempt.status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) {
        delivery.state = 'delivered';
        return;
      }
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    if (delivery.attempts.length >= this.#options.maxAttempts) {
      delivery.state = 'failed';
      return;
    }
    const delay = this.#options.baseDelayMs * 2 ** (delivery.attempts.length - 1);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#attempt(hook, delivery, body);
    }, delay);
    timer.unref();
    this.#timers.add(timer);
  }
}
