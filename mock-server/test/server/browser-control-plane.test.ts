import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { launchChromium } from '../support/chromium.js';

// Issue 8, "Done when": in a real browser, a page of another origin can neither read the
// simulation API's secrets nor reset a sandbox, while a page of an origin given in --cors-origin
// can. Debian's headless Chromium driven by playwright-core (support/chromium.ts).
const START_AT = '2025-09-26T09:00:00+08:00';

/** A blank page on its own 127.0.0.1 port: a web origin of its own. */
async function origin(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>page</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let app: App;
let mock: RunningServer;
let foreign: { url: string; server: Server };
let allowed: { url: string; server: Server };
let browser: Browser;
/** What reached the mock from a browser: method, path, Origin and the status answered. */
const seen: { method: string; path: string; origin: string | undefined; status: number }[] = [];

async function clockNow(): Promise<string> {
  return ((await (await fetch(`${mock.url}/_sim/v1/sandboxes/default/clock`)).json()) as { now: string }).now;
}

/** Moves the default sandbox's clock two working days on: a state a reset undoes. */
async function advanceClock(): Promise<string> {
  const advanced = await fetch(`${mock.url}/_sim/v1/sandboxes/default/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"workingDays":2}' });
  expect(advanced.status).toBe(200);
  const now = await clockNow();
  expect(now).not.toBe(START_AT);
  return now;
}

async function pageOf(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  [foreign, allowed] = await Promise.all([origin(), origin()]);
  app = createApp({ seed: 7, startAt: START_AT, logError: () => undefined });
  mock = await startServer(app, { port: 0, corsOrigins: [allowed.url] });
  mock.server.on('request', (req, res) => {
    if (req.headers.origin === undefined) return;
    res.once('finish', () => seen.push({ method: req.method ?? '', path: req.url ?? '', origin: req.headers.origin, status: res.statusCode }));
  });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  await app?.close();
  await Promise.all([foreign, allowed].map((o) => o && new Promise((resolve) => o.server.close(resolve))));
});

describe('the simulation API seen from pages in Chromium', () => {
  it('keeps its secrets and its sandboxes from a page of another origin', async () => {
    const before = await advanceClock();

    const page = await pageOf(foreign.url);
    const outcome = await page.evaluate(async (mockUrl) => {
      const attempt = async (run: () => Promise<Response>) => {
        try {
          const res = await run();
          return { type: res.type, status: res.status, text: res.type === 'opaque' ? '' : await res.text() };
        } catch (error) {
          return { error: String(error) };
        }
      };
      return {
        read: await attempt(() => fetch(`${mockUrl}/_sim/v1/sandboxes/default`)),
        // A "simple request": no preflight, sent as it is; the page cannot read the answer.
        simpleReset: await attempt(() => fetch(`${mockUrl}/_sim/v1/sandboxes/default/reset`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' })),
        // A JSON reset needs a preflight, which the mock refuses.
        jsonReset: await attempt(() => fetch(`${mockUrl}/_sim/v1/sandboxes/default/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } })),
      };
    }, mock.url);
    await page.close();

    expect(outcome.read).toEqual({ error: expect.stringContaining('Failed to fetch') });
    expect(outcome.simpleReset).toMatchObject({ type: 'opaque', status: 0 });
    expect(outcome.jsonReset).toEqual({ error: expect.stringContaining('Failed to fetch') });
    expect(await clockNow()).toBe(before);
    // The requests did reach the mock (Chromium blocked nothing itself) and were refused there.
    const fromForeign = seen.filter((s) => s.origin === foreign.url);
    expect(fromForeign).toEqual([
      { method: 'GET', path: '/_sim/v1/sandboxes/default', origin: foreign.url, status: 403 },
      { method: 'POST', path: '/_sim/v1/sandboxes/default/reset', origin: foreign.url, status: 403 },
      { method: 'OPTIONS', path: '/_sim/v1/sandboxes/default/reset', origin: foreign.url, status: 403 },
    ]);
  });

  it('answers a page of an origin given in --cors-origin: it reads the secrets and resets the sandbox', async () => {
    await advanceClock();
    const page = await pageOf(allowed.url);
    const outcome = await page.evaluate(async (mockUrl) => {
      const sandbox = (await (await fetch(`${mockUrl}/_sim/v1/sandboxes/default`)).json()) as { organizations: { secret: string }[] };
      const reset = await fetch(`${mockUrl}/_sim/v1/sandboxes/default/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      return { secret: sandbox.organizations[0]?.secret, resetStatus: reset.status, requestId: reset.headers.get('x-request-id') };
    }, mock.url);
    await page.close();

    expect(outcome.secret).toEqual(expect.any(String));
    expect(outcome).toMatchObject({ resetStatus: 200, requestId: expect.stringMatching(/^req_/) });
    expect(await clockNow()).toBe(START_AT);
  });
});
