import { WorkingCalendar } from '@gdx/calendar';
import type { WorkflowInstance } from '@gdx/kernel';
import { describe, expect, it } from 'vitest';
import {
  ANSWERS,
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
