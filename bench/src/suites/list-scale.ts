import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { App } from '@gdx/mock-server';
import { asyncWorkload } from '../core/measure.js';
import { durationRow, infoRow, ratioRow, type Row } from '../core/report.js';
import { sampleInterleaved } from '../core/sample.js';
import type { Suite, SuiteContext } from '../core/suite.js';
import { callCore as call, registrationSubmission, type SeededOrganization as Org } from '../fixtures/app-core.js';

const START_AT = '2025-09-26T10:00:00+08:00';
const SMALL = 100;
const FEW = 20;
const IN_FLIGHT = 16;
/** Bytes of RSS per stored object the mock should stay under (see bench/README.md, suite `lists`). */
const RSS_TARGET_BYTES = 8_192;

/** A sandbox (manual officials: nothing moves by itself) and two registrants, `many` and `few`. */
async function openSandbox(app: App, seed: number): Promise<{ id: string; many: Org; few: Org }> {
  const created = await call(app, 'POST', '/_sim/v1/sandboxes', { profile: 'national', startAt: START_AT, seed, reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' } });
  if (created.status !== 201) throw new Error(`creating a sandbox answered ${created.status}: ${created.text.slice(0, 160)}`);
  const view = JSON.parse(created.text) as { id: string; organizations: Org[] };
  const registrants = view.organizations.filter((o) => o.roles.includes('registrant'));
  const [many, few] = registrants;
  if (!many || !few) throw new Error('the sandbox has fewer than two registrant organisations');
  return { id: view.id, many, few };
}

/** Files `count` applications of `org` (signed, validated, through the app core: no HTTP). */
async function populate(app: App, sandboxId: string, org: Org, count: number): Promise<void> {
  const body = await registrationSubmission(org);
  const path = `/sandboxes/${sandboxId}/registration/v1/applications`;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      const answer = await call(app, 'POST', path, body, org);
      if (answer.status !== 201) throw new Error(`submitting an application answered ${answer.status}: ${answer.text.slice(0, 160)}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/** A collection that settles the heap (V8's own `gc`, reached without a command-line flag). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/**
 * Suite 6: list latency against the size of the sandbox. Two sandboxes of registration
 * applications — 100 and 200,000 (`--quick`: 20,000) — each with one organisation owning 20 and
 * another owning the rest, filled through the app core (signed, validated; no HTTP, which would
 * take minutes). One signed list page (20 items) is measured in each, for the organisation with
 * few and the one with many, rounds interleaved; the ratio is throughput at 200,000 ÷ at 100, so
 * ≥ 0.5× means a page costs at most twice as much. Also the RSS each stored object costs.
 *
 * @example
 * ```ts
 * const result = await listScaleSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * ```
 */
export const listScaleSuite: Suite = {
  id: 'lists',
  title: '6. Cost by the page: a list page at 200,000 objects vs at 100, and RSS per stored object (app core, no HTTP)',
  async run({ quick, plan, log }: SuiteContext) {
    const large = quick ? 20_000 : 200_000;
    const { createApp } = await import('@gdx/mock-server');
    // Quotas far above the bench's sandbox, so the bench measures lists, not the default quota.
    const app = createApp({ seed: 1, startAt: START_AT, quotas: { objects: 10_000_000, events: 100_000_000, storedBytes: 2 ** 40 } });
    const gc = collector();
    try {
      if (!app.platforms.some((p) => p.name === 'registration')) {
        return { id: this.id, title: this.title, rows: [], notes: [], unavailable: 'the mock does not serve the registration platform' };
      }
      const small = await openSandbox(app, 1);
      await populate(app, small.id, small.many, SMALL - FEW);
      await populate(app, small.id, small.few, FEW);
      const big = await openSandbox(app, 2);
      await populate(app, big.id, big.few, FEW);
      gc();
      const before = process.memoryUsage();
      log(`lists: filing ${large.toLocaleString('en-US')} applications`);
      const fillStart = performance.now();
      await populate(app, big.id, big.many, large - FEW);
      const fillMs = performance.now() - fillStart;
      gc();
      const after = process.memoryUsage();
      const stored = large - FEW;
      const rssPerObject = (after.rss - before.rss) / stored;
      const heapPerObject = (after.heapUsed - before.heapUsed) / stored;

      const page = (sandboxId: string, org: Org, query = '') => async () => {
        const answer = await call(app, 'GET', `/sandboxes/${sandboxId}/registration/v1/applications?limit=20${query}`, undefined, org);
        if (answer.status !== 200) throw new Error(`listing answered ${answer.status}: ${answer.text.slice(0, 160)}`);
      };
      // The first list of each sandbox places the objects created since the last one: not measured.
      for (const [sandbox, org] of [[small, small.few], [big, big.few]] as const) await page(sandbox.id, org)();
      const submitted = await call(app, 'GET', `/sandboxes/${big.id}/registration/v1/applications?limit=1&state=submitted`, undefined, big.many);
      if (!submitted.text.includes(`"total":${stored}`)) throw new Error(`the ?state=submitted list does not hold every application: ${submitted.text.slice(-80)}`);
      const workloads = [
        asyncWorkload(`few (${FEW}) of ${SMALL}`, page(small.id, small.few)),
        asyncWorkload(`few (${FEW}) of ${large.toLocaleString('en-US')}`, page(big.id, big.few)),
        asyncWorkload(`many (${SMALL - FEW}) of ${SMALL}`, page(small.id, small.many)),
        asyncWorkload(`many (${stored.toLocaleString('en-US')}) of ${large.toLocaleString('en-US')}`, page(big.id, big.many)),
        asyncWorkload(`many, ?state=submitted, of ${SMALL}`, page(small.id, small.many, '&state=submitted')),
        asyncWorkload(`many, ?state=submitted, of ${large.toLocaleString('en-US')}`, page(big.id, big.many, '&state=submitted')),
      ];
      log('lists: measuring list pages');
      const [fewSmall, fewLarge, manySmall, manyLarge, stateSmall, stateLarge] = await sampleInterleaved(workloads, plan);
      const target = quick ? ({ kind: 'info' } as const) : ({ kind: 'min-ratio', value: 0.5 } as const);
      const rows: Row[] = [
        ratioRow(fewLarge!, fewSmall!, target),
        ratioRow(manyLarge!, manySmall!, target),
        ratioRow(stateLarge!, stateSmall!, target),
        infoRow(`RSS per stored object (${stored.toLocaleString('en-US')} applications with their events)`, `${Math.round(rssPerObject).toLocaleString('en-US')} B (target ≤ ${RSS_TARGET_BYTES.toLocaleString('en-US')} B: ${rssPerObject <= RSS_TARGET_BYTES ? 'PASS' : 'MISS'})`),
        infoRow('heap per stored object (after a full collection)', `${Math.round(heapPerObject).toLocaleString('en-US')} B`),
        durationRow(`file ${stored.toLocaleString('en-US')} applications (signed, over app.dispatch)`, fillMs, { kind: 'info' }),
      ];
      const notes = [
        'ratio = list-page throughput in the large sandbox ÷ in the sandbox of 100; ≥ 0.5× means a page costs at most 2× (the issue asks ≤ 2× latency)',
        'each page is a signed GET (limit 20) through app.dispatch: signature check, validation, the index read and 20 views',
        'RSS and heap are measured in the bench process after two full collections, before and after filing; the delta also holds the nonces the signed writes left (kept until they expire)',
      ];
      if (quick) notes.push(`--quick files ${large.toLocaleString('en-US')} applications, so the ratios carry no target`);
      return { id: this.id, title: this.title, rows, notes };
    } finally {
      await app.close();
    }
  },
};
