import { AuthorizedOperationClient, type AnnualReport, type Authorization, type Plan, type Pricing, type Product, type Selection } from '@gdx/authorized-operation';
import { connectMock, eventEntries, openSandbox, type DemoSandbox, type TimelineEntry } from '@gdx/example-demo';
import { credentialsOf, type SeededOrganization } from '@gdx/simulation';
import { cityAgreement, cityPlan, heatMapProduct, PLANNED_SERVICES, type CatalogEntryRef, type Term } from './city-forms.js';

/**
 * Where the story starts: Friday 2025-09-26, 09:00 in Xiamen, the week before the National Day holiday.
 *
 * @example
 * ```ts
 * (await runOperationStory()).submittedPlan.updatedAt === STORY_START; // true
 * ```
 */
export const STORY_START = '2025-09-26T09:00:00+08:00';

/** The agreed term: signed Monday 2025-11-03, three years. */
export const TERM: Term = { from: '2025-11-03', to: '2028-11-02' };

/** 65号 三(一), the domain file's example: C = 8,000,000 元, yield 2.00 %, r = 8 %, T = 300,000 元 → MAR 8,940,000 元. */
export const MAR_INPUTS = { costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000 } as const;

/** Where the implementing body publishes its disclosures (27号 第十八条 定期向社会披露). */
export const DISCLOSURE_CHANNEL = 'https://data.xm.gov.cn/sqyy/gk';

/** The ceiling: 500 元 per service, so 500 元 × 17,880 planned services = 8,940,000 元 = MAR. */
export const CEILING_FEN = 50_000;
/** The operator's fee: 450 元 per service, under the ceiling. */
export const ACTUAL_FEN = 45_000;
/** A fee the operator tries first, above the ceiling (refused with `FEE_ABOVE_CEILING`). */
export const TOO_HIGH_FEN = 52_000;
/** 2026 revenue: 22,000 services × 450 元 = 9,900,000 元, 10.74 % above MAR. */
export const REVENUE_2026_FEN = 990_000_000;
/** After the deviation the grantor lowers the ceiling to 460 元 (460 元 × 19,434 services ≤ MAR). */
export const ADJUSTED_CEILING_FEN = 46_000;
export const ADJUSTED_VOLUME = 19_434;

/** What the story ends with, every value as the platform answered it. */
export interface OperationStoryResult {
  sandboxId: string;
  entry: CatalogEntryRef;
  /** The plan under deliberation (30 WD by choice), then approved. */
  submittedPlan: Plan;
  approvedPlan: Plan;
  /** The selection in agreement deliberation, then signed. */
  deliberating: Selection;
  signed: Selection;
  authorization: Authorization;
  /** The authorization once the implementing body disclosed it (27号 第十八条), and again a year on. */
  disclosed: Authorization;
  disclosedAgain: Authorization;
  /** The product in compliance review, listed (registration due), and with its fee. */
  inReview: Product;
  listed: Product;
  registered: Product;
  /** The fee above the ceiling: the platform's problem code. */
  refusedFee: string;
  charging: Product;
  /** The pricing once the ceiling was set (trial fees), and at the end (formal, ceiling adjusted). */
  pricingSet: Pricing;
  /** The pricing once the grantor reported the ceiling in writing (65号 二). */
  ceilingReported: Pricing;
  report: AnnualReport;
  pricingEnd: Pricing;
  adjusted: Product;
  timeline: TimelineEntry[];
}

/** Options of {@link runOperationStory}. */
export interface OperationStoryOptions {
  /** Narration of each step as it happens (default: silent). */
  print?: (line: string) => void;
  /** Origin of a running mock (`gdx-mock`, e.g. `http://127.0.0.1:4010`) to talk to over HTTP; default: a fresh mock in-process. */
  mockUrl?: string;
}

/** An official's action of the simulation contract (`OfficialAction`), on this platform. */
type Act = Parameters<DemoSandbox['sim']['officials']['act']>[1];
type OfficialAction = Act extends infer A ? (A extends { platform: string } ? Omit<A, 'platform'> : never) : never;

const yuan = (fen: number) => `${(fen / 100).toLocaleString('en-US')} 元`;

/** A published catalog entry of the transport bureau or the bus group (the story's data), else the first one. */
async function busEntry(s: DemoSandbox): Promise<CatalogEntryRef> {
  for (const q of ['公交', '交通', undefined]) {
    const page = await s.catalog().search.queryPage(q === undefined ? { limit: 1 } : { q, limit: 1 });
    const hit = page.items[0];
    if (hit) return { id: hit.id, name: hit.name };
  }
  throw new Error('the sandbox catalog has no published entry (目录中没有已发布的资源)');
}

