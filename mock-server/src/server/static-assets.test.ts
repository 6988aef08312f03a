import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHashedName, safeSegments, serveStaticFile } from './static-assets.js';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'gdx-static-'));
  root = join(base, 'public');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'index-BXk3j2Qa.js'), 'export {};');
  writeFileSync(join(root, 'redoc.standalone.js'), 'void 0;');
  writeFileSync(join(root, 'data.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'secret.txt'), 'outside');
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(base, join(root, 'up'));
  symlinkSync(join(root, 'index.html'), join(root, 'alias.html'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (relativePath: string, headers: Record<string, string> = {}, method = 'GET') => serveStaticFile(root, { method, path: `/static/${relativePath}`, headers }, relativePath);

describe('serveStaticFile', () => {
  it.each([
    { path: 'index.html', type: 'text/html; charset=utf-8', cache: 'no-cache' },
    { path: 'assets/index-BXk3j2Qa.js', type: 'text/javascript; charset=utf-8', cache: 'public, max-age=31536000, immutable' },
    { path: 'redoc.standalone.js', type: 'text/javascript; charset=utf-8', cache: 'no-cache' },
    { path: 'data.bin', type: 'application/octet-stream', cache: 'no-cache' },
    { path: 'alias.html', type: 'text/html; charset=utf-8', cache: 'no-cache' },
  ])('serves $path as $type with $cache', async ({ path, type, cache }) => {
    const answer = await get(path);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' });
    expect(answer.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('answers 304 without a body when If-None-Match names the ETag, 200 for another tag', async () => {
    const { headers } = await get('index.html');
    const etag = headers.etag as string;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get('index.html', { 'if-none-match': ifNoneMatch });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
    }
    expect((await get('index.html', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers HEAD like GET and refuses other methods with 405 and Allow', async () => {
    expect((await get('index.html', {}, 'HEAD')).status).toBe(200);
    const post = await get('index.html', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it.each([
    'missing.js',
    'assets',
    'assets/',
    '../secret.txt',
    '..%2fsecret.txt',
    '%2e%2e/secret.txt',
    '%2E%2E%2Fsecret.txt',
    'assets/../../secret.txt',
    'assets/%2e%2e/%2e%2e/secret.txt',
    '..%5csecret.txt',
    '..\\secret.txt',
    './index.html',
    '%2e/index.html',
    '/etc/passwd',
    '%2fetc%2fpasswd',
    'index.html%00.js',
    '%E0%A4%A',
    '.env',
    'leak.txt',
    'up/secret.txt',
    `${'a/'.repeat(200)}index.html`,
  ])('refuses %s with the same 404 problem', async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body as string)).toMatchObject({ code: 'NOT_FOUND', errors: [{ pointer: '/path' }] });
  });
});

describe('safeSegments', () => {
  it.each([
    { given: 'a/b.js', want: ['a', 'b.js'] },
    { given: '%E6%95%B0.txt', want: ['数.txt'] },
    { given: 'a//b', want: undefined },
    { given: 'a/%2E%2e/b', want: undefined },
    { given: 'a%2Fb', want: undefined },
  ])('$given → $want', ({ given, want }) => {
    expect(safeSegments(given)).toEqual(want);
  });
});

describe('isHashedName', () => {
  it.each([
    { given: 'assets/index-BXk3j2Qa.js', want: true },
    { given: 'main.3f9a1c2e.css', want: true },
    { given: 'redoc.standalone.js', want: false },
    { given: 'index.html', want: false },
    { given: 'app.js', want: false },
  ])('$given → $want', ({ given, want }) => {
    expect(isHashedName(given)).toBe(want);
  });
});
