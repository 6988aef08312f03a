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
 * Checks a received webhook: the signature over the raw body and timestamp headers, and that the
 * timestamp lies within `windowMs` (default 5 minutes) of `now`. Compares in constant time.
 *
 * @example
 * ```ts
 * const ok = verifyWebhookSignature({ secret, body: rawBody, timestamp: req.headers['x-gdx-timestamp'],
 *   signature: req.headers['x-gdx-webhook-signature'], now: Date.now() });
 * ```
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  timestamp: string | number | undefined;
  signature: string | undefined;
  now: number;
  windowMs?: number;
}): boolean {
  const timestamp = Number(input.timestamp);
  if (!Number.isSafeInteger(timestamp) || input.signature === undefined) return false;
  if (Math.abs(input.now - timestamp) > (input.windowMs ?? 300_000)) return false;
  return constantTimeEqual(input.signature, signWebhookBody(input.secret, input.body, timestamp));
}
