// Every validation error points at the field it is about and says one thing once (QA pass of
// December 2026): unknown top-level fields of `unevaluatedProperties` schemas, names needing
// RFC 6901 escapes, an `if` that fired because the field it reads is itself wrong, a `oneOf`
// given two of its alternatives, the same error reported by two schemas.
import { loadBundledSpec } from '@gdx/openapi';
import { signRequest } from '@gdx/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';

interface FieldError {
  pointer: string;
  code: string;
  message: { zh: string; en: string };
}

type Examples = { paths: Record<string, Record<string, { requestBody: { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> } }>> };
const exampleOf = (spec: 'registration' | 'catalog', path: string, name: string) =>
  (loadBundledSpec(spec) as unknown as Examples).paths[path]!.post!.requestBody.content['application/json']!.examples[name]!.value;

describe('validation errors point at the field, once', () => {
  let app: App;
  let org: { appKey: string; secret: string };

  beforeAll(async () => {
    app = createApp({ seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
    const sandbox = JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default', query: '', headers: {}, body: undefined })).body));
    org = sandbox.organizations[0];
  });
  afterAll(() => app.close());

  /** A signed platform request (or an unsigned simulation one) through `app.dispatch`. */
  const send = async (method: string, path: string, body: unknown, query = '') => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const url = query === '' ? path : `${path}?${query}`;
    if (!path.startsWith('/_sim/')) Object.assign(headers, signRequest({ method, url, body: text, appKey: org.appKey, secret: org.secret }));
    const answer = await app.dispatch({ method, path, query, headers, body: text });
    return { status: answer.status, body: JSON.parse(String(answer.body)) as { code: string; detail?: string; errors?: FieldError[] } };
  };
  const pointersOf = async (method: string, path: string, body: unknown) => {
    const answer = await send(method, path, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    for (const e of answer.body.errors ?? []) expect(e.message, e.pointer).toEqual({ zh: expect.any(String), en: expect.any(String) });
    return (answer.body.errors ?? []).map((e) => [e.pointer, e.code]);
  };

  describe('unknown fields of schemas closed with unevaluatedProperties', () => {
    it.each([
      ['a registration submission', 'POST', '/registration/v1/applications', { ...exampleOf('registration', '/applications', 'initial'), foo: 1 }],
      ['a catalog entry', 'POST', '/catalog/v1/entries', { ...exampleOf('catalog', '/entries', 'vehicles'), foo: 1 }],
      ['a catalog edit', 'PATCH', '/catalog/v1/entries/ent_1', { summary: '新摘要', foo: 1 }],
    ])('%s answers UNKNOWN_FIELD at /foo', async (_name, method, path, body) => {
      expect(await pointersOf(method, path, body)).toEqual([['/foo', 'UNKNOWN_FIELD']]);
    });

    it('points into a resubmission’s changes', async () => {
      expect(await pointersOf('POST', '/registration/v1/applications/rga_1/resubmissions', { changes: { foo: 1 } })).toEqual([['/changes/foo', 'UNKNOWN_FIELD']]);
    });

    it('escapes a field name holding / or ~ (RFC 6901)', async () => {
      expect(await pointersOf('PATCH', '/catalog/v1/entries/ent_1', { summary: '新摘要', 'a/b~c': 1 })).toEqual([['/a~1b~0c', 'UNKNOWN_FIELD']]);
      expect(await pointersOf('POST', '/_sim/v1/sandboxes/default/clock/advance', { workingDays: 1, 'x/y': 1 })).toEqual([['/x~1y', 'UNKNOWN_FIELD']]);
    });
  });

  describe('an unknown field says which field it is probably a misspelling of', () => {
    const messagesOf = async (method: string, path: string, body: unknown) => {
      const answer = await send(method, path, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      return Object.fromEntries((answer.body.errors ?? []).map((e) => [e.pointer, e.message]));
    };

    it('a required field misspelt: the field it lacks, in both languages', async () => {
      const { resource, rights, ...rest } = exampleOf('registration', '/applications', 'initial') as { resource: unknown; rights: Record<string, unknown> };
      const { rightTypes, ...otherRights } = rights;
      const messages = await messagesOf('POST', '/registration/v1/applications', { ...rest, resourse: resource, rights: { ...otherRights, RightTypes: rightTypes } });
      expect(messages['/resourse']).toEqual({ en: 'This field is not allowed (did you mean "resource"?)', zh: '不允许的字段（是否应为 "resource"？）' });
      expect(messages['/rights/RightTypes']).toEqual({ en: 'This field is not allowed (did you mean "rightTypes"?)', zh: '不允许的字段（是否应为 "rightTypes"？）' });
      expect(messages['/resource']).toEqual({ en: 'A required field is missing', zh: '缺少必填字段' });
    });

    it('an optional field misspelt: a property its schema names, also through allOf and $ref; a name like none of them gets no suggestion', async () => {
      // EntryPatch is `allOf: [{ $ref: EntryFields }]` closed by `unevaluatedProperties`.
      const edit = await messagesOf('PATCH', '/catalog/v1/entries/ent_1', { sumary: '新摘要', zzz: 1 });
      expect(edit['/sumary']).toEqual({ en: 'This field is not allowed (did you mean "summary"?)', zh: '不允许的字段（是否应为 "summary"？）' });
      expect(edit['/zzz']).toEqual({ en: 'This field is not allowed', zh: '不允许的字段' });
      const advance = await messagesOf('POST', '/_sim/v1/sandboxes/default/clock/advance', { duration: 'P1D', fireLimit: 3 });
      expect(advance['/fireLimit']?.en).toBe('This field is not allowed (did you mean "firedLimit"?)');
    });

    it('a value an enum refuses: the allowed value it is a slip for, in a body and in a query; none for a value like none', async () => {
      const example = exampleOf('registration', '/applications', 'initial') as { resource: Record<string, unknown> };
      const body = await messagesOf('POST', '/registration/v1/applications', { ...example, resource: { ...example.resource, generationFrequency: 'Daily' } });
      expect(body['/resource/generationFrequency']?.en).toMatch(/^The value is not one of the allowed values: .*daily.* \(did you mean "daily"\?\)$/);
      expect(body['/resource/generationFrequency']?.zh).toMatch(/（是否应为 "daily"？）$/);
      const query = await send('GET', '/registration/v1/applications', undefined, 'state=submited');
      expect(query.status).toBe(400);
      expect(query.body.errors?.[0]).toMatchObject({ pointer: '/query/state', code: 'ENUM', message: { en: expect.stringMatching(/\(did you mean "submitted"\?\)$/) } });
      const far = await send('GET', '/registration/v1/applications', undefined, 'state=zzzz');
      expect(far.body.errors?.[0]?.message.en).not.toMatch(/did you mean/);
    });
  });

  describe('an official action takes the members of its variant only', () => {
    const target = { platform: 'registration', objectType: 'application', objectId: 'rga_01JB8ZK3M2Q4W6Y8A0C2E4G6J8' };
    const actions = '/_sim/v1/sandboxes/default/actions';

    it('a misspelt optional member is refused, not ignored (the action would run with its defaults)', async () => {
      const answer = await send('POST', actions, { ...target, action: 'accept', organisationId: 'org_01GNNA1J00NQRH12FV19RXC795' });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        { pointer: '/organisationId', code: 'UNKNOWN_FIELD', message: { en: 'This field is not allowed (did you mean "organizationId"?)', zh: '不允许的字段（是否应为 "organizationId"？）' } },
      ]);
      expect(await pointersOf('POST', actions, { ...target, action: 'deliver', platform: 'sharing', objectType: 'request', grnt: { validUntil: '2026-03-31' } })).toEqual([['/grnt', 'UNKNOWN_FIELD']]);
      // A member another variant declares is not this one's.
      expect(await pointersOf('POST', actions, { ...target, action: 'accept', reasons: [{ text: '理由' }] })).toEqual([['/reasons', 'UNKNOWN_FIELD']]);
    });

    it('a misspelt required member: the member it lacks and the misspelling, nothing about the members it has', async () => {
      expect(await pointersOf('POST', actions, { ...target, action: 'not_accept', reason: [{ text: '材料不全' }] })).toEqual([
        ['/reasons', 'REQUIRED'],
        ['/reason', 'UNKNOWN_FIELD'],
      ]);
    });

    it('the members every action shares still pass', async () => {
      const answer = await send('POST', actions, { ...target, action: 'accept', note: '受理', organizationId: 'org_01GNNA1J00NQRH12FV19RXC795' });
      expect(answer.status).toBe(404); // validated; the object does not exist
    });
  });

  describe('keywords whose errors name the field', () => {
    it('propertyNames: a profile limit with a bad key is refused at that key', async () => {
      const errors = await pointersOf('POST', '/_sim/v1/sandboxes', { profile: { name: 'mine', extends: 'national', limits: { 'Bad Key': { value: 3 } } } });
      expect(errors).toEqual([['/profile/limits/Bad Key', 'PATTERN']]);
    });

    it('an inline profile the procedures refuse is refused at each bad field, not at /profile', async () => {
      const profile = (options: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ profile: { name: 'mine', extends: 'national', options, ...more } });
      // A state named twice: refused at the second (procedures: a set of values), nothing created.
      const twice = await send('POST', '/_sim/v1/sandboxes', profile({ authorizedOperation: { permissionsOpenWhile: ['amending', 'amending'] } }));
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([
        { pointer: '/profile/options/authorizedOperation/permissionsOpenWhile/1', code: 'DUPLICATE', message: { zh: expect.stringContaining('amending'), en: expect.stringContaining('amending') } },
      ]);
      expect(await pointersOf('POST', '/_sim/v1/sandboxes', profile({ authorizedOperation: { selectionMethods: ['designation', 'negotiation', 'designation'], permissionsOpenWhile: ['suspended'] } }))).toEqual([
        ['/profile/options/authorizedOperation/selectionMethods/2', 'DUPLICATE'],
        ['/profile/options/authorizedOperation/permissionsOpenWhile/0', 'ENUM'],
      ]);
      // A limit id holds a dot: the pointer keeps it one member; an unknown member is named itself.
      expect(await pointersOf('POST', '/_sim/v1/sandboxes', profile({ codeIssuance: 'sometimes', sharing: { complianceReview: true, extra: 1 } }, { limits: { 'sharing.reveiw': { value: 3 } } }))).toEqual([
        ['/profile/limits/sharing.reveiw', 'UNKNOWN_FIELD'],
        ['/profile/options/codeIssuance', 'ENUM'],
        ['/profile/options/sharing/extra', 'UNKNOWN_FIELD'],
      ]);
      const sandboxes = await send('GET', '/_sim/v1/sandboxes?limit=200', undefined);
      expect(JSON.stringify(sandboxes.body)).not.toContain('"mine"');
    });

    it('dependentSchemas: a retryAfterSeconds without status 503 names status', async () => {
      const rule = { operation: '*', probability: 1, kind: 'server_error', retryAfterSeconds: 2 };
      expect(await pointersOf('PUT', '/_sim/v1/sandboxes/default/faults', { rules: [rule] })).toEqual([['/rules/0/status', 'REQUIRED']]);
    });
  });

  describe('one clear error', () => {
    it('a clock advance with two of its alternatives says exactly one is allowed', async () => {
      const answer = await send('POST', '/_sim/v1/sandboxes/default/clock/advance', { workingDays: 1, duration: 'P1D' });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        {
          pointer: '',
          code: 'ONE_OF',
          message: {
            en: 'Exactly one of these fields is allowed: workingDays, duration, to (got workingDays, duration)',
            zh: '以下字段只能提供其中之一：workingDays、duration、to（收到 workingDays、duration）',
          },
        },
      ]);
    });

    it('a create sent without a body is told the body is missing, not a field', async () => {
      const answer = await send('POST', '/registration/v1/applications', '');
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ pointer: '', code: 'REQUIRED', message: { en: 'The request body is missing: this operation takes a JSON body', zh: '缺少请求体：该接口须发送 JSON 请求体' } }]);
    });

    it('a clock advance with none still names the alternatives', async () => {
      const answer = await send('POST', '/_sim/v1/sandboxes/default/clock/advance', {});
      expect(answer.body.errors).toEqual([{ pointer: '', code: 'REQUIRED', message: { en: 'One of these fields is required: workingDays, duration, to', zh: '须提供以下字段之一：workingDays、duration、to' } }]);
    });

    it('a clock advance with its field misspelt names the misspelling too', async () => {
      const answer = await send('POST', '/_sim/v1/sandboxes/default/clock/advance', { workingDay: 3 });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((e) => [e.pointer, e.code])).toEqual([
        ['', 'REQUIRED'],
        ['/workingDay', 'UNKNOWN_FIELD'],
      ]);
      expect(answer.body.errors?.[1]?.message.en).toBe('This field is not allowed (did you mean "workingDays"?)');
      expect(await pointersOf('POST', '/_sim/v1/sandboxes/default/clock/advance', { workingDays: 1, duration: 'P1D', foo: 1 })).toEqual([
        ['', 'ONE_OF'],
        ['/foo', 'UNKNOWN_FIELD'],
      ]);
    });

    it.each([
      ['a registration', '/registration/v1/applications'],
      ['a catalog entry', '/catalog/v1/entries'],
    ])('a top-level array for %s is one TYPE error', async (_name, path) => {
      expect(await pointersOf('POST', path, [])).toEqual([['', 'TYPE']]);
    });

    it('a registration type of the wrong type or value is one error at /type, no branch the type would pick', async () => {
      const example = exampleOf('registration', '/applications', 'initial');
      expect(await pointersOf('POST', '/registration/v1/applications', { ...example, type: 1 })).toEqual([['/type', 'ENUM']]);
      expect(await pointersOf('POST', '/registration/v1/applications', { ...example, type: 'inital' })).toEqual([['/type', 'ENUM']]);
    });

    it('a registration without type asks for type, not for the fields of every type', async () => {
      expect(await pointersOf('POST', '/registration/v1/applications', { foo: 1 })).toEqual([
        ['/type', 'REQUIRED'],
        ['/registrants', 'REQUIRED'],
        ['/foo', 'UNKNOWN_FIELD'],
      ]);
    });

    it('a sandbox profile of the wrong shape is judged as the branch its JSON type picks', async () => {
      expect(await pointersOf('POST', '/_sim/v1/sandboxes', { profile: 'nowhere' })).toEqual([['/profile', 'ENUM']]);
      expect(await pointersOf('POST', '/_sim/v1/sandboxes', { profile: { name: 'mine' } })).toEqual([['/profile/extends', 'REQUIRED']]);
      expect(await pointersOf('POST', '/_sim/v1/sandboxes', { profile: 7 })).toEqual([['/profile', 'TYPE']]);
    });
  });

  // A vendor's probe read "2 fields are invalid" for `?status=-1`: one field, failing two checks.
  describe('the detail counts fields, not errors', () => {
    it('one query parameter failing two checks is one invalid field', async () => {
      const answer = await send('GET', '/_sim/v1/sandboxes/default/requests', undefined, 'status=-1');
      expect(answer.body.errors?.map((e) => [e.pointer, e.code])).toEqual([['/query/status', 'LENGTH'], ['/query/status', 'PATTERN']]);
      expect(answer.body.detail).toBe('1 field is invalid');
    });

    it('two fields are two, however many errors each has', async () => {
      const answer = await send('GET', '/_sim/v1/sandboxes/default/requests', undefined, 'status=-1&requestId=');
      expect(new Set(answer.body.errors?.map((e) => e.pointer))).toEqual(new Set(['/query/status', '/query/requestId']));
      expect(answer.body.detail).toBe('2 fields are invalid');
    });
  });
});
