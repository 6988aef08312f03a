import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openAoWorld, planContent, useAoMock } from '../authorized-operation/fixtures.js';

// An operation the contract marks `x-gdx-stores-nothing` keeps nothing, so no quota charges or
// refuses it: the MAR calculation ("storing no object") on a sandbox with tiny quotas.

const MAR = { costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000, actualRevenueFen: 990_000_000 };

describe('operations that store nothing', () => {
  const ctx = useAoMock(undefined, { quotas: { storedBytes: 64 } });
  it('a MAR calculation is neither refused nor counted by the stored-bytes quota; a storing write still is', async () => {
    const world = await openAoWorld(ctx);
    expect(new TextEncoder().encode(JSON.stringify(MAR)).length).toBeGreaterThan(64);
    for (let i = 0; i < 3; i += 1) {
      const reply = await world.ao('POST', '/pricing/calculations', { as: world.operator, body: MAR });
      expectContract('authorized-operation', 'calculateMar', reply, 200);
      expect(reply.body.calculation.marFen).toBe(894_000_000);
    }
    const plan = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    expectContract('authorized-operation', 'createPlan', plan, 409);
    // Nothing was counted for the calculations: the sandbox still keeps no bytes.
    expect(plan.body).toMatchObject({ code: 'SANDBOX_QUOTA_EXCEEDED', quota: 'storedBytes', limit: 64, used: 0 });
  });
});

// With an Idempotency-Key the calculation keeps its answer for the key's retries, until the key
// expires: uncounted, fresh keys grew memory and snapshots without bound (20,000 of them: +100 MB,
// an 11 MB snapshot) on a sandbox whose every quota was tiny.
describe('an operation that stores nothing, with an Idempotency-Key', () => {
  const ctx = useAoMock(undefined, { quotas: { storedBytes: 2_000 } });
  it('counts its body and kept answer as stored bytes and is refused past the quota, changing nothing; its key still replays, and an unkeyed one still runs', async () => {
    const world = await openAoWorld(ctx);
    const bytes = (text: string) => new TextEncoder().encode(text).length;
    const calculate = (key?: string) => world.ao('POST', '/pricing/calculations', { as: world.operator, body: MAR, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
    let kept = 0;
    let reply = await calculate('mar-0');
    // A few fit in 2,000 bytes; the bound stops a mock that never refuses.
    for (let i = 1; reply.status === 200 && i <= 50; i += 1) {
      kept += bytes(JSON.stringify(MAR)) + bytes(JSON.stringify(reply.body));
      reply = await calculate(`mar-${i}`);
    }
    expect(kept).toBeGreaterThan(0);
    expectContract('authorized-operation', 'calculateMar', reply, 409);
    expect(reply.body).toMatchObject({ code: 'SANDBOX_QUOTA_EXCEEDED', quota: 'storedBytes', limit: 2_000, used: kept });
    expect((await world.sim('GET', '')).body.usage.storedBytes).toBe(kept);

    const retried = await calculate('mar-0');
    expectContract('authorized-operation', 'calculateMar', retried, 200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await calculate()).status).toBe(200);
    expect((await world.sim('GET', '')).body.usage.storedBytes).toBe(kept);
  });
});

// A key's record expires (`idempotencyRetentionMs`), and what it alone held is stored no more: a
// sandbox filled by keyed calculations takes writes again once their keys have expired. The wall
// clock runs a minute ahead of the client's at most (its signatures stay in the window).
describe('an operation that stores nothing, with an Idempotency-Key that expires', () => {
  let ahead = 0;
  const ctx = useAoMock(undefined, { quotas: { storedBytes: 2_000 }, idempotencyRetentionMs: 60_000, now: () => Date.now() + ahead });
  it('frees the stored bytes of the expired keys before the quota is asked, and reports them freed', async () => {
    const world = await openAoWorld(ctx);
    const calculate = (key: string) => world.ao('POST', '/pricing/calculations', { as: world.operator, body: MAR, headers: { 'idempotency-key': key } });
    let reply = await calculate('mar-0');
    const one = (await world.sim('GET', '')).body.usage.storedBytes;
    expect(one).toBeGreaterThan(0);
    for (let i = 1; reply.status === 200 && i <= 50; i += 1) reply = await calculate(`mar-${i}`);
    expect(reply.body).toMatchObject({ code: 'SANDBOX_QUOTA_EXCEEDED', quota: 'storedBytes' });
    const full = (await world.sim('GET', '')).body.usage.storedBytes;

    ahead += 60_000;
    // Read before any write: the expired keys hold no bytes any more.
    expect((await world.sim('GET', '')).body.usage.storedBytes).toBe(0);
    const after = await calculate('mar-0');
    expectContract('authorized-operation', 'calculateMar', after, 200);
    expect(after.headers.get('idempotent-replayed')).toBeNull();
    // Every expired key freed its bytes; only the new answer's are kept.
    expect(full).toBeGreaterThan(one);
    expect((await world.sim('GET', '')).body.usage.storedBytes).toBe(one);
  });
});
