// Joint applications (涉及多个主体的，可共同提出登记申请, 26号 第七条; 223号 第七条(二)): every
// registrant a joint application names holds it, and the registration it leads to, as its own.
import { describe, expect, it } from 'vitest';
import { attachment, Harness, idem, initialSubmission, ok, submit, type Org, useHarness } from './harness.js';

const start = useHarness({ profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });

const ref = (org: Org) => ({ creditCode: org.creditCode, name: org.name });
const joint = (filer: Org, other: Org) => ({ ...initialSubmission(filer), registrants: [ref(filer), ref(other)] });
const application = (x: Harness, org: Org, id: string) => x.call(org, 'GET', '/applications/{applicationId}', { applicationId: id });
const registration = (x: Harness, org: Org, id: string) => x.call(org, 'GET', '/registrations/{registrationId}', { registrationId: id });
const ids = async (x: Harness, org: Org, path: '/applications' | '/registrations') => (await ok(x.call(org, 'GET', path))).items.map((i: { id: string }) => i.id);

describe('joint applications (第七条)', () => {
  it('each named registrant reads the application, answers its supplement notice and holds the registration; others get 404', async () => {
    const x = await start();
    const [a, b, outsider] = [x.org(0), x.org(1), x.org(2)];
    const id = await submit(x, a, joint(a, b));

    expect((await application(x, b, id)).status).toBe(200);
    expect(await ids(x, b, '/applications')).toEqual([id]);
    expect((await ok(x.call(b, 'GET', '/applications/{applicationId}/events', { applicationId: id }))).items).toHaveLength(1);
    expect((await application(x, outsider, id)).status).toBe(404);
    expect(await ids(x, outsider, '/applications')).toEqual([]);

    // The supplement notice goes to the registrants: any of them answers it, and the event names who did.
    await ok(x.act('application', id, 'request_supplements', { items: [{ field: '/riskAssessment', text: '缺少风险评估报告' }] }));
    const resubmitted = await x.call(b, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { changes: { riskAssessment: { summary: '已补充', attachment: attachment('评估报告.pdf') } } }, idem());
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body.events.at(-1)).toMatchObject({ from: 'supplement_required', to: 'submitted', actor: { role: 'registrant', organizationId: b.id } });
    expect((await x.call(outsider, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { changes: { riskAssessment: { summary: 'x' } } }, idem())).status).toBe(404);

    await ok(x.act('application', id, 'accept'));
    const passed = await ok(x.act('application', id, 'approve_review'));
    await x.advance(passed.object.deadline.dueAt);
    const registrationId: string = (await ok(application(x, b, id))).registrationId;
    expect((await ok(registration(x, b, registrationId))).registrants).toEqual([ref(a), ref(b)]);
    expect(await ids(x, b, '/registrations')).toEqual([registrationId]);
    expect((await registration(x, outsider, registrationId)).status).toBe(404);

    // Renewed by the other registrant in the window (第十五条).
    await x.advance('2028-08-20T10:00:00+08:00');
    const renewed = await x.call(b, 'POST', '/registrations/{registrationId}/renewals', { registrationId }, {}, idem());
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201);
    expect((await ok(registration(x, a, registrationId))).events.at(-1)).toMatchObject({ type: 'renewed', actor: { role: 'registrant', organizationId: b.id } });
  });

  it('a named registrant files the change or cancellation of the joint registration; a change of registrants moves it between their lists', async () => {
    const x = await start();
    const [a, b, c] = [x.org(0), x.org(1), x.org(2)];
    const id = await submit(x, a, joint(a, b));
    await ok(x.act('application', id, 'accept'));
    const passed = await ok(x.act('application', id, 'approve_review'));
    await x.advance(passed.object.deadline.dueAt);
    const registrationId: string = (await ok(application(x, a, id))).registrationId;

    // Not named: the registration does not exist for it.
    const foreign = await x.call(c, 'POST', '/applications', {}, { type: 'change', registrationId, registrants: [ref(c)], changeDescription: '变更' }, idem());
    expect(foreign.status).toBe(404);
    expect(foreign.body.errors[0]).toMatchObject({ pointer: '/registrationId', code: 'NOT_FOUND' });

    const changed = async (filer: Org, body: Record<string, unknown>) => {
      const change = await submit(x, filer, { type: 'change', registrationId, ...body });
      expect((await ok(application(x, filer, change))).events[0]).toMatchObject({ actor: { role: 'registrant', organizationId: filer.id } });
      await ok(x.act('application', change, 'accept'));
      const noticed = await ok(x.act('application', change, 'approve_review'));
      await x.advance(noticed.object.deadline.dueAt);
      expect((await ok(application(x, filer, change))).state).toBe('registered');
    };
    // B, named, files a change as its registrant (no consent needed, as for the unit that filed it).
    await changed(b, { registrants: [ref(a), ref(b)], resource: { name: '公交客流数据产品（第二版）', summary: '新增地铁接驳数据。' }, changeDescription: '新增数据源' });
    expect((await ok(registration(x, a, registrationId))).dataName).toBe('公交客流数据产品（第二版）');
    // A changes the registrants: C takes B's place.
    await changed(a, { registrants: [ref(a), ref(c)], changeDescription: '登记主体变更：C 承继 B 的权益' });

    expect(await ids(x, c, '/registrations')).toEqual([registrationId]);
    expect((await ok(registration(x, c, registrationId))).registrants).toEqual([ref(a), ref(c)]);
    expect(await ids(x, b, '/registrations')).toEqual([]);
    expect((await registration(x, b, registrationId)).status).toBe(404);

    // C, now named, cancels it.
    const cancellation = await submit(x, c, { type: 'cancellation', registrationId, registrants: [ref(a), ref(c)], cancellation: { ground: 'rights_ended', description: '权益期限届满。' } });
    await ok(x.act('application', cancellation, 'accept'));
    expect((await ok(x.act('application', cancellation, 'approve_review'))).to).toBe('cancelled');
    expect((await ok(registration(x, a, registrationId))).state).toBe('cancelled');
    // The registration's events follow its registrants: its cancellation reaches C's feed, not B's any more.
    const cancelledFor = async (org: Org) =>
      ((await x.sim('GET', `/sandboxes/${x.sandboxId}/events?organizationId=${org.id}&limit=200&order=desc`)).body.items as { objectId: string; event: { to?: string } }[]).some((e) => e.objectId === registrationId && e.event.to === 'cancelled');
    expect(await cancelledFor(c)).toBe(true);
    expect(await cancelledFor(a)).toBe(true);
    expect(await cancelledFor(b)).toBe(false);
  });
});

