import { beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_TEXT, REJECTION_REASONS, runSharingDispute, SCENARIO, type DisputeResult } from '../src/index.js';

describe('sharing dispute (xiamen profile)', () => {
  let r: DisputeResult;
  const narration: string[] = [];
  beforeAll(async () => {
    r = await runSharingDispute({ print: (line) => narration.push(line) });
  });

  it('the conditional request went to a 5 WD joint review', () => {
    const review = r.request.events.find((e) => e.to === 'under_review');
    expect(r.request.sharingType).toBe('conditional');
    expect(review?.deadline).toMatchObject({ step: 'joint_review', limit: 5, unit: 'working_days', startedOn: '2025-09-29', dueDate: '2025-10-13' });
  });

  it('was rejected with written reasons, then disputed by the requester', () => {
    expect(r.rejected).toMatchObject({ state: 'rejected', reasons: REJECTION_REASONS, grantId: null, deadline: null });
    const rejection = r.request.events.find((e) => e.to === 'rejected');
    expect(rejection).toMatchObject({ at: '2025-10-10T16:00:00+08:00', actor: { role: 'data_authority' }, reason: REJECTION_REASONS[0] });
    expect(r.disputed.state).toBe('disputed');
    expect(r.request.events.find((e) => e.to === 'disputed')).toMatchObject({ actor: { role: 'data_user' }, reason: { text: DISPUTE_TEXT } });
  });

  it('went through coordination to approval and delivery', () => {
    const moves = r.request.events.filter((e) => e.from !== e.to).map((e) => e.to);
    expect(moves).toEqual(['submitted', 'under_review', 'rejected', 'disputed', 'coordinating', 'approved', 'delivered']);
    const approved = r.request.events.find((e) => e.to === 'approved');
    expect(approved?.deadline).toMatchObject({ step: 'delivery', limit: 1, startedOn: '2025-10-17', dueDate: '2025-10-20' });
    expect(r.request).toMatchObject({ state: 'delivered', grantId: r.grant.id });
  });

  it('granted access bound to the declared scenario, purpose and fields, to the requester only', () => {
    const submission = r.request.submission;
    expect(r.grant).toMatchObject({
      state: 'active',
      requestId: r.request.id,
      entryId: r.resource.entryId,
      grantee: r.request.requester,
      provider: r.resource.provider,
      deliveryMethod: submission.deliveryMethod,
      endpoint: 'https://data.xm.gov.cn/share/api/v1/dibao-check',
      validUntil: '2026-09-30',
      scope: { scenario: SCENARIO, purpose: submission.purpose, fields: submission.fields },
    });
    expect(r.grant.deliveredAt).toBe('2025-10-20T10:00:00+08:00');
    expect(r.request.requester.name).toBe('厦门市民政局');
  });

  it('narrates every step', () => {
    expect(narration).toHaveLength(6);
  });
});
