import { addDays, type IsoDate } from '@gdx/calendar';
import { isRecord } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline, justAfter } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { createObject, validBody } from '../fixtures.js';
import { expectProblem } from '../expect-problem.js';
import { holdsRole, indexWithRole } from '../roles.js';
import { expectStatus, listItems, postJson } from '../requests.js';
import {
  activeAuthorization, AOP, applyForData, approvedPlan, draftPlan, inAopSandbox, publishedScopeItem, readAop, startSelection, submitBid, submittedProduct, type AopCast,
} from './authorized-operation-steps.js';
import { act, ACTIONS, AOP_ACTIONS } from './officials.js';
import { expectDeadline, expectState, sandboxToday, withSandbox } from './sandbox.js';

const check = workflowCheck(AOP);
const DOMAIN = 'shared/domain/authorized-operation.md';

/** A product listed today: submitted, then passed by the data authority's compliance review. Answers its id and listing day. */
async function listedProduct(ctx: CheckContext, sbx: Sandbox, cast: AopCast): Promise<{ id: string; listedOn: IsoDate }> {
  const id = await submittedProduct(ctx, sbx, cast, await activeAuthorization(ctx, sbx, cast, 'national'));
  expectStatus(ctx, await act(sbx, AOP, 'product', id, ACTIONS.passComplianceReview), 200, 'the data authority passes the compliance review');
  return { id, listedOn: await sandboxToday(ctx, sbx) };
}

/** The sandbox's organisation holding the grantor role (授权主体, 65号), or a skip when none does. */
const grantorOf = (ctx: CheckContext, sbx: Sandbox): number => indexWithRole(sbx.organizations, 'grantor') ?? ctx.skip('no organisation of the sandbox holds the grantor role');

/** A valid annual report on `year` with no product lines, as the organisation `org` would send it. */
const reportBody = (ctx: CheckContext, sbx: Sandbox, org: number, year: number) =>
  validBody(ctx, AOP, 'post', '/authorizations/{authorizationId}/annual-reports', { year, products: [] }, sbx.organizations[org]?.creditCode);

const formalFeesPath = (authorizationId: string) => `/authorizations/${encodeURIComponent(authorizationId)}/formal-fee-applications`;
const FORMAL_APPLICATION = { note: 'conformance: 申请转为正式收费' };

const registrationOf = (product: Record<string, unknown>) => (isRecord(product.registration) ? product.registration : {});

/** An authorization pricing's ceiling-report duty (65号 二), `{}` when it shows none. */
const ceilingReportOf = (pricing: Record<string, unknown>) => (isRecord(pricing.ceilingReport) ? pricing.ceilingReport : {});

/** An authorization's disclosure duty (27号 第十八条), `{}` when it shows none. */
const disclosureOf = (authorization: Record<string, unknown>) => (isRecord(authorization.disclosure) ? authorization.disclosure : {});

/** An authorization's operator disclosure duty (27号 第十九条), `{}` when it shows none. */
const operatorDisclosureOf = (authorization: Record<string, unknown>) => (isRecord(authorization.operatorDisclosure) ? authorization.operatorDisclosure : {});

/** An authorization's status-report duty (厦门办法 第二十四条), `{}` when it shows none. */
const statusReportOf = (authorization: Record<string, unknown>) => (isRecord(authorization.statusReport) ? authorization.statusReport : {});

/** The last day 厦门市公共数据开发利用管理暂行办法 was valid (seed 002: 2023-12-28 to 2025-12-27). */
const XIAMEN_RULES_VALID_UNTIL = '2025-12-27';

/** The title of 厦门办法 and the article stating its validity (seed 002, 第二十七条), as a `RULES_EXPIRED` warning cites them. */
const XIAMEN_RULES = { rules: '厦门市公共数据开发利用管理暂行办法', basis: '厦门市公共数据开发利用管理暂行办法 第二十七条' };

/** The `RULES_EXPIRED` warnings of an object: codes with the day, the rules and the article they name. */
const expiredRules = (object: Record<string, unknown>) =>
  (Array.isArray(object.warnings) ? object.warnings : []).filter(isRecord).map((w) => ({ code: w.code, rulesValidUntil: w.rulesValidUntil, rules: w.rules, basis: w.basis, bilingual: isRecord(w.message) && typeof w.message.zh === 'string' && typeof w.message.en === 'string' }));

