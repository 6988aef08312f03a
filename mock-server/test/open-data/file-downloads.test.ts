// A dataset's file is served as a file server serves one (RFC 9110): validators, preconditions
// (412) and conditional requests (304), a download name (Content-Disposition), and single byte
// ranges (206, 416) — once the request may read the file at all: 401, 403 and 404 come first.
import { createHash } from 'node:crypto';
import { loadBundledSpec } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import { sharedContract } from '../../src/app/shared-contracts.js';
import type { OpenApiDocument } from '../../src/index.js';
import { createCatalogPlatform } from '../../src/platforms/catalog/index.js';
import { createOpenDataPlatform } from '../../src/platforms/open-data/index.js';
import type { DatasetFile, OpenDataset } from '../../src/sandbox/seed/types.js';
import { expectContract } from '../support/contract.js';
import { usePlatforms, type MockContext } from '../support/harness.js';
import { openWorld, useWorld, type World } from '../support/world.js';

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** An open dataset of the seed whose rows hold Chinese text, and its file of `format`. */
function fileOf(world: World, format: 'CSV' | 'JSON'): { dataset: OpenDataset; file: DatasetFile; path: string } {
  for (const dataset of world.seed.datasets) {
    const file = dataset.files.find((f) => f.format === format);
    if (dataset.openingType === 'open' && file) return { dataset, file, path: `${world.base('open-data')}${file.path}` };
  }
  throw new Error(`no open dataset with a ${format} file`);
}

