import { isRecord } from '../../http/response.js';
import { expectedDeadline, justAfter } from '../../rules/deadlines.js';
import { LIMITS, type ProfileName } from '../../rules/limits.js';
import type { Check } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectFieldRefusal, expectProblem } from '../expect-problem.js';
import { createObject } from '../fixtures.js';
import { expectStatus, expectSuccess, postJson } from '../requests.js';
import { act, ACTIONS } from './officials.js';
import { dataObjectionBody } from './data-objections.js';
import { requestableEntry, sharingRequestBody, START, submitRequest } from './sharing-steps.js';
import { eventTypes, expectDeadline, expectState, readObject, sandboxToday, withSandbox } from './sandbox.js';

const XM_SHARING = '厦门市公共数据共享开放管理暂行办法';
const req = (id: string) => `/requests/${encodeURIComponent(id)}`;

const check = workflowCheck('sharing');

function reviewDeadline(id: string, profile: ProfileName): Check {
  const limit = LIMITS[profile].sharing.review;
  return check(id, `a conditional sharing request is reviewed within ${limit.limit} WD (${profile} profile)`, limit.basis, async (ctx) => {
    await withSandbox(ctx, { profile, startAt: START }, async (sbx) => {
      const { id: requestId, target } = await submitRequest(ctx, sbx, 'conditional');
      const object = await readObject(ctx, sbx, 'sharing', req(requestId), target.requester);
      expectState(ctx, object, 'under_review', 'a conditional request');
      expectDeadline(ctx, object, limit, expectedDeadline(await sandboxToday(ctx, sbx), limit), false);
    });
  });
}

const IM_COMPLIANCE = LIMITS['inner-mongolia'].sharing.complianceReview;

/**
 * Inner Mongolia: a conditional request is in the compliance review (3 WD) first; failing it needs
 * written reasons; once it passes, a day later, the joint review runs 10 WD from that day (its own
 * clock, not the two limits added up).
 */
const compliancePassed = check('SHR-COMPLIANCE-01', 'Inner Mongolia: a conditional request passes the compliance review (3 WD) before the joint review, whose 10 WD run from that day', IM_COMPLIANCE.basis, async (ctx) => {
  const review = LIMITS['inner-mongolia'].sharing.review;
  await withSandbox(ctx, { profile: 'inner-mongolia', startAt: START }, async (sbx) => {
    const { id, target } = await submitRequest(ctx, sbx, 'conditional');
    const object = await readObject(ctx, sbx, 'sharing', req(id), target.requester);
    expectState(ctx, object, 'compliance_review', 'a conditional request (inner-mongolia)');
    expectDeadline(ctx, object, IM_COMPLIANCE, expectedDeadline(await sandboxToday(ctx, sbx), IM_COMPLIANCE), false);
    expectProblem(ctx.expect, await act(sbx, 'sharing', 'request', id, ACTIONS.approve), 409, 'ILLEGAL_TRANSITION', 'approving before the compliance review passed');
    await sbx.advance({ workingDays: 1 });
    expectStatus(ctx, await act(sbx, 'sharing', 'request', id, ACTIONS.passComplianceReview), 200, 'the platform operator passes the compliance review');
    const reviewed = await readObject(ctx, sbx, 'sharing', req(id), target.requester);
    expectState(ctx, reviewed, 'under_review', 'after the compliance review');
    expectDeadline(ctx, reviewed, review, expectedDeadline(await sandboxToday(ctx, sbx), review), false);
  });
});

/** Inner Mongolia: a failed compliance review ends the request, with written reasons the requester reads. */
const complianceFailed = check('SHR-COMPLIANCE-02', 'Inner Mongolia: a failed compliance review needs written reasons and ends the request with them', IM_COMPLIANCE.basis, async (ctx) => {
  await withSandbox(ctx, { profile: 'inner-mongolia', startAt: START }, async (sbx) => {
    const { id, target } = await submitRequest(ctx, sbx, 'conditional');
    const unreasoned = await sbx.act({ platform: 'sharing', objectType: 'request', objectId: id, action: ACTIONS.failComplianceReview });
    expectFieldRefusal(ctx.expect, unreasoned, '/reasons', 'failing the compliance review without reasons');
    expectState(ctx, await readObject(ctx, sbx, 'sharing', req(id), target.requester), 'compliance_review', 'after the refused action');
    expectStatus(ctx, await act(sbx, 'sharing', 'request', id, ACTIONS.failComplianceReview), 200, 'the platform operator fails the compliance review with reasons');
    const object = await readObject(ctx, sbx, 'sharing', req(id), target.requester);
    expectState(ctx, object, 'compliance_rejected', 'after the failed compliance review');
    ctx.expect.that(Array.isArray(object.reasons) && object.reasons.length > 0, 'the failed review carries written reasons', 'reasons: [{ text }]', object.reasons);
    ctx.expect.equal(object.grantId, null, 'no grant after a failed compliance review: grantId');
  });
});

/**
 * Sharing workflow checks: the 有条件共享 review limit per profile (10 WD national, 5 WD Xiamen),
 * Inner Mongolia's compliance review before it (3 WD, then the joint review on its own clock; a
 * failure with written reasons), an overdue review flagged and never approved, unconditional
 * delivery at once, the refusal of a not-shared resource naming its legal basis, the dispute path
 * of a rejection, and the 5 WD answer of a data objection.
 *
 * @example
 * ```ts
 * sharingChecks.map((c) => c.id); // ['SHR-REVIEW-01', 'SHR-REVIEW-02', …]
 * ```
 */
