import { beforeAll, describe, expect, it } from 'vitest';
import { ACTUAL_FEN, ADJUSTED_CEILING_FEN, CEILING_FEN, REVENUE_2026_FEN, runOperationStory, STORY_START, TERM, type OperationStoryResult } from '../src/index.js';

describe('authorized operation: a city authorizes by scenario, the operator lists, registers and charges, the grantor reports (xiamen profile)', () => {
  let r: OperationStoryResult;
  const narration: string[] = [];
  beforeAll(async () => {
    r = await runOperationStory({ print: (line) => narration.push(line) });
  });

  it('the plan authorizes by scenario over a published catalog entry and is deliberated within 30 WD, the National Day week skipped', () => {
    expect(r.submittedPlan.content).toMatchObject({ authorizationMode: 'by_scenario', scope: [{ entryId: r.entry.id, source: 'collected' }], term: TERM });
    expect(r.submittedPlan.updatedAt).toBe(STORY_START);
    expect(r.submittedPlan).toMatchObject({
      state: 'under_deliberation',
      deadline: { step: 'plan_deliberation', limit: 30, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-11-13', overdue: false },
    });
  });

  it('approved on 2025-10-20, the plan is to be filed within 10 WD; filed on 10-22, it never falls overdue', () => {
    expect(r.approvedPlan).toMatchObject({ state: 'approved', deadline: { step: 'plan_filing', limit: 10, startedOn: '2025-10-20', dueDate: '2025-11-03' } });
    expect(r.timeline.some((e) => e.text.includes('overdue'))).toBe(false);
  });

  it('the city government designates the operator; the agreement is deliberated within 20 WD and signed for three years', () => {
    expect(r.deliberating).toMatchObject({
      method: 'designation', state: 'agreement_deliberation',
      deadline: { step: 'agreement_deliberation', limit: 20, unit: 'working_days', startedOn: '2025-10-27', dueDate: '2025-11-24' },
    });
    expect(r.signed).toMatchObject({ state: 'signed', agreement: { term: TERM, signedOn: TERM.from }, deadline: null });
    expect(r.signed.events.map((e) => e.type)).toContain('agreement_filed');
    expect(r.authorization).toMatchObject({
      state: 'active', authorizationMode: 'by_scenario',
      termCheck: { from: TERM.from, to: TERM.to, capYears: 5, capEndsOn: '2030-11-02', outcome: 'ok' },
    });
  });

  it('the implementing body discloses the authorization within 20 WD of signing (27号 第十八条), then a year on', () => {
    expect(r.disclosed.disclosure).toMatchObject({ startTrigger: 'disclosed', startedOn: '2025-11-07', dueDate: '2026-11-07', lastLate: false, overdue: false });
    expect(r.disclosedAgain.disclosure).toMatchObject({ startTrigger: 'disclosed', startedOn: '2026-11-02', dueDate: '2027-11-02', lastLate: false, overdue: false });
    expect(r.authorization.disclosure).toMatchObject({ overdue: false });
  });

  it('the product is reviewed within 5 WD, listed, and registered within the registration platform’s 20 WD', () => {
    expect(r.inReview).toMatchObject({ state: 'compliance_review', deadline: { step: 'compliance_review', limit: 5, startedOn: '2025-11-10', dueDate: '2025-11-17' } });
    expect(r.listed).toMatchObject({ state: 'listed', listedOn: '2025-11-14', registration: { limit: 20, unit: 'working_days', startedOn: '2025-11-14', dueDate: '2025-12-12', registeredOn: null, overdue: false } });
    expect(r.registered.registration).toMatchObject({ dueDate: '2025-12-12', registeredOn: '2025-11-20', late: false, overdue: false });
  });

  it('the grantor reports the ceiling in writing within 10 WD of setting it (65号 二); a period in 2027, whose holidays are unpublished, is an estimate, never flagged', () => {
    expect(r.ceilingReported.ceilingReport).toMatchObject({ startTrigger: 'ceiling_set', startedOn: '2026-01-05', dueDate: '2026-01-19', reportedAt: '2026-01-05T10:00:00+08:00', late: false, overdue: false, estimate: false });
    // Counted Monday–Friday in 2027 and said so: 03-22 + 10 WD.
    expect(r.pricingEnd.ceilingReport).toMatchObject({ startTrigger: 'ceiling_set', startedOn: '2027-03-22', dueDate: '2027-04-05', estimate: true, unpublishedYears: [2027], overdue: false });
  });

  it('MAR = C + C × r + T = 8,940,000 元; the ceiling fills it; a fee above the ceiling is refused, one below it charged', () => {
    expect(r.pricingSet).toMatchObject({ feeStatus: 'trial', ceilingLoadFen: 894_000_000 });
    expect(r.pricingSet.years.find((y) => y.year === 2026)).toMatchObject({ marFen: 894_000_000, calculation: { returnFen: 64_000_000, rateCapBasisPoints: 800 } });
    expect(r.refusedFee).toBe('FEE_ABOVE_CEILING');
    expect(r.charging.fee).toMatchObject({ feeStatus: 'trial', ceilingFen: CEILING_FEN, actualFen: ACTUAL_FEN, displayed: true });
    expect(r.charging.priceFlags).toEqual([]);
  });

  it('the grantor\'s report on 2026 is on time (65号 五); revenue 10.74 % above MAR makes the grantor adjust the ceiling', () => {
    expect(r.report).toMatchObject({ year: 2026, filedBy: { role: 'grantor' }, dueDate: '2027-03-31', late: false });
    expect(r.report.deviation).toEqual({
      year: 2026, marFen: 894_000_000, actualRevenueFen: REVENUE_2026_FEN, differenceFen: 96_000_000, deviationBasisPoints: 1074, thresholdBasisPoints: 1000,
      decision: 'grantor_adjusts_ceiling',
    });
  });

  it('after a complete operating year, on the grantor\'s application, fees are formal; the lowered ceiling still covers the fee', () => {
    expect(r.pricingEnd.feeStatus).toBe('formal');
    // The grantor applied (65号 二 授权主体…提出书面申请), on the day of its report.
    expect(r.pricingEnd.formalApplication).toMatchObject({ appliedOn: '2027-03-15', appliedBy: { role: 'grantor' }, status: 'approved' });
    expect(r.adjusted.fee).toMatchObject({ feeStatus: 'formal', ceilingFen: ADJUSTED_CEILING_FEN, actualFen: ACTUAL_FEN });
    expect(r.adjusted.priceFlags).toEqual([]);
  });

  it('narrates each step with its date and ends the timeline with the report', () => {
    expect(narration[0]).toMatch(/^▸ 2025-09-26 09:00 /);
    expect(narration.join('\n')).toContain('grantor_adjusts_ceiling');
    expect(r.timeline.at(-1)?.text).toContain('annual report on 2026 filed by the grantor (due 2027-03-31)');
  });
});
