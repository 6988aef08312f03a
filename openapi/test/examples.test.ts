// Every example of every document validates against its schema (ajv, JSON Schema 2020-12), so
// the mock, the SDK tests and the conformance kit can trust them as fixtures: request, response,
// parameter and header examples, the component schemas' examples, and every schema `default`.
// This is the check of examples that Spectral's `oas3-valid-media-example` and
// `oas3-valid-schema-example` made a third time (Redocly's `no-invalid-*-examples` is the second).
import { describe, expect, it } from 'vitest';
import { loadBundledSpec, SPEC_NAMES, type OpenApiDocument } from '../src/index.js';
import { specValidator } from './helpers/spec-validator.js';
import { operationsOf, pointerToken, resolve, type JsonObject } from './helpers/walk-spec.js';

interface ExampleCase {
  label: string;
  schemaPointer: string;
  value: unknown;
}

function mediaExamples(spec: OpenApiDocument, label: string, content: JsonObject, pointer: string): ExampleCase[] {
  return Object.entries(content).flatMap(([mediaType, media]) => {
    const m = media as JsonObject;
    const schemaPointer = `${pointer}/content/${pointerToken(mediaType)}/schema`;
    const examples = Object.entries((m['examples'] as JsonObject | undefined) ?? {}).map(([name, ex]) => ({
      label: `${label} ${mediaType} example "${name}"`,
      schemaPointer,
      value: resolve<JsonObject>(spec, ex)['value'],
    }));
    if ('example' in m) examples.push({ label: `${label} ${mediaType} example`, schemaPointer, value: m['example'] });
    return examples;
  });
}

/** The JSON pointer of a node that may be a `$ref` (the target's pointer) or inline (`fallback`). */
function targetPointer(node: JsonObject, fallback: string): string {
  const ref = node['$ref'];
  return typeof ref === 'string' ? ref.slice(1) : fallback;
}

function examplesOf(spec: OpenApiDocument): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const ref of operationsOf(spec)) {
    const id = String(ref.operation['operationId']);
    const opPointer = `/paths/${pointerToken(ref.path)}/${ref.method}`;
    const body = ref.operation['requestBody'] as JsonObject | undefined;
    if (body) {
      const pointer = targetPointer(body, `${opPointer}/requestBody`);
      cases.push(...mediaExamples(spec, `${id} request`, resolve<JsonObject>(spec, body)['content'] as JsonObject, pointer));
    }
    for (const [status, response] of Object.entries(ref.operation['responses'] as JsonObject)) {
      const pointer = targetPointer(response as JsonObject, `${opPointer}/responses/${status}`);
      const content = resolve<JsonObject>(spec, response)['content'] as JsonObject | undefined;
      if (content) cases.push(...mediaExamples(spec, `${id} ${status}`, content, pointer));
    }
    const params = [
      ...((ref.pathItem['parameters'] as JsonObject[] | undefined) ?? []).map((p, i) => [p, `/paths/${pointerToken(ref.path)}/parameters/${i}`] as const),
      ...((ref.operation['parameters'] as JsonObject[] | undefined) ?? []).map((p, i) => [p, `${opPointer}/parameters/${i}`] as const),
    ];
    for (const [param, fallback] of params) {
      const resolved = resolve<JsonObject>(spec, param);
      if ('example' in resolved) {
        cases.push({
          label: `${id} parameter ${String(resolved['name'])}`,
          schemaPointer: `${targetPointer(param, fallback)}/schema`,
          value: resolved['example'],
        });
      }
    }
  }
  for (const [name, schema] of Object.entries(spec.components['schemas'] ?? {})) {
    ((schema as JsonObject)['examples'] as unknown[] | undefined)?.forEach((value, i) =>
      cases.push({ label: `schema ${name} example ${i}`, schemaPointer: `/components/schemas/${pointerToken(name)}`, value }),
    );
  }
  for (const [name, header] of Object.entries(spec.components['headers'] ?? {})) {
    const h = header as JsonObject;
    const schemaPointer = `/components/headers/${pointerToken(name)}/schema`;
    if ('example' in h) cases.push({ label: `header ${name} example`, schemaPointer, value: h['example'] });
    for (const [exampleName, ex] of Object.entries((h['examples'] as JsonObject | undefined) ?? {})) {
      cases.push({ label: `header ${name} example "${exampleName}"`, schemaPointer, value: resolve<JsonObject>(spec, ex)['value'] });
    }
  }
  cases.push(...schemaDefaults(spec, ''));
  return cases;
}

