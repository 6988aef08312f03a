// The operation-level rules every document follows (docs/design.md "Operations" and house rules).
import { describe, expect, it } from 'vitest';
import { loadBundledSpec, PLATFORMS, SPEC_NAMES, type SpecName } from '../src/index.js';
import { DESIGN_OPERATIONS } from './fixtures/operations.js';
import { operationsOf, parametersOf, resolve, type JsonObject } from './helpers/walk-spec.js';

const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const PUBLIC: Record<string, readonly string[]> = {
  registration: ['listPublicNotices', 'getPublicNotice', 'lookupRegistration', 'listAnnouncements'],
  sharing: [],
  'open-data': ['listDatasets', 'getDataset', 'listOpeningPlans', 'listRejections'],
  catalog: ['searchEntries', 'exportDcat', 'getDcatEntry'],
  'authorized-operation': ['listDisclosedAuthorizations', 'listDisclosedProducts'],
};

// Operations anyone may call, whose signature, when sent, is checked (`security: [{…}, {}]`).
const OPTIONALLY_SIGNED: Record<string, readonly string[]> = {
  'open-data': ['getDatasetFile', 'listDatasetRecords'],
};

// The six headers the platform refuses a signed request without (401 SIGNATURE_MISSING).
const SIGNING_SCHEMES: Record<string, string> = {
  gdxAppKey: 'X-Gdx-App-Key',
  gdxSignature: 'X-Gdx-Signature',
  gdxTimestamp: 'X-Gdx-Timestamp',
  gdxNonce: 'X-Gdx-Nonce',
  gdxSignatureMethod: 'X-Gdx-Signature-Method',
  gdxContentDigest: 'X-Gdx-Content-Digest',
};

function rows(name: SpecName) {
  const spec = loadBundledSpec(name);
  return operationsOf(spec).map((ref) => [`${ref.method.toUpperCase()} ${ref.path}`, spec, ref] as const);
}

describe.each(SPEC_NAMES)('%s operations', (name) => {
  it('are exactly those of docs/design.md, with their SDK names', () => {
    const actual = operationsOf(loadBundledSpec(name)).map(
      (r) => [r.method, r.path, r.operation['x-gdx-resource'], r.operation['x-gdx-method']] as const,
    );
    const key = (o: readonly unknown[]) => o.join(' ');
    expect(actual.map(key).sort()).toEqual(DESIGN_OPERATIONS[name].map(key).sort());
  });

  it.each(rows(name))('%s is complete', (_label, spec, ref) => {
    const op = ref.operation;
    expect(op['operationId']).toMatch(CAMEL);
    expect(op['x-gdx-resource']).toMatch(CAMEL);
    expect(op['x-gdx-method']).toMatch(CAMEL);
    expect(String(op['summary'])).toMatch(/[\u4e00-\u9fff]/);
    expect(String(op['description'])).toMatch(/[A-Za-z]{3}/);
    expect(String(op['description'])).toMatch(/[\u4e00-\u9fff]/);
    expect((op['tags'] as string[]).length).toBeGreaterThan(0);

    const responses = op['responses'] as JsonObject;
    const errors = Object.entries(responses).filter(([status]) => /^[45]/.test(status));
    expect(errors.length).toBeGreaterThan(0);
    for (const [, response] of errors) {
      const content = resolve<JsonObject>(spec, response)['content'] as JsonObject;
      expect(Object.keys(content)).toEqual(['application/problem+json']);
    }
    for (const [, response] of Object.entries(responses)) {
      expect(Object.keys(resolve<JsonObject>(spec, response)['headers'] as JsonObject)).toContain('X-Request-Id');
    }
    if (responses['429']) {
      expect(Object.keys(resolve<JsonObject>(spec, responses['429'])['headers'] as JsonObject)).toContain('Retry-After');
    }

    const creates = '201' in responses || (ref.method === 'post' && (PLATFORMS as readonly string[]).includes(name));
    const params = parametersOf(spec, ref);
    if (creates) {
      expect(params.map((p) => p['name'])).toContain('Idempotency-Key');
      const created = resolve<JsonObject>(spec, responses['201'] ?? responses['200']);
      expect(Object.keys(created['headers'] as JsonObject)).toContain('Idempotent-Replayed');
    }
    if (op['requestBody']) expect(responses['415']).toBeDefined();
    if (/\{[A-Za-z]+\}/.test(ref.path)) expect(responses['404']).toBeDefined();
  });
});

describe.each(PLATFORMS)('%s security', (platform) => {
  const spec = loadBundledSpec(platform);

  it('signs by default: one requirement naming a header scheme for each of the six signing headers', () => {
    const schemes = spec.components['securitySchemes'] as Record<string, JsonObject>;
    expect(spec['security']).toEqual([Object.fromEntries(Object.keys(SIGNING_SCHEMES).map((name) => [name, []]))]);
    for (const [name, header] of Object.entries(SIGNING_SCHEMES)) {
      expect(schemes[name]).toMatchObject({ type: 'apiKey', in: 'header', name: header });
    }
  });

  it.each(operationsOf(spec).map((r) => [String(r.operation['operationId']), r] as const))('%s: public or optionally signed iff listed', (id, ref) => {
    const security = ref.operation['security'];
    const isPublic = Array.isArray(security) && security.length === 0;
    expect(isPublic).toBe(PUBLIC[platform]?.includes(id));
    const isOptional = OPTIONALLY_SIGNED[platform]?.includes(id) ?? false;
    // Optional authentication: the signing requirement of the document first, none at all last.
    if (isOptional) expect([(security as unknown[])[0], (security as unknown[]).at(-1)]).toEqual([...(spec['security'] as unknown[]), {}]);
    else if (!isPublic) expect(security).toBeUndefined();
    const responses = ref.operation['responses'] as JsonObject;
    // A signature sent to an optionally signed operation is checked: it can still answer 401.
    expect('401' in responses).toBe(!isPublic);
  });

  it('mounts at the mock platform root', () => {
    expect(spec.servers?.[0]?.url).toBe(`http://127.0.0.1:4010/${platform}/v1`);
  });
});

