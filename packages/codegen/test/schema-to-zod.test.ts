import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import ts from 'typescript';
import { schemaToZod, ZOD_HELPERS } from '../src/schema-to-zod.mjs';

const components: Record<string, unknown> = {
  State: z.enum(['submitted', 'registered']),
  Content: z.looseObject({ name: z.string().optional(), note: z.string().optional() }),
};
const jsonComponents: Record<string, unknown> = {
  Content: { type: 'object', properties: { name: { type: 'string' }, note: { type: 'string' } } },
};
const ctx = { ref: (name: string) => `components[${JSON.stringify(name)}]`, resolve: (name: string) => jsonComponents[name] };
// the helpers are TypeScript; strip their types once so the emitted code can run here
const helpers = ts.transpileModule(ZOD_HELPERS, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;

/** Compiles the emitted source against the real zod so the test checks behaviour, not text. */
function compile(schema: unknown): z.ZodType {
  const code = schemaToZod(schema, ctx);
  return new Function('z', 'components', `${helpers}\nreturn ${code};`)(z, components) as z.ZodType;
}

interface Row {
  name: string;
  schema: unknown;
  accept: unknown[];
  reject: unknown[];
}

const rows: Row[] = [
  { name: 'date-time needs an offset and takes +08:00', schema: { type: 'string', format: 'date-time' }, accept: ['2025-09-26T10:00:00+08:00', '2025-09-26T02:00:00Z'], reject: ['2025-09-26T10:00:00', '2025-09-26'] },
  { name: 'date', schema: { type: 'string', format: 'date' }, accept: ['2025-09-30'], reject: ['2025-9-30', '2025-09-30T00:00:00+08:00'] },
  { name: 'pattern and lengths', schema: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', minLength: 18 }, accept: ['91350211MA2Y0XXX1X'.replace(/X/g, '0')], reject: ['abc', 'IIIIIIIIIIIIIIIIII'] },
  { name: 'string enum', schema: { type: 'string', enum: ['a', 'b'] }, accept: ['a'], reject: ['c', 1] },
  { name: 'enum with null', schema: { enum: ['a', null] }, accept: ['a', null], reject: ['b'] },
  { name: 'const', schema: { const: 'initial' }, accept: ['initial'], reject: ['change'] },
  { name: 'nullable via type array', schema: { type: ['string', 'null'] }, accept: ['x', null], reject: [1, undefined] },
  { name: 'OpenAPI 3.0 nullable', schema: { type: 'integer', nullable: true }, accept: [1, null], reject: [1.5] },
  { name: 'integer bounds', schema: { type: 'integer', minimum: 1, maximum: 200 }, accept: [1, 200], reject: [0, 201, 2.5] },
  { name: 'exclusive bounds', schema: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, accept: [0.5], reject: [0, 1] },
  { name: 'array bounds', schema: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 }, accept: [['a']], reject: [[], ['a', 'b', 'c'], [1]] },
  { name: 'closed object', schema: { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } }, additionalProperties: false }, accept: [{ a: 'x' }, { a: 'x', b: 1 }], reject: [{}, { a: 'x', c: 1 }, { a: 'x', b: 'y' }] },
  { name: 'open object keeps unknown keys valid', schema: { type: 'object', properties: { a: { type: 'string' } } }, accept: [{ a: 'x', extra: true }, {}], reject: [{ a: 1 }] },
  { name: 'map', schema: { type: 'object', additionalProperties: { type: 'integer' } }, accept: [{ x: 1 }], reject: [{ x: 'y' }] },
  { name: 'typed extras beside properties', schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'boolean' } }, accept: [{ a: 'x', flag: true }], reject: [{ a: 'x', flag: 1 }] },
  { name: 'component $ref', schema: { $ref: '#/components/schemas/State' }, accept: ['submitted'], reject: ['draft'] },
  {
    name: 'oneOf with a const discriminator',
    schema: {
      oneOf: [
        { type: 'object', required: ['type', 'name'], properties: { type: { const: 'initial' }, name: { type: 'string' } } },
        { type: 'object', required: ['type', 'registrationId'], properties: { type: { const: 'cancellation' }, registrationId: { type: 'string' } } },
      ],
      discriminator: { propertyName: 'type' },
    },
    accept: [{ type: 'initial', name: 'x' }, { type: 'cancellation', registrationId: 'r' }],
    reject: [{ type: 'initial', registrationId: 'r' }, { type: 'other' }],
  },
  { name: 'anyOf', schema: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, accept: ['a', 1], reject: [true] },
  { name: 'allOf', schema: { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, { type: 'object', required: ['b'], properties: { b: { type: 'string' } } }] }, accept: [{ a: 'x', b: 'y' }], reject: [{ a: 'x' }] },
  {
    name: 'if/then/else',
    schema: {
      type: 'object',
      properties: { type: { type: 'string' } },
      if: { properties: { type: { const: 'initial' } } },
      then: { required: ['resource'], properties: { resource: true } },
      else: { required: ['registrationId'], properties: { registrationId: true } },
    },
    accept: [{ type: 'initial', resource: {} }, { type: 'change', registrationId: 'r' }],
    reject: [{ type: 'initial' }, { type: 'change', resource: {} }],
  },
  {
    name: 'unevaluatedProperties: false across allOf and $ref',
    schema: { type: 'object', required: ['type', 'name'], allOf: [{ $ref: '#/components/schemas/Content' }], properties: { type: { type: 'string' } }, unevaluatedProperties: false },
    accept: [{ type: 'a', name: 'x' }, { type: 'a', name: 'x', note: 'y' }],
    reject: [{ type: 'a', name: 'x', other: 1 }, { type: 'a' }],
  },
  {
    name: 'allOf of a base and a const variant stays discriminable',
    schema: {
      oneOf: [
        { allOf: [{ $ref: '#/components/schemas/Content' }, { type: 'object', required: ['action'], properties: { action: { const: 'accept' } } }] },
        { allOf: [{ $ref: '#/components/schemas/Content' }, { type: 'object', required: ['action', 'note'], properties: { action: { const: 'reject' } } }] },
      ],
      discriminator: { propertyName: 'action' },
    },
    accept: [{ action: 'accept' }, { action: 'reject', note: 'x', name: 'n' }],
    reject: [{ action: 'reject' }, { action: 'other' }, { action: 'accept', name: 1 }],
  },
  {
    name: 'allOf members with x- extensions still merge (a labelled variant stays discriminable)',
    schema: {
      oneOf: [
        { 'x-gdx-label': { zh: '受理', en: 'Accept' }, allOf: [{ $ref: '#/components/schemas/Content' }, { type: 'object', required: ['action'], properties: { action: { const: 'accept' } } }] },
        { allOf: [{ $ref: '#/components/schemas/Content' }, { type: 'object', 'x-note': 'reasons required', required: ['action', 'note'], properties: { action: { const: 'reject' } } }] },
      ],
      discriminator: { propertyName: 'action' },
    },
    accept: [{ action: 'accept' }, { action: 'reject', note: 'x' }],
    reject: [{ action: 'reject' }, { action: 'other' }],
  },
  { name: 'required key without a property schema', schema: { type: 'object', required: ['a'] }, accept: [{ a: null }], reject: [{}] },
  { name: 'empty schema accepts anything', schema: {}, accept: [1, 'x', null], reject: [] },
];

describe('schemaToZod', () => {
  it.each(rows)('$name', ({ schema, accept, reject }) => {
    const zod = compile(schema);
    for (const value of accept) expect(zod.safeParse(value).success, JSON.stringify(value)).toBe(true);
    for (const value of reject) expect(zod.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });

  it('refuses a $ref outside the component schemas', () => {
    expect(() => schemaToZod({ $ref: '#/components/parameters/Limit' }, ctx)).toThrow(/unsupported schema \$ref/);
  });
});
