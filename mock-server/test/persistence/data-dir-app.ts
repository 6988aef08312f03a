import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { builtinOrganisations, createApp, type App, type AppOptions } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { client } from '../support/client.js';
import { notesPlatform } from '../support/notes-platform.js';

/** The notes platform on a data directory, reached through the in-process fetch. */
export function openApp(dataDir: string, extra: AppOptions = {}) {
  const app: App = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00', dataDir, ...extra });
  const fetch = createFetch(app);
  return { app, fetch, call: client({ fetch, baseUrl: 'http://mock.local', close: async () => undefined }) };
}

/** Fresh temporary directories, removed after each test. */
export function useTempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'gdx-durable-'));
    dirs.push(d);
    return d;
  };
}
