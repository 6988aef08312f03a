import { describeResponse } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline, workingDaysAfter } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { createObject, validBody } from '../fixtures.js';
import { act, ACTIONS } from './officials.js';
import { findPublicItem } from './find-resource.js';
import { expectDeadline, expectState, readObject, sandboxToday, withSandbox } from './sandbox.js';

const L = LIMITS.xiamen.openData;
const START = '2025-09-26T10:00:00+08:00';

async function apply(ctx: CheckContext, sbx: Sandbox): Promise<string> {
  const datasetId = await findPublicItem(ctx, sbx, 'open-data', '/datasets', { openingType: 'on_application' });
  const body = validBody(ctx, 'open-data', 'post', '/applications', { datasetIds: [datasetId] }, sbx.organizations[0]?.creditCode);
  return (await createObject(ctx, sbx.http(0), 'open-data', '/applications', body)).id;
}

/**
 * Open-data workflow checks (依申请开放, Xiamen profile): the 3 WD initial review from the
 * application day, then a second, separate 7 WD clock from the day the initial review passed.
 *
 * @example
 * ```ts
 * openDataChecks.map((c) => c.id); // ['ODP-INIT-01', 'ODP-INIT-02']
 * ```
 */
export const openDataChecks: Check[] = [
  {
    id: 'ODP-INIT-01',
    title: 'initial review is due 3 WD after the application day',
    source: L.initialReview.basis,
    area: 'workflow',
    platform: 'open-data',
    needsSimulation: true,
    async run(ctx) {
      await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
        const id = await apply(ctx, sbx);
        const object = await readObject(ctx, sbx, 'open-data', `/applications/${encodeURIComponent(id)}`);
        expectState(ctx, object, 'initial_review', 'after the application');
        expectDeadline(ctx, object, L.initialReview, expectedDeadline(await sandboxToday(ctx, sbx), L.initialReview), false);
      });
    },
  },
  {
    id: 'ODP-INIT-02',
    title: 'substantive review runs its own 7 WD clock from the day the initial review passed',
    source: `${L.substantiveReview.basis} (two sequential clocks, never 10 WD up front)`,
    area: 'workflow',
    platform: 'open-data',
    needsSimulation: true,
    async run(ctx) {
      await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
        const id = await apply(ctx, sbx);
        const passedOn = workingDaysAfter(await sandboxToday(ctx, sbx), 2);
        await sbx.advance({ to: `${passedOn}T15:00:00+08:00` });
        const res = await act(sbx, 'open-data', 'application', id, ACTIONS.passInitialReview);
        ctx.expect.that(res.status < 300, 'the operator passes the initial review', '2xx', describeResponse(res));
        const object = await readObject(ctx, sbx, 'open-data', `/applications/${encodeURIComponent(id)}`);
        expectState(ctx, object, 'substantive_review', 'after the initial review passed');
        expectDeadline(ctx, object, L.substantiveReview, expectedDeadline(passedOn, L.substantiveReview), false);
      });
    },
  },
];