/** A function that GETs (or HEADs) a path below `ctx`'s transport unsigned, keeping the body as the bytes sent. */
function downloader(ctx: MockContext) {
  return async (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Download> => {
    const response = await ctx.transport.fetch(`${ctx.transport.baseUrl}${path}`, { method, headers });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
}

describe('open-data file downloads', () => {
  const ctx = useWorld();
  const download = downloader(ctx);

  it('sends a strong ETag of the bytes, the dataset’s last change as Last-Modified, a download name and Accept-Ranges', async () => {
    const world = await openWorld(ctx);
    const csv = fileOf(world, 'CSV');
    const whole = await download(csv.path);
    expectContract('open-data', 'getDatasetFile', { status: whole.status, body: whole.bytes.toString() }, 200);
    // The first 128 bits of the SHA-256 of the bytes sent: the same for the same bytes in any run.
    expect(whole.headers.get('etag')).toBe(`"${createHash('sha256').update(whole.bytes).digest('hex').slice(0, 32)}"`);
    const lastModified = whole.headers.get('last-modified')!;
    expect(lastModified).toMatch(IMF_FIXDATE);
    expect(Date.parse(lastModified)).toBe(Math.floor(Date.parse(csv.dataset.modifiedAt) / 1000) * 1000);
    const name = csv.file.path.slice(csv.file.path.lastIndexOf('/') + 1);
    expect(whole.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    // Another file, other bytes: another tag.
    const json = await download(fileOf(world, 'JSON').path);
    expect(json.headers.get('etag')).not.toBe(whole.headers.get('etag'));
  });

  it('answers 304 with the validators and no body to an If-None-Match naming the ETag (weak comparison, lists, *)', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const first = await download(path);
    const etag = first.headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const current = await download(path, { 'if-none-match': ifNoneMatch });
      expect(current.status, ifNoneMatch).toBe(304);
      expect(current.bytes.length).toBe(0);
      expect([current.headers.get('etag'), current.headers.get('last-modified')]).toEqual([etag, first.headers.get('last-modified')]);
    }
    expect((await download(path, { 'if-none-match': '"other"' })).status).toBe(200);
    // If-None-Match decides alone: an If-Modified-Since that would match is not looked at (RFC 9110 §13.2.2).
    expect((await download(path, { 'if-none-match': '"other"', 'if-modified-since': 'Fri, 31 Dec 2100 00:00:00 GMT' })).status).toBe(200);
  });

  it('answers 304 to an If-Modified-Since not before Last-Modified, in any HTTP-date form, and ignores one that is no date', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const lastModified = (await download(path)).headers.get('last-modified')!;
    const at = Date.parse(lastModified);
    // `Sun Nov  6 08:49:37 1994`, from the parts of `Sun, 06 Nov 1994 08:49:37 GMT`.
    const asctime = (ms: number) => {
      const [day, date, month, year, time] = new Date(ms).toUTCString().split(' ');
      return `${day!.slice(0, 3)} ${month} ${date!.replace(/^0/, ' ')} ${time} ${year}`;
    };
    expect((await download(path, { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await download(path, { 'if-modified-since': new Date(at + 86_400_000).toUTCString() })).status).toBe(304);
    expect((await download(path, { 'if-modified-since': new Date(at - 1000).toUTCString() })).status).toBe(200);
    expect((await download(path, { 'if-modified-since': asctime(at) })).status).toBe(304);
    for (const notADate of ['yesterday', '2099', lastModified.replace('GMT', 'PST')]) {
      expect((await download(path, { 'if-modified-since': notADate })).status, notADate).toBe(200);
    }
  });

  /** An HTTP-date `seconds` from the instant of `lastModified` (an HTTP-date too). */
  const shifted = (lastModified: string, seconds: number) => new Date(Date.parse(lastModified) + seconds * 1000).toUTCString();

  it('answers 412 with the current validators, as problem+json at /header/if-match, to an If-Match not naming the ETag (strong comparison, lists, *)', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const first = await download(path);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    for (const ifMatch of [etag, `"other", ${etag}`, '*']) {
      const kept = await download(path, { 'if-match': ifMatch });
      expect(kept.status, ifMatch).toBe(200);
      expect(kept.bytes.equals(first.bytes), ifMatch).toBe(true);
    }
    // A weak tag never matches strongly, not even the same opaque tag.
    for (const ifMatch of ['"other"', `W/${etag}`, `"other", W/${etag}`]) {
      const refused = await world.openData('GET', path.slice(world.base('open-data').length), { headers: { 'if-match': ifMatch } });
      expectContract('open-data', 'getDatasetFile', refused, 412);
      expect([refused.headers.get('etag'), refused.headers.get('last-modified')], ifMatch).toEqual([etag, lastModified]);
      expect(refused.body).toMatchObject({ code: 'PRECONDITION_FAILED', errors: [{ pointer: '/header/if-match', code: 'PRECONDITION_FAILED', message: { zh: expect.any(String), en: expect.any(String) } }] });
    }
    // A HEAD is judged as its GET.
    expect((await download(path, { 'if-match': '"other"' }, 'HEAD')).status).toBe(412);
  });

  it('answers 412 at /header/if-unmodified-since when the file changed after its date, and ignores one that is no date', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const lastModified = (await download(path)).headers.get('last-modified')!;
    expect((await download(path, { 'if-unmodified-since': lastModified })).status).toBe(200);
    expect((await download(path, { 'if-unmodified-since': shifted(lastModified, 86_400) })).status).toBe(200);
    const refused = await world.openData('GET', path.slice(world.base('open-data').length), { headers: { 'if-unmodified-since': shifted(lastModified, -1) } });
    expectContract('open-data', 'getDatasetFile', refused, 412);
    expect(refused.headers.get('last-modified')).toBe(lastModified);
    expect(refused.body).toMatchObject({ code: 'PRECONDITION_FAILED', errors: [{ pointer: '/header/if-unmodified-since', code: 'PRECONDITION_FAILED' }] });
    for (const notADate of ['yesterday', '1999', `${shifted(lastModified, -1)}, ${shifted(lastModified, -2)}`]) {
      expect((await download(path, { 'if-unmodified-since': notADate })).status, notADate).toBe(200);
    }
  });

  it('evaluates If-Match alone when both are sent, and preconditions before If-None-Match and Range (RFC 9110 §13.2.2)', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const first = await download(path);
    const etag = first.headers.get('etag')!;
    const before = shifted(first.headers.get('last-modified')!, -1);
    const statusOf = async (headers: Record<string, string>) => (await download(path, headers)).status;
    // If-Match decides: an If-Unmodified-Since that would fail, or pass, is not looked at.
    expect(await statusOf({ 'if-match': etag, 'if-unmodified-since': before })).toBe(200);
    expect(await statusOf({ 'if-match': '"other"', 'if-unmodified-since': shifted(before, 86_400) })).toBe(412);
    // 412 before the 304 and the 206 or 416 the request would otherwise get.
    expect(await statusOf({ 'if-match': '"other"', 'if-none-match': etag })).toBe(412);
    expect(await statusOf({ 'if-unmodified-since': before, 'if-none-match': etag })).toBe(412);
    expect(await statusOf({ 'if-match': '"other"', range: 'bytes=0-9' })).toBe(412);
    expect(await statusOf({ 'if-unmodified-since': before, range: `bytes=${first.bytes.length}-` })).toBe(412);
    // A precondition met lets the rest run: the resumed range of the version held.
    expect(await statusOf({ 'if-match': etag, range: 'bytes=0-9' })).toBe(206);
    expect(await statusOf({ 'if-match': etag, 'if-none-match': etag })).toBe(304);
  });

  it('answers a single byte range with 206, Content-Range and exactly those bytes, also cutting a character; a piece of JSON as octet-stream', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'JSON');
    const whole = (await download(path)).bytes;
    const n = whole.length;
    // `[{"` then a Chinese field name: bytes 0-3 end inside its first character.
    expect(whole.subarray(0, 3).toString()).toBe('[{"');
    expect(whole[3]).toBeGreaterThanOrEqual(0xe0);
    const cases: [string, number, number][] = [
      ['bytes=0-3', 0, 3],
      ['bytes=4-', 4, n - 1],
      ['bytes=-5', n - 5, n - 1],
      [`bytes=10-${n + 100}`, 10, n - 1],
      [`bytes=-${n + 100}`, 0, n - 1],
      [' BYTES = 1-2 , ', 1, 2],
    ];
    for (const [range, first, last] of cases) {
      const part = await download(path, { range });
      expect(part.status, range).toBe(206);
      expect(part.headers.get('content-range'), range).toBe(`bytes ${first}-${last}/${n}`);
      // A piece of a JSON array is no JSON: not labelled as JSON (the contract's 206).
      expect(part.headers.get('content-type')).toBe('application/octet-stream');
      expect(part.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
      expect(part.bytes.equals(whole.subarray(first, last + 1)), range).toBe(true);
      expectContract('open-data', 'getDatasetFile', { status: part.status, body: part.bytes.toString() }, 206);
    }
  });

  it('sends a piece of the CSV file as text/csv', async () => {
    const world = await openWorld(ctx);
    const part = await download(fileOf(world, 'CSV').path, { range: 'bytes=0-9' });
    expect([part.status, part.headers.get('content-type')]).toEqual([206, 'text/csv; charset=utf-8']);
  });

  it('answers 416 with Content-Range bytes */length, as problem+json at /header/range, to a range the file does not have', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const n = (await download(path)).bytes.length;
    for (const range of [`bytes=${n}-`, `bytes=${n + 5}-${n + 9}`, 'bytes=-0']) {
      const refused = await world.openData('GET', path.slice(world.base('open-data').length), { headers: { range } });
      expectContract('open-data', 'getDatasetFile', refused, 416);
      expect(refused.headers.get('content-range'), range).toBe(`bytes */${n}`);
      expect(refused.body).toMatchObject({ code: 'RANGE_NOT_SATISFIABLE', errors: [{ pointer: '/header/range', code: 'RANGE_NOT_SATISFIABLE', message: { zh: expect.any(String), en: expect.any(String) } }] });
    }
  });

  it('ignores a malformed Range, another unit and several ranges: 200 with the whole file', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const whole = (await download(path)).bytes;
    for (const range of ['bytes=5-2', 'bytes=-', 'bytes=a-b', 'bytes 0-5', 'items=0-5', 'bytes=0-1,5-6']) {
      const answer = await download(path, { range });
      expect(answer.status, range).toBe(200);
      expect(answer.headers.get('content-range')).toBeNull();
      expect(answer.bytes.equals(whole), range).toBe(true);
    }
  });

  it('honours a Range under an If-Range naming this version (strong ETag or Last-Modified), else sends the whole file', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const first = await download(path);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    const statusUnder = async (ifRange: string) => (await download(path, { range: 'bytes=0-9', 'if-range': ifRange })).status;
    expect(await statusUnder(etag)).toBe(206);
    expect(await statusUnder(lastModified)).toBe(206);
    expect(await statusUnder('"another-version"')).toBe(200);
    expect(await statusUnder(`W/${etag}`)).toBe(200); // a weak tag never matches strongly
    expect(await statusUnder(new Date(Date.parse(lastModified) - 1000).toUTCString())).toBe(200);
  });

  it('describes the whole file to a HEAD, Range or not (ranges are defined for GET)', async () => {
    const world = await openWorld(ctx);
    const { path } = fileOf(world, 'CSV');
    const n = (await download(path)).bytes.length;
    const head = await download(path, { range: 'bytes=0-9' }, 'HEAD');
    expect([head.status, head.headers.get('content-length'), head.headers.get('content-range'), head.bytes.length]).toEqual([200, String(n), null, 0]);
  });

  it('answers 401, 403 and 404 before any condition or range', async () => {
    const world = await openWorld(ctx);
    const conditions = { range: 'bytes=0-9', 'if-match': '"other"', 'if-unmodified-since': 'Sat, 01 Jan 2000 00:00:00 GMT', 'if-none-match': '*', 'if-modified-since': 'Fri, 31 Dec 2100 00:00:00 GMT' };
    const guarded = world.seed.datasets.find((d) => d.openingType === 'on_application' && d.files.length > 0)!;
    const file = guarded.files[0]!.path;
    const unsigned = await world.openData('GET', file, { headers: conditions });
    expectContract('open-data', 'getDatasetFile', unsigned, 401);
    const ungranted = await world.openData('GET', file, { as: world.org('map-tech'), headers: conditions });
    expectContract('open-data', 'getDatasetFile', ungranted, 403);
    expect(ungranted.body.errors).toEqual([expect.objectContaining({ code: 'GRANT_REQUIRED' })]);
    const { dataset } = fileOf(world, 'CSV');
    for (const missing of [`/datasets/${dataset.id}/files/nothing.csv`, '/datasets/ods_01HBNZFK00BBRY34R9KGNS2PV9/files/x.csv']) {
      expectContract('open-data', 'getDatasetFile', await world.openData('GET', missing, { headers: conditions }), 404);
    }
  });
});

