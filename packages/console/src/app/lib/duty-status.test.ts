import { describe, expect, it } from 'vitest';
import type { Duty } from '../api/types.js';
import { translator } from '../i18n/locale.js';
import { dutyStatus, dutyStep } from './duty-status.js';

/** An authorization signed on 2025-09-26: its first disclosure period, 20 WD to 2025-10-30. */
const disclosure: Duty = {
  duty: 'disclosure',
  label: { zh: '授权运营情况披露', en: 'Disclosure of the authorization' },
  deadline: {
    kind: 'disclosure',
    startedOn: '2025-09-26',
    workingDays: 20,
    unit: 'working_days',
    limit: 20,
    dueAt: '2025-10-31T00:00:00+08:00',
    countedDays: [],
    skippedDays: [],
    makeUpDays: [],
    overdue: false,
    rule: '发改数据规〔2025〕27号 第十八条',
    estimate: false,
    unpublishedYears: [],
  },
  metAt: null,
  lastMet: null,
  eventTypes: ['authorization_disclosed', 'disclosure_overdue'],
};

describe('dutyStatus', () => {
  it('says a running period is running, and an overdue one overdue, in both languages', () => {
    expect(dutyStatus(disclosure, translator('zh'))).toEqual(['期限内']);
    expect(dutyStatus(disclosure, translator('en'))).toEqual(['Running']);
    const overdue = { ...disclosure, deadline: { ...disclosure.deadline, overdue: true } };
    expect(dutyStatus(overdue, translator('zh'))).toEqual(['已逾期']);
    expect(dutyStatus(overdue, translator('en'))).toEqual(['Overdue']);
  });

  it('names the last time an open period\'s duty was met (a disclosure\'s yearly repeat runs on from it)', () => {
    const yearly = { ...disclosure, lastMet: { at: '2025-10-31T09:00:00+08:00', late: true } };
    expect(dutyStatus(yearly, translator('zh'))).toEqual(['期限内', '上次：2025-10-31 09:00 逾期履行']);
    expect(dutyStatus(yearly, translator('en'))).toEqual(['Running', 'Last: Met late 2025-10-31 09:00']);
  });

  it('says a met period is met, in time or late, however its deadline stands', () => {
    const at = '2025-10-10T10:00:00+08:00';
    const report: Duty = { ...disclosure, duty: 'ceiling_report', metAt: at, lastMet: { at, late: false } };
    expect(dutyStatus(report, translator('zh'))).toEqual(['2025-10-10 10:00 已履行']);
    expect(dutyStatus({ ...report, lastMet: { at, late: true }, deadline: { ...report.deadline, overdue: true } }, translator('en'))).toEqual(['Met late 2025-10-10 10:00']);
  });
});

describe('dutyStep', () => {
  it('runs from the start day of the period to the instant it was met, or on', () => {
    expect(dutyStep(disclosure)).toMatchObject({ state: 'disclosure', enteredAt: '2025-09-26T00:00:00+08:00', leftAt: null, deadline: disclosure.deadline });
    expect(dutyStep({ ...disclosure, metAt: '2025-10-10T10:00:00+08:00' }).leftAt).toBe('2025-10-10T10:00:00+08:00');
  });
});
