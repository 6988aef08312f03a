import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature, WEBHOOK_HEADERS } from './webhook.js';

const secret = 's3cret-0123456789';
const body = '{"seq":1,"type":"state_changed"}';
const at = 1_758_852_000_000;
// Computed independently: HMAC-SHA256 over "<timestamp>\n<body>", base64.
const want = createHmac('sha256', secret).update(`${at}\n${body}`).digest('base64');

describe('webhook signatures', () => {
  it('sign the timestamp and the body', () => {
    expect(signWebhookBody(secret, body, at)).toBe(want);
  });

  it.each([
    { name: 'a valid delivery', input: { timestamp: String(at), signature: want, now: at + 1_000 }, ok: true },
    { name: 'a tampered body', input: { timestamp: String(at), signature: want, now: at, body: `${body} ` }, ok: false },
    { name: 'another timestamp', input: { timestamp: String(at + 1), signature: want, now: at }, ok: false },
    { name: 'a stale delivery', input: { timestamp: String(at), signature: want, now: at + 300_001 }, ok: false },
    { name: 'no signature', input: { timestamp: String(at), signature: undefined, now: at }, ok: false },
    { name: 'no timestamp', input: { timestamp: undefined, signature: want, now: at }, ok: false },
  ])('verify $name', ({ input, ok }) => {
    expect(verifyWebhookSignature({ secret, body, ...input })).toBe(ok);
  });

  it('name the wire headers, lower-case, including the delivery id receivers dedupe by', () => {
    expect(WEBHOOK_HEADERS).toEqual({
      signature: 'x-gdx-webhook-signature',
      timestamp: 'x-gdx-timestamp',
      webhookId: 'x-gdx-webhook-id',
      deliveryId: 'x-gdx-delivery-id',
    });
  });
});