/** Keywords that make an object a schema (as Spectral's `oas3-valid-schema-example` tells them). */
const SCHEMA_KEYWORDS = ['type', 'enum', 'format', '$ref', 'properties', 'items'];

/**
 * Every schema `default` in the document, each to be valid against the schema that states it.
 * Example values are not walked (they are data), nor is a `properties` map taken for a schema.
 */
function schemaDefaults(node: unknown, pointer: string, key = ''): ExampleCase[] {
  if (typeof node !== 'object' || node === null) return [];
  const entries: [string, unknown][] = Array.isArray(node) ? node.map((value, i) => [String(i), value]) : Object.entries(node);
  const cases: ExampleCase[] = [];
  const object = node as JsonObject;
  if (!Array.isArray(node) && key !== 'properties' && 'default' in object && SCHEMA_KEYWORDS.some((k) => k in object)) {
    cases.push({ label: `default at ${pointer}`, schemaPointer: pointer, value: object['default'] });
  }
  for (const [childKey, child] of entries) {
    if (childKey === 'example' || childKey === 'examples') continue;
    cases.push(...schemaDefaults(child, `${pointer}/${pointerToken(childKey)}`, childKey));
  }
  return cases;
}

describe.each(SPEC_NAMES)('%s examples', (name) => {
  const spec = loadBundledSpec(name);
  const validate = specValidator(spec, name);
  const cases = examplesOf(spec);

  it('has request and response examples', () => {
    expect(cases.some((c) => c.label.includes(' request '))).toBe(true);
    expect(cases.filter((c) => /\s2\d\d\s/.test(c.label)).length).toBeGreaterThan(5);
  });

  it('has header examples and schema defaults (the page size of every list)', () => {
    expect(cases.filter((c) => c.label.startsWith('header ')).map((c) => c.label)).toEqual(expect.arrayContaining(['header X-Request-Id example', 'header Retry-After example']));
    expect(cases.filter((c) => c.label.startsWith('default at ')).map((c) => c.schemaPointer)).toContain('/components/parameters/Limit/schema');
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    expect(validate(c.schemaPointer, c.value)).toEqual([]);
  });
});

describe('the validator itself', () => {
  const spec = loadBundledSpec('registration');
  const validate = specValidator(spec, 'registration-negative');

  it.each([
    ['a credit code with a lower-case letter', '/components/schemas/CreditCode', '91350200ma2y8k3l1k'],
    ['an instant in UTC instead of +08:00', '/components/schemas/Instant', '2025-09-26T02:00:00Z'],
    ['a deadline with an unknown unit', '/components/schemas/Deadline', { step: 'x', limit: 3, unit: 'weeks', startTrigger: 'received', startedOn: '2025-09-26', dueDate: '2025-09-30', dueAt: '2025-10-01T00:00:00+08:00', overdue: false, basis: 'b' }],
    ['a change application without registrationId', '/components/schemas/ApplicationSubmission', { type: 'change', registrants: [{ creditCode: '9135020074505955XG', name: 'x' }] }],
    ['an attachment with an md5 digest', '/components/schemas/Attachment', { name: 'a', mediaType: 'application/pdf', digest: 'md5:abc', size: 1 }],
  ])('rejects %s', (_label, pointer, value) => {
    expect(validate(pointer, value).length).toBeGreaterThan(0);
  });
});
