import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import { signRequest } from '@gdx/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, defaultPlatforms, type App, type DispatchRequest, type OpenApiDocument } from '../../src/index.js';
import { readSpecOperations } from '../../src/app/spec-operations.js';

/**
 * Property: whatever arrives at any operation of any contract — odd path segments, junk query,
 * non-JSON or wrongly typed bodies, with or without a valid signature — the mock never answers
 * 5xx, and a refused request (4xx) leaves every sandbox as it was.
 */
describe('bad input never gives a 5xx and never changes state', () => {
  let app: App;
  let org: { appKey: string; secret: string };
  const errors: unknown[] = [];

  const text = async (req: DispatchRequest) => {
    const res = await app.dispatch(req);
    return { status: res.status, body: typeof res.body === 'string' ? res.body : Buffer.from(res.body).toString('utf8') };
  };
  const fingerprint = async () => {
    const list = JSON.parse((await text({ method: 'GET', path: '/_sim/v1/sandboxes', query: 'limit=200', headers: { host: 'mock.local' }, body: undefined })).body) as { items: { id: string }[] };
    const hash = createHash('sha256');
    for (const { id } of list.items) {
      const snapshot = JSON.parse((await text({ method: 'GET', path: `/_sim/v1/sandboxes/${id}/snapshot`, query: '', headers: { host: 'mock.local' }, body: undefined })).body) as { state: unknown };
      hash.update(JSON.stringify(snapshot.state));
    }
    return hash.digest('hex');
  };

  beforeAll(async () => {
    app = createApp({ platforms: defaultPlatforms({ catalogEntries: 12 }), seed: 11, startAt: '2025-09-26T10:00:00+08:00', logError: (_message, error) => errors.push(error) });
    const sandbox = JSON.parse((await text({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: { host: 'mock.local' }, body: undefined })).body);
    org = sandbox.organizations[0];
  });

  // Mostly `default`, so simulation routes reach their handlers instead of stopping at "no such sandbox".
  const segment = fc.oneof(
    { arbitrary: fc.constant('default'), weight: 4 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
    { arbitrary: fc.constantFrom('x', '%', '%E0%A4%A', '..', 'rga_01J', '2025', '2027'), weight: 1 },
  );
  const queryValue = fc.oneof(fc.string({ maxLength: 10 }), fc.integer().map(String), fc.constantFrom('', '-1', '0', '201', 'true', '%'));
  const body = fc.oneof(
    fc.constant(undefined),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 40 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((v) => JSON.stringify(v)),
  );
  const contentType = fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/json; charset=utf-8', 'application/xml');

  for (const name of SPEC_NAMES) {
    const doc = loadBundledSpec(name) as OpenApiDocument;
    const root = name === 'simulation' ? '/_sim/v1' : `/${name}/v1`;
    for (const op of readSpecOperations(doc)) {
      it(`${name} ${op.operationId} (${op.method} ${op.path})`, async () => {
        const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
        let known: string | undefined;
        await fc.assert(
          fc.asyncProperty(
            fc.array(segment, { minLength: 4, maxLength: 4 }),
            fc.dictionary(fc.constantFrom(...queryNames, 'junk'), queryValue, { maxKeys: 3 }),
            body,
            contentType,
            fc.boolean(),
            fc.option(fc.string({ minLength: 0, maxLength: 300 })),
            async (segments, query, payload, type, signed, idempotencyKey) => {
              let i = 0;
              const path = root + op.path.replace(/\{[^}]+\}/g, () => {
                const value = segments[i++] ?? 'x';
                return value.startsWith('%') ? value : encodeURIComponent(value); // '%…' stays raw: malformed escapes
              });
              const search = new URLSearchParams(query).toString();
              const headers: Record<string, string> = { host: 'mock.local' };
              if (type !== undefined && payload !== undefined) headers['content-type'] = type;
              if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
              if (signed) Object.assign(headers, signRequest({ method: op.method, url: `${path}${search ? `?${search}` : ''}`, body: payload, appKey: org.appKey, secret: org.secret }));
              const before = (known ??= await fingerprint());
              const res = await text({ method: op.method, path, query: search, headers, body: payload });
              expect(res.status, res.body).toBeLessThan(500);
              if (res.status >= 400) expect(await fingerprint()).toBe(before);
              else known = undefined; // an accepted request may change state: take a new fingerprint
            },
          ),
          { numRuns: 25, seed: 20250926 },
        );
        expect(errors).toEqual([]);
      });
    }
  }
});
