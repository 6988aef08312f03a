import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { App } from '@gdx/mock-server';
import { durationRow, microsRow, ratioRow, type Row } from '../core/report.js';
import { callCore, type SeededOrganization } from '../fixtures/app-core.js';
import { repoPath } from '../repo-paths.js';

const START_AT = '2025-09-26T10:00:00+08:00';
const AOP = 'authorized-operation/v1';
const PRODUCTS_PER_AUTHORIZATION = 3;

/** What one sandbox of authorizations and products did over a year. */
export interface AuthorizationYear {
  authorizations: number;
  /** Workflow objects of the platform: a plan, a selection and an authorization each, plus the products. */
  objects: number;
  setupMs: number;
  advanceMs: number;
  /** CPU time of the process over the advance (user + system, GC threads included): what a busy machine's wall time hides. */
  advanceCpuMs: number;
  fired: number;
  /** Transitions fired, by event type and states (`deadline_overdue approved→approved`). */
  byKind: Map<string, number>;
}

interface Sandbox {
  id: string;
  organizations: SeededOrganization[];
}

/** Calls the app core and parses the JSON answer, failing on anything but 2xx. */
async function call<T>(app: App, method: string, path: string, body?: unknown, as?: SeededOrganization): Promise<T> {
  const { status, text } = await callCore(app, method, path, body, as);
  if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/** The contract's own plan example (valid by construction), from the bundled document. */
async function planExample(): Promise<Record<string, unknown>> {
  const spec = JSON.parse(await readFile(repoPath('openapi/dist/bundled/authorized-operation.json'), 'utf8')) as {
    paths: Record<string, Record<string, { requestBody: { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> } }>>;
  };
  const example = spec.paths['/plans']?.['post']?.requestBody.content['application/json']?.examples['byScenario']?.value;
  if (example === undefined) throw new Error('openapi/dist/bundled/authorized-operation.json has no byScenario plan example');
  return example;
}

/**
 * One authorization as a city grants it: a plan drafted, submitted and approved, an operator
 * selected by negotiation, the agreement deliberated and signed for three years; then products
 * drafted, submitted and listed. Officials act through the simulation API.
 */
async function authorize(app: App, sbx: Sandbox, cast: { body: SeededOrganization; operator: SeededOrganization }, plan: Record<string, unknown>, agreement: Record<string, unknown>): Promise<void> {
  const root = `/sandboxes/${sbx.id}/${AOP}`;
  const act = (objectType: string, objectId: string, action: string, extra: Record<string, unknown> = {}) =>
    call(app, 'POST', `/_sim/v1/sandboxes/${sbx.id}/actions`, { platform: 'authorized-operation', objectType, objectId, action, ...extra });
  const { id: planId } = await call<{ id: string }>(app, 'POST', `${root}/plans`, plan, cast.body);
  await call(app, 'POST', `${root}/plans/${planId}/submissions`, {}, cast.body);
  await act('plan', planId, 'approve_plan');
  const { id: selectionId } = await call<{ id: string }>(app, 'POST', `${root}/selections`, { planId, method: 'negotiation' }, cast.body);
  await act('selection', selectionId, 'select', { operatorId: cast.operator.id });
  await act('selection', selectionId, 'deliberate_agreement', { agreement });
  await act('selection', selectionId, 'sign');
  const { authorizationId } = await call<{ authorizationId: string }>(app, 'GET', `${root}/selections/${selectionId}`, undefined, cast.body);
  const entryIds = (agreement.scope as { entryId: string }[]).map((s) => s.entryId);
  for (let p = 0; p < PRODUCTS_PER_AUTHORIZATION; p++) {
    const product = {
      authorizationId, name: `客流热力图 API ${p + 1}`, summary: '按小时更新的站点客流热力数据服务。', productForm: 'api', useCategory: 'industry',
      scenario: { name: '商业选址', description: '为商业选址提供客流依据' }, scopeEntryIds: entryIds, chargingUnit: 'per_service', plannedVolume: 10_000,
    };
    const { id: productId } = await call<{ id: string }>(app, 'POST', `${root}/products`, product, cast.operator);
    await call(app, 'POST', `${root}/products/${productId}/submissions`, {}, cast.operator);
    await act('product', productId, 'pass_compliance_review');
  }
}

/**
 * A fresh app and national sandbox (manual reviewers) with `count` authorizations of three listed
 * products each, then its clock advanced one year in one call. Answers `unavailable` when the mock
 * does not serve the platform.
 */
export async function authorizationYear(count: number, log: (line: string) => void): Promise<AuthorizationYear | 'unavailable'> {
  const { createApp } = await import('@gdx/mock-server');
  const app = createApp({ seed: 1, startAt: START_AT, quotas: { objects: 10_000_000, events: 100_000_000, storedBytes: 2 ** 40 }, requestJournal: { entries: 0 } });
  try {
    if (!app.platforms.some((p) => p.name === 'authorized-operation')) return 'unavailable';
    const sbx = await call<Sandbox>(app, 'POST', '/_sim/v1/sandboxes', { profile: 'national', startAt: START_AT, seed: 1, reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' } });
    const withRole = (role: string) => sbx.organizations.find((o) => o.roles.includes(role)) ?? (() => { throw new Error(`the sandbox has no ${role}`); })();
    const cast = { body: withRole('implementing_body'), operator: withRole('operator') };
    const { items } = await call<{ items: { id: string; name: string }[] }>(app, 'GET', `/sandboxes/${sbx.id}/catalog/v1/search?limit=1`);
    const entry = items[0] ?? (() => { throw new Error('the sandbox catalog has no published entry'); })();
    const scope = [{ entryId: entry.id, name: entry.name.slice(0, 200), source: 'collected', consentGrantId: null, updateCycle: 'monthly', grade: 'general' }];
    const term = { from: '2025-09-26', to: '2028-09-25' };
    const plan = { ...(await planExample()), scope, term };
    const text = '按协议约定。';
    const agreement = {
      scope, term, productList: text, platform: text, assetOwnership: text, disclosure: text, accounting: text, revenueSharing: text,
      security: text, evaluation: text, liability: text, disputeResolution: text, changeTermination: text,
    };

    log(`year: ${count} authorizations with ${PRODUCTS_PER_AUTHORIZATION} products each`);
    const setupStart = performance.now();
    for (let i = 0; i < count; i++) await authorize(app, sbx, cast, plan, agreement);
    const setupMs = performance.now() - setupStart;

    log(`year: advancing the clock one year over ${count} authorizations`);
    const advanceStart = performance.now();
    const cpuStart = process.cpuUsage();
    const advanced = await call<{ fired: { type: string; from: string | null; to: string | null }[] }>(app, 'POST', `/_sim/v1/sandboxes/${sbx.id}/clock/advance`, { duration: 'P1Y' });
    const advanceMs = performance.now() - advanceStart;
    const cpu = process.cpuUsage(cpuStart);
    const advanceCpuMs = (cpu.user + cpu.system) / 1_000;
    const byKind = new Map<string, number>();
    for (const t of advanced.fired) {
      const key = `${t.type} ${t.from ?? '∅'}→${t.to ?? '∅'}`;
      byKind.set(key, (byKind.get(key) ?? 0) + 1);
    }
    return { authorizations: count, objects: count * (3 + PRODUCTS_PER_AUTHORIZATION), setupMs, advanceMs, advanceCpuMs, fired: advanced.fired.length, byKind };
  } finally {
    await app.close();
  }
}

const plural = (n: number): string => n.toLocaleString('en-US');

/**
 * The simulated year's authorized-operation rows: a sandbox of plans, selections, authorizations and
 * listed products (ten times as many in the second), its clock advanced one year. The platform's
 * clock work should follow the transitions it fires (deadlines ending, duties falling due), not the
 * objects times the days they live through: the per-transition cost stays flat from one size to the
 * other (the ratio, informational: 1× is linear) and the notes set the advance against the object-days.
 *
 * @example
 * ```ts
 * const rows = await authorizedOperationRows(true, console.error); // [] when the mock lacks the platform
 * ```
 */
export async function authorizedOperationRows(quick: boolean, log: (line: string) => void): Promise<{ rows: Row[]; notes: string[] }> {
  const small = await authorizationYear(quick ? 20 : 100, log);
  if (small === 'unavailable') return { rows: [], notes: ['authorized operation: the mock does not serve the platform, no rows'] };
  const large = await authorizationYear(quick ? 200 : 1_000, log);
  if (large === 'unavailable') throw new Error('the authorized-operation platform went away between runs');
  const perSecond = (run: AuthorizationYear) => {
    const ops = (run.fired * 1_000) / run.advanceMs;
    return { name: `advance, ${plural(run.authorizations)} authorizations (transitions/s)`, median: ops, min: ops, max: ops, rounds: [ops] };
  };
  const label = (run: AuthorizationYear) => `${plural(run.authorizations)} authorizations × ${PRODUCTS_PER_AUTHORIZATION} products (${plural(run.objects)} objects)`;
  const rows: Row[] = [
    durationRow(`set up ${label(large)}: plan → selection → signed agreement → listed products, over app.dispatch`, large.setupMs, { kind: 'info' }),
    durationRow(`advance one year, ${label(small)}: ${plural(small.fired)} transitions fired`, small.advanceMs, { kind: 'info' }),
    durationRow(`advance one year, ${label(large)}: ${plural(large.fired)} transitions fired`, large.advanceMs, { kind: 'info' }),
    microsRow(`advance, per transition at ${plural(large.authorizations)} authorizations`, (large.advanceMs * 1_000) / Math.max(1, large.fired), { kind: 'info' }),
    ratioRow(perSecond(large), perSecond(small), { kind: 'info' }),
  ];
  const objectDays = large.objects * 365;
  const notes = [
    `authorized operation: ${plural(large.objects)} objects live through ${plural(objectDays)} object-days in the larger year, ${((large.advanceMs * 1_000_000) / objectDays).toFixed(1)} ns of advance per object-day against ${((large.advanceMs * 1_000) / Math.max(1, large.fired)).toFixed(1)} µs per transition fired (${plural(large.fired)})`,
    `authorized operation: CPU time of the advance ${small.advanceCpuMs.toFixed(1)} ms at ${plural(small.authorizations)} (${((small.advanceCpuMs * 1_000) / Math.max(1, small.fired)).toFixed(1)} µs per transition, the first run: cold code) and ${large.advanceCpuMs.toFixed(1)} ms at ${plural(large.authorizations)} (${((large.advanceCpuMs * 1_000) / Math.max(1, large.fired)).toFixed(1)} µs), steadier than wall time on a busy machine`,
    `authorized operation: transitions fired at ${plural(large.authorizations)} by type and states: ${[...large.byKind].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `authorized operation: profile national, reviewer policy manual, start ${START_AT}; ${plural(small.authorizations)} and ${plural(large.authorizations)} authorizations, each size in a fresh app; the ratio is transitions per second at the larger ÷ the smaller (1× is cost linear in transitions)`,
  ];
  return { rows, notes };
}
