import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@gdx/calendar';
import { loadBundledSpec } from '@gdx/openapi';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { createRegistrationPlatform } from '../../src/platforms/registration/index.js';
import { Harness, idem, initialSubmission, objectionBody, ok } from './harness.js';
import { journalAcknowledged } from '../support/older-journal.js';

const specs = { registration: loadBundledSpec('registration'), simulation: loadBundledSpec('simulation') };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function appOn(dataDir: string): App {
  return createApp({ platforms: [createRegistrationPlatform({ spec: specs.registration })], simulationSpec: specs.simulation, seed: 3, dataDir, compactEvery: 1_000_000 });
}

async function harnessOn(app: App, sandboxId?: string): Promise<Harness> {
  const h = new Harness();
  h.app = app;
  h.transport = { fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined };
  if (sandboxId) {
    h.sandboxId = sandboxId;
    h.orgs = (await h.sim('GET', `/sandboxes/${sandboxId}`)).body.organizations;
  }
  return h;
}

/**
 * A data directory whose app (reopened by `open`, its errors in `logged`) holds one submitted
 * application of the first registrant, in a national sandbox whose officials act only when told.
 */
async function submittedWithManualOfficials() {
  const dir = mkdtempSync(join(tmpdir(), 'gdx-reg-'));
  dirs.push(dir);
  const logged: string[] = [];
  const open = () => createApp({ platforms: [createRegistrationPlatform({ spec: specs.registration })], simulationSpec: specs.simulation, seed: 3, dataDir: dir, compactEvery: 1_000_000, logError: (m) => logged.push(m) });
  const first = await harnessOn(open());
  const created = await first.sim('POST', '/sandboxes', { profile: 'national', startAt: '2025-09-26T10:00:00+08:00', seed: 4, reviewerPolicy: { mode: 'manual' } });
  first.sandboxId = created.body.id;
  first.orgs = created.body.organizations;
  const registrant = created.body.organizations.find((o: { roles: string[] }) => o.roles.includes('registrant'));
  const id: string = (await first.call(registrant, 'POST', '/applications', {}, initialSubmission(registrant), idem())).body.id;
  return { dir, logged, open, first, registrant, id };
}

