import { afterEach, describe, expect, it } from 'vitest';
import {
  endOfShanghaiDay,
  formatShanghaiInstant,
  shanghaiDate,
  startOfShanghaiDay,
  WorkingCalendar,
} from '../src/index.js';

/** A battery of answers that must not depend on the process time zone. */
function battery(): unknown[] {
  const calendar = WorkingCalendar.official();
  return [
    calendar.addWorkingDays('2025-09-26', 20),
    calendar.addWorkingDays('2025-02-21', 1), // across the weekend where chinese-days fails west of UTC
    calendar.isWorkingDay('2025-02-22'),
    calendar.workingDaysBetween('2024-01-01', '2026-12-31'),
    calendar.addCalendarDays('2025-09-01', 30),
    calendar.addPeriod('2024-01-31', { months: 1 }),
    shanghaiDate(Date.parse('2025-09-30T16:00:00Z')),
    shanghaiDate(new Date(Date.UTC(2025, 0, 1, 15, 59))),
    startOfShanghaiDay('2025-10-01'),
    endOfShanghaiDay('2025-10-01'),
    formatShanghaiInstant(Date.parse('2025-09-26T02:00:00Z')),
  ];
}

describe('time-zone independence', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'gives the same answers under TZ=%s as under UTC',
    (zone) => {
      process.env.TZ = 'UTC';
      const utc = battery();
      process.env.TZ = zone;
      expect(new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset(), 'the zone switch took effect').not.toBe(0);
      expect(battery()).toEqual(utc);
      expect(utc.slice(0, 3)).toEqual(['2025-10-30', '2025-02-24', false]);
    },
  );
});