describe('joint applications notify every registrant (第七条)', () => {
  const feedOf = async (x: Harness, org: Org) => (await x.sim('GET', `/sandboxes/${x.sandboxId}/events?organizationId=${org.id}&limit=200`)).body.items as { objectId: string; type: string }[];
  const about = (events: { objectId: string; type: string }[], id: string) => events.filter((e) => e.objectId === id).map((e) => e.type);

  it("the application's and its registration's events reach each named registrant's feed and webhooks, not an outsider's", async () => {
    const x = await start();
    const [a, b, outsider] = [x.org(0), x.org(1), x.org(2)];
    const hooks = new Map<string, string>();
    for (const org of [a, b, outsider]) {
      const hook = await x.sim('POST', `/sandboxes/${x.sandboxId}/webhooks`, { organizationId: org.id, url: `http://127.0.0.1:9/${org.id}`, secret: 'whsec-0123456789abcdef' });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);
      hooks.set(hook.body.id as string, org.id);
    }
    const id = await submit(x, a, joint(a, b));
    await ok(x.act('application', id, 'accept'));
    const passed = await ok(x.act('application', id, 'approve_review'));
    await x.advance(passed.object.deadline.dueAt);
    const registrationId: string = (await ok(application(x, a, id))).registrationId;

    const ofA = await feedOf(x, a);
    expect(about(ofA, id).length).toBeGreaterThan(2);
    expect(about(ofA, registrationId)).toContain('code_issued');
    const ofB = await feedOf(x, b);
    expect(about(ofB, id)).toEqual(about(ofA, id));
    expect(about(ofB, registrationId)).toEqual(about(ofA, registrationId));
    expect(await feedOf(x, outsider)).toEqual([]);

    // One delivery per event to each registrant's webhook, none to the outsider's.
    const log = (await x.sim('GET', `/sandboxes/${x.sandboxId}/webhooks/deliveries?limit=200`)).body.items as { webhookId: string }[];
    const count = (org: Org) => log.filter((d) => hooks.get(d.webhookId) === org.id).length;
    expect(count(a)).toBe(ofA.length);
    expect(count(b)).toBe(ofA.length);
    expect(count(outsider)).toBe(0);
  });

  // Whether an application is joint is remembered on its record for the feed (not saved in snapshots):
  // a supplement that changes its registrants, and a restored snapshot, must tell the registrants it names then.
  it('a supplement that names a second registrant tells it of the later events, one that drops it stops; a restored snapshot tells both', async () => {
    const x = await start();
    const [a, b] = [x.org(0), x.org(1)];
    const supplemented = async (id: string, registrants: Org[]) => {
      await ok(x.act('application', id, 'request_supplements', { items: [{ field: '/registrants', text: '核对登记主体' }] }));
      const before = about(await feedOf(x, a), id);
      await ok(x.call(a, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: id }, { changes: { registrants: registrants.map(ref) } }, idem()));
      await ok(x.act('application', id, 'accept'));
      const after = about(await feedOf(x, a), id);
      expect(after.length).toBe(before.length + 2);
      return { before, after };
    };

    const added = await submit(x, a, initialSubmission(a));
    const adding = await supplemented(added, [a, b]);
    expect(about(await feedOf(x, b), added)).toEqual(adding.after.slice(adding.before.length));

    const dropped = await submit(x, a, joint(a, b));
    const dropping = await supplemented(dropped, [a]);
    expect(about(await feedOf(x, b), dropped)).toEqual(dropping.before);

    // A joint application restored from a snapshot still tells both registrants of its next event.
    const restored = await submit(x, a, joint(a, b));
    const snapshot = await x.sim('GET', `/sandboxes/${x.sandboxId}/snapshot`);
    expect(snapshot.status).toBe(200);
    const imported = await x.sim('POST', '/sandboxes/import', { id: 'copy', snapshot: JSON.parse(JSON.stringify(snapshot.body)) });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    x.sandboxId = 'copy';
    await ok(x.act('application', restored, 'accept'));
    const ofA = about(await feedOf(x, a), restored);
    expect(ofA.length).toBe(2);
    expect(about(await feedOf(x, b), restored)).toEqual(ofA);
  });
});
