import { WorkingCalendar } from '@gdx/calendar';
import type { WorkflowInstance } from '@gdx/kernel';
import { describe, expect, it } from 'vitest';
import {
  ANSWERS,
  AO_DATA_ACCESS_REASONS,
  AO_PLAN_REASONS,
  AO_PRODUCT_REASONS,
  AO_RECTIFICATION_REASONS,
  AO_SELECTION_REASONS,
  CATALOG_RETURN_REASONS,
  DATA_CORRECTION_ANSWERS,
  DEMAND_ANSWERS,
  OPEN_DATA_REJECTION_REASONS,
  OPEN_DATA_RETURN_REASONS,
  planOfficialActions,
  REJECTION_REASONS,
  SHARING_COMPLIANCE_REASONS,
  SHARING_REVIEW_REASONS,
  type PlanOptions,
} from '../src/index.js';
import { harness, ok } from './harness.js';

const calendar = WorkingCalendar.official();
/** Every decision negative, so each plan carries written reasons (or, for an answer step, an answer). */
const REFUSING: PlanOptions = { policy: 'auto', seed: 7, calendar, probabilities: { accept: 0, supplement: 0, reject: 1 } };
const SEEDS = Array.from({ length: 12 }, (_, i) => i);

const codes = (list: readonly { code: string }[]) => new Set(list.map((r) => r.code));

/** The reason codes officials plan for an instance, over a dozen seeds. */
function reasonCodes(instance: WorkflowInstance, options: Partial<PlanOptions> = {}): Set<string> {
  return new Set(SEEDS.flatMap((seed) => planOfficialActions(instance, { ...REFUSING, seed, ...options }).flatMap((p) => ((p.payload?.['reasons'] ?? []) as { code: string }[]).map((r) => r.code))));
}

function answers(instance: WorkflowInstance, options: Partial<PlanOptions> = {}): Set<string> {
  return new Set(SEEDS.flatMap((seed) => planOfficialActions(instance, { ...REFUSING, seed, ...options }).map((p) => String(p.payload?.['answer']))));
}

function subsetOf(found: Set<string>, allowed: Set<string>): void {
  expect(found.size).toBeGreaterThan(0);
  expect([...found].filter((c) => !allowed.has(c))).toEqual([]);
}