/**
 * A city (Xiamen profile) authorizes an operator by scenario under 发改数据规〔2025〕27号 and prices
 * its product under 发改价格〔2025〕65号: the implementing body's plan is deliberated (30 WD by
 * choice) and approved, the city government designates the operator (一级开发主体), the agreement is
 * deliberated and signed for three years; the operator lists a chargeable product after its
 * compliance review, registers it on the registration platform within 20 WD of listing (27号
 * 第十六条) and charges within the ceiling the grantor set under MAR = C + C × r + T; the grantor
 * (授权主体) reports on the operator's 2026 by 2027-03-31 (65号 五), and — its revenue 10.74 % above
 * MAR — adjusts the ceiling, while fees turn formal on its written application after the first
 * complete operating year (65号 二). The implementing body, the operator and the grantor's report
 * and application use `@gdx/authorized-operation` (and `@gdx/registration`) over the mock's
 * in-process `fetch` (or HTTP, with `mockUrl`); the grantor's other decisions, the data authority
 * and the price authority act through the simulation API.
 *
 * @example
 * ```ts
 * const r = await runOperationStory({ print: console.log });
 * r.report.deviation?.decision; // 'grantor_adjusts_ceiling'
 * ```
 */
export async function runOperationStory(options: OperationStoryOptions = {}): Promise<OperationStoryResult> {
  const print = options.print ?? (() => {});
  const connection = connectMock(options.mockUrl);
  try {
    const s = await openSandbox(connection, { profile: 'xiamen', startAt: STORY_START, seed: 2025, reviewerPolicy: { mode: 'manual' } });
    const baseUrl = s.sandbox.platforms['authorized-operation'];
    const transport = connection.fetch ? { fetch: connection.fetch } : {};
    const clientOf = (org: SeededOrganization) => new AuthorizedOperationClient({ baseUrl, ...transport, credentials: credentialsOf(org) });
    const implementingBody = s.organisation('implementing_body');
    const operatorOrg = s.organisation('operator');
    const city = clientOf(implementingBody);
    const operator = clientOf(operatorOrg);
    // The 授权主体 (the 大数据管理局 here) files the yearly report on the operator's business (65号 五)
    // and applies in writing for formal fees (65号 二).
    const grantor = clientOf(s.organisation('grantor'));
    const act = (a: OfficialAction) => s.sim.officials.act(s.sandbox.id, { platform: 'authorized-operation', ...a });
    const step = async (at: string, text: string) => {
      await s.advanceTo(at);
      print(`▸ ${at.slice(0, 16).replace('T', ' ')}  ${text}`);
    };
    const due = (what: string, d: { dueDate: string; limit: number; unit: string } | null | undefined) =>
      print(`   ${what} due ${d?.dueDate ?? '—'} (${d?.limit ?? '?'} ${d?.unit.replace('_', ' ') ?? ''})`);

    // 1. The plan (27号 第八–十一条).
    const entry = await busEntry(s);
    print(`▸ ${STORY_START.slice(0, 16).replace('T', ' ')}  ${implementingBody.name} drafts a plan authorizing by scenario over “${entry.name}” and submits it`);
    const draft = await city.plans.create(cityPlan(entry, TERM));
    const submittedPlan = await city.plans.submit(draft.id, { note: '报请市政府常务会议审议。' });
    due('三重一大 deliberation', submittedPlan.deadline);
    await step('2025-10-20T10:00:00+08:00', 'the city government approves the plan (三重一大)');
    await act({ objectType: 'plan', objectId: draft.id, action: 'approve_plan' });
    const approvedPlan = await city.plans.get(draft.id);
    due('filing with the provincial data authority', approvedPlan.deadline);
    await step('2025-10-22T10:00:00+08:00', 'the provincial data authority records the filing (备案)');
    await act({ objectType: 'plan', objectId: draft.id, action: 'file_plan' });

    // 2. The operator and the agreement (27号 第十二–十四条; 厦门办法: designation).
    await step('2025-10-27T10:00:00+08:00', `the city government designates ${operatorOrg.name} (一级开发主体); the agreement goes to deliberation`);
    const selection = await city.selections.create({ planId: draft.id, method: 'designation' });
    await act({ objectType: 'selection', objectId: selection.id, action: 'designate', operatorId: operatorOrg.id });
    // The simulation contract declares `agreement` as an object without properties (the platform
    // checks it against the authorized-operation `Agreement`), which openapi-typescript types as
    // Record<string, never>: the agreement goes through that gap.
    const agreement = cityAgreement(entry, TERM) as unknown as Record<string, never>;
    await act({ objectType: 'selection', objectId: selection.id, action: 'deliberate_agreement', agreement });
    const deliberating = await city.selections.get(selection.id);
    due('agreement deliberation', deliberating.deadline);
    await step(`${TERM.from}T10:00:00+08:00`, `the implementing body signs the agreement for ${TERM.from} … ${TERM.to}`);
    await act({ objectType: 'selection', objectId: selection.id, action: 'sign' });
    const justSigned = await city.selections.get(selection.id);
    due('agreement filing', justSigned.deadline);
    await step('2025-11-07T10:00:00+08:00', 'the provincial data authority records the agreement (备案)');
    await act({ objectType: 'selection', objectId: selection.id, action: 'file_agreement' });
    const signed = await city.selections.get(selection.id);
    if (!signed.authorizationId) throw new Error(`the selection is ${signed.state} without an authorization (签订协议后应启动授权运营)`);
    const authorization = await operator.authorizations.get(signed.authorizationId);
    print(`   authorization ${authorization.id} ${authorization.state}, term check ${authorization.termCheck.outcome} (cap ${authorization.termCheck.capEndsOn}), fees ${authorization.feeStatus}`);
    // 27号 第十八条: the implementing body discloses 授权对象、内容、范围和时限, 20 WD from signing (choice), then yearly.
    print(`   disclosure of the authorization due ${authorization.disclosure?.dueDate} (${authorization.disclosure?.limit} working days from signing)`);
    await step('2025-11-07T11:00:00+08:00', 'the implementing body discloses the authorization on the city portal (授权对象、内容、范围和时限)');
    const disclosed = await city.authorizations.disclose(authorization.id, { channel: DISCLOSURE_CHANNEL });
    print(`   disclosed on time: ${disclosed.disclosure?.lastLate ? 'no' : 'yes'}; next disclosure due ${disclosed.disclosure?.dueDate} (yearly)`);

    // 3. The product: compliance review, listing, registration (27号 第十四条(三)、第十六条).
    await step('2025-11-10T10:00:00+08:00', `${operatorOrg.name} drafts “客流热力图 API” (industry, per service) and submits it for compliance review`);
    const product = await operator.products.create(heatMapProduct(authorization.id, entry.id));
    const inReview = await operator.products.submit(product.id, { note: '附安全与合规自评估。' });
    due('compliance review', inReview.deadline);
    await step('2025-11-14T10:00:00+08:00', 'the data authority passes the compliance review: the product is listed');
    await act({ objectType: 'product', objectId: product.id, action: 'pass_compliance_review' });
    const listed = await operator.products.get(product.id);
    print(`   registration on the registration platform due ${listed.registration?.dueDate} (${listed.registration?.limit} working days from listing)`);
    await step('2025-11-20T10:00:00+08:00', 'the operator files the product with the registration platform (首次登记)');
    await s.registration(operatorOrg).applications.submit({
      type: 'initial',
      registrants: [{ creditCode: operatorOrg.creditCode, name: operatorOrg.name }],
      resource: { name: `${listed.content.name}（数据产品）`, summary: listed.content.summary },
      // The registration platform meets the product's duty by this entry (the name and the operator as registrant).
      products: [{ name: listed.content.name, description: listed.content.summary }],
      legalSource: { description: `依据授权运营协议（${authorization.id}）加工形成的数据产品。` },
      evidence: { description: '产品说明、样例与处理日志已存证。' },
      riskAssessment: { summary: '输出统计结果，不含个人信息，风险等级低。' },
    });
    const registered = await operator.products.get(product.id);
    print(`   registration filed ${registered.registration?.registeredOn ?? '—'}: late ${registered.registration?.late ? 'yes' : 'no'}, overdue ${registered.registration?.overdue ? 'yes' : 'no'}`);

    // 4. Prices (65号 二、三): MAR, the ceiling within it, the fee within the ceiling.
    await step('2026-01-05T10:00:00+08:00', `the price authority sets 2026's MAR inputs; the grantor sets the ceiling at ${yuan(CEILING_FEN)} per service`);
    await act({ objectType: 'authorization', objectId: authorization.id, action: 'set_mar', year: 2026, ...MAR_INPUTS });
    await act({ objectType: 'authorization', objectId: authorization.id, action: 'set_ceiling', productId: product.id, ceilingFen: CEILING_FEN, plannedVolume: PLANNED_SERVICES });
    // 65号 二: the grantor reports the ceiling in writing to 发展改革 and the data authority (choice: within 10 WD).
    print(`   ceiling report to the price and data authorities due ${(await grantor.pricing.get(authorization.id)).ceilingReport?.dueDate} (10 working days)`);
    const ceilingReported = await grantor.pricing.reportCeilings(authorization.id, { summary: `客流热力图 API 上限收费标准 ${yuan(CEILING_FEN)}/次，已书面报告市发展改革委、市数据局。` });
    print(`   the grantor reports the ceiling in writing: late ${ceilingReported.ceilingReport?.late ? 'yes' : 'no'}`);
    const pricingSet = await operator.pricing.get(authorization.id);
    print(`   MAR 2026 ${yuan(pricingSet.years[0]?.marFen ?? 0)} = C + C × r + T; ceiling load ${yuan(pricingSet.ceilingLoadFen)}; fees ${pricingSet.feeStatus}`);
    let refusedFee = '';
    try {
      await operator.products.setFee(product.id, { actualFen: TOO_HIGH_FEN, effectiveFrom: '2026-01-06', displayed: true });
    } catch (error) {
      refusedFee = (error as { code?: string }).code ?? String(error);
    }
    print(`   a fee of ${yuan(TOO_HIGH_FEN)} is refused: ${refusedFee}`);
    const charging = await operator.products.setFee(product.id, { actualFen: ACTUAL_FEN, effectiveFrom: '2026-01-06', displayed: true });
    print(`   the operator charges ${yuan(ACTUAL_FEN)} per service from 2026-01-06, displayed to enterprises`);

    // 5. The grantor's annual report and the yearly deviation (65号 四、五), trial → formal (65号 二).
    await step('2026-11-02T10:00:00+08:00', 'the implementing body discloses the authorization again (the yearly repeat)');
    const disclosedAgain = await city.authorizations.disclose(authorization.id, { channel: DISCLOSURE_CHANNEL });
    print(`   next disclosure due ${disclosedAgain.disclosure?.dueDate}; overdue ${disclosedAgain.disclosure?.overdue ? 'yes' : 'no'}`);
    await step('2027-03-15T10:00:00+08:00', `the grantor reports on the operator's 2026 (due 2027-03-31): revenue ${yuan(REVENUE_2026_FEN)} and applies for formal fees`);
    const report = await grantor.annualReports.submit(authorization.id, {
      year: 2026,
      status: '全年服务企业 186 家，无数据安全事件。',
      costs: { totalFen: 830_000_000, subsidiesFen: 30_000_000 },
      revenueFen: REVENUE_2026_FEN,
      profitFen: 160_000_000,
      products: [{ productId: product.id, salesVolume: REVENUE_2026_FEN / ACTUAL_FEN, revenueFen: REVENUE_2026_FEN }],
      feeChanges: '无。',
    });
    const d = report.deviation;
    print(`   deviation ${d ? `${(d.deviationBasisPoints / 100).toFixed(2)} %` : '—'} of MAR → ${d?.decision ?? '—'}`);
    await grantor.pricing.applyFormal(authorization.id, { note: '已运营满一个完整年度，申请转为正式收费，随附 2026 年度报告。', annualReportYear: 2026 });
    await step('2027-03-22T10:00:00+08:00', `the grantor lowers the ceiling to ${yuan(ADJUSTED_CEILING_FEN)}; the price authority approves formal fees`);
    await act({ objectType: 'authorization', objectId: authorization.id, action: 'set_mar', year: 2027, ...MAR_INPUTS });
    await act({ objectType: 'authorization', objectId: authorization.id, action: 'set_ceiling', productId: product.id, ceilingFen: ADJUSTED_CEILING_FEN, plannedVolume: ADJUSTED_VOLUME });
    await act({ objectType: 'authorization', objectId: authorization.id, action: 'approve_formal_fees' });
    const pricingEnd = await operator.pricing.get(authorization.id);
    const adjusted = await operator.products.get(product.id);
    print(`   fees ${pricingEnd.feeStatus}; the ceiling ${yuan(adjusted.fee?.ceilingFen ?? 0)}, the fee ${yuan(adjusted.fee?.actualFen ?? 0)} still within it`);

    const finalAuthorization = await operator.authorizations.get(authorization.id);
    const timeline: TimelineEntry[] = [
      ...eventEntries((await city.plans.get(draft.id)).events),
      ...eventEntries(signed.events),
      ...eventEntries(adjusted.events),
      { at: report.submittedAt, text: `annual report on 2026 filed by the ${report.filedBy.role} (due ${report.dueDate}); deviation ${d?.deviationBasisPoints ?? '?'} bp → ${d?.decision ?? '—'}` },
    ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return {
      sandboxId: s.sandbox.id, entry, submittedPlan, approvedPlan, deliberating, signed, authorization: finalAuthorization, disclosed, disclosedAgain, inReview, listed, registered,
      refusedFee, charging, pricingSet, ceilingReported, report, pricingEnd, adjusted, timeline,
    };
  } finally {
    await connection.close();
  }
}
