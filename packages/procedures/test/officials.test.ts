import { WorkingCalendar } from '@gdx/calendar';
import { shanghaiDay, type PlannedDispatch } from '@gdx/kernel';
import { describe, expect, it } from 'vitest';
import { attachOfficials, planOfficialActions, type PlanOptions } from '../src/index.js';
import { actors, harness, ok } from './harness.js';

const calendar = WorkingCalendar.official();
const { registrant } = actors;

/** Plans for `count` fresh registration applications received 2025-09-26 10:00. */
function plans(opts: Partial<PlanOptions>, count = 40): PlannedDispatch[] {
  const h = harness('national', '2025-09-26T10:00');
  return Array.from({ length: count }, (_, i) => {
    const instance = ok(h.engine.create('registration.application.initial', { id: `rga_${i}`, actor: registrant }));
    return planOfficialActions(instance, { policy: 'auto', seed: 1, calendar, ...opts });
  }).flat();
}

describe('planOfficialActions: auto', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(plans({ seed: 42 })).toEqual(plans({ seed: 42 }));
    expect(plans({ seed: 42 })).not.toEqual(plans({ seed: 43 }));
  });

  it('acts on a working day within the limit, during office hours, as the registry', () => {
    const all = plans({ seed: 9 });
    expect(all).toHaveLength(40);
    const dueAt = Date.parse('2025-10-01T00:00:00+08:00');
    const days = new Set<string>();
    for (const p of all) {
      expect(p.actor.role).toBe('registry');
      expect(p.at).toBeGreaterThan(Date.parse('2025-09-26T10:00:00+08:00'));
      expect(p.at).toBeLessThan(dueAt);
      const day = shanghaiDay(p.at);
      days.add(day);
      expect(calendar.isWorkingDay(day)).toBe(true);
      const hour = new Date(p.at + 8 * 3_600_000).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThan(17);
    }
    expect([...days].sort()).toEqual(['2025-09-28', '2025-09-29', '2025-09-30']);
  });

  it.each([
    { weights: { accept: 1, supplement: 0, reject: 0 }, event: 'accept', key: undefined },
    { weights: { accept: 0, supplement: 1, reject: 0 }, event: 'request_supplements', key: 'items' },
    { weights: { accept: 0, supplement: 0, reject: 1 }, event: 'not_accept', key: 'reasons' },
  ])('follows the configured probabilities ($event) and carries $key', ({ weights, event, key }) => {
    for (const p of plans({ probabilities: weights }, 10)) {
      expect(p.event).toBe(event);
      if (key) expect((p.payload?.[key] as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('accepts a resubmission rather than give a second supplement notice (一次性告知), which the machine refuses', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('registration.application.initial', { id: 'rga_once', actor: registrant }));
    ok(h.engine.dispatch('rga_once', 'request_supplements', { actor: actors.registry, payload: { items: [{ text: '缺少评估报告' }] } }));
    const resubmitted = ok(h.engine.dispatch('rga_once', 'resubmit', { actor: registrant }));
    const planned = planOfficialActions(resubmitted, { policy: 'auto', seed: 1, calendar, probabilities: { accept: 0, supplement: 1, reject: 0 } });
    expect(planned.map((p) => p.event)).toEqual(['accept']);
    expect(h.engine.dispatch('rga_once', 'request_supplements', { actor: actors.registry, payload: { items: [{ text: '再次补正' }] } })).toMatchObject({ ok: false, error: { code: 'SUPPLEMENT_ALREADY_REQUESTED' } });
  });

  it('mixes outcomes by the default probabilities', () => {
    const events = new Set(plans({ seed: 3 }, 60).map((p) => p.event));
    expect(events).toEqual(new Set(['accept', 'request_supplements', 'not_accept']));
  });
});

describe('planOfficialActions: the simulation API policy objects', () => {
  it.each([
    { decideOn: 'first_day' as const, day: '2025-09-28' },
    { decideOn: 'last_day' as const, day: '2025-09-30' },
  ])('auto with decideOn $decideOn acts on $day and approves by default', ({ decideOn, day }) => {
    for (const p of plans({ policy: { mode: 'auto', decideOn } }, 10)) {
      expect(shanghaiDay(p.at)).toBe(day);
      expect(p.event).toBe('accept');
    }
  });

  it('auto with approvalRate 0 never accepts, and always gives reasons or items', () => {
    const all = plans({ policy: { mode: 'auto', approvalRate: 0 } }, 30);
    expect(new Set(all.map((p) => p.event))).toEqual(new Set(['request_supplements', 'not_accept']));
    for (const p of all) expect(p.payload?.['items'] ?? p.payload?.['reasons']).toBeDefined();
  });

  it('late with overdueByWorkingDays acts that many working days after the deadline', () => {
    const [explain, decision] = plans({ policy: { mode: 'late', overdueByWorkingDays: 2 } }, 1);
    expect(explain).toMatchObject({ event: 'explain_overdue', at: Date.parse('2025-10-10T10:00:00+08:00') });
    expect(decision).toMatchObject({ event: 'accept', at: Date.parse('2025-10-10T10:01:00+08:00') });
  });
});

describe('officials following an engine', () => {
  it('auto: every planned decision is accepted by the machines and moves the objects on', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    attachOfficials(h.engine, { policy: 'auto', seed: 2025, calendar, probabilities: { accept: 0.8, supplement: 0, reject: 0.2 } });
    for (let i = 0; i < 10; i++) {
      ok(h.engine.create('registration.application.initial', { id: `rga_${i}`, actor: registrant }));
      ok(h.engine.create('sharing.request', { id: `shr_${i}`, actor: { role: 'data_user' }, data: { sharingType: 'conditional' } }));
      ok(h.engine.create('open-data.application', { id: `oda_${i}`, actor: { role: 'applicant' } }));
      ok(h.engine.create('catalog.entry', { id: `cat_${i}`, actor: { role: 'data_provider' } }));
      ok(h.engine.dispatch(`cat_${i}`, 'submit', { actor: { role: 'data_provider' } }));
    }
    const fired = h.to('2026-06-30T00:00');
    expect(fired.filter((f) => !f.ok)).toEqual([]);
    expect(fired.filter((f) => f.event === 'deadline_overdue')).toEqual([]);
    const states = new Set(h.engine.list().map((i) => `${i.machine.split('.')[0]}:${i.state}`));
    for (const s of states) expect(s).toMatch(/registered|terminated|not_accepted|review_failed|delivered|rejection_upheld|approved|rejected|returned|published/);
  });

  it('auto: in inner-mongolia the operator passes the compliance review, then the joint review and delivery follow', () => {
    const h = harness('inner-mongolia', '2025-09-26T10:00');
    attachOfficials(h.engine, { policy: { mode: 'auto' }, seed: 7, calendar });
    ok(h.engine.create('sharing.request', { id: 'shr', actor: { role: 'data_user' }, data: { sharingType: 'conditional' } }));
    expect(h.to('2025-12-31T00:00').filter((f) => !f.ok)).toEqual([]);
    const steps = h.get('shr').events.map((e) => `${e.actor.role}:${e.event ?? e.type}>${e.to}`);
    expect(steps).toEqual([
      'data_user:state_changed>submitted', 'clock:route>compliance_review', 'platform_operator:pass_compliance_review>under_review',
      'data_authority:approve>approved', 'data_provider:deliver>delivered',
    ]);
  });

  it('auto: a failed compliance review carries the reasons the rules require', () => {
    const h = harness('inner-mongolia', '2025-09-26T10:00');
    attachOfficials(h.engine, { policy: { mode: 'auto', approvalRate: 0 }, seed: 7, calendar });
    ok(h.engine.create('sharing.request', { id: 'shr', actor: { role: 'data_user' }, data: { sharingType: 'conditional' } }));
    h.to('2025-12-31T00:00');
    expect(h.get('shr').state).toBe('compliance_rejected');
    expect((h.get('shr').events.at(-1)?.data?.['reasons'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('late: steps go overdue first, the registry explains, then decides', () => {
    const h = harness('national', '2025-09-26T10:00');
    attachOfficials(h.engine, { policy: 'late', seed: 1, calendar });
    ok(h.engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    h.to('2025-12-31T00:00');
    const types = h.get('rga').events.map((e) => `${e.type}:${e.to}`);
    expect(types.slice(0, 5)).toEqual([
      'state_changed:submitted', 'deadline_overdue:submitted', 'overdue_explained:submitted', 'state_changed:under_review',
      'deadline_overdue:under_review',
    ]);
    expect(h.get('rga').events.find((e) => e.type === 'overdue_explained')?.at).toBe('2025-10-09T10:00:00+08:00');
    expect(h.get('rga').state).toBe('registered');
  });

  it('auto: a product whose listing was held by the clock is decided again once it reopens', () => {
    const h = harness('national', '2025-09-26T10:00');
    attachOfficials(h.engine, { policy: { mode: 'auto' }, seed: 7, calendar });
    const clock = { role: 'clock' };
    ok(h.engine.create('authorized-operation.product', { id: 'aod', actor: { role: 'operator' } }));
    ok(h.engine.dispatch('aod', 'submit', { actor: { role: 'operator' } }));
    ok(h.engine.dispatch('aod', 'close_approval', { actor: clock, payload: { authorizationState: 'amending' } }));
    // The planned listing is refused while held, and nothing is planned for a closing.
    h.to('2025-10-20T00:00');
    expect(h.get('aod').state).toBe('compliance_review');
    ok(h.engine.dispatch('aod', 'reopen_approval', { actor: clock, payload: { authorizationState: 'active' } }));
    h.to('2025-11-10T00:00');
    expect(h.get('aod').state).toBe('listed');
  });

  it('manual: nothing happens but the clock', () => {
    const h = harness('national', '2025-09-26T10:00');
    attachOfficials(h.engine, { policy: 'manual', seed: 1, calendar });
    ok(h.engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    expect(h.to('2025-12-31T00:00').map((f) => f.event)).toEqual(['deadline_overdue']);
  });
});

describe('planOfficialActions: no official acts', () => {
  it('answers one shared, empty, read-only list that planning never fills', () => {
    const h = harness('national', '2025-09-26T10:00');
    const instance = ok(h.engine.create('registration.application.initial', { id: 'rga_manual', actor: registrant }));
    const none = planOfficialActions(instance, { policy: 'manual', seed: 1, calendar });
    expect(none).toEqual([]);
    // Plans made meanwhile are new lists: the shared empty answer stays empty.
    expect(planOfficialActions(instance, { policy: 'auto', seed: 1, calendar })).toHaveLength(1);
    const again = planOfficialActions(instance, { policy: 'manual', seed: 1, calendar });
    expect(again).toBe(none);
    expect(again).toEqual([]);
  });
});