export const sharingChecks: Check[] = [
  reviewDeadline('SHR-REVIEW-01', 'national'),
  reviewDeadline('SHR-REVIEW-02', 'xiamen'),
  compliancePassed,
  complianceFailed,
  check('SHR-REVIEW-03', 'a sharing review past its limit is overdue and not approved', `${LIMITS.xiamen.sharing.review.basis}; shared/domain/sharing.md (overdue review is never auto-approved)`, async (ctx) => {
    const limit = LIMITS.xiamen.sharing.review;
    await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
      const { id, target } = await submitRequest(ctx, sbx, 'conditional');
      const due = expectedDeadline(await sandboxToday(ctx, sbx), limit);
      await sbx.advance({ to: justAfter(due) });
      const object = await readObject(ctx, sbx, 'sharing', req(id), target.requester);
      expectState(ctx, object, 'under_review', 'after the review limit');
      expectDeadline(ctx, object, limit, due, true);
      ctx.expect.that(eventTypes(object).includes('deadline_overdue'), 'a deadline_overdue event is recorded', 'deadline_overdue', eventTypes(object));
    });
  }),
  check('SHR-UNCOND-01', 'an unconditional resource is delivered at once with a grant, still recorded as a request', 'shared/domain/sharing.md §Request procedure (unconditional: granted immediately, no review state)', async (ctx) => {
    await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
      const { id, target } = await submitRequest(ctx, sbx, 'unconditional');
      const object = await readObject(ctx, sbx, 'sharing', req(id), target.requester);
      expectState(ctx, object, 'delivered', 'an unconditional request');
      ctx.expect.equal(object.deadline, null, 'no step is waiting: deadline');
      ctx.expect.that(typeof object.grantId === 'string', 'the request names its grant', 'a grantId', object.grantId);
      const grant = await readObject(ctx, sbx, 'sharing', `/grants/${encodeURIComponent(String(object.grantId))}`, target.requester);
      ctx.expect.that(typeof grant.deliveredAt === 'string', 'the grant records when responsibility passed (deliveredAt)', 'an instant', grant.deliveredAt);
    });
  }),
  check('SHR-NOTSHARED-01', 'a not_shared resource cannot be requested: 422 NOT_SHAREABLE naming the legal basis', `${XM_SHARING} 第十八条 (暂不共享 cites its legal basis); docs/design.md §Errors (NOT_SHAREABLE)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
      const target = await requestableEntry(ctx, sbx, 'not_shared');
      const res = await postJson(ctx, sbx.http(target.requester), 'sharing', '/requests', sharingRequestBody(ctx, sbx, target));
      expectProblem(ctx.expect, res, 422, 'NOT_SHAREABLE', 'requesting a not_shared resource');
      const basis = isRecord(res.body) ? res.body.legalBasis : undefined;
      ctx.expect.that(typeof basis === 'string' && basis.length > 0, 'the refusal names the legal basis', 'a "legalBasis" string', basis);
      const content = isRecord(target.entry.content) && isRecord(target.entry.content.sharing) ? target.entry.content.sharing : {};
      if (typeof content.legalBasis === 'string') ctx.expect.equal(basis, content.legalBasis, 'the basis is the one the catalog entry cites');
    });
  }),
  check('SHR-DISPUTE-01', 'a rejection carries written reasons; the requester disputes it and the authority coordinates', `${XM_SHARING} 第十七条 (书面理由; 异议 → 协调 → 报市人民政府决定)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
      const { id, target } = await submitRequest(ctx, sbx, 'conditional');
      const unreasoned = await sbx.act({ platform: 'sharing', objectType: 'request', objectId: id, action: ACTIONS.reject });
      expectFieldRefusal(ctx.expect, unreasoned, '/reasons', 'a rejection without reasons');
      const rejected = await act(sbx, 'sharing', 'request', id, ACTIONS.reject);
      expectStatus(ctx, rejected, 200, 'the authority rejects with reasons');
      const object = await readObject(ctx, sbx, 'sharing', req(id), target.requester);
      expectState(ctx, object, 'rejected', 'after the rejection');
      ctx.expect.that(Array.isArray(object.reasons) && object.reasons.length > 0, 'the rejection carries written reasons', 'reasons: [{ text }]', object.reasons);
      const dispute = await postJson(ctx, sbx.http(target.requester), 'sharing', `${req(id)}/disputes`, { text: 'conformance: 申请符合限定应用场景' });
      expectSuccess(ctx, dispute, 'the requester disputes the rejection');
      expectState(ctx, await readObject(ctx, sbx, 'sharing', req(id), target.requester), 'disputed', 'after the dispute');
      const coordinate = await act(sbx, 'sharing', 'request', id, ACTIONS.coordinate);
      expectStatus(ctx, coordinate, 200, 'the authority coordinates');
      expectState(ctx, await readObject(ctx, sbx, 'sharing', req(id), target.requester), 'coordinating', 'after coordination starts');
    });
  }),
  check('SHR-OBJECTION-01', 'a data objection is answered within 5 WD', LIMITS.xiamen.sharing.dataObjection.basis, async (ctx) => {
    const limit = LIMITS.xiamen.sharing.dataObjection;
    await withSandbox(ctx, { profile: 'xiamen', startAt: START }, async (sbx) => {
      const target = await requestableEntry(ctx, sbx, 'conditional');
      const body = dataObjectionBody(sbx, target.requester, target.id);
      const { id } = await createObject(ctx, sbx.http(target.requester), 'sharing', '/data-objections', body);
      const object = await readObject(ctx, sbx, 'sharing', `/data-objections/${encodeURIComponent(id)}`, target.requester);
      expectDeadline(ctx, object, limit, expectedDeadline(await sandboxToday(ctx, sbx), limit), false);
    });
  }),
];
