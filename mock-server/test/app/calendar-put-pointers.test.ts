// A year schedule put through the simulation API that the calendar refuses points at the field at
// fault — `/holidays/1/date`, `/makeupWorkdays/0/date`, `/source` — not at the body as a whole,
// and says in both languages whether a day was listed twice or is both a holiday and a make-up
// day (vendor probe of December 2026: every refusal pointed at `""`). Nothing is loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type App } from '../../src/index.js';
import { notesPlatform } from '../support/notes-platform.js';

interface Problem {
  code: string;
  detail?: string;
  errors?: { pointer: string; code: string; message: { zh: string; en: string } }[];
}

const PATH = '/_sim/v1/sandboxes/default/calendar';

describe('PUT …/calendar/{year} refused by the calendar', () => {
  let app: App;
  beforeAll(() => {
    app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
  });
  afterAll(() => app.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.dispatch({ method, path, query: '', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: answer.status, body: JSON.parse(String(answer.body)) as Problem & { years?: number[] } };
  };
  const put = (schedule: Record<string, unknown>) => call('PUT', `${PATH}/2027`, { year: 2027, source: '测试用安排', holidays: [], makeupWorkdays: [], ...schedule });

  it.each([
    ['a date of another year', { holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2026-12-31', name: '元旦' }] }, '/holidays/1/date', 'Invalid holiday schedule: 2026-12-31 is outside 2027', '节假日安排无效：2026-12-31 不在 2027 年内'],
    ['a holiday listed twice', { holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-01', name: '元旦' }] }, '/holidays/1/date', 'Invalid holiday schedule: 2027-01-01 is listed twice', '节假日安排无效：2027-01-01 重复出现'],
    [
      'a holiday that is also a make-up day',
      { holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [{ date: '2027-01-01', name: '元旦' }] },
      '/makeupWorkdays/0/date',
      'Invalid holiday schedule: 2027-01-01 is both a holiday and a make-up working day',
      '节假日安排无效：2027-01-01 既是假日又是调休上班日',
    ],
    ['a make-up day on a weekday', { makeupWorkdays: [{ date: '2027-01-04', name: '元旦' }] }, '/makeupWorkdays/0/date', 'Invalid holiday schedule: make-up working day 2027-01-04 is not a weekend day', '节假日安排无效：调休上班日 2027-01-04 不是周末'],
    ['a blank name', { holidays: [{ date: '2027-01-01', name: ' ' }] }, '/holidays/0/name', 'Invalid holiday schedule: every entry of holidays needs a name', '节假日安排无效：holidays 的每一项都需要名称'],
    ['a blank source', { source: ' ' }, '/source', 'Invalid holiday schedule: source (the notice) is required', '节假日安排无效：必须注明来源（通知文号）'],
  ])('%s: 400 at the field, nothing loaded', async (_why, schedule, pointer, en, zh) => {
    const refused = await put(schedule);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.errors).toEqual([{ pointer, code: 'INVALID', message: { en, zh } }]);
    expect((await call('GET', PATH)).body.years).not.toContain(2027);
  });
});
