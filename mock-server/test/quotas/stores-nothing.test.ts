import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openAoWorld, planContent, useAoMock } from '../authorized-operation/fixtures.js';

// An operation the contract marks `x-gdx-stores-nothing` keeps nothing, so no quota charges or
// refuses it: the MAR calculation ("without storing anything") on a sandbox with tiny quotas.

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
