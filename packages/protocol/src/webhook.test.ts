import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
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

  it('verify the body as the bytes received and the headers as node:http and WHATWG Headers give them', () => {
    const bytes = new TextEncoder().encode(body);
    const nodeHeaders: IncomingHttpHeaders = { [WEBHOOK_HEADERS.timestamp]: String(at), [WEBHOOK_HEADERS.signature]: want };
    const fetchHeaders = new Headers(nodeHeaders as Record<string, string>);
    expect(verifyWebhookSignature({ secret, body: bytes, now: at, timestamp: nodeHeaders[WEBHOOK_HEADERS.timestamp], signature: nodeHeaders[WEBHOOK_HEADERS.signature] })).toBe(true);
    expect(verifyWebhookSignature({ secret, body: Buffer.from(bytes), now: at, timestamp: fetchHeaders.get(WEBHOOK_HEADERS.timestamp), signature: fetchHeaders.get(WEBHOOK_HEADERS.signature) })).toBe(true);
    expect(verifyWebhookSignature({ secret, body: bytes.subarray(1), now: at, timestamp: String(at), signature: want })).toBe(false);
  });

  it.each([
    { name: 'a signature header absent from Headers (null)', input: { timestamp: String(at), signature: null } },
    { name: 'a timestamp header absent from Headers (null)', input: { timestamp: null, signature: want } },
    { name: 'an empty timestamp', input: { timestamp: '', signature: want } },
    { name: 'a repeated signature header', input: { timestamp: String(at), signature: [want, want] } },
  ])('refuse $name without throwing', ({ input }) => {
    expect(() => verifyWebhookSignature({ secret, body, now: at, ...input })).not.toThrow();
    expect(verifyWebhookSignature({ secret, body, now: at, ...input })).toBe(false);
  });

  it('take a header given once as an array as that value', () => {
    expect(verifyWebhookSignature({ secret, body, now: at, timestamp: [String(at)], signature: [want] })).toBe(true);
  });

  it('refuse bytes that are not UTF-8, which a lenient decoding would confuse with other bytes', () => {
    const invalid = Uint8Array.of(0x7b, 0xff, 0x7d); // '{', a byte no UTF-8 text holds, '}'
    const lenient = new TextDecoder().decode(invalid); // '{\uFFFD}'
    const signedLenient = createHmac('sha256', secret).update(`${at}\n${lenient}`).digest('base64');
    expect(verifyWebhookSignature({ secret, body: invalid, now: at, timestamp: String(at), signature: signedLenient })).toBe(false);
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
