// Statuses a server answers before or beside an operation's own logic must be declared on the
// operation, so that a validating proxy (Prism, `--errors`) finds every answer of the mock in the
// contract. Each rule below was found undeclared by such a proxy once. The mock's own tests check
// the rest: every answer their apps give must have a status its operation declares
// (mock-server/test/support/declared-statuses.ts, e.g. `createSandbox`'s 409 for an id in use).
import { describe, expect, it } from 'vitest';
import { loadBundledSpec, PLATFORMS, SPEC_NAMES, type SpecName } from '../src/index.js';
import { operationsOf, parametersOf, resolve, type JsonObject, type OperationRef } from './helpers/walk-spec.js';

function rows(name: SpecName) {
  const spec = loadBundledSpec(name);
  return operationsOf(spec).map((ref) => [`${ref.method.toUpperCase()} ${ref.path}`, spec, ref] as const);
}

function responsesOf(ref: OperationRef): JsonObject {
  return ref.operation['responses'] as JsonObject;
}

function descriptionOf(spec: ReturnType<typeof loadBundledSpec>, response: unknown): string {
  return String(resolve<JsonObject>(spec, response)['description']);
}

describe.each(SPEC_NAMES)('%s: idempotency', (name) => {
  it.each(rows(name))('%s declares the 422 IDEMPOTENCY_KEY_REUSED when it takes Idempotency-Key', (_label, spec, ref) => {
    const takesKey = parametersOf(spec, ref).some((p) => p['in'] === 'header' && String(p['name']).toLowerCase() === 'idempotency-key');
    if (!takesKey) return;
    const unprocessable = responsesOf(ref)['422'];
    expect(unprocessable, '422 declared').toBeDefined();
    expect(descriptionOf(spec, unprocessable)).toContain('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('simulation: the control plane', () => {
  const WRITES = new Set(['post', 'put', 'patch', 'delete']);
  const PROBES = new Set(['getHealth', 'getReadiness']);
  const simulation = loadBundledSpec('simulation');
  /** The operation's security requirements, or the document's when it states none. */
  const securityOf = (ref: OperationRef): unknown => ref.operation['security'] ?? simulation['security'];
  const codeOf = (spec: ReturnType<typeof loadBundledSpec>, response: unknown): unknown => {
    const content = resolve<JsonObject>(spec, response)['content'] as JsonObject;
    const examples = (content['application/problem+json'] as JsonObject)['examples'] as Record<string, JsonObject>;
    return [...new Set(Object.values(examples).map((e) => (resolve<JsonObject>(spec, e)['value'] as JsonObject)['code']))];
  };

  it.each(rows('simulation'))('%s declares the refusals of the Host, Origin and token rules, and the token scheme', (_label, spec, ref) => {
    const responses = responsesOf(ref);
    expect(responses['421'], '421 HOST_NOT_ALLOWED').toBeDefined();
    expect(codeOf(spec, responses['421'])).toEqual(['HOST_NOT_ALLOWED']);
    expect(responses['403'], '403 ORIGIN_NOT_ALLOWED').toBeDefined();
    expect(codeOf(spec, responses['403'])).toEqual(['ORIGIN_NOT_ALLOWED']);
    if (PROBES.has(String(ref.operation['operationId']))) {
      // The probes answer without the token: no 401, and no security requirement.
      expect(responses['401']).toBeUndefined();
      expect(securityOf(ref)).toEqual([]);
    } else {
      // The token a mock may require, as a scheme validators and generators see; optional (`{}`)
      // because a mock started without --sim-token takes requests without it.
      expect(securityOf(ref)).toEqual([{ simToken: [] }, {}]);
      expect(responses['401'], '401 SIM_TOKEN_REQUIRED').toBeDefined();
      expect(codeOf(spec, responses['401'])).toEqual(['SIM_TOKEN_REQUIRED']);
      expect(Object.keys(resolve<JsonObject>(spec, responses['401'])['headers'] as JsonObject)).toContain('WWW-Authenticate');
    }
  });

  it('declares the token as an HTTP bearer scheme', () => {
    expect((simulation.components['securitySchemes'] as JsonObject | undefined)?.['simToken']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it.each(rows('simulation'))('%s, a write, declares 415 and says a bodiless write sends JSON', (_label, spec, ref) => {
    if (!WRITES.has(ref.method)) return;
    const responses = responsesOf(ref);
    expect(responses['415'], '415 UNSUPPORTED_MEDIA_TYPE').toBeDefined();
    expect(codeOf(spec, responses['415'])).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    expect(descriptionOf(spec, responses['415'])).toContain('also when it has no');
    if (!ref.operation['requestBody']) expect(String(ref.operation['description'])).toContain('`Content-Type: application/json`');
  });
});

// docs/decisions/0024-transport-limit-statuses.md: the transport limits are declared on every
// operation they can answer, not only described, so a validating proxy finds them.
describe.each(SPEC_NAMES)('%s: transport limits', (name) => {
  const problemCode = (spec: ReturnType<typeof loadBundledSpec>, response: unknown): unknown => {
    const content = resolve<JsonObject>(spec, response)['content'] as JsonObject;
    const examples = (content['application/problem+json'] as JsonObject)['examples'] as Record<string, JsonObject>;
    return Object.values(examples).map((e) => (e['value'] as JsonObject)['code']);
  };

  // 413 on bodiless operations too: a GET may carry a body (HTTP allows it), and the mock refuses
  // one over the limit before reading it, whatever the operation.
  it.each(rows(name))('%s declares 408 REQUEST_TIMEOUT, 413 PAYLOAD_TOO_LARGE, 414 URI_TOO_LONG and 431 HEADERS_TOO_LARGE', (_label, spec, ref) => {
    const responses = responsesOf(ref);
    expect(responses['408'], '408').toBeDefined();
    expect(problemCode(spec, responses['408'])).toEqual(['REQUEST_TIMEOUT']);
    expect(responses['413'], '413').toBeDefined();
    expect(problemCode(spec, responses['413'])).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(responses['414'], '414').toBeDefined();
    expect(problemCode(spec, responses['414'])).toEqual(['URI_TOO_LONG']);
    expect(responses['431'], '431').toBeDefined();
    expect(problemCode(spec, responses['431'])).toEqual(['HEADERS_TOO_LARGE']);
  });

  // The HTTP server's refusals of a connection rather than of an operation: 429 RATE_LIMITED to a
  // request pipelined past 32 unanswered ones, 503 CONNECTION_LIMIT_REACHED / SHUTTING_DOWN
  // (mock-server README, "Limits"; `ServiceUnavailable`). The platforms declare both already.
  it.each(rows(name))('%s declares 429 and 503, which the HTTP server may answer on any operation', (_label, spec, ref) => {
    const responses = responsesOf(ref);
    expect(responses['429'], '429').toBeDefined();
    expect(problemCode(spec, responses['429'])).toContain('RATE_LIMITED');
    expect(responses['503'], '503').toBeDefined();
  });
});

// The mock answers 422 CALENDAR_NOT_PUBLISHED from any platform write whose deadline reaches a year
// without a published holiday schedule (mock-server/src/app/execute-operation.ts); an operation that
// describes its own 422 must list it.
describe.each(PLATFORMS)('%s: unpublished calendar years', (name) => {
  it.each(rows(name))('%s lists CALENDAR_NOT_PUBLISHED in its 422 when it is a write', (_label, spec, ref) => {
    if (ref.method === 'get') return;
    const unprocessable = responsesOf(ref)['422'];
    expect(unprocessable, '422 declared').toBeDefined();
    expect(descriptionOf(spec, unprocessable)).toContain('CALENDAR_NOT_PUBLISHED');
  });
});

// The mock answers 404 NOT_FOUND from every platform operation under a sandbox that does not exist
// (`/sandboxes/{sandboxId}/{platform}/v1/…`, mock-server/test/app/unknown-sandbox.test.ts), before
// the operation's own logic: the lists, searches and creates that name no object must declare it too.
describe.each(PLATFORMS)('%s: sandboxes that do not exist', (name) => {
  it.each(rows(name))('%s declares 404 NOT_FOUND', (_label, spec, ref) => {
    const notFound = responsesOf(ref)['404'];
    expect(notFound, '404 declared').toBeDefined();
    expect(descriptionOf(spec, notFound)).toContain('the sandbox the URL names');
  });
});