// A dataset is its catalog entry's published version (open-data.md "Datasets"): a new version
// published through the catalog's own workflow is a new file, and every validator of the old one
// stops naming it.
describe('open-data file downloads after a new catalog version', () => {
  const ctx = usePlatforms(() => [createCatalogPlatform({ spec: sharedContract('catalog') }), createOpenDataPlatform({ spec: loadBundledSpec('open-data') as OpenApiDocument })]);
  const download = downloader(ctx);

  it('sends a new ETag and Last-Modified once a change is published, and no longer honours the old ETag (200 to If-None-Match and If-Range, 412 to If-Match)', async () => {
    const world = await openWorld(ctx);
    const { dataset, path } = fileOf(world, 'CSV');
    const before = await download(path);
    const oldEtag = before.headers.get('etag')!;
    const oldLastModified = before.headers.get('last-modified')!;
    expect((await download(path, { 'if-none-match': oldEtag })).status).toBe(304);

    // The provider proposes the entry's sample rows less the first; a day later the authority publishes it.
    const provider = world.organizations.find((o) => o.creditCode === dataset.provider.creditCode)!;
    const entry = (await world.on('catalog', 'GET', `/entries/${dataset.entryId}`, { as: provider })).body;
    expect(entry.content.sampleData.length).toBeGreaterThan(0);
    const changes = { sampleData: entry.content.sampleData.slice(1) };
    expect((await world.on('catalog', 'POST', `/entries/${dataset.entryId}/changes`, { as: provider, body: { changes } })).status).toBe(200);
    expect((await world.advance({ duration: 'P1D' })).status).toBe(200);
    expect((await world.act({ platform: 'catalog', objectType: 'entry', objectId: dataset.entryId, action: 'publish' })).status).toBe(200);
    const published = (await world.on('catalog', 'GET', `/entries/${dataset.entryId}`, { as: provider })).body;
    expect(published).toMatchObject({ state: 'published', version: entry.version + 1 });

    const after = await download(path);
    expect(after.status).toBe(200);
    expect(after.bytes.equals(before.bytes)).toBe(false);
    const etag = after.headers.get('etag')!;
    expect(etag).not.toBe(oldEtag);
    const lastModified = after.headers.get('last-modified')!;
    expect(Date.parse(lastModified)).toBe(Math.floor(Date.parse(published.updatedAt) / 1000) * 1000);
    expect(Date.parse(lastModified)).toBeGreaterThan(Date.parse(oldLastModified));

    // The client's copy is no longer current: the new file, whole.
    const revalidated = await download(path, { 'if-none-match': oldEtag });
    expect([revalidated.status, revalidated.headers.get('etag')]).toEqual([200, etag]);
    expect(revalidated.bytes.equals(after.bytes)).toBe(true);
    expect((await download(path, { 'if-modified-since': oldLastModified })).status).toBe(200);
    // A request for the old version only fails, naming the current one.
    const refused = await world.openData('GET', path.slice(world.base('open-data').length), { headers: { 'if-match': oldEtag } });
    expectContract('open-data', 'getDatasetFile', refused, 412);
    expect([refused.headers.get('etag'), refused.headers.get('last-modified')]).toEqual([etag, lastModified]);
    expect(refused.body).toMatchObject({ code: 'PRECONDITION_FAILED', errors: [{ pointer: '/header/if-match', code: 'PRECONDITION_FAILED' }] });
    expect(refused.body.detail).toContain(etag);
    // A range resumed under the old version gets the whole new file, not a piece of it.
    const resumed = await download(path, { range: 'bytes=0-9', 'if-range': oldEtag });
    expect([resumed.status, resumed.headers.get('content-range')]).toEqual([200, null]);
    expect(resumed.bytes.equals(after.bytes)).toBe(true);
    expect((await download(path, { range: 'bytes=0-9', 'if-range': oldLastModified })).status).toBe(200);
    expect((await download(path, { range: 'bytes=0-9', 'if-range': etag })).status).toBe(206);
  });
});
