import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { attachOfficials, builtinProfileNames, resolveProfile } from '../src/index.js';
import { actors, harness, ok } from './harness.js';
import { objectionEvidence as evidence, toNotice } from './registration-notice.js';

const { registrant, registry, party } = actors;
const BY_REGISTRY = { extends: 'national', name: 'by-registry', options: { codeIssuance: 'by_registry' } };

describe('registry coding (赋码) as a profile choice', () => {
  it.each([...builtinProfileNames])('the shipped profile %s codes when the notice closes', (name) => {
    expect(resolveProfile(name).options.codeIssuance).toBe('on_notice_close');
    const h = toNotice(name);
    expect(h.engine.dispatch('rga', 'issue_code', { actor: registry })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    const fired = h.to('2025-12-31T00:00');
    expect(fired.find((f) => f.instanceId === 'rga')).toMatchObject({ event: 'notice_closed', to: 'registered' });
  });

  it('by_registry: the notice closes (no deadline, a notice_closed event) and the registry codes', () => {
    const h = toNotice(BY_REGISTRY);
    expect(h.engine.dispatch('rga', 'issue_code', { actor: registry })).toMatchObject({ ok: false, error: { code: 'NOTICE_RUNNING' } });
    const fired = h.to('2025-11-20T00:00');
    expect(fired.map((f) => [f.at, f.event, f.to])).toEqual([['2025-11-18T00:00:00+08:00', 'notice_closed', 'in_public_notice']]);
    expect(h.get('rga')).toMatchObject({ state: 'in_public_notice', deadline: null, data: { noticeClosed: true } });
    expect(h.get('rga').events.at(-1)).toMatchObject({ type: 'notice_closed', from: 'in_public_notice', to: 'in_public_notice', deadline: null });
    expect(h.engine.dispatch('rga', 'object', { actor: party, payload: { evidence } })).toMatchObject({ ok: false, error: { code: 'OBJECTION_WINDOW_CLOSED' } });
    expect(h.engine.dispatch('rga', 'issue_code', { actor: registrant })).toMatchObject({ ok: false, error: { code: 'ACTOR_NOT_ALLOWED' } });
    const coded = ok(h.engine.dispatch('rga', 'issue_code', { actor: registry, payload: { registrationCode: 'DJ1500002025000042' } }));
    expect(coded).toMatchObject({ state: 'registered', deadline: null });
    expect(coded.events.at(-1)).toMatchObject({ from: 'in_public_notice', to: 'registered', data: { registrationCode: 'DJ1500002025000042' } });
  });

  it('by_registry: an objection dismissed after the notice closed returns to the closed notice', () => {
    const h = toNotice(BY_REGISTRY);
    h.to('2025-11-10T10:00');
    ok(h.engine.dispatch('rga', 'object', { actor: party, payload: { evidence } }));
    h.to('2025-11-20T10:00');
    const dismissed = ok(h.engine.dispatch('rga', 'dismiss_objection', { actor: registry }));
    expect(dismissed).toMatchObject({ state: 'in_public_notice', deadline: null, data: { noticeClosed: true } });
    expect(ok(h.engine.dispatch('rga', 'issue_code', { actor: registry })).state).toBe('registered');
  });

  it.each([
    ['auto', { mode: 'auto' }, '2025-11-18T09:00:00+08:00'],
    // The coding step has no limit: late acts after the open-ended 5 WD window and overdueByWorkingDays more.
    ['late', { mode: 'late', overdueByWorkingDays: 1 }, '2025-11-26T10:01:00+08:00'],
  ] as const)('by_registry: the simulated registry codes under %s', (_name, policy, codedAt) => {
    const h = toNotice(BY_REGISTRY);
    attachOfficials(h.engine, { policy, seed: 5, calendar: WorkingCalendar.official() });
    h.to('2025-12-31T00:00');
    const coding = h.get('rga').events.find((e) => e.to === 'registered');
    expect(coding).toMatchObject({ from: 'in_public_notice', at: codedAt, actor: { role: 'registry' } });
  });

  it('by_registry: a notice closing on a rest day is coded at the start of the next working day', () => {
    // Notice from Fri 2025-11-07: 10 WD → due Fri 2025-11-21, closes Sat 2025-11-22 00:00.
    const h = harness(BY_REGISTRY, '2025-11-07T10:00');
    ok(h.engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    ok(h.engine.dispatch('rga', 'accept', { actor: registry }));
    expect(ok(h.engine.dispatch('rga', 'approve_review', { actor: registry })).deadline).toMatchObject({ dueDate: '2025-11-21' });
    attachOfficials(h.engine, { policy: { mode: 'auto' }, seed: 5, calendar: WorkingCalendar.official() });
    h.to('2025-12-31T00:00');
    const events = h.get('rga').events;
    expect(events.find((e) => e.type === 'notice_closed')?.at).toBe('2025-11-22T00:00:00+08:00');
    expect(events.find((e) => e.to === 'registered')?.at).toBe('2025-11-24T09:00:00+08:00');
  });
});
