import { constantTimeEqual } from './constant-time.js';
import { computeSignature } from './hmac.js';

/**
 * Headers of a webhook delivery from a platform (or the gdx mock) to a subscriber. Deliveries are
 * at least once: every attempt of one delivery carries the same `deliveryId`, so a receiver
 * processes a delivery once by remembering the ids it has handled.
 *
 * @example
 * ```ts
 * const id = req.headers[WEBHOOK_HEADERS.deliveryId]; // 'dlv_1_1'
 * if (handled.has(id)) return res.status(204).end(); // a repeated attempt of a handled delivery
 * ```
 */
export const WEBHOOK_HEADERS = {
  /** base64 HMAC-SHA256(secret, `<timestamp>\n<body>`). */
  signature: 'x-gdx-webhook-signature',
  /** Unix milliseconds of the attempt, the `<timestamp>` signed. */
  timestamp: 'x-gdx-timestamp',
  /** The subscription the delivery is for (not signed). */
  webhookId: 'x-gdx-webhook-id',
  /**
   * The delivery, the same on every attempt of it: what a receiver dedupes by. Not signed (the
   * signature covers the timestamp and body only): against forged repeats, dedupe by the body's
   * signed `sandboxId` and `id` (the event's id), which one subscription receives once.
   */
  deliveryId: 'x-gdx-delivery-id',
} as const;

/**
 * Signs a webhook body: base64 HMAC-SHA256 over `"<timestamp>\n<body>"` with the webhook's secret.
 * The timestamp is signed with the body so a receiver can refuse stale replays.
 *
 * @example
 * ```ts
 * signWebhookBody('s3cret-0123456789', '{"seq":1}', 1758852000000); // base64 signature
 * ```
 */
export function signWebhookBody(secret: string, body: string, timestamp: number): string {
  return computeSignature(`${timestamp}\n${body}`, secret, 'HMAC-SHA256');
}

/**
 * A header's value as a receiver reads it: node:http's `req.headers[name]` (a string, in theory an
 * array), or a WHATWG `Headers.get(name)` (`null` when absent).
 */
export type WebhookHeaderValue = string | readonly string[] | null | undefined;

/** Inputs of {@link verifyWebhookSignature}, typed so the request's own values go in as they are. */
export interface WebhookVerifyInput {
  /** The webhook's signing secret, as given when subscribing. */
  secret: string;
  /**
   * The body exactly as received: its bytes (node:http's chunks concatenated, or
   * `new Uint8Array(await request.arrayBuffer())`), or the text they are as UTF-8.
   */
  body: string | Uint8Array;
  /** The `X-Gdx-Timestamp` header (Unix milliseconds). */
  timestamp: WebhookHeaderValue | number;
  /** The `X-Gdx-Webhook-Signature` header. */
  signature: WebhookHeaderValue;
  /** The receiver's clock, epoch ms. */
  now: number;
  /** Allowed clock skew either way; default 300 000 (±5 minutes). */
  windowMs?: number;
}

/**
 * Checks a received webhook: the signature over the raw body and timestamp headers, and that the
 * timestamp lies within `windowMs` (default 5 minutes) of `now`. Compares in constant time.
 * Answers `false` (never throws) for a missing, repeated or malformed header, and for a body whose
 * bytes are not UTF-8 (the platform signs JSON text, so such bytes are not what it sent).
 *
 * @example
 * ```ts
 * // node:http
 * const ok = verifyWebhookSignature({ secret, body: Buffer.concat(chunks), now: Date.now(),
 *   timestamp: req.headers['x-gdx-timestamp'], signature: req.headers['x-gdx-webhook-signature'] });
 * // a WHATWG Request (fetch-style servers)
 * const ok2 = verifyWebhookSignature({ secret, body: new Uint8Array(await request.arrayBuffer()), now: Date.now(),
 *   timestamp: request.headers.get('x-gdx-timestamp'), signature: request.headers.get('x-gdx-webhook-signature') });
 * ```
 */
export function verifyWebhookSignature(input: WebhookVerifyInput): boolean {
  const timestampValue = singleValue(input.timestamp);
  const signature = singleValue(input.signature);
  const body = bodyText(input.body);
  // Number('') is 0 and Number(null) too: only a non-empty header can carry a timestamp.
  if (timestampValue === undefined || timestampValue === '' || signature === undefined || body === undefined) return false;
  const timestamp = Number(timestampValue);
  if (!Number.isSafeInteger(timestamp)) return false;
  if (Math.abs(input.now - timestamp) > (input.windowMs ?? 300_000)) return false;
  return constantTimeEqual(signature, signWebhookBody(input.secret, body, timestamp));
}

/** The one value of a header, or `undefined` when it is absent or repeated (which value was signed is then unknown). */
function singleValue<T extends string | number>(value: T | readonly string[] | null | undefined): T | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return value.length === 1 ? value[0] : undefined;
}

// Fatal: a lenient decoder would turn different invalid byte strings into the same U+FFFD text,
// so one signature would verify several bodies. The BOM is kept: it is part of the bytes signed.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as the text that was signed, or `undefined` when its bytes are not UTF-8. */
function bodyText(body: string | Uint8Array): string | undefined {
  if (typeof body === 'string') return body;
  try {
    return strictUtf8.decode(body);
  } catch {
    return undefined;
  }
}
