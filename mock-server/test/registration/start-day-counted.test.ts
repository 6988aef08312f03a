// 民法典 第二百零一条 (domain README, Time 2: external, so overridable): a step's start day is not
// counted. A profile whose rules count the day of receipt (`options.startDayCounted`) makes a
// working-day limit end a working day earlier when the step starts on a working day.
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { Harness, idem, initialSubmission } from './harness.js';

const inProcess = TRANSPORTS['in-process fetch']!;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a profile counting the start day of working-day limits', () => {
  it.each([
    { profile: 'national', want: '2025-09-30', counted: ['2025-09-28', '2025-09-29'] },
    { profile: { extends: 'national', name: 'counting-receipt-day', options: { startDayCounted: true } }, want: '2025-09-29', counted: ['2025-09-26', '2025-09-28', '2025-09-29'] },
  ])('an application received Friday 2025-09-26 is due for acceptance on $want, and its timeline counts $counted by 09-29', async ({ profile, want, counted }) => {
    h = await Harness.start(inProcess, { profile, startAt: '2025-09-26T10:00:00+08:00' });
    const org = h.org(0);
    const created = await h.call(org, 'POST', '/applications', {}, initialSubmission(org), idem());
    expect(created.status).toBe(201);
    expect(created.body.deadline).toMatchObject({ step: 'acceptance', startedOn: '2025-09-26', dueDate: want, limit: 3, unit: 'working_days' });
    await h.advance('2025-09-29T12:00:00+08:00');
    const timeline = (await h.sim('GET', `/sandboxes/${h.sandboxId}/objects/registration/application/${created.body.id}/timeline`)).body;
    expect(timeline.steps[0].deadline).toMatchObject({ dueDate: want, countedDays: counted, makeUpDays: ['2025-09-28'] });
  });
});
