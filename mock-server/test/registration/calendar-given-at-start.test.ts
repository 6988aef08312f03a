// A decision the calendar blocked (`action_blocked`, its deadline reaching 2027) was taken up by a
// `PUT …/calendar/2027`, but not by a restart with `--calendar 2027.yaml`: a start changed nothing
// a data directory recorded, so it could not plan again without a replay disagreeing. The years in
// force are recorded now, and a start that gains a year plans again as the PUT does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundledSpec } from '@gdx/openapi';
import { afterEach, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { createRegistrationPlatform } from '../../src/platforms/registration/index.js';
import { Harness, idem, initialSubmission, type Org } from './harness.js';

const specs = { registration: loadBundledSpec('registration'), simulation: loadBundledSpec('simulation') };
/** A test fixture, not the State Council's 2027 notice. */
const TEST_2027 = { year: 2027, source: '测试用安排（非官方）/ test fixture', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function harnessOn(dir: string, options: AppOptions, sandboxId?: string): Promise<Harness> {
  const h = new Harness();
  h.app = createApp({ platforms: [createRegistrationPlatform({ spec: specs.registration })], simulationSpec: specs.simulation, seed: 3, dataDir: dir, logError: () => undefined, ...options });
  h.transport = { fetch: createFetch(h.app), baseUrl: 'http://mock.local', close: async () => undefined };
  if (sandboxId) {
    h.sandboxId = sandboxId;
    h.orgs = registrantsFirst((await h.sim('GET', `/sandboxes/${sandboxId}`)).body.organizations);
  }
  return h;
}

/** Registrants first, as `Harness.start` orders them: `org(0)` submits and reads its applications. */
const registrantsFirst = (orgs: (Org & { roles: string[] })[]): Org[] => [...orgs.filter((o) => o.roles.includes('registrant')), ...orgs.filter((o) => !o.roles.includes('registrant'))];
const stateOf = async (h: Harness, id: string) => (await h.call(h.org(0), 'GET', '/applications/{applicationId}', { applicationId: id })).body.state;

it('a start given the year a decision was blocked on plans it again, as a PUT of the year does, and a restart keeps it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gdx-cal-'));
  dirs.push(dir);
  const first = await harnessOn(dir, {});
  // 2026-12-07: accepting starts a 20-working-day review reaching 2027, which the calendar lacks.
  const created = await first.sim('POST', '/sandboxes', { profile: 'national', startAt: '2026-12-07T10:00:00+08:00', seed: 4, reviewerPolicy: { mode: 'auto', approvalRate: 1 } });
  first.sandboxId = created.body.id;
  first.orgs = registrantsFirst(created.body.organizations);
  const id: string = (await first.call(first.org(0), 'POST', '/applications', {}, initialSubmission(first.org(0)), idem())).body.id;
  await first.advance('2026-12-15T00:00:00+08:00');
  expect(await stateOf(first, id)).toBe('submitted');
  await first.close();

  const second = await harnessOn(dir, { calendarYears: [TEST_2027] }, first.sandboxId);
  await second.advance('2026-12-16T00:00:00+08:00');
  expect(await stateOf(second, id)).toBe('under_review');
  const events = (await second.call(second.org(0), 'GET', '/applications/{applicationId}', { applicationId: id })).body.events;
  await second.close();

  // Without the flag the year is gone from then on, but what was decided under it stays.
  const third = await harnessOn(dir, {}, first.sandboxId);
  try {
    expect((await third.call(third.org(0), 'GET', '/applications/{applicationId}', { applicationId: id })).body.events).toEqual(events);
  } finally {
    await third.close();
  }
});