/**
 * The cross-platform rules (§6) and the stateful pricing duties (§9) of authorized operation:
 * a listed product's registration is due on the registration platform's own 20 WD rule and
 * flagged, never delisted; shared data needs the provider's consent; scope items are published
 * catalog entries; the grantor's annual report is due 03-31; fees stay trial for a complete operating year,
 * then the grantor applies;
 * and objects are isolated between organisations and sandboxes.
 *
 * @example
 * ```ts
 * aopRuleChecks.map((c) => c.id); // ['AOP-XREG-01', …]
 * ```
 */
export const aopRuleChecks: Check[] = [
  check('AOP-XREG-01', "a listed product's registration is due 20 WD after listing; unregistered past it, it is flagged overdue and stays listed", `${LIMITS.national.authorizedOperation.productRegistration.basis}; ${DOMAIN} §6`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const limit = LIMITS.national.authorizedOperation.productRegistration;
      const { id, listedOn } = await listedProduct(ctx, sbx, cast);
      const due = expectedDeadline(listedOn, limit);
      const listed = await readAop(ctx, sbx, `/products/${encodeURIComponent(id)}`, cast.operator);
      expectState(ctx, listed, 'listed', 'after the compliance review');
      expectDeadline(ctx, { deadline: registrationOf(listed) }, limit, due, false);
      ctx.expect.equal(registrationOf(listed).registrationCode, null, 'no registration code before it is registered');
      await sbx.advance({ to: justAfter(due) });
      const late = await readAop(ctx, sbx, `/products/${encodeURIComponent(id)}`, cast.operator);
      expectState(ctx, late, 'listed', 'an unregistered product is not delisted');
      expectDeadline(ctx, { deadline: registrationOf(late) }, limit, due, true);
    });
  }),
  check('AOP-DISCLOSE-01', "the implementing body's disclosure of an authorization is due 20 WD after signing; undisclosed past it the clock flags it overdue, and a disclosure then is flagged late", `${LIMITS.national.authorizedOperation.disclosure.basis}; ${DOMAIN} §8`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const limit = LIMITS.national.authorizedOperation.disclosure;
      const id = await activeAuthorization(ctx, sbx, cast, 'national');
      const path = `/authorizations/${encodeURIComponent(id)}`;
      const due = expectedDeadline(await sandboxToday(ctx, sbx), limit);
      expectDeadline(ctx, { deadline: disclosureOf(await readAop(ctx, sbx, path, cast.implementingBody)) }, limit, due, false);
      await sbx.advance({ to: justAfter(due) });
      expectDeadline(ctx, { deadline: disclosureOf(await readAop(ctx, sbx, path, cast.implementingBody)) }, limit, due, true);
      const body = validBody(ctx, AOP, 'post', '/authorizations/{authorizationId}/disclosures', { channel: 'https://conformance.example/disclosures' }, sbx.organizations[cast.implementingBody]?.creditCode);
      const disclosed = await postJson(ctx, sbx.http(cast.implementingBody), AOP, `${path}/disclosures`, body);
      expectStatus(ctx, disclosed, 200, 'the implementing body records its disclosure');
      const after = disclosureOf(isRecord(disclosed.body) ? disclosed.body : {});
      ctx.expect.equal({ lastLate: after.lastLate, overdue: after.overdue }, { lastLate: true, overdue: false }, 'a disclosure after the period is late and clears the flag');
    });
  }),
  check('AOP-DISCLOSE-02', "the operator's disclosure of its products and use of public data is due half a year after signing; undisclosed past it the clock flags it overdue, and a disclosure then is flagged late", `${LIMITS.national.authorizedOperation.operatorDisclosure.basis}; ${DOMAIN} §8`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const limit = LIMITS.national.authorizedOperation.operatorDisclosure;
      const id = await activeAuthorization(ctx, sbx, cast, 'national');
      const path = `/authorizations/${encodeURIComponent(id)}`;
      const due = expectedDeadline(await sandboxToday(ctx, sbx), limit);
      expectDeadline(ctx, { deadline: operatorDisclosureOf(await readAop(ctx, sbx, path, cast.operator)) }, limit, due, false);
      await sbx.advance({ to: justAfter(due) });
      expectDeadline(ctx, { deadline: operatorDisclosureOf(await readAop(ctx, sbx, path, cast.operator)) }, limit, due, true);
      const body = validBody(ctx, AOP, 'post', '/authorizations/{authorizationId}/operator-disclosures', { channel: 'https://conformance.example/operator-disclosures' }, sbx.organizations[cast.operator]?.creditCode);
      const disclosed = await postJson(ctx, sbx.http(cast.operator), AOP, `${path}/operator-disclosures`, body);
      expectStatus(ctx, disclosed, 200, 'the operator records its disclosure');
      const after = operatorDisclosureOf(isRecord(disclosed.body) ? disclosed.body : {});
      ctx.expect.equal({ lastLate: after.lastLate, overdue: after.overdue }, { lastLate: true, overdue: false }, 'a disclosure after the period is late and clears the flag');
    });
  }),
  check('AOP-STATUS-01', "a Xiamen 一级开发主体's status report to the data authority is due a quarter after signing; unreported past it the clock flags it overdue, and a report then is flagged late", `${LIMITS.xiamen.authorizedOperation.statusReport.basis}; ${DOMAIN} §8`, async (ctx) => {
    await inAopSandbox(ctx, 'xiamen', async (sbx, cast) => {
      const limit = LIMITS.xiamen.authorizedOperation.statusReport;
      const id = await activeAuthorization(ctx, sbx, cast, 'xiamen');
      const path = `/authorizations/${encodeURIComponent(id)}`;
      const due = expectedDeadline(await sandboxToday(ctx, sbx), limit);
      expectDeadline(ctx, { deadline: statusReportOf(await readAop(ctx, sbx, path, cast.operator)) }, limit, due, false);
      await sbx.advance({ to: justAfter(due) });
      expectDeadline(ctx, { deadline: statusReportOf(await readAop(ctx, sbx, path, cast.operator)) }, limit, due, true);
      const body = validBody(ctx, AOP, 'post', '/authorizations/{authorizationId}/status-reports', { summary: '本季度公共数据授权运营情况。' }, sbx.organizations[cast.operator]?.creditCode);
      const reported = await postJson(ctx, sbx.http(cast.operator), AOP, `${path}/status-reports`, body);
      expectStatus(ctx, reported, 200, 'the operator reports on its operation');
      const after = statusReportOf(isRecord(reported.body) ? reported.body : {});
      ctx.expect.equal({ lastLate: after.lastLate, overdue: after.overdue }, { lastLate: true, overdue: false }, 'a report after the period is late and clears the flag');
    });
  }),
  check('AOP-XSHR-01', "data obtained by sharing enters no scope without the provider's consent: 422 CONSENT_REQUIRED", `发改数据规〔2025〕27号 第五条; ${DOMAIN} §6 (Sharing)`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const authorizationId = await activeAuthorization(ctx, sbx, cast, 'national');
      const shared = await publishedScopeItem(ctx, sbx, 'shared');
      expectProblem(ctx.expect, await applyForData(ctx, sbx, cast.operator, authorizationId, [shared]), 422, 'CONSENT_REQUIRED', 'a shared item without a consent grant');
      const list = await sbx.http(cast.operator).request('GET', AOP, '/data-access-requests', { query: { limit: 200 } });
      ctx.expect.equal(listItems(list).length, 0, 'nothing is stored for the refused request');
    });
  }),
  check('AOP-SCOPE-01', "national data access stays within the agreement's scope: a published entry outside it answers 422 OUT_OF_SCOPE, nothing stored", `发改数据规〔2025〕27号 第十四条(一); ${DOMAIN} §10 (data access: agreement scope)`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      // The agreement's scope is the search's first entry; the second is published but not authorized.
      const authorizationId = await activeAuthorization(ctx, sbx, cast, 'national');
      const outside = await publishedScopeItem(ctx, sbx, 'collected', 1);
      expectProblem(ctx.expect, await applyForData(ctx, sbx, cast.operator, authorizationId, [outside]), 422, 'OUT_OF_SCOPE', 'an entry outside the agreement');
      const list = await sbx.http(cast.operator).request('GET', AOP, '/data-access-requests', { query: { limit: 200 } });
      ctx.expect.equal(listItems(list).length, 0, 'nothing is stored for the refused request');
    });
  }),
  check('AOP-XCAT-01', 'a scope item must be a published catalog entry: an unknown entry answers 422 NOT_IN_CATALOG', `发改数据规〔2025〕27号 第九条(五)、第十四条(一); 内政数字〔2024〕101号 第十七条; ${DOMAIN} §6 (Catalog)`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const authorizationId = await activeAuthorization(ctx, sbx, cast, 'national');
      const item = { ...(await publishedScopeItem(ctx, sbx)), entryId: `ent_conformance_${ctx.random.string(10)}` };
      expectProblem(ctx.expect, await applyForData(ctx, sbx, cast.operator, authorizationId, [item]), 422, 'NOT_IN_CATALOG', 'an entry that is not in the catalog');
    });
  }),
  check('AOP-ACCESS-01', "a Xiamen 二级开发主体's data application is reviewed within 5 WD of receipt", LIMITS.xiamen.authorizedOperation.dataAccessReview.basis, async (ctx) => {
    await inAopSandbox(ctx, 'xiamen', async (sbx, cast) => {
      const limit = LIMITS.xiamen.authorizedOperation.dataAccessReview;
      const authorizationId = await activeAuthorization(ctx, sbx, cast, 'xiamen');
      const requester = indexWithRole(sbx.organizations, 'data_user') ?? ctx.skip('no organisation of the sandbox holds the data_user role');
      const res = await applyForData(ctx, sbx, requester, authorizationId, [await publishedScopeItem(ctx, sbx)]);
      expectStatus(ctx, res, 201, 'the 二级开发主体 applies');
      const id = isRecord(res.body) ? String(res.body.id) : '';
      const object = await readAop(ctx, sbx, `/data-access-requests/${encodeURIComponent(id)}`, requester);
      expectState(ctx, object, 'submitted', 'after the application');
      expectDeadline(ctx, object, limit, expectedDeadline(await sandboxToday(ctx, sbx), limit), false);
    });
  }),
  check('AOP-REPORT-01', "the grantor's annual report on a year is due 03-31 of the next (24:00, no holiday roll-over); one filed on 04-01 is accepted and flagged late", '发改价格〔2025〕65号 五 (每年 3 月底前，授权主体…报送); shared/domain/authorized-operation.md §8, ambiguity 7', async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const grantor = grantorOf(ctx, sbx);
      const id = await activeAuthorization(ctx, sbx, cast, 'national');
      const year = Number((await sandboxToday(ctx, sbx)).slice(0, 4));
      await sbx.advance({ to: `${year + 1}-04-01T10:00:00+08:00` });
      const { body: report } = await createObject(ctx, sbx.http(grantor), AOP, `/authorizations/${encodeURIComponent(id)}/annual-reports`, reportBody(ctx, sbx, grantor, year));
      ctx.expect.equal({ dueDate: report.dueDate, late: report.late }, { dueDate: `${year + 1}-03-31`, late: true }, 'a report filed on 04-01 is late');
    });
  }),
  check('AOP-REPORT-02', 'nationally the annual report is the grantor\'s: the operator filing it gets 403 FORBIDDEN naming the grantor role, and nothing is stored', '发改价格〔2025〕65号 五 (授权主体向发展改革部门、数据管理部门报送上一年度运营机构经营情况报告); shared/domain/authorized-operation.md §8', async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const grantor = grantorOf(ctx, sbx);
      const id = await activeAuthorization(ctx, sbx, cast, 'national');
      const year = Number((await sandboxToday(ctx, sbx)).slice(0, 4));
      await sbx.advance({ to: `${year + 1}-01-05T10:00:00+08:00` });
      const path = `/authorizations/${encodeURIComponent(id)}/annual-reports`;
      const refused = await postJson(ctx, sbx.http(cast.operator), AOP, path, reportBody(ctx, sbx, cast.operator, year));
      expectProblem(ctx.expect, refused, 403, 'FORBIDDEN', 'the operator files the annual report');
      ctx.expect.equal(isRecord(refused.body) ? refused.body.requiredRole : undefined, 'grantor', 'the role the refusal names');
      const listed = await sbx.http(grantor).request('GET', AOP, path, { query: { limit: 200 } });
      ctx.expect.equal(listItems(listed).length, 0, 'nothing is stored for the refused report');
    });
  }),
  check('AOP-REPORT-03', "the grantor's written report of a ceiling fee is due 10 WD after the ceiling is set; unreported past it the clock flags it overdue, and the operator filing it gets 403 FORBIDDEN naming the grantor role", `${LIMITS.national.authorizedOperation.ceilingReport.basis}; ${DOMAIN} §8`, async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const grantor = grantorOf(ctx, sbx);
      const limit = LIMITS.national.authorizedOperation.ceilingReport;
      const { id: productId } = await listedProduct(ctx, sbx, cast);
      const authorizationId = String((await readAop(ctx, sbx, `/products/${encodeURIComponent(productId)}`, cast.operator)).authorizationId);
      const today = await sandboxToday(ctx, sbx);
      const mar = { year: Number(today.slice(0, 4)), costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000 };
      expectStatus(ctx, await act(sbx, AOP, 'authorization', authorizationId, AOP_ACTIONS.setMar, mar), 200, "the price authority sets the year's MAR");
      expectStatus(ctx, await act(sbx, AOP, 'authorization', authorizationId, AOP_ACTIONS.setCeiling, { productId, ceilingFen: 50_000, plannedVolume: 1000 }), 200, 'the grantor sets the ceiling');
      const path = `/authorizations/${encodeURIComponent(authorizationId)}`;
      const due = expectedDeadline(today, limit);
      expectDeadline(ctx, { deadline: ceilingReportOf(await readAop(ctx, sbx, `${path}/pricing`, grantor)) }, limit, due, false);
      await sbx.advance({ to: justAfter(due) });
      expectDeadline(ctx, { deadline: ceilingReportOf(await readAop(ctx, sbx, `${path}/pricing`, grantor)) }, limit, due, true);
      const body = validBody(ctx, AOP, 'post', '/authorizations/{authorizationId}/ceiling-reports', { summary: '上限收费标准已书面报告。' }, sbx.organizations[cast.operator]?.creditCode);
      const refused = await postJson(ctx, sbx.http(cast.operator), AOP, `${path}/ceiling-reports`, body);
      expectProblem(ctx.expect, refused, 403, 'FORBIDDEN', 'the operator reports the ceilings');
      ctx.expect.equal(isRecord(refused.body) ? refused.body.requiredRole : undefined, 'grantor', 'the role the refusal names');
    });
  }),
  check('AOP-FORMAL-01', "fees stay trial until a complete operating year: the grantor's earlier formal application answers 422 OPERATING_YEAR_INCOMPLETE", '发改价格〔2025〕65号 二 (已有完整年度运营情况的，授权主体…提出书面申请)', async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const grantor = grantorOf(ctx, sbx);
      const id = await activeAuthorization(ctx, sbx, cast, 'national');
      ctx.expect.equal((await readAop(ctx, sbx, `/authorizations/${encodeURIComponent(id)}`, cast.operator)).feeStatus, 'trial', 'fees start trial');
      const res = await postJson(ctx, sbx.http(grantor), AOP, formalFeesPath(id), FORMAL_APPLICATION);
      expectProblem(ctx.expect, res, 422, 'OPERATING_YEAR_INCOMPLETE', 'a formal application on the day of signing');
    });
  }),
  check('AOP-FORMAL-02', "the formal-fee application is the grantor's: after a complete operating year the operator applying gets 403 FORBIDDEN naming the grantor role, and nothing is stored", '发改价格〔2025〕65号 二 (授权主体应按照价格管理权限提出书面申请)', async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const grantor = grantorOf(ctx, sbx);
      const id = await activeAuthorization(ctx, sbx, cast, 'national');
      const pricingPath = `/authorizations/${encodeURIComponent(id)}/pricing`;
      // The day after the first complete operating year: the role is the one reason left to refuse.
      const { firstCompleteYearEnds } = await readAop(ctx, sbx, pricingPath, grantor);
      await sbx.advance({ to: `${addDays(String(firstCompleteYearEnds) as IsoDate, 1)}T10:00:00+08:00` });
      const refused = await postJson(ctx, sbx.http(cast.operator), AOP, formalFeesPath(id), FORMAL_APPLICATION);
      expectProblem(ctx.expect, refused, 403, 'FORBIDDEN', 'the operator applies for formal fees');
      ctx.expect.equal(isRecord(refused.body) ? refused.body.requiredRole : undefined, 'grantor', 'the role the refusal names');
      ctx.expect.equal((await readAop(ctx, sbx, pricingPath, grantor)).formalApplication, null, 'no application is stored for the refused one');
    });
  }),
  check('AOP-RULES-01', "厦门办法 expired on 2025-12-27 and is kept: a plan drafted on that day has no warning then; from the next day it and a plan drafted then carry RULES_EXPIRED naming the rules and their article", `厦门市公共数据开发利用管理暂行办法 第二十七条 (valid 2023-12-28 to 2025-12-27); ${DOMAIN} ambiguity 11 (keep it with valid_until, warn after it)`, async (ctx) => {
    await inAopSandbox(ctx, 'xiamen', async (sbx, cast) => {
      const earlier = `/plans/${encodeURIComponent(await draftPlan(ctx, sbx, cast))}`;
      ctx.expect.equal(expiredRules(await readAop(ctx, sbx, earlier, cast.implementingBody)), [], `a plan drafted on ${XIAMEN_RULES_VALID_UNTIL}, that day: warnings`);
      await sbx.advance({ to: '2025-12-28T09:00:00+08:00' });
      const expired = [{ code: 'RULES_EXPIRED', rulesValidUntil: XIAMEN_RULES_VALID_UNTIL, ...XIAMEN_RULES, bilingual: true }];
      // Still a draft the day after: it now runs under the lapsed rules, which its implementing body must be told.
      ctx.expect.equal(expiredRules(await readAop(ctx, sbx, earlier, cast.implementingBody)), expired, `a plan drafted on ${XIAMEN_RULES_VALID_UNTIL}, on 2025-12-28: warnings`);
      const after = await readAop(ctx, sbx, `/plans/${encodeURIComponent(await draftPlan(ctx, sbx, cast))}`, cast.implementingBody);
      ctx.expect.equal(expiredRules(after), expired, 'a plan drafted on 2025-12-28: warnings');
    }, '2025-12-27T10:00:00+08:00');
  }),
  check('AOP-ISO-01', "another organisation's draft plan answers 404 and is never listed", 'shared/domain/README.md §Isolation (another organisation\'s object answers 404, not 403)', async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await draftPlan(ctx, sbx, cast);
      const other = cast.operator === cast.implementingBody ? (cast.operator + 1) % sbx.organizations.length : cast.operator;
      const res = await sbx.http(other).request('GET', AOP, `/plans/${encodeURIComponent(id)}`);
      ctx.expect.equal(res.status, 404, "GET another organisation's draft plan");
      const list = await sbx.http(other).request('GET', AOP, '/plans', { query: { limit: 200 } });
      ctx.expect.that(!listItems(list).some((p) => p.id === id), 'the draft is not in their list', `no ${id}`, listItems(list).map((p) => p.id));
    });
  }),
  check('AOP-ISO-02', "a sandbox's authorization is unknown in another sandbox, even to the same role", 'docs/design.md §simulation (a sandbox has its own organisations, objects and clock)', async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const id = await activeAuthorization(ctx, sbx, cast, 'national');
      await withSandbox(ctx, { profile: 'national' }, async (other) => {
        const operator = indexWithRole(other.organizations, 'operator') ?? 0;
        const res = await other.http(operator).request('GET', AOP, `/authorizations/${encodeURIComponent(id)}`);
        ctx.expect.equal(res.status, 404, 'GET the authorization in another sandbox');
      });
    });
  }),
  check('AOP-ISO-03', "bids are confidential: while a tender is open an operator sees its own bid only — not another bidder's, its bid_submitted event, nor a seq gap counting it; the implementing body sees both", '中华人民共和国招标投标法 第二十二条 (不得透露…潜在投标人的名称、数量); 发改数据规〔2025〕27号 第十八条 (only the 授权对象 is disclosed)', async (ctx) => {
    await inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const rival = sbx.organizations.findIndex((o, i) => i !== cast.operator && holdsRole(o, 'operator') === true);
      if (rival < 0) return ctx.skip('the sandbox has a single organisation holding the operator role: there is no other bidder to hide');
      const id = await startSelection(ctx, sbx, cast, await approvedPlan(ctx, sbx, cast), 'open_tender');
      await submitBid(ctx, sbx, cast, id);
      await submitBid(ctx, sbx, { ...cast, operator: rival }, id);
      const seen = async (org: number) => {
        const object = await readAop(ctx, sbx, `/selections/${encodeURIComponent(id)}`, org);
        const log = listItems(await sbx.http(org).request('GET', AOP, `/selections/${encodeURIComponent(id)}/events`, { query: { limit: 200 } }));
        const bidders = (Array.isArray(object.bids) ? object.bids.filter(isRecord) : []).map((b) => (isRecord(b.operator) ? b.operator.creditCode : undefined));
        return { bidders, events: log.map((e) => [e.seq, e.type]) };
      };
      const code = (org: number) => sbx.organizations[org]?.creditCode;
      ctx.expect.equal(await seen(rival), { bidders: [code(rival)], events: [[1, 'state_changed'], [2, 'bid_submitted']] }, "a bidder sees its own bid and event only, numbered without the other's");
      ctx.expect.equal((await seen(cast.operator)).bidders, [code(cast.operator)], 'the first bidder sees its own bid only');
      ctx.expect.equal((await seen(cast.implementingBody)).bidders, [code(cast.operator), code(rival)], 'the implementing body sees every bid');
    });
  }),
];
