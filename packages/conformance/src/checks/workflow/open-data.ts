import { describeResponse } from '../../http/response.js';
import { expectedDeadline, justAfter, workingDaysAfter } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { Check } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { createObject, validBody } from '../fixtures.js';
import { expectStatus, listItems } from '../requests.js';
import { act, ACTIONS } from './officials.js';
import { followDistributions } from './open-data-links.js';
import { apply, applyAndPass, approvedGrant, inXiamen, passInitialReview, readApplication } from './open-data-steps.js';
import { eventTypes, expectDeadline, expectState, sandboxToday } from './sandbox.js';

const L = LIMITS.xiamen.openData;
const check = workflowCheck('open-data');

/**
 * Open-data workflow checks (依申请开放, Xiamen profile): the 3 WD initial review from the
 * application day, then a second, separate 7 WD clock from the day the initial review passed; an
 * overdue initial review is flagged, never passed; a rejection's reasons are published without
 * the applicant; an approved application's grant takes usage reports; every distribution a
 * dataset lists can be followed.
 *
 * @example
 * ```ts
 * openDataChecks.map((c) => c.id); // ['ODP-INIT-01', 'ODP-INIT-02', …]
 * ```
 */
export const openDataChecks: Check[] = [
  check('ODP-INIT-01', 'initial review is due 3 WD after the application day', L.initialReview.basis, async (ctx) => {
    await inXiamen(ctx, async (sbx) => {
      const id = await apply(ctx, sbx);
      const object = await readApplication(ctx, sbx, id);
      expectState(ctx, object, 'initial_review', 'after the application');
      expectDeadline(ctx, object, L.initialReview, expectedDeadline(await sandboxToday(ctx, sbx), L.initialReview), false);
    });
  }),
  check('ODP-INIT-02', 'substantive review runs its own 7 WD clock from the day the initial review passed', `${L.substantiveReview.basis} (two sequential clocks, never 10 WD up front)`, async (ctx) => {
    await inXiamen(ctx, async (sbx) => {
      const id = await apply(ctx, sbx);
      const passedOn = workingDaysAfter(await sandboxToday(ctx, sbx), 2);
      await sbx.advance({ to: `${passedOn}T15:00:00+08:00` });
      await passInitialReview(ctx, sbx, id);
      const object = await readApplication(ctx, sbx, id);
      expectState(ctx, object, 'substantive_review', 'after the initial review passed');
      expectDeadline(ctx, object, L.substantiveReview, expectedDeadline(passedOn, L.substantiveReview), false);
    });
  }),
  check('ODP-INIT-03', 'an initial review past 3 WD is overdue, recorded, and never passed by the clock', `${L.initialReview.basis}; shared/domain/open-data.md (overdue steps are flagged, never approved)`, async (ctx) => {
    await inXiamen(ctx, async (sbx) => {
      const id = await apply(ctx, sbx);
      const due = expectedDeadline(await sandboxToday(ctx, sbx), L.initialReview);
      await sbx.advance({ to: justAfter(due) });
      const object = await readApplication(ctx, sbx, id);
      expectState(ctx, object, 'initial_review', 'after the initial-review limit');
      expectDeadline(ctx, object, L.initialReview, due, true);
      ctx.expect.that(eventTypes(object).includes('deadline_overdue'), 'a deadline_overdue event is recorded', 'deadline_overdue', eventTypes(object));
    });
  }),
  check('ODP-REJECT-01', "a rejection's written reasons are published on the platform, without the applicant's identity", '厦门市公共数据共享开放管理暂行办法 第二十三条 (不同意开放的应当在公共数据资源平台上说明理由)', async (ctx) => {
    await inXiamen(ctx, async (sbx) => {
      const id = await applyAndPass(ctx, sbx);
      const reasons = [{ text: `conformance: 申请场景不在允许清单内 ${ctx.random.string(6)}` }];
      const rejected = await act(sbx, 'open-data', 'application', id, ACTIONS.reject, { reasons });
      expectStatus(ctx, rejected, 200, 'the authority rejects with reasons');
      expectState(ctx, await readApplication(ctx, sbx, id), 'rejected', 'after the rejection');
      const list = await sbx.http(1).request('GET', 'open-data', '/rejections', { sign: false, query: { limit: 200 } });
      const published = listItems(list).find((r) => r.applicationId === id);
      ctx.expect.that(published !== undefined, 'the rejection is published (public, unsigned)', `an item for ${id}`, describeResponse(list));
      ctx.expect.equal(published?.reasons, reasons, 'the published reasons are the written ones');
      const applicant = sbx.organizations[0]?.creditCode ?? '';
      ctx.expect.that(!JSON.stringify(published).includes(applicant), 'the publication does not name the applicant', `no ${applicant}`, published);
    });
  }),
  check('ODP-USAGE-01', "an approved application's grant takes usage reports and lists them", '厦门市公共数据共享开放管理暂行办法 第二十四条(二) (usage feedback: usage reports); shared/domain/open-data.md §After approval', async (ctx) => {
    await inXiamen(ctx, async (sbx) => {
      // Usage reports are due only under a usage-feedback condition (第二十四条(二)); without one
      // the platform rightly answers 409 NO_REPORTS_DUE, so the dataset must have it whatever the seed.
      const { grantId, issuedOn } = await approvedGrant(ctx, sbx, 'usage_feedback');
      const reports = `/grants/${encodeURIComponent(grantId)}/usage-reports`;
      // The period reported on lies within the grant's validity, which starts on the day it is issued.
      const body = validBody(ctx, 'open-data', 'post', '/grants/{grantId}/usage-reports', { period: { from: issuedOn, to: issuedOn } }, sbx.organizations[0]?.creditCode);
      const { id: reportId } = await createObject(ctx, sbx.http(0), 'open-data', reports, body);
      const listed = await sbx.http(0).request('GET', 'open-data', reports);
      const ids = listItems(listed).map((r) => r.id);
      ctx.expect.that(ids.includes(reportId), 'the grant lists the report', `a list with ${reportId}`, ids);
      const other = await sbx.http(1).request('GET', 'open-data', reports);
      ctx.expect.equal(other.status, 404, "another organisation cannot read the grant's reports");
    });
  }),
  check('ODP-LINK-01', "every distribution a dataset lists can be followed on the platform: an open dataset's unsigned, an on-application dataset's only signed with a live grant", 'shared/domain/open-data.md §Opening types (open: free, no conditions, 第二十三条 普遍开放的数据无条件免费提供; on_application: needs an approved application)', async (ctx) => {
    await inXiamen(ctx, (sbx) => followDistributions(ctx, sbx));
  }),
];
