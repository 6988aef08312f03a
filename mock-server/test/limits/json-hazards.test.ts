import { loadBundledSpec } from '@gdx/openapi';
import { signRequest } from '@gdx/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { SIM_ROUTES } from '../../src/app/sim/index.js';
import { readSpecOperations } from '../../src/app/spec-operations.js';
import { TRANSPORTS, type Transport } from '../support/transports.js';

/**
 * Non-finite numbers, prototype-named keys, lone surrogates and NULs are refused like any invalid
 * or unknown field, at any depth, on every operation that takes JSON (the five platforms and
 * `/_sim/v1`), signed and through the HTTP server and the in-process fetch: 400
 * `VALIDATION_FAILED` with a field error at the field, never a 2xx (the value would be stored as
 * `null`, U+FFFD or echoed) and never a 5xx.
 */
const HAZARDS: readonly { body: string; pointer: string; code: string }[] = [
  { body: '{"__proto__":{"isAdmin":true}}', pointer: '/__proto__', code: 'UNKNOWN_FIELD' },
  { body: '{"constructor":{"prototype":{"x":1}}}', pointer: '/constructor', code: 'UNKNOWN_FIELD' },
  { body: '{"toString":"x"}', pointer: '/toString', code: 'UNKNOWN_FIELD' },
  { body: '{"a":{"b":[1,{"\\u0063onstructor":1}]}}', pointer: '/a/b/1/constructor', code: 'UNKNOWN_FIELD' },
  { body: '{"size":1e309}', pointer: '/size', code: 'RANGE' },
  { body: '{"x":{"y":[-1e309]}}', pointer: '/x/y/0', code: 'RANGE' },
  { body: '{"name":"a\\ud800"}', pointer: '/name', code: 'INVALID_TEXT' },
  { body: '{"a":[{"b\\u0000":1}]}', pointer: '/a/0/b\u0000', code: 'INVALID_TEXT' },
];

/** Every routed operation that takes a JSON body: `[label, method, path]`. */
function jsonOperations(app: App): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const platform of app.platforms) {
    for (const op of readSpecOperations(platform.spec)) {
      if (op.jsonBody && platform.operations[op.operationId]) out.push([`${platform.name} ${op.operationId}`, op.method, `/${platform.name}/v1${op.path.replace(/\{[^}]+\}/g, 'x')}`]);
    }
  }
  for (const route of SIM_ROUTES) {
    if (route.jsonBody) out.push([`simulation ${route.operationId}`, route.method, `/_sim/v1${route.path.replace(/\{sandboxId\}/g, 'default').replace(/\{[^}]+\}/g, '2025')}`]);
  }
  return out;
}

for (const name of ['in-process fetch', 'node:http server']) {
  describe(`JSON no schema accepts, through ${name}`, () => {
    const errors: unknown[] = [];
    const app = createApp({ seed: 5, startAt: '2025-09-26T10:00:00+08:00', logError: (_message, error) => errors.push(error) });
    let transport: Transport;
    let org: { appKey: string; secret: string };

    beforeAll(async () => {
      transport = await TRANSPORTS[name]!(app);
      const sandbox = await (await transport.fetch(`${transport.baseUrl}/_sim/v1/sandboxes/default`)).json();
      org = sandbox.organizations[0];
    });
    afterAll(async () => {
      await transport.close();
      await app.close();
      expect(errors).toEqual([]);
    });

    const operations = jsonOperations(app);
    it('finds the JSON operations of every contract', () => {
      const contracts = new Set(operations.map(([label]) => label.split(' ')[0]));
      expect([...contracts].sort()).toEqual(['authorized-operation', 'catalog', 'open-data', 'registration', 'sharing', 'simulation']);
    });

    it.each(operations)('%s (%s %s)', async (_label, method, path) => {
      for (const hazard of HAZARDS) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (!path.startsWith('/_sim/')) Object.assign(headers, signRequest({ method, url: path, body: hazard.body, appKey: org.appKey, secret: org.secret }));
        const res = await transport.fetch(`${transport.baseUrl}${path}`, { method, headers, body: hazard.body });
        const text = await res.text();
        expect(res.status, `${hazard.body} → ${text}`).toBe(400);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(JSON.parse(text)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: hazard.pointer, code: hazard.code, message: { zh: expect.any(String), en: expect.any(String) } }] });
      }
    });
  });
}

describe('a submission the mock accepts is refused once it carries one', () => {
  // The contract's own example of an initial registration, filed by an organisation with the
  // registrant role: accepted as it is; with a prototype-named member or a non-finite size it is
  // refused (before the fix, the first was accepted and echoed and the second stored as null).
  const doc = loadBundledSpec('registration') as unknown as { paths: Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> } } }> };
  const example = doc.paths['/applications']!.post.requestBody.content['application/json']!.examples.initial!.value;

  it.each([
    { name: 'as it is', edit: (json: string) => json, status: 201 },
    { name: 'with "toString" beside its fields', edit: (json: string) => json.replace(/^\{/, '{"toString":"x",'), status: 400, pointer: '/toString' },
    { name: 'with "__proto__" in the resource', edit: (json: string) => json.replace('"resource":{', '"resource":{"__proto__":{"admin":true},'), status: 400, pointer: '/resource/__proto__' },
    { name: 'with an attachment size of 1e309', edit: (json: string) => json.replace('"size":183220', '"size":1e309'), status: 400, pointer: '/legalSource/attachments/0/size' },
  ])('$name → $status', async ({ edit, status, pointer }) => {
    const app = createApp({ seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
    const fetch = TRANSPORTS['in-process fetch']!;
    const transport = await fetch(app);
    const sandbox = await (await transport.fetch(`${transport.baseUrl}/_sim/v1/sandboxes/default`)).json();
    const org = sandbox.organizations.find((o: { roles: string[] }) => o.roles.includes('registrant'));
    const body = edit(JSON.stringify({ ...example, registrants: [{ creditCode: org.creditCode, name: org.name }] }));
    const path = '/registration/v1/applications';
    const res = await transport.fetch(`${transport.baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signRequest({ method: 'POST', url: path, body, appKey: org.appKey, secret: org.secret }) } });
    const answer = await res.json();
    expect(res.status, JSON.stringify(answer)).toBe(status);
    if (pointer) expect(answer.errors).toEqual([expect.objectContaining({ pointer })]);
    await app.close();
  });
});
