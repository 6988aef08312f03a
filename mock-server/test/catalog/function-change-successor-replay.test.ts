// Reports of a change of functions an older gdx-mock acknowledged without the department taking
// over the functions (厦门 第九条 "会同职能转入部门") are in some data directories' journals: at start
// they are replayed as they were answered, so the report, its duty and every id drawn after them
// stay. Live, the same report is refused.
import { makeCreditCode } from '@gdx/identifiers';
import { describe, expect, it } from 'vitest';
import { START_AT } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const tempDir = useTempDirs();

const cases = [
  {
    what: 'without its successor',
    body: { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转' },
    refusal: { pointer: '/successor', code: 'SUCCESSOR_REQUIRED' },
  },
  {
    what: 'with a successor the sandbox does not have',
    body: { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转', successor: { creditCode: makeCreditCode('91350200MA2XYW123'), name: '某不存在的部门' } },
    refusal: { pointer: '/successor/creditCode', code: 'UNKNOWN_ORGANIZATION' },
  },
];

describe.each(cases)('journal replay of a change of functions acknowledged $what', ({ body, refusal }) => {
  it(`replays the report as answered (no REPLAY_REFUSED, its duty is there), while the same report live answers 400 ${refusal.code}`, async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const sbx = await openSandbox({ call: callOf(first) }, { profile: 'xiamen', seed: 11, startAt: START_AT, reviewerPolicy: { mode: 'manual' } });
    const me = sbx.org('public-security');
    expect((await sbx.on('catalog', 'POST', '/function-changes', { as: me, body })).status).toBe(400);
    await first.close();

    const path = `/sandboxes/${sbx.id}/catalog/v1/function-changes`;
    journalAcknowledged(dataDir, [{ path, body, caller: me.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    const duties = (await call('GET', `/sandboxes/${sbx.id}/catalog/v1/obligations`, { as: me })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(duties.items).toEqual([expect.objectContaining({ kind: 'function_change', state: 'pending' })]);
    const again = await call('POST', path, { as: me, body });
    expect(again.status).toBe(400);
    expect(again.body.errors).toMatchObject([refusal]);
    await second.close();
  });
});
