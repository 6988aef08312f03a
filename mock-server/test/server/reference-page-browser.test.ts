import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledSpec } from '@gdx/openapi';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { REFERENCE_ASSETS_DIR } from '../../src/server/reference-pages.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { launchChromium } from '../support/chromium.js';

// Issue 9, item 4: the reference page renders offline in a real browser: every operation of the
// contract, and not one request leaves the mock's origin.

let app: App;
let mock: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(REFERENCE_ASSETS_DIR, 'redoc.standalone.js'))) throw new Error(`${REFERENCE_ASSETS_DIR} is missing: run \`npm run build\` in mock-server`);
  app = createApp({ seed: 7, startAt: '2025-09-26T09:00:00+08:00', logError: () => undefined });
  mock = await startServer(app, { port: 0 });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  await app?.close();
});

/** The operationIds of a contract, in document order. */
function operationIds(name: 'registration'): string[] {
  const ids: string[] = [];
  for (const item of Object.values(loadBundledSpec(name).paths)) {
    for (const operation of Object.values(item)) {
      const id = (operation as { operationId?: unknown }).operationId;
      if (typeof id === 'string') ids.push(id);
    }
  }
  return ids;
}

describe('the reference page in Chromium', () => {
  it('renders every operation of a contract, loading nothing from outside the mock and breaking no CSP rule', async () => {
    const name = 'registration';
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(`${mock.url}/openapi/${name}`);
    expect(response?.status()).toBe(200);

    // Redoc gives each operation a section `operation/{operationId}` once the document is rendered.
    const ids = operationIds(name);
    await page.waitForSelector(`[data-section-id="operation/${ids.at(-1)}"]`, { timeout: 60_000 });
    const rendered = await page.$$eval('[data-section-id^="operation/"]', (sections) => sections.map((s) => s.getAttribute('data-section-id')?.slice('operation/'.length)));
    expect(new Set(rendered)).toEqual(new Set(ids));
    expect(await page.title()).toContain(loadBundledSpec(name).info.title);
    // The document shown is the served one: its server is this mock.
    expect(await page.content()).toContain(`${mock.url}${new URL(loadBundledSpec(name).servers![0]!.url).pathname}`);

    const own = new URL(mock.url).origin;
    const foreign = requests.filter((url) => !url.startsWith(`${own}/`) && !url.startsWith(`blob:${own}/`) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests).toContain(`${own}/openapi/${name}.json`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
