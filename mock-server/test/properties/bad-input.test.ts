import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import { signRequest } from '@gdx/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, defaultPlatforms, type App, type DispatchRequest, type OpenApiDocument } from '../../src/index.js';
import { readSpecOperations, resolveLocalRef, type SpecOperation } from '../../src/app/spec-operations.js';

/**
 * Property: whatever arrives at any operation of any contract — odd path segments, junk query,
 * non-JSON or wrongly typed bodies, JSON with non-finite numbers or prototype-named keys, with or
 * without a valid signature — the mock never answers 5xx, every refusal (4xx) is problem+json and
 * leaves every sandbox as it was, and JSON no schema accepts is never accepted.
 */
describe('bad input never gives a 5xx and never changes state', () => {
  let app: App;
  let org: { appKey: string; secret: string };
  const errors: unknown[] = [];

  const text = async (req: DispatchRequest) => {
    const res = await app.dispatch(req);
    return { status: res.status, contentType: res.headers['content-type'], body: typeof res.body === 'string' ? res.body : Buffer.from(res.body).toString('utf8') };
  };
  /**
   * Every sandbox's whole snapshot as exported: its settings and state, and the virtual clock's
   * instant it is taken at (which no request of this test moves without being accepted). Hashed as
   * the text the mock sends, not parsed and serialised again: that was a third of this file's CPU,
   * with a fingerprint after each of ~3,000 refusals.
   */
  const fingerprint = async () => {
    const list = JSON.parse((await text({ method: 'GET', path: '/_sim/v1/sandboxes', query: 'limit=200', headers: { host: 'mock.local' }, body: undefined })).body) as { items: { id: string }[] };
    const hash = createHash('sha256');
    for (const { id } of list.items) {
      const snapshot = await text({ method: 'GET', path: `/_sim/v1/sandboxes/${id}/snapshot`, query: '', headers: { host: 'mock.local' }, body: undefined });
      expect(snapshot.status).toBe(200);
      hash.update(snapshot.body);
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
            fc.oneof({ arbitrary: body, weight: 4 }, { arbitrary: hazardousExample(requestExamples(doc, op)), weight: 2 }),
            contentType,
            fc.boolean(),
            fc.option(fc.string({ minLength: 0, maxLength: 300 })),
            async (segments, query, generated, type, signed, idempotencyKey) => {
              const payload = typeof generated === 'object' ? generated.hazard : generated;
              const hazardous = typeof generated === 'object';
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
              if (res.status >= 400) expect(res.contentType, res.body).toBe('application/problem+json');
              // Refused as it is read (JSON operations with a JSON content type), before any handler.
              if (hazardous && op.jsonBody && type !== undefined && type.startsWith('application/json')) expect(res.status, `${payload} → ${res.body}`).toBeGreaterThanOrEqual(400);
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

/** The example values of an operation's JSON request body in its contract (`{}` when it has none). */
function requestExamples(doc: OpenApiDocument, op: SpecOperation): unknown[] {
  const operation = (resolveLocalRef(doc, doc.paths?.[op.path]) as Record<string, { requestBody?: unknown }>)[op.method.toLowerCase()];
  const body = resolveLocalRef(doc, operation?.requestBody) as { content?: Record<string, { example?: unknown; examples?: Record<string, unknown> }> } | undefined;
  const json = body?.content?.['application/json'];
  const values = [...(json?.example !== undefined ? [json.example] : []), ...Object.values(json?.examples ?? {}).map((e) => (resolveLocalRef(doc, e) as { value?: unknown }).value)];
  return values.filter((v) => v !== undefined).length > 0 ? values.filter((v) => v !== undefined) : [{}];
}

/** Stands for the hazard in the serialised example until the raw JSON text is put in its place. */
const SENTINEL = '§hazard§';

/**
 * An example body of the contract (valid, so only the hazard can refuse it) with one hazard put in
 * at a random place: a number there becomes `1e309`/`-1e309`/a 320-digit integer, or an object
 * there gains a member named `__proto__`, `constructor`, `toString`, `valueOf` (once escaped).
 */
function hazardousExample(examples: unknown[]): fc.Arbitrary<{ hazard: string }> {
  const numbers = ['1e309', '-1e309', `1${'0'.repeat(320)}`];
  const keys = ['"__proto__"', '"constructor"', '"toString"', '"valueOf"', '"\\u005f_proto__"'];
  return fc.tuple(fc.constantFrom(...examples), fc.nat(), fc.constantFrom(...numbers, ...keys)).map(([example, pick, hazard]) => {
    const copy: unknown = structuredClone(example);
    const objects: Record<string, unknown>[] = [];
    const numberSlots: [Record<string, unknown>, string][] = [];
    const visit = (value: unknown): void => {
      if (value === null || typeof value !== 'object') return;
      if (!Array.isArray(value)) objects.push(value as Record<string, unknown>);
      for (const [key, child] of Object.entries(value)) {
        if (typeof child === 'number') numberSlots.push([value as Record<string, unknown>, key]);
        visit(child);
      }
    };
    visit(copy);
    const root = objects[0] ?? {};
    if (numbers.includes(hazard)) {
      const [parent, key] = numberSlots[pick % Math.max(numberSlots.length, 1)] ?? [root, 'size'];
      parent[key] = SENTINEL;
      return { hazard: JSON.stringify(objects.length > 0 ? copy : root).replace(`"${SENTINEL}"`, hazard) };
    }
    Object.defineProperty(objects[pick % Math.max(objects.length, 1)] ?? root, SENTINEL, { value: 1, enumerable: true });
    return { hazard: JSON.stringify(objects.length > 0 ? copy : root).replace(`"${SENTINEL}"`, hazard) };
  });
}
