import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import type { App } from '@gdx/mock-server';
import type { SubmitApplicationBody } from '@gdx/registration';
import type { Transport } from '@gdx/runtime';
import { durationRow, formatMs, infoRow, microsRow, ratioRow, type Row } from '../core/report.js';
import type { Suite, SuiteContext } from '../core/suite.js';
import { registrationSubmission, type SeededOrganization } from '../fixtures/app-core.js';
import { authorizedOperationRows } from './year-authorized-operation.js';

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
      // The core's header names are lower case: a reader over its record, not a WHATWG `Headers`
      // copy (~1.5 µs per answer on Node 20, measured, for headers the SDK reads only on errors).
      return { status: answer.status, headers: { get: (name) => answer.headers[name.toLowerCase()] ?? null }, body };
    },
  };
}

async function simulation<T>(app: App, method: string, path: string, body?: unknown, query = ''): Promise<T> {
  const answer = await app.dispatch({
    method,
    path: `/_sim/v1${path}`,
    query,
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

/** One simulated year over `count` applications: the time to open them and to advance the clock. */
interface YearRun {
  count: number;
  openMs: number;
  advanceMs: number;
  firedCount: number;
  /** Where the event feed holds what the advance published (read after the timing). */
  eventsCursor: string;
  sandboxId: string;
}

/** A feed event as the simulation API pages it (the fields the notes count by). */
interface FeedItem {
  type: string;
  event: { from?: string | null; to?: string | null };
}

/** Transitions by type and states, read from the event feed after `cursor` (the advance's own events). */
async function firedByKind(app: App, sandboxId: string, cursor: string): Promise<Map<string, number>> {
  const byKind = new Map<string, number>();
  for (let next: string | null = cursor; next !== null; ) {
    const page: { items: FeedItem[]; nextCursor: string | null } = await simulation(app, 'GET', `/sandboxes/${sandboxId}/events`, undefined, `limit=200&cursor=${next}`);
    for (const e of page.items) {
      const key = `${e.type} ${e.event.from ?? '∅'}→${e.event.to ?? '∅'}`;
      byKind.set(key, (byKind.get(key) ?? 0) + 1);
    }
    next = page.nextCursor;
  }
  return byKind;
}

/**
 * Opens `count` registration applications in a fresh app through the SDK over `app.dispatch`
 * (signed, validated, no HTTP), then advances the sandbox's clock one year in one call.
 */
async function simulateYear(
  count: number,
  log: (line: string) => void,
  afterAdvance?: (app: App, run: YearRun) => Promise<void>,
  aroundAdvance?: <T>(advance: () => Promise<T>) => Promise<T>,
): Promise<YearRun | 'no-registration'> {
  const [{ createApp }, { RegistrationClient }] = await Promise.all([import('@gdx/mock-server'), import('@gdx/registration')]);
  // Quotas out of the way (100,000 bodies pass the default 256 MiB); the request journal off: the
  // suite measures the simulation, not the keeping of request copies for the console.
  const app = createApp({ seed: 1, startAt: START_AT, quotas: { objects: 10_000_000, events: 100_000_000, storedBytes: 2 ** 40 }, requestJournal: { entries: 0 } });
  try {
    if (!app.platforms.some((p) => p.name === 'registration')) return 'no-registration';
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

    log(`year: advancing the clock one year over ${count} applications`);
    const advanceStart = performance.now();
    // Counts only: the transitions are read from the event feed after the timing (`afterAdvance`).
    const advance = () => simulation<{ firedCount: number; eventsCursor: string }>(app, 'POST', `/sandboxes/${sandbox.id}/clock/advance`, { duration: 'P1Y', firedLimit: 0 });
    const advanced = await (aroundAdvance ? aroundAdvance(advance) : advance());
    const advanceMs = performance.now() - advanceStart;
    const run: YearRun = { count, openMs, advanceMs, firedCount: advanced.firedCount, eventsCursor: advanced.eventsCursor, sandboxId: sandbox.id };
    await afterAdvance?.(app, run);
    return run;
  } finally {
    await app.close();
  }
}

const plural = (n: number): string => n.toLocaleString('en-US');

/** A node of V8's sampling heap profile (the fields summed here). */
interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

function sampledBytes(node: SamplingNode): number {
  let bytes = node.selfSize;
  for (const child of node.children) bytes += sampledBytes(child);
  return bytes;
}

/**
 * Runs `work` under V8's sampling heap profiler, counting the objects collected meanwhile too, and
 * answers its result with the bytes it allocated (an estimate from samples every 4 KiB). Unlike a
 * time, the figure does not move with the machine's load, so a change of a few per cent in what a
 * transition allocates shows where timed rounds cannot (bench/README.md, "Nineteenth pass").
 */
async function withAllocationSampling<T>(work: () => Promise<T>): Promise<{ result: T; bytes: number }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 4_096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const result = await work();
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
    return { result, bytes: sampledBytes(profile.head) };
  } finally {
    session.disconnect();
  }
}

/**
 * Suite 5: a sandbox with 10,000 registration applications opened through the SDK over the app
 * core (signed, validated, no HTTP), then the virtual clock advanced one year in one call; then
 * the same with 100,000 applications, to show the cost grows with the transitions fired (the
 * kernel's timer heap), not faster; then the first run again in a fresh app (informational: the
 * process warm). The targets are absolute — ≤ 250 ms for the advance at
 * 10,000 and ≤ 60 µs per signed create on this machine kind — plus a ratio: transitions per
 * second at 100,000 against 10,000 (≥ 0.8×, linear).
 *
 * @example
 * ```ts
 * const result = await simulatedYearSuite.run({ quick: false, plan: fullPlan(), log: console.error });
 * ```
 */
export const simulatedYearSuite: Suite = {
  id: 'year',
  title: '5. A simulated year: 10,000 and 100,000 registration applications, clock advanced one year (app core, no HTTP)',
  async run({ quick, log }: SuiteContext) {
    let byKind = new Map<string, number>();
    const small = await simulateYear(quick ? 1_000 : 10_000, log, async (app, run) => {
      byKind = await firedByKind(app, run.sandboxId, run.eventsCursor);
    });
    if (small === 'no-registration') {
      return { id: this.id, title: this.title, rows: [], notes: [], unavailable: 'the mock does not serve the registration platform yet' };
    }
    const large = await simulateYear(quick ? 10_000 : 100_000, log);
    if (large === 'no-registration') throw new Error('the registration platform went away between runs');
    // The first small run is the target's: a process that has not run a year yet. The same run again,
    // after two years, shows how much of it is code running before V8 has optimised it.
    const warm = await simulateYear(small.count, log);
    if (warm === 'no-registration') throw new Error('the registration platform went away between runs');
    // Last, in a run of its own: the profiler slows what it samples, so no timed row comes from it.
    let allocatedBytes = 0;
    const sampled = await simulateYear(small.count, log, undefined, async (advance) => {
      const { result, bytes } = await withAllocationSampling(advance);
      allocatedBytes = bytes;
      return result;
    });
    if (sampled === 'no-registration') throw new Error('the registration platform went away between runs');

    const perSecond = (run: YearRun) => (run.firedCount * 1_000) / run.advanceMs;
    const sample = (run: YearRun) => {
      const ops = perSecond(run);
      return { name: `advance, ${plural(run.count)} applications (transitions/s)`, median: ops, min: ops, max: ops, rounds: [ops] };
    };
    const rows: Row[] = [
      durationRow(`open ${plural(small.count)} applications (signed SDK calls over app.dispatch)`, small.openMs, { kind: 'info' }),
      microsRow('a signed create over app.dispatch (SDK, validated, 16 in flight), per call', (small.openMs * 1_000) / small.count, quick ? { kind: 'info' } : { kind: 'max-us', value: 60 }),
      durationRow(`advance one year, ${plural(small.count)} applications: ${plural(small.firedCount)} transitions fired`, small.advanceMs, quick ? { kind: 'info' } : { kind: 'max-ms', value: 250 }),
      durationRow(`advance one year, ${plural(large.count)} applications: ${plural(large.firedCount)} transitions fired`, large.advanceMs, { kind: 'info' }),
      durationRow(`advance one year, ${plural(warm.count)} applications again, after both years (a fresh app, the process warm)`, warm.advanceMs, { kind: 'info' }),
      microsRow(`a signed create again, after both years, per call`, (warm.openMs * 1_000) / warm.count, { kind: 'info' }),
      microsRow(`advance, per transition at ${plural(small.count)} applications`, (small.advanceMs * 1_000) / small.firedCount, { kind: 'info' }),
      microsRow(`advance, per transition at ${plural(large.count)} applications`, (large.advanceMs * 1_000) / large.firedCount, { kind: 'info' }),
      infoRow(`advance, bytes allocated per transition at ${plural(sampled.count)} applications (sampling heap profiler, a run of its own)`, `${Math.round(allocatedBytes / sampled.firedCount).toLocaleString('en-US')} B`),
      ratioRow(sample(large), sample(small), quick ? { kind: 'info' } : { kind: 'min-ratio', value: 0.8 }),
    ];
    const notes = [
      `absolute targets (advance ≤ ${formatMs(250)} at 10,000, ≤ 60 µs per create) set for this machine kind; profile national, reviewer policy auto, start ${START_AT}; each size in a fresh app`,
      `the last row is transitions per second at ${plural(large.count)} ÷ at ${plural(small.count)} applications: 1× is cost linear in transitions`,
      `the advance is one \`clock/advance\` with \`firedLimit: 0\`: its answer carries the counts and the event feed's cursor, not the transitions (until 2026-12-04 it listed every one, 7.8 MB of JSON at 10,000 applications, rendered and parsed inside the timed call); the feed events counted below are read after the timing`,
      `events the advance published at ${plural(small.count)}, by type and states (from the event feed): ${[...byKind].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `opening ${plural(large.count)} applications took ${formatMs(large.openMs)}`,
      `the rows "again, after both years" repeat the first run in a fresh app of the same process: what the first run costs more is mostly code running before V8 has optimised it, not more simulation work (bench/README.md, "Eighth pass"); the targets are the first run's`,
    ];
    if (quick) notes.push(`--quick opens ${plural(small.count)} and ${plural(large.count)} applications, so no row carries a target`);
    const authorizedOperation = await authorizedOperationRows(quick, log);
    return { id: this.id, title: this.title, rows: [...rows, ...authorizedOperation.rows], notes: [...notes, ...authorizedOperation.notes] };
  },
};
