// A list checks a cursor against its own key shape, which it states: before, the shape was read
// off the list's first item, so an empty list took any well-formed cursor and answered an empty
// page (a forged or another list's cursor passed unnoticed until the list had items).
import { describe, expect, it } from 'vitest';
import type { PlatformName } from '../../src/index.js';
import { defaultPlatforms } from '../../src/index.js';
import { encodeCursor } from '../../src/app/paging.js';
import { usePlatforms } from '../support/harness.js';
import { openSandbox, type TestSandbox } from '../support/sandbox.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 20 }));

type Key = (string | number)[];
/** A list of a fresh sandbox (nothing filed yet), who reads it (`null`: public) and a key of its shape. */
const LISTS: [PlatformName, string, string | null, Key][] = [
  ['registration', '/applications', 'registrant', [-1]],
  ['registration', '/registrations', 'registrant', [-1]],
  ['registration', '/public-notices', null, [-1]],
  ['registration', '/announcements', null, [-1, -1]],
  ['sharing', '/requests', 'applicant', [-1, 'shr_1']],
  ['sharing', '/grants', 'applicant', [-1, 'grt_1']],
  ['open-data', '/applications', 'data_user', [-1, 'oda_1']],
  ['open-data', '/rejections', null, ['2025-09-26', 'oda_1']],
  ['catalog', '/obligations', 'data_provider', ['2025-09-26T09:00:00+08:00', 'obl_1']],
  ['authorized-operation', '/plans', 'implementing_body', [-1, 'aop_1']],
  ['authorized-operation', '/selections', 'operator', [-1, 'aos_1']],
  ['authorized-operation', '/authorizations', 'operator', [-1, 'aoa_1']],
  ['authorized-operation', '/products', 'operator', [-1, 'aoq_1']],
  ['authorized-operation', '/public/authorizations', null, [-1, 'aoa_1']],
  ['authorized-operation', '/public/products', null, [-1, 'aoq_1']],
];

/** Keys no page of a list with `key`'s shape makes: each member of the other type, and one member too many. */
const forgeriesOf = (key: Key): Key[] => [key.map((k) => (typeof k === 'number' ? String(k) : 7)), [...key, 'more']];

describe('a cursor on an empty list', () => {
  let sbx: TestSandbox;
  const read = (platform: PlatformName, path: string, role: string | null, cursor: string) => {
    const as = role === null ? undefined : sbx.organizations.find((o) => o.roles.includes(role));
    if (role !== null && !as) throw new Error(`no ${role} in the sandbox`);
    return sbx.on(platform, 'GET', `${path}?cursor=${cursor}`, as ? { as } : {});
  };

  it.each(LISTS)('%s %s is refused unless it has the key shape of the list', async (platform, path, role, key) => {
    sbx = await openSandbox(ctx, { profile: 'national', seed: 3, reviewerPolicy: { mode: 'manual' } });
    const valid = await read(platform, path, role, encodeCursor(key));
    expect({ status: valid.status, total: valid.body.total }).toEqual({ status: 200, total: 0 });
    for (const forged of forgeriesOf(key)) {
      const reply = await read(platform, path, role, encodeCursor(forged));
      expect({ forged, status: reply.status, code: reply.body.code, errors: reply.body.errors }).toEqual({
        forged,
        status: 400,
        code: 'INVALID_CURSOR',
        errors: [{ pointer: '/query/cursor', code: 'INVALID_CURSOR', message: { zh: expect.any(String), en: expect.any(String) } }],
      });
    }
  });

  it('of the simulation API (webhooks) is refused unless it has the shape, and a cursor a page made still reads', async () => {
    sbx = await openSandbox(ctx, { profile: 'national', seed: 3, reviewerPolicy: { mode: 'manual' } });
    expect((await sbx.sim('GET', `/webhooks?cursor=${encodeCursor(['wh_1'])}`)).body.code).toBe('INVALID_CURSOR');
    expect((await sbx.sim('GET', `/webhooks?cursor=${encodeCursor([1758852000000, 'wh_1'])}`)).body).toEqual({ items: [], nextCursor: null, total: 0 });
    for (const url of ['https://a.example/hook', 'https://b.example/hook']) {
      expect((await sbx.sim('POST', '/webhooks', { url, organizationId: sbx.organizations[0]!.id, secret: 'whsec-0123456789abcdef' })).status).toBe(201);
    }
    const first = await sbx.sim('GET', '/webhooks?limit=1');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await sbx.sim('GET', `/webhooks?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items.map((h: { url: string }) => h.url)).not.toEqual(first.body.items.map((h: { url: string }) => h.url));
  });
});
