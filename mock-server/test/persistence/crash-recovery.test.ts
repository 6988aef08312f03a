import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signRequest, WEBHOOK_HEADERS } from '@gdx/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { killed, newestSnapshot, startChild } from '../support/spawn-cli.js';

describe('crash recovery of gdx-mock --data-dir', () => {
  // Undone last first, each awaited: a child is dead before its data directory is removed (removing
  // it under a live child failed with ENOTEMPTY on a loaded machine).
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  const stop = (child: ChildProcess) => () => {
    child.kill('SIGKILL');
    return killed(child);
  };

  // Every 40 writes, the compaction worker writes a snapshot while the creates go on: the kill
  // lands between, during or after them.
  it.each([{ extra: [] }, { extra: ['--compact-every', '40'] }])('keeps every acknowledged create after kill -9 under load ($extra)', async ({ extra }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-crash-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // The load is webhook subscriptions, more than a sandbox holds by default (100).
    const first = await startChild(dataDir, ['--max-webhooks', '1000', ...extra]);
    cleanup.push(stop(first.child));
    const sandbox = await (await fetch(`${first.url}/_sim/v1/sandboxes/default`)).json();
    const organizationId: string = sandbox.organizations[0].id;

    const acknowledged: string[] = [];
    let armed = false;
    let killedAfter = -1;
    const create = async (i: number) => {
      try {
        const res = await fetch(`${first.url}/_sim/v1/sandboxes/default/webhooks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ organizationId, url: `http://127.0.0.1:9/hook/${i}`, secret: 'whsec-0123456789abcdef' }),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        if (armed && killedAfter < 0) {
          killedAfter = acknowledged.length;
          first.child.kill('SIGKILL');
        }
      } catch {
        // the server died under this request: it was never acknowledged
      }
    };
    let sent = 0;
    const wave = () => Promise.all(Array.from({ length: 40 }, () => create(sent++)));
    while (acknowledged.length < 150 && sent < 800) await wave();
    // From the 40th write on a snapshot was due. The worker writing it runs at the lowest CPU
    // priority, so on a busy machine it waits for a free core: more writes would not bring it
    // sooner, only make the next one larger. The test's own timeout bounds the wait: three busy
    // processes beside a whole `npm test` on two cores made it 109 s (about 3 s when quiet).
    while (extra.length > 0 && newestSnapshot(dataDir) < 40) await new Promise((resolve) => setTimeout(resolve, 50));
    // The kill lands within the next wave of concurrent creates (and, with snapshots, while the
    // next one is due or being written).
    armed = true;
    await wave();
    await killed(first.child);
    expect(killedAfter).toBeGreaterThanOrEqual(150);

    const second = await startChild(dataDir, extra);
    cleanup.push(stop(second.child));
    const present = new Set<string>();
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = (await (await fetch(`${second.url}/_sim/v1/sandboxes/default/webhooks?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json()) as { items: { id: string }[]; nextCursor: string | null };
      for (const hook of page.items) present.add(hook.id);
      cursor = page.nextCursor;
    }
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    expect(present.size).toBeGreaterThanOrEqual(acknowledged.length);
  }, 300_000);

  it('delivers after restart a webhook delivery that was pending at kill -9', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-crash-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const receiver = { status: 500, ids: [] as string[] };
    const server = createServer((req, res) => {
      req.resume().on('end', () => {
        receiver.ids.push(String(req.headers[WEBHOOK_HEADERS.deliveryId]));
        res.writeHead(receiver.status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => server.close(resolve)));
    const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

    const first = await startChild(dataDir);
    cleanup.push(stop(first.child));
    // Demands come from society: an organisation with the applicant role files it.
    const org = (await (await fetch(`${first.url}/_sim/v1/sandboxes/default`)).json()).organizations.find((o: { roles: string[] }) => o.roles.includes('applicant'));
    await fetch(`${first.url}/_sim/v1/sandboxes/default/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organizationId: org.id, url: hookUrl, secret: 'whsec-0123456789abcdef' }),
    });
    const url = `${first.url}/open-data/v1/demands`;
    const body = JSON.stringify({ title: '公交车辆实时到站数据', description: '用于出行类应用。', intendedUse: '出行信息服务' });
    const demand = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signRequest({ method: 'POST', url, body, appKey: org.appKey, secret: org.secret }) } });
    expect(demand.status).toBe(201);
    const deliveries = async (base: string) => (await (await fetch(`${base}/_sim/v1/sandboxes/default/webhooks/deliveries`)).json()).items;
    while (receiver.ids.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    first.child.kill('SIGKILL');
    await killed(first.child);

    receiver.status = 204;
    const second = await startChild(dataDir);
    cleanup.push(stop(second.child));
    let log = await deliveries(second.url);
    while (log[0]?.state === 'pending') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      log = await deliveries(second.url);
    }
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ id: 'dlv_1_1', state: 'delivered' });
    expect(log[0].attempts.at(-1)).toMatchObject({ status: 204 });
    expect(new Set(receiver.ids)).toEqual(new Set(['dlv_1_1']));
  });
});
