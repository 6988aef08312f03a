// The simulation API's objects list counts an authorization's reporting duties (disclosure, 27号
// 第十八条; ceiling report, 65号 二) in its `overdue` and `nextDueAt`, as its timeline shows them:
// an operator scanning the list (or `?overdue=true`) for what is late sees a late disclosure.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openAoWorld, signedInDecember, signedSelection, useAoMock, type AoWorld } from './fixtures.js';

const ctx = useAoMock();

interface Row {
  objectId: string;
  overdue: boolean;
  nextDueAt: string | null;
}

/** The authorizations listed, with `?overdue=` when given. */
async function authorizations(world: AoWorld, overdue?: boolean): Promise<Row[]> {
  const filter = overdue === undefined ? '' : `&overdue=${overdue}`;
  const reply = await world.sim('GET', `/objects?platform=authorized-operation&objectType=authorization${filter}`);
  expectContract('simulation', 'listObjects', reply, 200);
  return reply.body.items;
}

async function rowOf(world: AoWorld, authorizationId: string): Promise<Row | undefined> {
  return (await authorizations(world)).find((row) => row.objectId === authorizationId);
}

describe('simulation objects list: an authorization\'s duties count in its overdue and nextDueAt', () => {
  it('lists an authorization whose disclosure went overdue as overdue (and under ?overdue=true), then not once disclosed', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    // Signed 2025-09-26: the disclosure is due at the end of 2025-10-30, before any limit of its step.
    expect(await rowOf(world, authorizationId)).toMatchObject({ overdue: false, nextDueAt: '2025-10-31T00:00:00+08:00' });

    await world.advance({ to: '2025-10-31T09:00:00+08:00' });
    expect(await rowOf(world, authorizationId)).toMatchObject({ overdue: true, nextDueAt: '2025-10-31T00:00:00+08:00' });
    expect((await authorizations(world, true)).map((row) => row.objectId)).toEqual([authorizationId]);
    expect(await authorizations(world, false)).toEqual([]);

    const disclosed = await world.ao('POST', `/authorizations/${authorizationId}/disclosures`, { as: world.body, body: { channel: 'https://data.example.gov.cn/sqyy/gk' } });
    expect(disclosed.status).toBe(200);
    // The disclosure starts the yearly period (due at the end of 2026-10-31); the operator's own
    // half-year (27号 第十九条) ends first, at the end of 2026-03-26.
    expect(await rowOf(world, authorizationId)).toMatchObject({ overdue: false, nextDueAt: '2026-03-27T00:00:00+08:00' });
    expect(await authorizations(world, true)).toEqual([]);
    expect((await authorizations(world, false)).map((row) => row.objectId)).toEqual([authorizationId]);
  });

  it('does not list a disclosure past its estimated end as overdue (a year without a holiday schedule)', async () => {
    const world = await openAoWorld(ctx);
    const authorizationId = await signedInDecember(world);
    // 20 WD counted Monday–Friday in 2027: an estimated end of 2027-01-07, passed on 01-11.
    await world.advance({ to: '2027-01-11T09:00:00+08:00' });
    expect(await rowOf(world, authorizationId)).toMatchObject({ overdue: false, nextDueAt: '2027-01-08T00:00:00+08:00' });
    expect(await authorizations(world, true)).toEqual([]);
  });
});
