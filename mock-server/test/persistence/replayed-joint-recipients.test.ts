import { describe, expect, it } from 'vitest';
import type { Credentials } from '../support/client.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from './data-dir-app.js';

// Since revision 1 (REVISIONS.jointRegistrantsNotified) every registrant a joint registration
// application names is told of its events. A command journaled before told its filer only: its
// replay must rebuild the same delivery log (delivery ids are positions in it, and journaled
// outcomes are matched to them), not new deliveries of old events to the other registrants.

type Org = Credentials & { creditCode: string; name: string; roles: string[] };
const SECRET = 'whsec-0123456789abcdef';
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const ref = (org: Org) => ({ creditCode: org.creditCode, name: org.name });
const jointApplication = (a: Org, b: Org) => ({
  type: 'initial',
  registrants: [ref(a), ref(b)],
  resource: { name: '公共交通客流数据产品', summary: '按线路、站点、时段汇总的公交客流统计数据，已脱敏。' },
  legalSource: { description: '经授权运营协议取得。', attachments: [{ name: '授权运营协议.pdf', mediaType: 'application/pdf', digest: DIGEST, size: 1024 }] },
  evidence: { description: '已在存证平台存证。' },
  riskAssessment: { summary: '风险等级低。' },
});

describe('replay of joint applications journaled before their registrants were all told', () => {
  const tempDir = useTempDirs();
  const received = new Response(null, { status: 204 });

  it('rebuilds the delivery log and feed recipients they had (the filer only); one filed since reaches both registrants, also after a restart', async () => {
    const dataDir = tempDir();
    const { open, callOf, logged } = replayableApp(dataDir, { webhooks: { fetch: async () => received.clone() } });
    const first = open();
    const orgs = (await callOf(first)('GET', '/_sim/v1/sandboxes/default')).body.organizations as Org[];
    const [a, b] = orgs.filter((o) => o.roles.includes('registrant')) as [Org, Org];
    await first.close();

    journalAcknowledged(dataDir, [
      { path: '/_sim/v1/sandboxes/default/webhooks', body: { organizationId: a.id, url: 'http://receiver.test/a', secret: SECRET }, status: 201 },
      { path: '/_sim/v1/sandboxes/default/webhooks', body: { organizationId: b.id, url: 'http://receiver.test/b', secret: SECRET }, status: 201 },
      { path: '/sandboxes/default/registration/v1/applications', body: jointApplication(a, b), caller: a.id, status: 201 },
    ]);
    const second = open();
    const call = callOf(second);
    const hooks = (await call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items as { id: string; organizationId: string }[];
    const hookOf = (org: Org) => hooks.find((h) => h.organizationId === org.id)?.id;
    const log = async (c: typeof call) => (await c('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries?limit=200')).body.items as { id: string; webhookId: string; eventId: string }[];
    const feedOf = async (c: typeof call, org: Org) => ((await c('GET', `/_sim/v1/sandboxes/default/events?organizationId=${org.id}`)).body.items as { id: string }[]).map((e) => e.id);
    const replayed = await log(call);
    expect(replayed.length).toBeGreaterThan(0);
    expect(replayed.every((d) => d.webhookId === hookOf(a))).toBe(true);
    expect(await feedOf(call, b)).toEqual([]);

    // Filed now: both registrants' webhooks and feeds.
    const filed = await call('POST', '/sandboxes/default/registration/v1/applications', { body: jointApplication(a, b), as: a, headers: { 'idempotency-key': 'joint-now' } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    await second.idle();
    const live = await log(call);
    const newer = live.slice(replayed.length);
    expect(newer.filter((d) => d.webhookId === hookOf(b)).length).toBeGreaterThan(0);
    expect(newer.filter((d) => d.webhookId === hookOf(b)).length).toBe(newer.filter((d) => d.webhookId === hookOf(a)).length);
    const feedOfB = await feedOf(call, b);
    expect(feedOfB.length).toBeGreaterThan(0);
    await second.close();

    // A restart replays both: the same log, the same feeds.
    const third = open();
    const again = callOf(third);
    expect((await log(again)).map(({ id, webhookId, eventId }) => ({ id, webhookId, eventId }))).toEqual(live.map(({ id, webhookId, eventId }) => ({ id, webhookId, eventId })));
    expect(await feedOf(again, b)).toEqual(feedOfB);
    expect(third.storage.replayRefused.count).toBe(0);
    await third.close();
    expect(logged).toEqual([]);
  });
});
