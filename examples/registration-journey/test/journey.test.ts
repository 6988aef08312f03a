import { beforeAll, describe, expect, it } from 'vitest';
import { DISMISSAL_REASON, runRegistrationJourney, SUPPLEMENT_ITEMS, type JourneyResult } from '../src/index.js';

describe('registration journey (national profile)', () => {
  let r: JourneyResult;
  const narration: string[] = [];
  beforeAll(async () => {
    r = await runRegistrationJourney({ print: (line) => narration.push(line) });
  });

  it('the resubmission restarted the 3 WD acceptance clock from its own day (第十条)', () => {
    expect(r.restartedAcceptance).toMatchObject({ step: 'acceptance', limit: 3, startTrigger: 'resubmitted', startedOn: '2025-10-09', dueDate: '2025-10-13' });
    const supplement = r.application.events.find((e) => e.to === 'supplement_required');
    expect(supplement).toMatchObject({ at: '2025-09-29T11:00:00+08:00', from: 'submitted' });
    expect(r.application.supplementItems).toEqual(SUPPLEMENT_ITEMS);
  });

  it('review and notice deadlines were counted from acceptance and from the review decision', () => {
    const review = r.application.events.find((e) => e.to === 'under_review');
    expect(review?.deadline).toMatchObject({ step: 'formal_review', limit: 20, startedOn: '2025-10-10', dueDate: '2025-11-06' });
    const notice = r.application.events.find((e) => e.from === 'under_review' && e.to === 'in_public_notice');
    expect(notice?.deadline).toMatchObject({ step: 'public_notice', limit: 10, startedOn: '2025-10-24', dueDate: '2025-11-07' });
  });

  it('a real-name objection with evidence put the notice under objection; its dismissal kept the original end', () => {
    expect(r.objection).toMatchObject({ state: 'filed', objector: { kind: 'organization', name: '厦门市交通运输局' } });
    expect(r.objection.evidence).toHaveLength(1);
    expect(r.noticeUnderObjection).toMatchObject({ status: 'under_objection', objectionCount: 1, endsOn: '2025-11-07' });
    expect(r.dismissal).toMatchObject({ objectType: 'objection', from: 'filed', to: 'dismissed', event: { reason: DISMISSAL_REASON } });
    const states = r.application.events.filter((e) => e.from !== e.to).map((e) => e.to);
    expect(states).toEqual(['submitted', 'supplement_required', 'submitted', 'under_review', 'in_public_notice', 'objection_review', 'in_public_notice', 'registered']);
  });

  it('ends registered with a code under the unified coding rule, valid 3 years, found by the public lookup', () => {
    expect(r.application).toMatchObject({ state: 'registered', deadline: null });
    expect(r.registration.registrationCode).toMatch(/^DJ\d{16}$/);
    expect(r.application.registrationCode).toBe(r.registration.registrationCode);
    expect(r.registration).toMatchObject({ state: 'registered', codedOn: '2025-11-08', validFrom: '2025-11-08', validUntil: '2028-11-08' });
    expect(r.lookup).toMatchObject({ registrationCode: r.registration.registrationCode, state: 'registered', valid: true, validUntil: '2028-11-08', dataName: '公共交通客流数据产品' });
  });

  it('narrates every step', () => {
    expect(narration).toHaveLength(9);
    expect(narration.join('\n')).toContain('一次性告知');
  });
});
