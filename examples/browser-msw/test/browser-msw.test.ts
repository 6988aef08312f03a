import { endOfShanghaiDay, shanghaiDate, WorkingCalendar } from '@gdx/calendar';
import { resolveProfile, type LimitId } from '@gdx/procedures';
import { lookup } from 'node:dns/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mswWorkerScript, WORKER_FILE } from '../msw-worker-plugin.js';
import { MOCK_URL } from '../src/mocks/mock-url.js';
import { START_AT, type RegistrationRun } from '../src/registration-run.js';
import { serveStatic, type StaticServer } from './static-server.js';

// Debian's headless Chromium, driven by playwright-core (Playwright's own browser download is not used).
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGE_TIMEOUT_MS = 45_000;

let server: StaticServer;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
let run: RegistrationRun;
/** Uncaught page errors and console errors, collected over the whole session. */
const pageErrors: string[] = [];
/** Chromium's console line for each non-2xx answer: `[status, url]` (the page provokes three). */
const failedLoads: [number, string][] = [];
const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d{3})/;

beforeAll(async () => {
  server = await serveStatic(inject('distDir'));
  userDataDir = await mkdtemp(join(tmpdir(), 'gdx-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: inject('chromiumPath'), headless: true, args: FLAGS, timeout: PAGE_TIMEOUT_MS });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const failed = FAILED_LOAD.exec(message.text());
    if (failed) failedLoads.push([Number(failed[1]), message.location().url]);
    else pageErrors.push(`console.error: ${message.text()}`);
  });
  await page.goto(server.url);
  // The page puts its result (or its failure) on window; a failure is reported as it is.
  await page.waitForFunction(() => window.__gdxTimeline !== undefined || window.__gdxError !== undefined, undefined, { timeout: PAGE_TIMEOUT_MS });
  const outcome = await page.evaluate(() => ({ run: window.__gdxTimeline, error: window.__gdxError }));
  if (!outcome.run) throw new Error(`the page failed: ${outcome.error ?? 'no result'}\n${pageErrors.join('\n')}`);
  run = outcome.run;
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/** A request path of the mock: the simulation API, a platform, a sandbox. */
const isMockPath = (path: string) => /\/_sim\/v1|\/(registration|sharing|open-data|catalog)\/v1|\/sandboxes(\/|$)/.test(path);

describe('the gdx mock under MSW setupWorker in Chromium', () => {
  it('runs in the page: the service worker controls it and answers every platform request', async () => {
    const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    expect(controller).toBe(`${server.url}/${WORKER_FILE}`);

    // The mock's origin has no server: the name is reserved and does not resolve...
    await expect(lookup(new URL(MOCK_URL).hostname)).rejects.toThrow();
    // ...yet the page gets answers from it, with the mock's own headers and state...
    const probe = await page.evaluate(async (mockUrl) => {
      const res = await fetch(`${mockUrl}/_sim/v1/sandboxes`);
      return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as { items: { id: string }[] } };
    }, MOCK_URL);
    expect(probe.status).toBe(200);
    expect(probe.requestId).toMatch(/^req_/);
    expect(probe.body.items.map((s) => s.id)).toContain(run.sandboxId);
    // ...and names the sandbox's platforms under the origin the page addressed, scheme included.
    expect(run.platformUrl).toBe(`${MOCK_URL}/sandboxes/${run.sandboxId}/registration/v1`);

    // ...while the page's own server saw the page and its files, and not one platform request.
    expect(server.served).toEqual(expect.arrayContaining(['/', `/${WORKER_FILE}`]));
    expect(server.served.some((p) => p.startsWith('/assets/') && p.endsWith('.js'))).toBe(true);
    expect(server.served.filter(isMockPath)).toEqual([]);
  });

  it('serves the worker script of the installed msw, not a copy that could drift', async () => {
    const res = await fetch(`${server.url}/${WORKER_FILE}`);
    expect(await res.text()).toBe(mswWorkerScript());
  });

  it('shows the dates the calendar computes for the national procedure', () => {
    const calendar = WorkingCalendar.official();
    const { limits } = resolveProfile('national');
    const workingDays = (id: LimitId) => {
      expect(limits[id].unit).toBe('working_days');
      return limits[id].value;
    };
    const received = shanghaiDate(Date.parse(START_AT));
    const acceptanceDue = calendar.addWorkingDays(received, workingDays('registration.acceptance'));
    // The page's registry decides on the last day of each period (reviewer policy `last_day`).
    const reviewDue = calendar.addWorkingDays(acceptanceDue, workingDays('registration.formal_review'));
    const noticeDue = calendar.addWorkingDays(reviewDue, workingDays('registration.public_notice'));
    // The notice ends at 24:00 of its due date, and the code is issued at that instant.
    const coded = shanghaiDate(endOfShanghaiDay(noticeDue));
    expect(acceptanceDue).toBe('2025-09-30'); // the known answer (toolchain.md), a check on this computation

    expect(run.steps.map(({ step, date, dueDate, basis }) => ({ step, date, dueDate, basis }))).toEqual([
      { step: 'received', date: received, dueDate: acceptanceDue, basis: limits['registration.acceptance'].basis },
      { step: 'accepted', date: acceptanceDue, dueDate: reviewDue, basis: limits['registration.formal_review'].basis },
      { step: 'reviewed', date: reviewDue, dueDate: null, basis: null },
      { step: 'notice', date: reviewDue, dueDate: noticeDue, basis: limits['registration.public_notice'].basis },
      { step: 'coded', date: coded, dueDate: null, basis: null },
    ]);
    expect(run.registrationCode).toMatch(/^DJ\d+$/);
  });

  it('renders the timeline into the page', async () => {
    const rows = await page.locator('table.timeline tr').allInnerTexts();
    expect(rows).toHaveLength(run.steps.length + 1);
    run.steps.forEach((step, i) => expect(rows[i + 1]).toContain(step.date));
  });

  it('answers mistakes with bilingual problem+json through the worker', async () => {
    const bilingual = { zh: expect.stringMatching(/\p{Script=Han}/u), en: expect.stringMatching(/^[\x20-\x7e]+$/) };
    expect(run.problems.missingField).toEqual({ status: 400, contentType: expect.stringContaining('application/problem+json'), code: 'VALIDATION_FAILED', ...bilingual });
    expect(run.problems.wrongSecret).toEqual({ status: 401, contentType: expect.stringContaining('application/problem+json'), code: 'SIGNATURE_INVALID', ...bilingual });

    // A request without any signature, sent with the page's plain fetch.
    const unsigned = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as { code: string; message: { zh: string; en: string } } };
    }, `${MOCK_URL}/sandboxes/${run.sandboxId}/registration/v1/applications`);
    expect(unsigned).toMatchObject({ status: 401, contentType: expect.stringContaining('application/problem+json'), body: { code: 'SIGNATURE_MISSING', message: bilingual } });
    expect(server.served.filter(isMockPath)).toEqual([]);
  });

  it('logged no page errors and no console errors besides the three refusals it provoked', () => {
    expect(pageErrors).toEqual([]);
    // Chromium logs every non-2xx answer; these are the missing field, the wrong secret and the unsigned read.
    expect(failedLoads.map(([status]) => status)).toEqual([400, 401, 401]);
    for (const [, url] of failedLoads) expect(url.startsWith(`${MOCK_URL}/`)).toBe(true);
  });
});
