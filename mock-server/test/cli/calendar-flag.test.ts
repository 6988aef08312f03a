// `gdx-mock --calendar <file>` (GDX_MOCK_CALENDAR): year schedules given once, at start, for every
// sandbox — what a vendor running the mock in CI or a container needs when a deadline reaches a
// year the release does not ship. Tested through the CLI's own parsing and reading functions and
// an in-process app (no process is spawned).
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { YearSchedule } from '@gdx/calendar';
import { builtinOrganisations, createApp } from '../../src/index.js';
import { parseCli, USAGE } from '../../src/cli/cli-options.js';
import { CalendarFileError, MAX_CALENDAR_FILE_BYTES, namingCalendarFile, readCalendarFiles } from '../../src/cli/calendar-files.js';
import { startRefusal } from '../../src/cli/start-messages.js';
import { notesPlatform } from '../support/notes-platform.js';

const dir = mkdtempSync(join(tmpdir(), 'gdx-calendar-flag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** A test fixture in the shape of the PUT body, not the State Council's 2027 notice. */
const FIXTURE_2027 = `year: 2027
source: 测试用安排（非官方）
holidays:
  - { date: 2027-01-01, name: 元旦 }
makeupWorkdays: []
`;

/** `createApp` as `gdx-mock` calls it, given the files. */
async function appFrom(paths: readonly string[]) {
  const calendarYears = (await readCalendarFiles(paths)) as YearSchedule[];
  return namingCalendarFile(paths, () => createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, startAt: '2026-12-07T10:00:00+08:00', calendarYears }));
}

describe('gdx-mock --calendar', () => {
  it('is repeatable, read from GDX_MOCK_CALENDAR as a list, takes .json and .yaml files only, and is in --help', () => {
    expect(parseCli(['--calendar', 'a.json', '--calendar', 'b.yaml'])).toMatchObject({ kind: 'run', calendarFiles: ['a.json', 'b.yaml'] });
    expect(parseCli([], { GDX_MOCK_CALENDAR: 'a.json, b.yml' })).toMatchObject({ kind: 'run', calendarFiles: ['a.json', 'b.yml'] });
    expect(parseCli([])).toMatchObject({ kind: 'run', calendarFiles: [] });
    expect(parseCli(['--calendar', '2027.txt'])).toEqual({ kind: 'error', message: '--calendar takes .json or .yaml year schedule files: 2027.txt' });
    expect(USAGE).toMatch(/--calendar <file> +a year's holiday schedule/);
    expect(USAGE).toContain('[$GDX_MOCK_CALENDAR]');
  });

  it('makes a 20-working-day step from 2026-12-07 into 2027 succeed, from a YAML file', async () => {
    const app = await appFrom([file('2027.yaml', FIXTURE_2027)]);
    try {
      const answer = await app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes/default/clock/advance', query: '', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workingDays: 20 }) });
      expect(answer.status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses a schedule the PUT endpoint would refuse, naming the file and the field in both languages, without a stack', async () => {
    const good = file('good.json', JSON.stringify({ year: 2028, source: 'fixture', holidays: [], makeupWorkdays: [] }));
    const bad = file('bad.yaml', FIXTURE_2027.replace('2027-01-01', '2026-12-31'));
    const error = await appFrom([good, bad]).then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CalendarFileError);
    expect((error as CalendarFileError).message).toBe(
      `[INVALID_CALENDAR_FILE] 节假日安排文件 ${bad} 无效：/holidays/0/date: 节假日安排无效：2026-12-31 不在 2027 年内 / holiday schedule file ${bad} is invalid: /holidays/0/date: Invalid holiday schedule: 2026-12-31 is outside 2027`,
    );
    const refusal = startRefusal(error);
    expect(refusal).toMatchObject({ code: 'INVALID_CALENDAR_FILE', path: bad, exitCode: 1 });
    expect(refusal.unexpected).toBeUndefined();
  });

  it('refuses a file that cannot be read or parsed, naming it', async () => {
    const missing = join(dir, 'missing.json');
    await expect(readCalendarFiles([missing])).rejects.toMatchObject({ code: 'INVALID_CALENDAR_FILE', path: missing, message: expect.stringContaining(`holiday schedule file ${missing} cannot be read`) });
    const broken = file('broken.json', '{ "year": 2027,');
    await expect(readCalendarFiles([broken])).rejects.toMatchObject({ code: 'INVALID_CALENDAR_FILE', path: broken, message: expect.stringContaining('is not valid YAML/JSON') });
  });

  // A 50 MB file was read whole (some 180 MB at start) before YAML refused it.
  it('refuses a file over 1 MiB by its size, before reading it; one of exactly 1 MiB is read', async () => {
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 50 * 1024 * 1024); // sparse: no 50 MB written to the disk
    await expect(readCalendarFiles([huge])).rejects.toMatchObject({
      code: 'INVALID_CALENDAR_FILE',
      path: huge,
      message: `[INVALID_CALENDAR_FILE] 节假日安排文件 ${huge} 有 52428800 字节，超过节假日安排文件的上限 1048576 字节（1 MiB） / holiday schedule file ${huge} is 52428800 bytes, over the 1048576 bytes (1 MiB) a holiday schedule file may hold`,
    });
    const json = JSON.stringify({ year: 2027, source: 'test', holidays: [], makeupWorkdays: [] });
    const atBound = file('at-bound.json', json.padEnd(MAX_CALENDAR_FILE_BYTES, ' '));
    expect(await readCalendarFiles([atBound])).toEqual([JSON.parse(json)]);
    const over = file('over-bound.json', json.padEnd(MAX_CALENDAR_FILE_BYTES + 1, ' '));
    await expect(readCalendarFiles([over])).rejects.toMatchObject({ code: 'INVALID_CALENDAR_FILE', path: over, message: expect.stringContaining('is 1048577 bytes, over the 1048576 bytes (1 MiB)') });
  });
});
