import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import type { Reply } from '../support/client.js';
import { expectContract } from '../support/contract.js';
import { usePlatforms } from '../support/harness.js';
import { openSandbox, type TestSandbox } from '../support/sandbox.js';
import { requestBody } from '../sharing/fixtures.js';

// The contracts bound every request string and array (maxLength / maxItems, issue 8); the mock
// enforces them through the same request validation as any other schema rule: 400
// VALIDATION_FAILED naming the field, and nothing stored.

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 12 }));

function expectBoundRefused(reply: Reply, pointer: string, code: 'LENGTH' | 'ITEMS'): void {
  expect(reply.status).toBe(400);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  expect(reply.body.errors).toContainEqual(expect.objectContaining({ pointer, code }));
  const error = reply.body.errors.find((e: { pointer: string }) => e.pointer === pointer);
  expect(error.message.zh).toMatch(/过长|过多/);
  expect(error.message.en).toMatch(/too long|too many/i);
}

async function sandbox(): Promise<TestSandbox> {
  return openSandbox(ctx, { profile: 'national', seed: 11, reviewerPolicy: { mode: 'manual' } });
}

describe('request bounds of the contracts', () => {
  it('refuses a sharing request with a too-long purpose or too many fields, and stores nothing', async () => {
    const sbx = await sandbox();
    const entry = sbx.seed.catalogEntries.find((e) => e.state === 'published' && e.sharing.type === 'unconditional');
    if (!entry) throw new Error('no unconditional entry in the seed');
    const as = sbx.org('civil-affairs');
    const total = async () => (await sbx.on('sharing', 'GET', '/requests', { as })).body.total as number;
    const before = await total();

    // purpose: maxLength 2000 (characters, not bytes: 2,001 CJK characters are ~6 KB)
    const longPurpose = await sbx.on('sharing', 'POST', '/requests', { as, body: requestBody(entry, { purpose: '审'.repeat(2001) }) });
    expectContract('sharing', 'submitRequest', longPurpose, 400);
    expectBoundRefused(longPurpose, '/purpose', 'LENGTH');

    // fields: maxItems 500
    const fields = Array.from({ length: 501 }, (_, i) => `信息项${i}`);
    const manyFields = await sbx.on('sharing', 'POST', '/requests', { as, body: requestBody(entry, { fields }) });
    expectContract('sharing', 'submitRequest', manyFields, 400);
    expectBoundRefused(manyFields, '/fields', 'ITEMS');

    // Right at the bounds the same request is accepted: the limits are the documented numbers.
    const atBounds = await sbx.on('sharing', 'POST', '/requests', { as, body: requestBody(entry, { purpose: '审'.repeat(2000) }) });
    expect(atBounds.status).toBe(201);
    expect(await total()).toBe(before + 1);
  });

  it('refuses fault rules with a too-long operation or too many rules, and keeps the rules it had', async () => {
    const sbx = await sandbox();
    const rule = { operation: 'listRequests', probability: 0, kind: 'latency', latencyMs: 1 };
    expect((await sbx.sim('PUT', '/faults', { rules: [rule] })).status).toBe(200);

    // operation: maxLength 200
    const longOperation = await sbx.sim('PUT', '/faults', { rules: [{ ...rule, operation: `/x/${'a'.repeat(200)}` }] });
    expectContract('simulation', 'setFaults', longOperation, 400);
    expectBoundRefused(longOperation, '/rules/0/operation', 'LENGTH');

    // rules: maxItems 100
    const manyRules = await sbx.sim('PUT', '/faults', { rules: Array.from({ length: 101 }, () => rule) });
    expectContract('simulation', 'setFaults', manyRules, 400);
    expectBoundRefused(manyRules, '/rules', 'ITEMS');

    expect((await sbx.sim('GET', '/faults')).body.rules).toEqual([rule]);
  });
});
