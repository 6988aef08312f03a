import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { createStyle } from './style.js';
import { eventEntries, eventText, timelineLines, type PlatformEvent } from './timeline.js';

const calendar = WorkingCalendar.official();
const plain = createStyle(false);
const event = (over: Partial<PlatformEvent>): PlatformEvent => ({ type: 'state_changed', at: '2025-09-26T09:00:00+08:00', actor: { role: 'registry' }, from: 'submitted', to: 'under_review', ...over });

describe('eventText', () => {
  it.each([
    { given: event({ from: null, to: 'submitted', actor: { role: 'registrant' } }), want: 'submitted (registrant)' },
    { given: event({}), want: 'submitted → under_review (registry)' },
    { given: event({ type: 'supplement_requested', to: 'supplement_required' }), want: 'supplement requested: submitted → supplement_required (registry)' },
    { given: event({ type: 'deadline_overdue', from: 'under_review', actor: { role: 'clock' } }), want: 'deadline overdue (clock)' },
    { given: event({ from: 'under_review', to: 'rejected', actor: { role: 'data_authority' }, reason: { text: '超出限定应用场景' } }), want: 'under_review → rejected (data_authority) — “超出限定应用场景”' },
  ])('$want', ({ given, want }) => {
    expect(eventText(given)).toBe(want);
  });
});

describe('timelineLines', () => {
  it('dates each entry by its Shanghai day and weekday, whatever offset the instant carries', () => {
    const lines = timelineLines(
      [
        { at: '2025-09-30T23:30:00+08:00', text: 'late evening' },
        { at: '2025-09-30T16:30:00Z', text: 'half past midnight in Shanghai' },
        { at: '2025-11-04', text: 'a plain date' },
      ],
      calendar,
      plain,
    );
    expect(lines).toEqual(['2025-09-30 Tue  late evening', '2025-10-01 Wed  half past midnight in Shanghai', '2025-11-04 Tue  a plain date']);
  });

  it('states the platform deadline with its limit and basis, then the day-by-day count', () => {
    const deadline = { step: 'acceptance', limit: 3, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-09-30', basis: '发改数据规〔2025〕26号 第十条' };
    const lines = timelineLines(eventEntries([event({ from: null, to: 'submitted', actor: { role: 'registrant' }, deadline })]), calendar, plain);
    expect(lines[0]).toBe('2025-09-26 Fri  submitted (registrant) — acceptance due 2025-09-30 (3 working days, 发改数据规〔2025〕26号 第十条)');
    expect(lines.slice(1).map((l) => l.trim().replace(/\s+/g, ' '))).toEqual([
      '09-27 Sat weekend — skipped',
      '09-28 Sun make-up working day (国庆节) ✓ 1',
      '09-29..09-30 working days ✓ 2–3 → due',
    ]);
  });

  it('marks an overdue deadline and uses singular units', () => {
    const deadline = { step: 'delivery', limit: 1, unit: 'working_days', startedOn: '2025-10-15', dueDate: '2025-10-16', overdue: true };
    const [first] = timelineLines([{ at: '2025-10-15T10:00:00+08:00', text: 'approved', deadline }], calendar, plain);
    expect(first).toBe('2025-10-15 Wed  approved — delivery due 2025-10-16 (1 working day) OVERDUE');
  });
});

describe('a deadline that keeps running', () => {
  it('is explained once and then shown as still due', () => {
    const notice = { step: 'public_notice', limit: 10, unit: 'working_days', startedOn: '2025-10-24', dueDate: '2025-11-07', basis: '第十二条' };
    const lines = timelineLines(
      eventEntries([
        event({ at: '2025-10-24T15:00:00+08:00', from: 'under_review', to: 'in_public_notice', deadline: notice }),
        event({ at: '2025-10-28T10:00:00+08:00', type: 'objection_filed', from: 'in_public_notice', to: 'objection_review', actor: { role: 'interested_party' }, deadline: notice }),
      ]),
      calendar,
      plain,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('2025-10-28 Tue  objection filed: in_public_notice → objection_review (interested_party) — public notice still due 2025-11-07');
  });
});
