import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { planOfficialActions, PERIOD_OF_USE_ENDS } from '../src/index.js';
import { harness, ok } from './harness.js';

const calendar = WorkingCalendar.official();
const user = { role: 'data_user', organizationId: 'org_user' };
const applicant = { role: 'applicant', organizationId: 'org_applicant' };
const authority = { role: 'data_authority', organizationId: 'org_authority' };
const provider = { role: 'data_provider', organizationId: 'org_provider' };
const operator = { role: 'platform_operator', organizationId: 'org_operator' };

describe('the period of use bounds every grant (WHILE_PERIOD_RUNS)', () => {
  it('a sharing request is approved and delivered on the last day of its period, not the day after; revoking the approval ends it', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional', [PERIOD_OF_USE_ENDS]: '2025-10-10' } }));
    h.to('2025-10-10T23:59');
    ok(h.engine.dispatch('shr', 'approve', { actor: authority }));
    h.to('2025-10-11T00:00');
    const refused = h.engine.dispatch('shr', 'deliver', { actor: provider });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERIOD_ENDED', from: 'approved' } });
    expect(!refused.ok && refused.error.allowed).toContain('revoke');
    expect(ok(h.engine.dispatch('shr', 'revoke', { actor: provider, payload: { reasons: ['使用期限已届满'] } })).state).toBe('revoked');
  });

  it('refuses approval after the period in review, coordination and escalation; a request without the field is not held to one', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional', [PERIOD_OF_USE_ENDS]: '2025-09-28' } }));
    ok(h.engine.create('sharing.request', { id: 'old', actor: user, data: { sharingType: 'conditional' } }));
    h.to('2025-09-29T09:00');
    expect(h.engine.dispatch('shr', 'approve', { actor: authority })).toMatchObject({ ok: false, error: { code: 'PERIOD_ENDED', allowed: ['reject'] } });
    expect(ok(h.engine.dispatch('old', 'approve', { actor: authority })).state).toBe('approved');
    ok(h.engine.dispatch('shr', 'reject', { actor: authority, payload: { reasons: ['x'] } }));
    ok(h.engine.dispatch('shr', 'dispute', { actor: user, payload: { reasons: ['y'] } }));
    ok(h.engine.dispatch('shr', 'coordinate', { actor: authority }));
    expect(h.engine.dispatch('shr', 'approve', { actor: authority })).toMatchObject({ ok: false, error: { code: 'PERIOD_ENDED' } });
    ok(h.engine.dispatch('shr', 'escalate', { actor: authority }));
    expect(h.engine.dispatch('shr', 'approve', { actor: { role: 'city_government' } })).toMatchObject({ ok: false, error: { code: 'PERIOD_ENDED', allowed: ['uphold_rejection'] } });
  });

  it('refuses approving an open-data application after its period', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    ok(h.engine.create('open-data.application', { id: 'oda', actor: applicant, data: { [PERIOD_OF_USE_ENDS]: '2025-09-29' } }));
    ok(h.engine.dispatch('oda', 'pass_initial_review', { actor: operator }));
    h.to('2025-09-30T09:00');
    expect(h.engine.dispatch('oda', 'approve', { actor: authority })).toMatchObject({ ok: false, error: { code: 'PERIOD_ENDED', allowed: ['reject'] } });
  });

  it('officials acting after the period end the request with the reason instead of granting it; before it, they grant', () => {
    const h = harness('national', '2025-09-26T10:00');
    const late = ok(h.engine.create('sharing.request', { id: 'late', actor: user, data: { sharingType: 'conditional', [PERIOD_OF_USE_ENDS]: '2025-10-10' } }));
    const [decision] = planOfficialActions(late, { policy: { mode: 'auto', decideOn: 'last_day' }, seed: 1, calendar });
    expect(decision).toMatchObject({ event: 'reject', actor: { role: 'data_authority' }, payload: { reasons: [{ code: 'PERIOD_ENDED', text: expect.stringContaining('2025-10-10') }] } });
    const [early] = planOfficialActions(late, { policy: { mode: 'auto', decideOn: 'first_day' }, seed: 1, calendar });
    expect(early).toMatchObject({ event: 'approve' });
    const [refused] = planOfficialActions(late, { policy: { mode: 'late' }, seed: 1, calendar });
    expect(refused).toMatchObject({ event: 'reject', payload: { reasons: [{ code: 'PERIOD_ENDED' }] } });
  });
});
