import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, officialSchedules, WorkingCalendar } from '../src/index.js';

/**
 * The notices transcribed independently of the data files: [first, last] days off per festival
 * and the make-up working days. Every listed day and every other day of each year is checked.
 */
const NOTICES: Record<number, { notice: string; off: [string, string][]; makeup: string[] }> = {
  2024: {
    notice: '国办发明电〔2023〕7号',
    off: [
      ['2024-01-01', '2024-01-01'], ['2024-02-10', '2024-02-17'], ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'], ['2024-06-10', '2024-06-10'], ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ],
    makeup: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    notice: '国办发明电〔2024〕12号',
    off: [
      ['2025-01-01', '2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08'],
    ],
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    notice: '国办发明电〔2025〕7号',
    off: [
      ['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** Spring Festival and National Day blocks, the two that matter most for deadlines. */
const BLOCKS: Record<number, { spring: [string, number]; national: [string, number]; holidayCount: number }> = {
  2024: { spring: ['2024-02-10', 8], national: ['2024-10-01', 7], holidayCount: 28 },
  2025: { spring: ['2025-01-28', 8], national: ['2025-10-01', 8], holidayCount: 28 },
  2026: { spring: ['2026-02-15', 9], national: ['2026-10-01', 7], holidayCount: 33 },
};

function expand([first, last]: [string, string]): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

const FESTIVALS = new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
const calendar = WorkingCalendar.official();

describe('the shipped years', () => {
  it('are exactly the transcribed notices', () => {
    expect(calendar.years()).toEqual(Object.keys(NOTICES).map(Number));
  });

  describe.each(officialSchedules.map((schedule) => [schedule.year, schedule] as const))('%i', (year, schedule) => {
    const notice = NOTICES[year];
    if (!notice) throw new Error(`no transcribed notice for ${year}`);
    const holidays = new Set(notice.off.flatMap(expand));
    const makeup = new Set(notice.makeup);

    it('cites its notice', () => {
      expect(schedule.source).toContain(notice.notice);
      expect(schedule.source).toContain(`${year}年部分节假日安排`);
    });

    it('lists exactly the notice days, with festival names', () => {
      expect(schedule.holidays.map((day) => day.date)).toEqual([...holidays].sort());
      expect(schedule.makeupWorkdays.map((day) => day.date)).toEqual([...makeup].sort());
      for (const day of [...schedule.holidays, ...schedule.makeupWorkdays]) expect(FESTIVALS).toContain(day.name);
    });

    it('has the Spring Festival and National Day blocks and the holiday count', () => {
      const blocks = BLOCKS[year];
      if (!blocks) throw new Error(`no blocks for ${year}`);
      expect(schedule.holidays).toHaveLength(blocks.holidayCount);
      for (const [first, length] of [blocks.spring, blocks.national]) {
        const block = expand([first, addDays(first, length - 1)]);
        expect(block.map((day) => calendar.dayKind(day))).toEqual(block.map(() => 'holiday'));
        expect(calendar.dayKind(addDays(first, -1))).not.toBe('holiday');
        expect(calendar.dayKind(addDays(first, length))).not.toBe('holiday');
      }
    });

    it('classifies every day of the year', () => {
      for (let day = `${year}-01-01`; day <= `${year}-12-31`; day = addDays(day, 1)) {
        const weekend = dayOfWeek(day) >= 6;
        const want = holidays.has(day) ? 'holiday' : makeup.has(day) ? 'makeup_working' : weekend ? 'weekend' : 'working';
        expect(calendar.dayKind(day), day).toBe(want);
        if (makeup.has(day)) expect(weekend, `make-up day ${day} is a weekend day`).toBe(true);
        expect(calendar.isWorkingDay(day), day).toBe(want === 'working' || want === 'makeup_working');
      }
    });
  });
});

/** chinese-days (devDependency, MIT) is where the data files were derived from; a drift shows here. */
describe('agreement with chinese-days', () => {
  const require = createRequire(import.meta.url);
  const NAMES: Record<string, string> = {
    "New Year's Day": '元旦', 'Spring Festival': '春节', 'Tomb-sweeping Day': '清明节', 'Labour Day': '劳动节',
    'Dragon Boat Festival': '端午节', 'Mid-autumn Festival': '中秋节', 'National Day': '国庆节',
  };
  const toDays = (record: Record<string, string>) =>
    Object.entries(record)
      .map(([date, label]) => ({ date, name: NAMES[label.split(',')[0] ?? ''] }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));

  it.each(officialSchedules.map((schedule) => [schedule.year, schedule] as const))('%i matches', (year, schedule) => {
    const file = require.resolve(`chinese-days/dist/years/${year}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
    expect(schedule.holidays).toEqual(toDays(data.holidays));
    expect(schedule.makeupWorkdays).toEqual(toDays(data.workdays));
  });
});
