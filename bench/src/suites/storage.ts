import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { App, AppOptions } from '@gdx/mock-server';
import { durationRow, formatMs, type Row } from '../core/report.js';
import type { Suite, SuiteContext } from '../core/suite.js';
import { callCore as call, registrationSubmission, type SeededOrganization as Org } from '../fixtures/app-core.js';

const START_AT = '2025-09-26T10:00:00+08:00';
/** Sandboxes the objects are spread over: a hosted mock serving ten vendors. */
const SANDBOXES = 10;
const IN_FLIGHT = 16;
/** Writes that make a snapshot due in the compaction rows. */
const COMPACT_EVERY = 2_000;
/** A read is scheduled every this many ms while compaction runs (latency counts from the schedule). */
const READ_EVERY_MS = 5;
const QUOTAS = { objects: 10_000_000, events: 100_000_000, storedBytes: 2 ** 40 };

interface Vendor {
  sandboxId: string;
  org: Org;
  body: Record<string, unknown>;
}

/** Files `count` registration applications for `vendor` (signed, through the app core). */
async function file(app: App, vendor: Vendor, count: number): Promise<void> {
  const path = `/sandboxes/${vendor.sandboxId}/registration/v1/applications`;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      const answer = await call(app, 'POST', path, vendor.body, vendor.org);
      if (answer.status !== 201) throw new Error(`filing an application answered ${answer.status}: ${answer.text.slice(0, 160)}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

async function openVendors(app: App): Promise<Vendor[]> {
  const vendors: Vendor[] = [];
  for (let i = 0; i < SANDBOXES; i += 1) {
    const created = await call(app, 'POST', '/_sim/v1/sandboxes', { id: `vendor-${i}`, profile: 'national', startAt: START_AT, seed: i + 1, reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' } });
    if (created.status !== 201) throw new Error(`creating a sandbox answered ${created.status}: ${created.text.slice(0, 160)}`);
    const org = (JSON.parse(created.text) as { organizations: Org[] }).organizations.find((o) => o.roles.includes('registrant'));
    if (!org) throw new Error('a sandbox has no registrant');
    vendors.push({ sandboxId: `vendor-${i}`, org, body: await registrationSubmission(org) });
  }
  return vendors;
}

function p99(latencies: number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/**
 * Reads (one sandbox view, a cheap read answered from memory) on a fixed schedule while `busy()`
 * holds, at least `minMs`; a read's latency counts from when it was due, so a stalled event loop
 * shows in full (no coordinated omission).
 */
async function scheduledReads(app: App, busy: () => boolean, minMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; busy() || performance.now() - start < minMs; i += 1) {
    const due = start + i * READ_EVERY_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const answer = await call(app, 'GET', '/_sim/v1/sandboxes/vendor-0');
    if (answer.status !== 200) throw new Error(`a read answered ${answer.status}`);
    latencies.push(performance.now() - due);
  }
  return latencies;
}

/**
 * Reads while a snapshot is written, and only then: all but one of the `COMPACT_EVERY` writes that
 * make it due are filed first; then the reads start and the last write makes the snapshot due.
 */
async function readsDuringCompaction(app: App, vendors: Vendor[]): Promise<{ p99: number; reads: number; compactionMs: number }> {
  const first = vendors[0] as Vendor;
  await file(app, first, COMPACT_EVERY - app.storage.entriesSinceSnapshot - 1);
  let done = false;
  let compactionMs = 0;
  const last = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await file(app, first, 1);
    // In-process, the snapshot was taken before that write was answered; the worker's is awaited here.
    while (app.storage.compacting || app.storage.entriesSinceSnapshot >= COMPACT_EVERY) await new Promise((resolve) => setTimeout(resolve, 10));
    compactionMs = performance.now() - started;
    done = true;
  })();
  const latencies = await scheduledReads(app, () => !done, 0);
  await last;
  return { p99: p99(latencies), reads: latencies.length, compactionMs };
}

/**
 * Suite 7: the data directory at scale. 100,000 registration applications (`--quick`: 10,000)
 * over ten sandboxes are filed into a data directory through the app core; then: how long a
 * start takes from it, and the p99 of reads while a snapshot is written — by the compaction
 * worker (the default), against the same reads with no snapshot running and with the snapshot
 * taken in-process, all in the same run.
 *
 * @example
 * ```ts
 * const result = await storageSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * ```
 */
export const storageSuite: Suite = {
  id: 'storage',
  title: '7. The data directory at scale: start-up and reads during compaction at 100,000 objects (app core, SQLite store)',
  async run({ quick, log }: SuiteContext) {
    const objects = quick ? 10_000 : 100_000;
    const { createApp } = await import('@gdx/mock-server');
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-bench-storage-'));
    const open = (options: AppOptions = {}): App => createApp({ seed: 1, startAt: START_AT, dataDir, quotas: QUOTAS, logError: () => undefined, ...options });
    try {
      let app = open({ compactEvery: Number.MAX_SAFE_INTEGER });
      const vendors = await openVendors(app);
      log(`storage: filing ${objects} applications over ${SANDBOXES} sandboxes`);
      const fillStart = performance.now();
      for (const vendor of vendors) await file(app, vendor, objects / SANDBOXES);
      const fillMs = performance.now() - fillStart;
      const closeStart = performance.now();
      await app.close(); // writes the snapshot a start reads
      const closeMs = performance.now() - closeStart;

      log('storage: starting from the data directory');
      const startupStart = performance.now();
      app = open({ compactEvery: COMPACT_EVERY });
      const startupMs = performance.now() - startupStart;
      // The last sandbox is the last the warm-up would reach: its first read restores it.
      const firstRead = await call(app, 'GET', `/_sim/v1/sandboxes/vendor-${SANDBOXES - 1}`);
      if (firstRead.status !== 200) throw new Error(`a first read answered ${firstRead.status}`);
      const firstReadMs = performance.now() - startupStart - startupMs;
      while (app.storage.restoring > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const warmUpMs = performance.now() - startupStart;
      const quiet = p99(await scheduledReads(app, () => false, 2_000));
      log('storage: reads while the compaction worker writes a snapshot');
      const background = await readsDuringCompaction(app, vendors);
      await app.close();

      log('storage: reads while the snapshot is taken in-process');
      app = open({ compactEvery: COMPACT_EVERY, backgroundCompaction: false });
      const inProcess = await readsDuringCompaction(app, vendors);
      await app.close();

      const rows: Row[] = [
        durationRow(`start-up from a data directory of ${objects.toLocaleString('en-US')} objects`, startupMs, quick ? { kind: 'info' } : { kind: 'max-ms', value: 2_000 }),
        durationRow(`p99 of reads while the worker writes a snapshot (${background.reads} reads)`, background.p99, { kind: 'max-ms', value: 50 }),
        durationRow('p99 of the same reads with no snapshot running (baseline)', quiet, { kind: 'info' }),
        durationRow(`p99 of the same reads, snapshot taken in-process (${inProcess.reads} reads)`, inProcess.p99, { kind: 'info' }),
      ];
      const notes = [
        `start-up is \`createApp\` returning, ready to answer (the registry and the default sandbox restored, their parts' SHA-256 checked; the others' are checked as the warm-up reads them); then the first read of a sandbox not restored yet took ${formatMs(firstReadMs)} (it restores that sandbox), and the warm-up had restored every sandbox ${formatMs(warmUpMs)} after the start; the reads below start after it`,
        `filed in ${formatMs(fillMs)}; close with its final snapshot ${formatMs(closeMs)}; the write that made a snapshot due, with the snapshot, took ${formatMs(background.compactionMs)} (worker) and ${formatMs(inProcess.compactionMs)} (in-process)`,
        `reads are scheduled every ${READ_EVERY_MS} ms and timed from when they were due, so a stalled event loop counts in full`,
      ];
      return { id: this.id, title: this.title, rows, notes };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