// The operations that require a role of the signed organisation (docs/design.md "who" column).
const ROLE_GUARDED: readonly (readonly [platform: (typeof PLATFORMS)[number], operationId: string, role: string])[] = [
  ['catalog', 'createEntry', 'data_provider'],
  ['catalog', 'reportFunctionChange', 'data_provider'],
  ['sharing', 'submitRequest', 'data_user'],
  ['sharing', 'submitQualityIssue', 'data_user'],
  ['registration', 'submitApplication', 'registrant'],
  ['open-data', 'submitApplication', 'applicant'],
  ['open-data', 'submitDemand', 'applicant'],
  ['authorized-operation', 'createPlan', 'implementing_body'],
  ['authorized-operation', 'submitPlan', 'implementing_body'],
  ['authorized-operation', 'proposePlanChange', 'implementing_body'],
  ['authorized-operation', 'createSelection', 'implementing_body'],
  ['authorized-operation', 'submitBid', 'operator'],
  ['authorized-operation', 'reportRectification', 'operator'],
  ['authorized-operation', 'fileSuspensionFeedback', 'operator'],
  ['authorized-operation', 'requestTermination', 'operator'],
  ['authorized-operation', 'discloseAuthorization', 'implementing_body'],
  ['authorized-operation', 'discloseOperation', 'operator'],
  ['authorized-operation', 'reportStatus', 'operator'],
  ['authorized-operation', 'applyForFormalFees', 'grantor'],
  ['authorized-operation', 'submitAnnualReport', 'grantor'],
  ['authorized-operation', 'reportCeilings', 'grantor'],
  ['authorized-operation', 'submitDataAccessRequest', 'operator'],
  ['authorized-operation', 'reportDataAccessAgreement', 'operator'],
  ['authorized-operation', 'createProduct', 'operator'],
  ['authorized-operation', 'submitProduct', 'operator'],
  ['authorized-operation', 'setActualFee', 'operator'],
  ['authorized-operation', 'withdrawProduct', 'operator'],
];

// The operations that serve the data of an `on_application` dataset only under a live grant (403 `GRANT_REQUIRED`).
const GRANT_GUARDED: readonly (readonly [platform: (typeof PLATFORMS)[number], operationId: string])[] = [
  ['open-data', 'getDatasetFile'],
  ['open-data', 'listDatasetRecords'],
];

describe('role checks', () => {
  it.each(ROLE_GUARDED)('%s %s answers 403 FORBIDDEN without the %s role', (platform, operationId, role) => {
    const spec = loadBundledSpec(platform);
    const op = operationsOf(spec).find((r) => r.operation['operationId'] === operationId)?.operation;
    expect(op).toBeDefined();
    const forbidden = resolve<JsonObject>(spec, (op?.['responses'] as JsonObject)['403']);
    const examples = (forbidden['content'] as Record<string, JsonObject>)['application/problem+json']?.['examples'] as Record<string, { value: JsonObject }>;
    expect(Object.values(examples).map((e) => e.value['code'])).toContain('FORBIDDEN');
    expect(String(op?.['description'])).toContain(`\`${role}\``);
  });

  it.each(GRANT_GUARDED)('%s %s answers 403 GRANT_REQUIRED without a live grant', (platform, operationId) => {
    const spec = loadBundledSpec(platform);
    const op = operationsOf(spec).find((r) => r.operation['operationId'] === operationId)?.operation;
    const forbidden = resolve<JsonObject>(spec, (op?.['responses'] as JsonObject)['403']);
    const examples = (forbidden['content'] as Record<string, JsonObject>)['application/problem+json']?.['examples'] as Record<string, { value: JsonObject }>;
    const errors = Object.values(examples).flatMap((e) => e.value['errors'] as JsonObject[]);
    expect(errors.map((e) => e['code'])).toContain('GRANT_REQUIRED');
  });

  it('only the guarded operations declare 403', () => {
    const declared = PLATFORMS.flatMap((platform) =>
      operationsOf(loadBundledSpec(platform))
        .filter((r) => '403' in (r.operation['responses'] as JsonObject))
        .map((r) => `${platform} ${String(r.operation['operationId'])}`),
    );
    expect(declared.sort()).toEqual([...ROLE_GUARDED, ...GRANT_GUARDED].map(([p, id]) => `${p} ${id}`).sort());
  });
});

describe('simulation API', () => {
  const spec = loadBundledSpec('simulation');
  it('needs no signature, only the optional control token, and mounts at /_sim/v1', () => {
    expect(spec['security']).toEqual([{ simToken: [] }, {}]);
    expect(Object.keys(spec.components['securitySchemes'] ?? {})).toEqual(['simToken']);
    expect(spec.servers?.[0]?.url).toBe('http://127.0.0.1:4010/_sim/v1');
  });
});
