import { describe, expect, it } from 'vitest';
import { ApiError, OpenDataClient } from '@gdx/open-data';
import { SharingClient } from '@gdx/sharing';
import { SimulationClient } from '@gdx/simulation';
import { entryOf, REQUESTER, requestBody } from '../sharing/fixtures.js';
import { openWorld, useWorld } from '../support/world.js';
import { TRANSPORTS } from '../support/transports.js';

describe.each(Object.keys(TRANSPORTS))('SDK clients against the mock (%s)', (name) => {
  const ctx = useWorld(TRANSPORTS[name]!);

  it('submits, decides through the simulation client, and reads back', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const base = `${ctx.transport.baseUrl}/sandboxes/${world.id}`;
    const org = world.org(REQUESTER);
    const fetch = ctx.transport.fetch;
    const sharing = new SharingClient({ baseUrl: `${base}/sharing/v1`, credentials: { appKey: org.appKey, secret: org.secret }, fetch, validateResponses: true });
    const sim = new SimulationClient({ baseUrl: `${ctx.transport.baseUrl}/_sim/v1`, fetch });
    const request = await sharing.requests.submit(requestBody(entryOf(world, 'conditional')) as never);
    expect(request.state).toBe('under_review');
    expect(request.deadline?.dueDate).toBe('2025-10-10');
    const result = await sim.officials.act(world.id, { platform: 'sharing', objectType: 'request', objectId: request.id, action: 'reject', reasons: [{ text: '超出场景' }] });
    expect(result.to).toBe('rejected');
    const disputed = await sharing.requests.dispute(request.id, { text: '请协调' });
    expect(disputed.state).toBe('disputed');
    const events = await sharing.requests.events(request.id).toArray();
    expect(events.map((e) => e.to)).toEqual(['submitted', 'under_review', 'rejected', 'disputed']);

    const operator = world.org('data-operator');
    const openData = new OpenDataClient({ baseUrl: `${base}/open-data/v1`, credentials: { appKey: operator.appKey, secret: operator.secret }, fetch, validateResponses: true });
    const datasets = await openData.datasets.list({ limit: 3 }).toArray();
    expect(datasets.length).toBeGreaterThan(0);
    // A distribution's file comes as CSV text; the data interface pages its rows.
    const open = world.seed.datasets.find((d) => d.openingType === 'open' && d.api && d.files.some((f) => f.format === 'CSV'))!;
    const csv = await openData.datasets.getFile(open.id, `${open.resourceCode}.csv`);
    expect(typeof csv === 'string' && csv.split('\r\n')[0]).toBe(open.fields.map((f) => f.name).join(','));
    expect(await openData.datasets.listRecords(open.id).toArray()).toEqual(open.sampleRows);
    // Without credentials the client sends them unsigned: open data is anyone's (无条件开放).
    const anonymous = new OpenDataClient({ baseUrl: `${base}/open-data/v1`, fetch, validateResponses: true });
    expect(await anonymous.datasets.getFile(open.id, `${open.resourceCode}.csv`)).toBe(csv);
    expect(await anonymous.datasets.listRecords(open.id).toArray()).toEqual(open.sampleRows);
    // A byte range of a file comes as its text, unparsed (a piece of JSON is no JSON), and as exactly
    // its bytes on the wire, also cut inside a character; a copy still current is a 304 ApiError.
    const withJson = world.seed.datasets.find((d) => d.openingType === 'open' && d.files.some((f) => f.format === 'JSON'))!;
    const jsonName = `${withJson.resourceCode}.json`;
    const whole = Buffer.from(JSON.stringify(withJson.sampleRows));
    expect(await anonymous.datasets.getFile(withJson.id, jsonName, { headers: { range: 'bytes=0-1' } })).toBe('[{');
    const cut = await fetch(`${base}/open-data/v1/datasets/${withJson.id}/files/${jsonName}`, { headers: { range: 'bytes=2-3' } });
    expect([cut.status, cut.headers.get('content-range')]).toEqual([206, `bytes 2-3/${whole.length}`]);
    expect(Buffer.from(await cut.arrayBuffer()).equals(whole.subarray(2, 4))).toBe(true);
    const etag = cut.headers.get('etag')!;
    const current = await anonymous.datasets.getFile(withJson.id, jsonName, { headers: { 'if-none-match': etag } }).catch((e: unknown) => e);
    expect(current).toBeInstanceOf(ApiError);
    expect([(current as ApiError).status, (current as ApiError).headers.get('etag')]).toEqual([304, etag]);
    // A resume under If-Match goes on while the file is that version; another version is a 412
    // ApiError PRECONDITION_FAILED carrying the current ETag.
    expect(await anonymous.datasets.getFile(withJson.id, jsonName, { headers: { 'if-match': etag, range: 'bytes=0-1' } })).toBe('[{');
    const changed = await anonymous.datasets.getFile(withJson.id, jsonName, { headers: { 'if-match': '"other"', range: 'bytes=2-' } }).catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(ApiError);
    expect([(changed as ApiError).status, (changed as ApiError).code, (changed as ApiError).headers.get('etag')]).toEqual([412, 'PRECONDITION_FAILED', etag]);
    const demand = await openData.demands.submit({ title: '公交到站数据', description: '出行应用' });
    expect((await openData.demands.get(demand.id)).state).toBe('submitted');
  });
});
