import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '@gdx/mock-server';
import { createFetch } from '@gdx/mock-server/fetch';
import { createSimClient, type Organization, type Sandbox } from '../../../src/index.js';
import { stopChild } from './stop-child.js';

/** Where the in-process mock is reached; the host is never resolved (the fetch is in-process). */
export const MOCK_ORIGIN = 'http://mock.test';
export const SIM_URL = `${MOCK_ORIGIN}/_sim/v1`;

/**
 * Checks that fail against the unmodified mock because the mock contradicts its contract, each
 * with the evidence. The baseline test asserts they still fail (so a fix shows up as a test to
 * update), and the CLI run leaves them out; nothing in the kit is relaxed for them.
 */
export const KNOWN_MOCK_DEFECTS: Readonly<Record<string, string>> = {};

/** A fresh mock app (seed 1) and an in-process fetch over it. */
export function inProcessMock(): { app: App; fetch: typeof fetch } {
  const app = createApp({ seed: 1, logError: () => undefined });
  return { app, fetch: createFetch(app) };
}

/** What a run needs to target one sandbox: its roots and organisations. */
export interface SandboxTarget {
  sandbox: Sandbox;
  baseUrl: string;
  organizations: Organization[];
}

/**
 * Creates the sandbox the non-workflow checks run in, as the CLI does (real-time clock).
 *
 * @example
 * ```ts
 * const { sandbox } = await createTargetSandbox(fetch, SIM_URL);
 * ```
 */
export async function createTargetSandbox(fetchImpl: typeof fetch | undefined, simUrl: string): Promise<SandboxTarget> {
  const sim = createSimClient({ url: simUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const sandbox = await sim.createSandbox({ profile: 'national', seed: 1, clock: { mode: 'realtime' } });
  return { sandbox, baseUrl: sandbox.baseUrl, organizations: sandbox.organizations };
}

/** The built mock CLI, run as a child process. */
export interface SpawnedMock {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const MOCK_CLI = fileURLToPath(new URL('../../../../../mock-server/dist/cli.js', import.meta.url));

/**
 * Spawns `mock-server/dist/cli.js --port 0 --seed 1 [flags]` and resolves once it prints the URL it listens on.
 *
 * @example
 * ```ts
 * const mock = await spawnMockCli(); // mock.url = 'http://127.0.0.1:40123'
 * await mock.stop();
 * ```
 */
export function spawnMockCli(flags: readonly string[] = []): Promise<SpawnedMock> {
  const child = spawn(process.execPath, [MOCK_CLI, '--port', '0', '--seed', '1', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => stopChild(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    const banner = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (!match?.[1]) return;
      // The URL is all that is read: the request log after it flows on unread, instead of being
      // appended and searched again at every chunk for as long as the mock runs.
      child.stdout.off('data', banner);
      child.stdout.resume();
      resolve({ url: match[1], child, stop });
    };
    child.stdout.on('data', banner);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`gdx-mock exited with ${code} before listening: ${err}`)));
  });
}
