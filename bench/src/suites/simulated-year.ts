import { performance } from 'node:perf_hooks';
import type { App } from '@gdx/mock-server';
import type { SubmitApplicationBody } from '@gdx/registration';
import type { Transport } from '@gdx/runtime';
import { durationRow, formatMs, type Row } from '../core/report.js';
import type { Suite, SuiteContext } from '../core/suite.js';
import { registrationSubmission, type SeededOrganization } from '../fixtures/app-core.js';

const START_AT = '2025-09-26T10:00:00+08:00';
const IN_FLIGHT = 16;

/** An SDK transport that hands each request to the app core as plain values: no socket, no HTTP. */
function dispatchTransport(app: App): Transport {
  return {
    async send(req) {
      const q = req.path.indexOf('?');
      const answer = await app.dispatch({
        method: req.method,
        path: q < 0 ? req.path : req.path.slice(0, q),
        query: q < 0 ? '' : req.path.slice(q + 1),
        headers: req.headers,
        body: req.body,
      });
      const body = typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body).toString('utf8');
      return { status: answer.status, headers: new Headers(answer.headers), body };
    },
  };
}

async function simulation<T>(app: App, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await app.dispatch({
    method,
    path: `/_sim/v1${path}`,
    query: '',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body).toString('utf8');
  if (answer.status >= 300) throw new Error(`${method} /_sim/v1${path} answered ${answer.status}: ${text.slice(0, 160)}`);
  return JSON.parse(text) as T;
}

/** Runs `count` calls with at most `inFlight` pending at once. */
async function pooled(count: number, inFlight: number, call: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await call(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

/**
 * Suite 5: a sandbox with 10,000 registration applications opened through the SDK over the app
 * core (signed, validated, no HTTP), then the virtual clock advanced one year in one call. The
 * target is absolute — ≤ 1 s for the advance on this machine — because the year is simulated by
 * the kernel's timer heap, whose cost grows with the transitions fired, not with the days passed.
 *
 * @example
 * ```ts
 * const result = await simulatedYearSuite.run({ quick: false, plan: fullPlan(), log: console.error });
 * ```
 */
export const simulatedYearSuite: Suite = {
  id: 'year',
  title: '5. A simulated year: 10,000 registration applications, clock advanced one year (app core, no HTTP)',
  async run({ quick, log }: SuiteContext) {
    const count = quick ? 1_000 : 10_000;
    const [{ createApp }, { RegistrationClient }] = await Promise.all([import('@gdx/mock-server'), import('@gdx/registration')]);
    const app = createApp({ seed: 1, startAt: START_AT });
    try {
      if (!app.platforms.some((p) => p.name === 'registration')) {
        return { id: this.id, title: this.title, rows: [], notes: [], unavailable: 'the mock does not serve the registration platform yet' };
      }
      const sandbox = await simulation<{ id: string; organizations: SeededOrganization[]; platforms: { registration: string } }>(app, 'POST', '/sandboxes', {
        profile: 'national',
        startAt: START_AT,
        seed: 1,
        reviewerPolicy: { mode: 'auto' },
        clock: { mode: 'virtual' },
      });
      const org = sandbox.organizations.find((o) => o.roles.includes('registrant'));
      if (org === undefined) throw new Error('the sandbox has no registrant organisation');
      const client = new RegistrationClient({
        baseUrl: sandbox.platforms.registration,
        credentials: { appKey: org.appKey, secret: org.secret },
        transport: dispatchTransport(app),
        maxRetries: 0,
      });
      const body = (await registrationSubmission(org)) as unknown as SubmitApplicationBody;

      log(`year: opening ${count} applications`);
      const openStart = performance.now();
      await pooled(count, IN_FLIGHT, () => client.applications.submit(body));
      const openMs = performance.now() - openStart;

      log('year: advancing the clock one year');
      const advanceStart = performance.now();
      const advanced = await simulation<{ fired: { type: string; from: string | null; to: string | null }[] }>(app, 'POST', `/sandboxes/${sandbox.id}/clock/advance`, { duration: 'P1Y' });
      const advanceMs = performance.now() - advanceStart;

      const byKind = new Map<string, number>();
      for (const t of advanced.fired) {
        const key = `${t.type} ${t.from ?? '∅'}→${t.to ?? '∅'}`;
        byKind.set(key, (byKind.get(key) ?? 0) + 1);
      }
      const rows: Row[] = [
        durationRow(`open ${count.toLocaleString('en-US')} applications (signed SDK calls over app.dispatch)`, openMs, { kind: 'info' }),
        durationRow(`advance one year: ${advanced.fired.length.toLocaleString('en-US')} transitions fired`, advanceMs, quick ? { kind: 'info' } : { kind: 'max-ms', value: 1_000 }),
      ];
      const notes = [
        `absolute target (≤ ${formatMs(1_000)} for the advance) set for this machine kind; profile national, reviewer policy auto, start ${START_AT}`,
        `transitions fired by type and states: ${[...byKind].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      ];
      if (quick) notes.push(`--quick opens ${count} applications only, so the advance carries no target`);
      return { id: this.id, title: this.title, rows, notes };
    } finally {
      await app.close();
    }
  },
};