describe('journal replay', () => {
  it('a restarted app rebuilds applications, notices, objections and registrations from the journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdx-reg-'));
    dirs.push(dir);
    const first = await harnessOn(appOn(dir));
    const created = await first.sim('POST', '/sandboxes', { profile: 'national', startAt: '2025-09-26T10:00:00+08:00', seed: 4, reviewerPolicy: { mode: 'auto', approvalRate: 0.6 } });
    first.sandboxId = created.body.id;
    first.orgs = created.body.organizations;
    for (let i = 0; i < 3; i += 1) await first.call(first.org(0), 'POST', '/applications', {}, initialSubmission(first.org(0)), idem());
    await first.advance('2025-10-16T12:00:00+08:00');
    await first.call(first.org(0), 'POST', '/applications', {}, initialSubmission(first.org(0)), idem());
    await first.advance('2026-01-31T00:00:00+08:00');
    const before = (await first.call(first.org(0), 'GET', '/applications')).body;
    const feedBefore = (await first.sim('GET', `/sandboxes/${first.sandboxId}/events?limit=200`)).body;
    await first.app.close();

    const second = await harnessOn(appOn(dir), first.sandboxId);
    try {
      expect((await second.call(second.org(0), 'GET', '/applications')).body).toEqual(before);
      expect((await second.sim('GET', `/sandboxes/${first.sandboxId}/events?limit=200`)).body).toEqual(feedBefore);
    } finally {
      await second.app.close();
    }
  });

  it('an objection an older version took in another organisation\'s name replays as answered; live it is refused', async () => {
    const { dir, logged, open, first, registrant, id } = await submittedWithManualOfficials();
    await ok(first.act('application', id, 'accept'));
    await ok(first.act('application', id, 'approve_review'));
    const noticeId: string = (await first.call(registrant, 'GET', '/applications/{applicationId}', { applicationId: id })).body.noticeId;
    const path = `/sandboxes/${first.sandboxId}/registration/v1/public-notices/${noticeId}/objections`;
    await first.app.close();

    // What an older version journaled: org 2 objecting in org 1's name, answered 201.
    journalAcknowledged(dir, [{ path, body: objectionBody(first.org(1)), caller: first.org(2).id, status: 201 }]);

    const second = await harnessOn(open(), first.sandboxId);
    try {
      expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
      expect((await second.call(null, 'GET', '/public-notices/{noticeId}', { noticeId })).body).toMatchObject({ status: 'under_objection', objectionCount: 1 });
      const again = await second.call(second.org(2), 'POST', '/public-notices/{noticeId}/objections', { noticeId }, objectionBody(second.org(1)), idem());
      expect(again.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/objector/creditCode', code: 'OBJECTOR_NOT_CALLER' }] });
    } finally {
      await second.app.close();
    }
  });
  it('a change stating nothing to change that an older version took replays as answered; live it is refused', async () => {
    const { dir, logged, open, first, registrant, id } = await submittedWithManualOfficials();
    await ok(first.act('application', id, 'accept'));
    const passed = await ok(first.act('application', id, 'approve_review'));
    await first.advance(passed.object.deadline.dueAt);
    const registrationId: string = (await first.call(registrant, 'GET', '/applications/{applicationId}', { applicationId: id })).body.registrationId;
    const body = { type: 'change', registrationId, registrants: [{ creditCode: registrant.creditCode, name: registrant.name }] };
    await first.app.close();

    journalAcknowledged(dir, [{ path: `/sandboxes/${first.sandboxId}/registration/v1/applications`, body, caller: registrant.id, status: 201 }]);

    const second = await harnessOn(open(), first.sandboxId);
    try {
      expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
      const own = (await second.call(registrant, 'GET', '/applications')).body.items;
      expect(own.map((a: { type: string }) => a.type)).toEqual(['change', 'initial']);
      const again = await second.call(registrant, 'POST', '/applications', {}, body, idem());
      expect(again.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/changeDescription', code: 'NOTHING_TO_CHANGE' }] });
    } finally {
      await second.app.close();
    }
  });

  it('an overdue review an older version passed without the explanation (before 第十一条 was enforced) replays as answered; live it is refused', async () => {
    const { dir, logged, open, first, registrant, id } = await submittedWithManualOfficials();
    await ok(first.act('application', id, 'accept'));
    await first.advance('2025-11-06T10:00:00+08:00');
    const pass = { platform: 'registration', objectType: 'application', objectId: id, action: 'approve_review' };
    expect((await first.act('application', id, 'approve_review')).body).toMatchObject({ reasonCode: 'OVERDUE_EXPLANATION_REQUIRED' });
    await first.app.close();

    // What an older version journaled: the unexplained decision, answered 200.
    journalAcknowledged(dir, [{ path: `/_sim/v1/sandboxes/${first.sandboxId}/actions`, body: pass, status: 200 }]);

    const reopened = await harnessOn(open(), first.sandboxId);
    try {
      expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
      const app = (await reopened.call(registrant, 'GET', '/applications/{applicationId}', { applicationId: id })).body;
      expect(app).toMatchObject({ state: 'in_public_notice', overdueExplanation: null });
    } finally {
      await reopened.app.close();
    }
  });

  it('a second supplement notice an older version gave (before 一次性告知 was enforced) replays as answered; live it is refused', async () => {
    const { dir, logged, open, first, registrant, id } = await submittedWithManualOfficials();
    await ok(first.act('application', id, 'request_supplements', { items: [{ field: '/riskAssessment', text: '缺少评估报告' }] }));
    expect((await first.call(registrant, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { changes: {} }, idem())).status).toBe(200);
    const second = { platform: 'registration', objectType: 'application', objectId: id, action: 'request_supplements', items: [{ field: '/evidence', text: '存证材料不完整' }] };
    expect((await first.act('application', id, 'request_supplements', { items: second.items })).status).toBe(409);
    await first.app.close();

    // What an older version journaled: the second notice, answered 200.
    journalAcknowledged(dir, [{ path: `/_sim/v1/sandboxes/${first.sandboxId}/actions`, body: second, status: 200 }]);

    const reopened = await harnessOn(open(), first.sandboxId);
    try {
      expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
      const app = (await reopened.call(registrant, 'GET', '/applications/{applicationId}', { applicationId: id })).body;
      expect(app).toMatchObject({ state: 'supplement_required', supplementItems: second.items });
      // The applicant answers it; a third notice is refused live.
      expect((await reopened.call(registrant, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { changes: {} }, idem())).status).toBe(200);
      expect((await reopened.act('application', id, 'request_supplements', { items: second.items })).body).toMatchObject({ reasonCode: 'SUPPLEMENT_ALREADY_REQUESTED' });
    } finally {
      await reopened.app.close();
    }
  });

  it('a renewal an older version took on the 61st day before expiry (期满前 60 日内 read a day long) replays as answered; live it is refused', async () => {
    const { dir, logged, open, first, registrant, id } = await submittedWithManualOfficials();
    await ok(first.act('application', id, 'accept'));
    const passed = await ok(first.act('application', id, 'approve_review'));
    await first.advance(passed.object.deadline.dueAt);
    const registrationId: string = (await first.call(registrant, 'GET', '/applications/{applicationId}', { applicationId: id })).body.registrationId;
    const reg = (await first.call(registrant, 'GET', '/registrations/{registrationId}', { registrationId })).body;
    await first.advance(`${addDays(reg.renewalWindowOpensOn, -1)}T10:00:00+08:00`);
    const path = `/sandboxes/${first.sandboxId}/registration/v1/registrations/${registrationId}/renewals`;
    expect((await first.call(registrant, 'POST', '/registrations/{registrationId}/renewals', { registrationId }, {}, idem())).body).toMatchObject({ code: 'RENEWAL_WINDOW_NOT_OPEN' });
    await first.app.close();

    journalAcknowledged(dir, [{ path, body: {}, caller: registrant.id, status: 201 }]);

    const reopened = await harnessOn(open(), first.sandboxId);
    try {
      expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
      const renewed = (await reopened.call(registrant, 'GET', '/registrations/{registrationId}', { registrationId })).body;
      expect(renewed.renewals).toMatchObject([{ previousValidUntil: reg.validUntil }]);
    } finally {
      await reopened.app.close();
    }
  });
});
