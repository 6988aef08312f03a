import { describe, expect, it } from 'vitest';
import { computeDeadline, type Calendar, type Limit } from '../src/index.js';
import { at, fakeCalendar } from './fake-calendar.js';

const validity: Limit = {
  id: 'validity', value: 3, unit: 'years', startTrigger: 'code_issued', basis: '发改数据规〔2025〕26号 第十五条', onExpiry: { event: 'expire' },
};

describe('computeDeadline: period options', () => {
  it('passes holidayExtension to the calendar, so a term can end in a year without a schedule', () => {
    const seen: unknown[] = [];
    const spy: Calendar = { ...fakeCalendar, addPeriod: (start, p, opts) => (seen.push(opts), fakeCalendar.addPeriod(start, p, { ...opts, estimate: opts?.holidayExtension === 'none' })) };
    const { deadline } = computeDeadline({ ...validity, holidayExtension: 'none' }, { now: at('2025-11-05T10:00') }, spy);
    expect(deadline.dueDate).toBe('2028-11-05');
    expect(seen).toEqual([{ holidayExtension: 'none' }]);
  });

  it('without it the calendar decides and an unpublished end year is refused', () => {
    expect(() => computeDeadline(validity, { now: at('2025-11-05T10:00') }, fakeCalendar)).toThrow(/not published/);
  });
});