// What a simulated official writes must be what its step judges: the sharing review the request
// against the resource's conditions (厦门 第十七条), the open-data initial review form and
// completeness (第二十三条 规范性、完整性), the substantive review the opening conditions (第二十四条) —
// never a registration's reasons (an expired operation agreement, a duplicate registration).
describe('simulated officials write the reasons and answers of their step', () => {
  it('a sharing review refuses on the conditions, scenario, security measures or duties', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    const request = ok(h.engine.create('sharing.request', { id: 'shr_1', actor: { role: 'data_user' }, data: { sharingType: 'conditional' } }));
    subsetOf(reasonCodes(request), codes(SHARING_REVIEW_REASONS));
  });

  it('Inner Mongolia\'s compliance review refuses on what a compliance review checks', () => {
    const h = harness('inner-mongolia', '2025-09-26T10:00');
    const request = ok(h.engine.create('sharing.request', { id: 'shr_1', actor: { role: 'data_user' }, data: { sharingType: 'conditional' } }));
    expect(request.state).toBe('compliance_review');
    subsetOf(reasonCodes(request), codes(SHARING_COMPLIANCE_REASONS));
  });

  it('an open-data initial review returns on form and completeness, the substantive review refuses on the opening conditions', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    const application = ok(h.engine.create('open-data.application', { id: 'oda_1', actor: { role: 'applicant' } }));
    expect(application.state).toBe('initial_review');
    subsetOf(reasonCodes(application), codes(OPEN_DATA_RETURN_REASONS));
    const passed = ok(h.engine.dispatch('oda_1', 'pass_initial_review', { actor: { role: 'platform_operator' } }));
    subsetOf(reasonCodes(passed), codes(OPEN_DATA_REJECTION_REASONS));
  });

  it('a demand is answered as a demand, a data objection or quality issue as a correction', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    const demand = ok(h.engine.create('open-data.demand', { id: 'odd_1', actor: { role: 'applicant' } }));
    subsetOf(answers(demand), new Set(DEMAND_ANSWERS));
    for (const machine of ['sharing.data-objection', 'sharing.quality-issue', 'open-data.data-objection']) {
      const filed = ok(h.engine.create(machine, { id: `${machine}_1`, actor: { role: 'data_user' } }));
      subsetOf(answers(filed), new Set(DATA_CORRECTION_ANSWERS));
    }
  });

  it('a catalog review returns an entry on its metadata, for a new entry and a change alike', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    const provider = { role: 'data_provider' };
    ok(h.engine.create('catalog.entry', { id: 'cat', actor: provider }));
    const submitted = ok(h.engine.dispatch('cat', 'submit', { actor: provider }));
    expect(submitted.state).toBe('submitted');
    subsetOf(reasonCodes(submitted), codes(CATALOG_RETURN_REASONS));
    ok(h.engine.dispatch('cat', 'publish', { actor: { role: 'data_authority' } }));
    const change = ok(h.engine.dispatch('cat', 'propose_change', { actor: provider }));
    expect(change.state).toBe('change_submitted');
    subsetOf(reasonCodes(change), codes(CATALOG_RETURN_REASONS));
  });

  it('each authorized-operation review refuses on what it judges: the plan, the operator, the evaluation, the data access, the product', () => {
    const body = { role: 'implementing_body', organizationId: 'org_body' };
    const operator = { role: 'operator', organizationId: 'org_operator' };
    const national = harness('national', '2026-01-12T10:00');
    ok(national.engine.create('authorized-operation.plan', { id: 'aop', actor: body }));
    subsetOf(reasonCodes(ok(national.engine.dispatch('aop', 'submit', { actor: body }))), codes(AO_PLAN_REASONS));
    subsetOf(reasonCodes(ok(national.engine.create('authorized-operation.data-access', { id: 'aoq', actor: operator }))), codes(AO_DATA_ACCESS_REASONS));
    ok(national.engine.create('authorized-operation.product', { id: 'aod', actor: operator }));
    subsetOf(reasonCodes(ok(national.engine.dispatch('aod', 'submit', { actor: operator }))), codes(AO_PRODUCT_REASONS));
    ok(national.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2029-01-04' } }));
    const evaluated = ok(national.engine.dispatch('aoa', 'start_evaluation', { actor: { role: 'data_authority' } }));
    expect(evaluated.state).toBe('under_evaluation');
    subsetOf(reasonCodes(evaluated), codes(AO_RECTIFICATION_REASONS));

    const innerMongolia = harness('inner-mongolia', '2025-12-01T09:00');
    ok(innerMongolia.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'call_and_review' } }));
    ok(innerMongolia.engine.dispatch('aos', 'publish_call', { actor: body }));
    ok(innerMongolia.engine.dispatch('aos', 'bid', { actor: operator, payload: { bid: { proposal: '方案' } } }));
    innerMongolia.to('2025-12-23T09:00');
    const reviewed = ok(innerMongolia.engine.dispatch('aos', 'pass_review', { actor: { role: 'data_authority' }, payload: { operator: { name: '内蒙古数据运营有限公司' } } }));
    expect(reviewed.state).toBe('government_approval');
    subsetOf(reasonCodes(reviewed), codes(AO_SELECTION_REASONS));
  });

  it('reasonTexts shared draws every step\'s from the one list earlier releases used, on the same days', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    const application = ok(h.engine.create('open-data.application', { id: 'oda_1', actor: { role: 'applicant' } }));
    subsetOf(reasonCodes(application, { reasonTexts: 'shared' }), codes(REJECTION_REASONS));
    const demand = ok(h.engine.create('open-data.demand', { id: 'odd_1', actor: { role: 'applicant' } }));
    subsetOf(answers(demand, { reasonTexts: 'shared' }), new Set(ANSWERS));
    const when = (options: Partial<PlanOptions>) => SEEDS.map((seed) => planOfficialActions(application, { ...REFUSING, seed, ...options }).map((p) => [p.at, p.event]));
    expect(when({ reasonTexts: 'shared' })).toEqual(when({}));
  });
});
