import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import type { App } from '@gdx/mock-server';
import type { SubmitApplicationBody } from '@gdx/registration';
import type { Transport } from '@gdx/runtime';
import { registrationSubmission, type SeededOrganization } from '../fixtures/app-core.js';

// The simulated year's measured work (suite 5), run in a process of its own for each of the suite's
// rounds (`simulated-year-child.ts`): a cold year is a process that has not run one yet.

/** The instant every year starts at (profile national). */
export const START_AT = '2025-09-26T10:00:00+08:00';
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
export interface YearRun {
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
 * transition allocates shows where timed rounds cannot (bench/HISTORY.md, "Nineteenth pass").
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

/** What one process measures: the sizes of its two years, and whether it also reads the extras. */
export interface YearPlan {
  small: number;
  large: number;
  /** Also count the warm year's transitions by kind and sample a year's allocation (one process of the suite does). */
  extras: boolean;
}

/** A year's timed figures, as a process reports them. */
export type YearFigures = Pick<YearRun, 'count' | 'openMs' | 'advanceMs' | 'firedCount'>;

/** What one process reports: its three years, and the extras when asked. */
export interface YearsMeasured {
  /** The first year of the process, the targets': `small` applications. */
  small: YearFigures;
  large: YearFigures;
  /** `small` again in a fresh app after both years: the process warm. */
  warm: YearFigures;
  /** Transitions of the warm year by type and states (the seed makes every small year fire the same). */
  byKind?: [string, number][];
  /** Bytes a `small` year's advance allocated (sampling heap profiler), and the transitions it fired. */
  sampled?: { bytes: number; firedCount: number };
}

const figures = ({ count, openMs, advanceMs, firedCount }: YearRun): YearFigures => ({ count, openMs, advanceMs, firedCount });

/**
 * The years one process of the suite measures, in this order: `small` (its first), `large`,
 * `small` again (warm), and with `extras` a fourth `small` under the sampling heap profiler (the
 * profiler slows what it samples, so no timed figure comes from that run). Answers
 * `no-registration` when the mock does not serve the platform.
 *
 * @example
 * ```ts
 * const measured = await runYears({ small: 10_000, large: 100_000, extras: true }, console.error);
 * ```
 */
export async function runYears(plan: YearPlan, log: (line: string) => void): Promise<YearsMeasured | 'no-registration'> {
  const small = await simulateYear(plan.small, log);
  if (small === 'no-registration') return small;
  const large = await simulateYear(plan.large, log);
  let byKind: Map<string, number> | undefined;
  const warm = await simulateYear(plan.small, log, plan.extras ? async (app, run) => void (byKind = await firedByKind(app, run.sandboxId, run.eventsCursor)) : undefined);
  if (large === 'no-registration' || warm === 'no-registration') throw new Error('the registration platform went away between runs');
  const measured: YearsMeasured = { small: figures(small), large: figures(large), warm: figures(warm) };
  if (byKind !== undefined) measured.byKind = [...byKind];
  if (plan.extras) {
    let bytes = 0;
    const sampled = await simulateYear(plan.small, log, undefined, async (advance) => {
      const allocation = await withAllocationSampling(advance);
      bytes = allocation.bytes;
      return allocation.result;
    });
    if (sampled === 'no-registration') throw new Error('the registration platform went away between runs');
    measured.sampled = { bytes, firedCount: sampled.firedCount };
  }
  return measured;
}
