import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { explainDeadline } from './explain-deadline.js';
import { createStyle } from './style.js';

const calendar = WorkingCalendar.official();
const plain = createStyle(false);
const wd = (startedOn: string, dueDate: string, limit: number) => ({ step: 'review', unit: 'working_days', startedOn, dueDate, limit });
const squeeze = (lines: string[]) => lines.map((l) => l.replace(/\s+/g, ' '));

describe('explainDeadline', () => {
  it.each([
    {
      name: '3 WD from Friday 2025-09-26: a weekend day skipped, the Sunday make-up day counted',
      deadline: wd('2025-09-26', '2025-09-30', 3),
      want: ['09-27 Sat weekend — skipped', '09-28 Sun make-up working day (国庆节) ✓ 1', '09-29..09-30 working days ✓ 2–3 → due'],
    },
    {
      name: '20 WD from 2025-09-30: the National Day block skipped, the Saturday make-up day counted',
      deadline: wd('2025-09-30', '2025-11-04', 20),
      want: [
        '10-01..10-08 National Day + Mid-Autumn (holiday) 国庆节、中秋节 — skipped',
        '10-09..10-10 working days ✓ 1–2',
        '10-11 Sat make-up working day (国庆节) ✓ 3',
        '10-12..11-04 working days ✓ 4–20, weekends skipped → due',
      ],
    },
    {
      name: '10 WD across the 2026 Spring Festival',
      deadline: wd('2026-02-10', '2026-03-02', 10),
      want: [
        '02-11..02-13 working days ✓ 1–3',
        '02-14 Sat make-up working day (春节) ✓ 4',
        '02-15..02-23 Spring Festival (holiday) 春节 — skipped',
        '02-24..02-27 working days ✓ 5–8',
        '02-28 Sat make-up working day (春节) ✓ 9',
        '03-01..03-02 working day ✓ 10, a weekend day skipped → due',
      ],
    },
  ])('$name', ({ deadline, want }) => {
    const { lines, counted } = explainDeadline(calendar, deadline, plain);
    expect(squeeze(lines)).toEqual(want);
    expect(counted).toBe(deadline.limit);
  });

  it('shows a disagreement between the platform and the calendar instead of hiding it', () => {
    const { lines, counted } = explainDeadline(calendar, wd('2025-09-26', '2025-10-09', 3), plain);
    expect(counted).toBe(4);
    expect(lines.at(-1)).toContain('counts 4 working days');
  });

  it('lists no days for limits in years or calendar days', () => {
    for (const unit of ['years', 'calendar_days']) {
      expect(explainDeadline(calendar, { step: 'validity', unit, limit: 3, startedOn: '2025-11-04', dueDate: '2028-11-04' }, plain).lines).toEqual([]);
    }
  });

  it('is plain text without colours and ANSI-styled with them', () => {
    const deadline = wd('2025-09-26', '2025-09-30', 3);
    expect(explainDeadline(calendar, deadline, plain).lines.join('')).not.toContain('\u001b[');
    expect(explainDeadline(calendar, deadline, createStyle(true)).lines.join('')).toContain('\u001b[32m✓ 1');
  });
});
