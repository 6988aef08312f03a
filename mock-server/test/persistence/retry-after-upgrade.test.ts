// A client that sent a write with an Idempotency-Key and lost the answer retries it. When an older
// gdx-mock acknowledged the write and a check added since refuses it before its key is looked up
// (an undeclared query parameter, refused since 0.1.0), the retry must still answer what was
// acknowledged — the write happened — not a 400 that says it did not.
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../support/client.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from './data-dir-app.js';

type Org = Credentials & { creditCode: string; name: string; roles: string[] };
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const application = (org: { creditCode: string; name: string }) => ({
  type: 'initial',
  registrants: [{ creditCode: org.creditCode, name: org.name }],
  resource: { name: '公共交通客流数据产品', summary: '按线路、站点、时段汇总的公交客流统计数据，已脱敏。' },
  legalSource: { description: '经授权运营协议取得。', attachments: [{ name: '授权运营协议.pdf', mediaType: 'application/pdf', digest: DIGEST, size: 1024 }] },
  evidence: { description: '已在存证平台存证。' },
  riskAssessment: { summary: '风险等级低。' },
});
const PATH = '/sandboxes/default/registration/v1/applications';

describe('a retry of a write an older version acknowledged under its Idempotency-Key', () => {
  const tempDir = useTempDirs();

  it('replays the acknowledged answer although the write is refused now (an undeclared query parameter); another key, or another body under the key, is refused', async () => {
    const dataDir = tempDir();
    const { open, callOf, logged } = replayableApp(dataDir);
    const first = open();
    const orgs = (await callOf(first)('GET', '/_sim/v1/sandboxes/default')).body.organizations as Org[];
    const filer = orgs.find((o) => o.roles.includes('registrant'))!;
    await first.close();

    const body = application(filer);
    // Acknowledged a minute ago, so the retry comes within the key's retention.
    journalAcknowledged(dataDir, [{ path: PATH, query: 'draft=1', body, caller: filer.id, idempotencyKey: 'filed-once', status: 201, at: new Date(Date.now() - 60_000).toISOString() }]);

    const second = open();
    const call = callOf(second);
    const filed = (await call('GET', '/registration/v1/applications', { as: filer })).body.items as { id: string }[];
    expect(filed).toHaveLength(1);
    const retry = await call('POST', '/registration/v1/applications?draft=1', { as: filer, body, headers: { 'idempotency-key': 'filed-once' } });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(filed[0]!.id);
    // Nothing new was made.
    expect((await call('GET', '/registration/v1/applications', { as: filer })).body.items).toHaveLength(1);

    // Not the same request: refused as any new one with the parameter is.
    for (const [key, sent] of [['another-key', body], ['filed-once', { ...body, resource: { ...body.resource, name: '另一个数据产品' } }]] as const) {
      const refused = await call('POST', '/registration/v1/applications?draft=1', { as: filer, body: sent, headers: { 'idempotency-key': key } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toMatchObject([{ pointer: '/query/draft', code: 'UNKNOWN_PARAMETER' }]);
    }
    await second.close();
    expect(logged).toEqual([]);
  });
});
