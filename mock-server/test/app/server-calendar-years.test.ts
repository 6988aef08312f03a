// A vendor starting the mock on the real clock in December 2026 hit 422 CALENDAR_NOT_PUBLISHED on
// every 20-working-day step (the 2027 notice is not shipped), and the only remedy was a PUT per
// sandbox after the start. `AppOptions.calendarYears` (`gdx-mock --calendar <file>`) gives the
// server's extra years once: every sandbox it makes holds them, beneath the sandbox's own PUTs.
import { afterEach, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, InvalidCalendarYearError, type App, type AppOptions } from '../../src/index.js';
import { notesPlatform } from '../support/notes-platform.js';
import { openApp, useTempDirs } from '../persistence/data-dir-app.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { delegatingStore } from '../support/delegating-store.js';

/** A test fixture, not the State Council's 2027 notice (not published when this was written). */
const TEST_2027 = { year: 2027, source: '测试用安排（非官方）/ test fixture, not a notice', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
const TODAY = '2026-12-07T10:00:00+08:00';

describe('the server-wide calendar years (AppOptions.calendarYears)', () => {
  const apps: App[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  const start = (options: AppOptions = {}) => {
    const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: TODAY, ...options });
    apps.push(app);
    return async (method: string, path: string, body?: unknown) => {
      const answer = await app.dispatch({ method, path, query: '', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: answer.status, body: JSON.parse(String(answer.body)) as any };
    };
  };
  const advance20 = (sandbox: string) => ({ method: 'POST', path: `/_sim/v1/sandboxes/${sandbox}/clock/advance`, body: { workingDays: 20 } });

  it('lets a 20-working-day step from 2026-12-07 reach 2027 in the default sandbox and in one created later', async () => {
    const without = start();
    const { method, path, body } = advance20('default');
    expect((await without(method, path, body)).body).toMatchObject({ status: 422, code: 'CALENDAR_NOT_PUBLISHED' });

    const call = start({ calendarYears: [TEST_2027] });
    const moved = await call(method, path, body);
    expect(moved.status).toBe(200);
    // 2027-01-01 is the fixture's holiday: the 20th working day after 2026-12-07 is 2027-01-05.
    expect(moved.body.clock.now).toBe('2027-01-05T10:00:00+08:00');

    expect((await call('POST', '/_sim/v1/sandboxes', { id: 'later', profile: 'national' })).status).toBe(201);
    const later = advance20('later');
    expect((await call(later.method, later.path, later.body)).status).toBe(200);
    expect((await call('GET', '/_sim/v1/sandboxes/later/calendar')).body.years).toEqual([2024, 2025, 2026, 2027]);
  });

  it('yields to a sandbox own PUT of the year, which a reset drops (the server years stay)', async () => {
    const call = start({ calendarYears: [TEST_2027] });
    const own = { ...TEST_2027, source: 'own', holidays: [{ date: '2027-01-04', name: '测试' }] };
    expect((await call('PUT', '/_sim/v1/sandboxes/default/calendar/2027', own)).status).toBe(200);
    expect((await call('POST', '/_sim/v1/sandboxes', { id: 'other', profile: 'national' })).status).toBe(201);
    const sourceOf = async (sandbox: string) => (await call('GET', `/_sim/v1/sandboxes/${sandbox}/calendar`)).body.schedules.find((s: { year: number }) => s.year === 2027)?.source;
    expect(await sourceOf('default')).toBe('own');
    expect(await sourceOf('other')).toBe(TEST_2027.source);

    expect((await call('POST', '/_sim/v1/sandboxes/default/reset')).status).toBe(200);
    expect(await sourceOf('default')).toBe(TEST_2027.source);
  });

  it('keeps them out of a snapshot (only the sandbox own years), and lays them under an import', async () => {
    const call = start({ calendarYears: [TEST_2027] });
    const exported = await call('GET', '/_sim/v1/sandboxes/default/snapshot');
    expect(exported.body.state.calendarYears).toEqual([]);
    expect((await call('POST', '/_sim/v1/sandboxes/import', { id: 'copy', snapshot: exported.body })).status).toBe(201);
    expect((await call('GET', '/_sim/v1/sandboxes/copy/calendar')).body.years).toContain(2027);
  });

  it.each([
    ['a member the PUT body refuses (the contract schema)', { ...TEST_2027, note: 'x' }, '/note'],
    ['a day of another year (the calendar rules)', { ...TEST_2027, holidays: [{ date: '2026-12-31', name: '元旦' }] }, '/holidays/0/date'],
    ['a name the schema refuses', { ...TEST_2027, holidays: [{ date: '2027-01-01', name: '' }] }, '/holidays/0/name'],
  ])('refuses %s as the PUT endpoint would, naming the schedule and the field', (_, schedule, pointer) => {
    let thrown: any;
    try {
      start({ calendarYears: [TEST_2027, schedule] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCalendarYearError);
    expect(thrown).toMatchObject({ code: 'INVALID_CALENDAR_YEAR', index: 1, errors: [expect.objectContaining({ pointer })] });
    expect(thrown.message).toContain(`calendarYears[1] is refused: ${pointer}: `);
    expect(thrown.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a year given twice', () => {
    expect(() => start({ calendarYears: [TEST_2027, TEST_2027] })).toThrow(expect.objectContaining({ code: 'INVALID_CALENDAR_YEAR', index: 1, errors: [expect.objectContaining({ pointer: '/year' })] }));
  });
});

describe('the server-wide calendar years over a data directory', () => {
  const tempDir = useTempDirs();

  it('are applied again at each start, to the sandboxes it holds too: a start without them serves without them', async () => {
    const dir = tempDir();
    const years = async (extra: AppOptions, create = false) => {
      const { app, call } = openApp(dir, { startAt: TODAY, logError: () => undefined, ...extra });
      try {
        if (create) expect((await call('POST', '/_sim/v1/sandboxes', { body: { id: 'kept', profile: 'national' } })).status).toBe(201);
        return [(await call('GET', '/_sim/v1/sandboxes/default/calendar')).body.years, (await call('GET', '/_sim/v1/sandboxes/kept/calendar')).body.years];
      } finally {
        await app.close();
      }
    };
    const withYear = [2024, 2025, 2026, 2027];
    expect(await years({ calendarYears: [TEST_2027] }, true)).toEqual([withYear, withYear]);
    expect(await years({})).toEqual([[2024, 2025, 2026], [2024, 2025, 2026]]);
    expect(await years({ calendarYears: [TEST_2027] })).toEqual([withYear, withYear]);
  });

  // The years in force are recorded in the data directory (its snapshots), so that a crash never
  // changes what was acknowledged: before, the writes since the last snapshot replayed under the
  // years the next start was given, and one without 2027 refused the advance it had answered.
  const OTHER_2027 = { ...TEST_2027, source: 'another file', holidays: [...TEST_2027.holidays, { date: '2027-01-04', name: '测试' }] };
  /** A real store that keeps the snapshots its start writes and no later one: `crash()`, then `close()`, leaves the journal as a crash does. */
  const crashable = (dir: string) => {
    const real = openDataDir(dir);
    let crashed = false;
    const store = delegatingStore(real, { writeSnapshot: (seq, parts) => (crashed ? undefined : real.writeSnapshot(seq, parts)), snapshotWritten: () => undefined, prune: () => 0 });
    return { store, crash: () => (crashed = true) };
  };
  const crashAfter = async (dir: string, extra: AppOptions, work: (call: ReturnType<typeof openApp>['call']) => Promise<void>) => {
    const { store, crash } = crashable(dir);
    const { app, call } = openApp(dir, { startAt: TODAY, store, ...extra });
    await work(call);
    crash();
    await app.close();
  };
  const todayOf = async (call: ReturnType<typeof openApp>['call'], sandbox: string) => (await call('GET', `/_sim/v1/sandboxes/${sandbox}/clock`)).body.today;

  it.each([
    ['without the flag', {}],
    ['with another file of the year', { calendarYears: [OTHER_2027] }],
  ])('replay an advance after a crash as it was acknowledged, restarted %s', async (_, restart: AppOptions) => {
    const dir = tempDir();
    await crashAfter(dir, { calendarYears: [TEST_2027] }, async (call) => {
      const moved = await call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { workingDays: 20 } });
      expect(moved.body.clock.now).toBe('2027-01-05T10:00:00+08:00');
    });

    const logged: string[] = [];
    const second = openApp(dir, { startAt: TODAY, ...restart, logError: (message) => logged.push(message) });
    try {
      expect(second.app.storage.replayRefused.count).toBe(0);
      expect(await todayOf(second.call, 'default')).toBe('2027-01-05');
      // From this start on, its own years: none for 2027, or the other file's.
      const schedules = (await second.call('GET', '/_sim/v1/sandboxes/default/calendar')).body.schedules as { year: number; source: string }[];
      expect(schedules.find((s) => s.year === 2027)?.source).toBe(restart.calendarYears?.[0]?.source);
      expect(logged.join('\n')).toContain(`2027 ${restart.calendarYears ? 'replaced' : 'dropped'}`);
    } finally {
      await second.app.close();
    }
  });

  it('count the years a start gives from that start on, also for the writes a later crash replays', async () => {
    const dir = tempDir();
    await crashAfter(dir, { calendarYears: [TEST_2027] }, async (call) => {
      expect((await call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { workingDays: 20 } })).status).toBe(200);
    });
    // 2027-01-04 is a holiday of the other file: the 20th working day of a new sandbox is the 6th.
    await crashAfter(dir, { calendarYears: [OTHER_2027], logError: () => undefined }, async (call) => {
      expect((await call('POST', '/_sim/v1/sandboxes', { body: { id: 'later', profile: 'national' } })).status).toBe(201);
      expect((await call('POST', '/_sim/v1/sandboxes/later/clock/advance', { body: { workingDays: 20 } })).body.clock.now).toBe('2027-01-06T10:00:00+08:00');
    });

    const third = openApp(dir, { startAt: TODAY, logError: () => undefined });
    try {
      expect(third.app.storage.replayRefused.count).toBe(0);
      expect([await todayOf(third.call, 'default'), await todayOf(third.call, 'later')]).toEqual(['2027-01-05', '2027-01-06']);
    } finally {
      await third.app.close();
    }
  });

  it('keep a sandbox own PUT of the year over a start that changes it', async () => {
    const dir = tempDir();
    const own = { ...TEST_2027, source: 'own' };
    await crashAfter(dir, {}, async (call) => {
      expect((await call('PUT', '/_sim/v1/sandboxes/default/calendar/2027', { body: own })).status).toBe(200);
    });
    const second = openApp(dir, { startAt: TODAY, calendarYears: [OTHER_2027], logError: () => undefined });
    try {
      const schedules = (await second.call('GET', '/_sim/v1/sandboxes/default/calendar')).body.schedules as { year: number; source: string }[];
      expect(schedules.find((s) => s.year === 2027)?.source).toBe('own');
    } finally {
      await second.app.close();
    }
  });

  it('open a directory an earlier version wrote (no years recorded) as it replayed then, and record them at its next snapshot', async () => {
    const dir = tempDir();
    // Snapshots without the record, and none after the start: an earlier version, then a crash.
    const real = openDataDir(dir);
    const withoutRecord = (part: unknown) => (typeof part === 'string' ? JSON.stringify({ ...JSON.parse(part), serverCalendarYears: undefined }) : part);
    const older = delegatingStore(real, { writeSnapshot: (seq, parts) => (seq === 0 ? real.writeSnapshot(seq, [withoutRecord(parts[0]), ...parts.slice(1)] as typeof parts) : undefined), snapshotWritten: () => undefined, prune: () => 0 });
    const first = openApp(dir, { startAt: TODAY, calendarYears: [TEST_2027], store: older });
    expect((await first.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { workingDays: 20 } })).status).toBe(200);
    await first.app.close();

    const logged: string[] = [];
    const second = openApp(dir, { startAt: TODAY, calendarYears: [TEST_2027], logError: (message) => logged.push(message) });
    expect(await todayOf(second.call, 'default')).toBe('2027-01-05');
    await second.app.close();
    expect(logged).toEqual([]);

    const third = openApp(dir, { startAt: TODAY, logError: (message) => logged.push(message) });
    await third.app.close();
    expect(logged.join('\n')).toContain('2027 dropped');
  });
});
