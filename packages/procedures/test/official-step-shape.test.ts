import { describe, expect, it } from 'vitest';
import { officialStep, type OfficialStep } from '../src/index.js';

/** Steps of several machines and phases (acceptance, review, coding, answers, a reviewer's). */
const asked: [string, string, Record<string, unknown>?][] = [
  ['registration.application.initial', 'submitted'],
  ['registration.application.change', 'under_review'],
  ['registration.application.initial', 'objection_review'],
  ['registration.application.initial', 'in_public_notice', { noticeClosed: true }],
  ['sharing.request', 'approved'],
  ['sharing.data-objection', 'submitted'],
  ['open-data.demand', 'submitted'],
  ['authorized-operation.data-access', 'submitted'],
  ['authorized-operation.data-access', 'submitted', { reviewer: 'org_primary' }],
];

function step(machine: string, state: string, data?: Record<string, unknown>): OfficialStep {
  const found = officialStep(machine, state, data);
  if (found === undefined) throw new Error(`no official step for ${machine} ${state}`);
  return found;
}

describe('officialStep: one shape, shared', () => {
  it('answers every step with the same fields in the same order (one shape for the planning code)', () => {
    const keys = asked.map(([m, s, d]) => Object.keys(step(m, s, d)).join(','));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe('role,accept,supplement,reject,explainWhenLate,answer,rejectWithItems,atOnce,periodEnded,reasons,answers');
  });

  it('shares one frozen step per state, and per reviewer for a reviewed data access', () => {
    for (const [m, s, d] of asked) {
      expect(step(m, s, d)).toBe(step(m, s, d));
      expect(Object.isFrozen(step(m, s, d))).toBe(true);
    }
    const reviewed = step('authorized-operation.data-access', 'submitted', { reviewer: 'org_primary' });
    expect(reviewed.role).toBe('org_primary');
    expect(step('authorized-operation.data-access', 'submitted').role).toBe('data_authority');
    expect(step('authorized-operation.data-access', 'submitted', { reviewer: 'org_other' }).role).toBe('org_other');
    expect({ ...reviewed, role: 'data_authority' }).toEqual(step('authorized-operation.data-access', 'submitted'));
  });

  it('keeps the absent parts of a step absent in meaning (undefined)', () => {
    const coding = step('registration.application.initial', 'in_public_notice', { noticeClosed: true });
    expect(coding).toMatchObject({ role: 'registry', accept: 'issue_code', atOnce: true });
    expect(coding.supplement).toBeUndefined();
    expect(officialStep('registration.application.initial', 'in_public_notice')).toBeUndefined();
    expect(officialStep('registration.application.initial', 'in_public_notice', { noticeClosed: false })).toBeUndefined();
  });
});
