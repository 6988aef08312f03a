import type { Deadline } from '@gdx/kernel';
import { describe, expect, it } from 'vitest';
import type { ObjectDuty } from '../workflow-objects.js';
import { nextDueAt, objectOverdue } from './object-due.js';

const NOW = Date.parse('2025-10-31T09:00:00+08:00');

function deadline(step: string, dueDate: string, dueAt: string): Deadline {
  return { step, limit: 10, unit: 'working_days', startTrigger: 'test', startedOn: '2025-10-01', dueDate, dueAt, overdue: false, basis: 'test' };
}

function duty(name: string, dueAt: string, options: { metAt?: string; estimate?: boolean } = {}): ObjectDuty {
  return { duty: name, label: { zh: name, en: name }, deadline: { ...deadline(name, dueAt.slice(0, 10), dueAt), estimate: options.estimate ?? false }, metAt: options.metAt ?? null, lastMet: null, eventTypes: [] };
}

describe('an object\'s overdue and nextDueAt with its duties', () => {
  const step = deadline('review', '2025-11-20', '2025-11-21T00:00:00+08:00');

  it('is overdue past an unmet duty\'s end, not past a met or estimated one', () => {
    expect(objectOverdue(false, step, [duty('disclosure', '2025-10-31T00:00:00+08:00')], NOW)).toBe(true);
    expect(objectOverdue(false, step, [duty('ceiling_report', '2025-10-17T00:00:00+08:00', { metAt: '2025-10-16T10:00:00+08:00' })], NOW)).toBe(false);
    expect(objectOverdue(false, step, [duty('disclosure', '2025-10-31T00:00:00+08:00', { estimate: true })], NOW)).toBe(false);
    expect(objectOverdue(false, step, [], NOW)).toBe(false);
  });

  it('is due at the earliest end of the running step and the duties not met yet', () => {
    const met = duty('ceiling_report', '2025-10-17T00:00:00+08:00', { metAt: '2025-10-16T10:00:00+08:00' });
    expect(nextDueAt(false, step, [met, duty('disclosure', '2025-11-08T00:00:00+08:00')])).toBe('2025-11-08T00:00:00+08:00');
    expect(nextDueAt(false, step, [met])).toBe('2025-11-21T00:00:00+08:00');
    // A terminal object's step runs no more; a duty the platform still answers does.
    expect(nextDueAt(true, step, [duty('ceiling_report', '2025-12-01T00:00:00+08:00')])).toBe('2025-12-01T00:00:00+08:00');
    expect(nextDueAt(true, step, [])).toBeNull();
  });
});
