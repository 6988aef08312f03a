// An application an older gdx-mock acknowledged with a delivery method its dataset does not offer,
// or with evidence for a condition its dataset does not set, is in some data directories' journals: at start it is replayed as it was answered, not refused
// by the check added since, so the application (and every id drawn after it) stays. Live, the same
// application is refused.
import { describe, expect, it } from 'vitest';
import { openWorld } from '../support/world.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { APPLICANT, applicationBody } from './fixtures.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const tempDir = useTempDirs();

type Body = ReturnType<typeof applicationBody>;
const CASES: [string, (body: Body) => Record<string, unknown>, { pointer: string; code: string }][] = [
  ['a delivery method its dataset does not offer', () => ({ deliveryMethod: 'stream' }), { pointer: '/deliveryMethod', code: 'DELIVERY_METHOD_UNAVAILABLE' }],
  [
    'its evidence for one condition given twice',
    (body) => ({ conditionEvidence: [...body.conditionEvidence, ...body.conditionEvidence] }),
    { pointer: '/conditionEvidence/1/condition', code: 'CONDITION_EVIDENCE_REPEATED' },
  ],
];

describe.each(CASES)('journal replay of an application acknowledged with %s', (_what, change, refusal) => {
  it('replays it as answered (no REPLAY_REFUSED, the application is there), while the same application live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const world = await openWorld({ call: callOf(first) });
    const me = world.org(APPLICANT);
    const dataset = world.seed.datasets.find((d) => d.openingType === 'on_application' && d.openingConditions.length === 1);
    if (!dataset) throw new Error('no on_application dataset with one condition in the seed');
    const plain = applicationBody(world, dataset);
    const body = { ...plain, ...change(plain) };
    const live = await world.openData('POST', '/applications', { as: me, body });
    expect(live.status).toBe(400);
    await first.close();

    // What an older version journaled: the same application, answered 201.
    const path = `/sandboxes/${world.id}/open-data/v1/applications`;
    journalAcknowledged(dataDir, [{ path, body, caller: me.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    const applications = (await call('GET', path, { as: me })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(applications.items).toEqual([expect.objectContaining({ state: 'initial_review', submission: expect.objectContaining({ deliveryMethod: body.deliveryMethod, conditionEvidence: body.conditionEvidence }) })]);
    const again = await call('POST', path, { as: me, body });
    expect(again.status).toBe(400);
    expect(again.body.errors).toMatchObject([refusal]);
    await second.close();
  });
});
