import { describe, expect, it } from 'vitest';
import { createRandom } from '../runner/random.js';
import type { OpenApiDocument } from './load-specs.js';
import { invalidInputs, requestSample, sampleFromSchema, withActingParty } from './samples.js';

const doc: OpenApiDocument = {
  components: {
    schemas: {
      Party: { type: 'object', required: ['creditCode', 'name'], properties: { creditCode: { type: 'string' }, name: { type: 'string' } } },
      Submission: {
        allOf: [
          { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['initial', 'change'] } } },
          { type: 'object', required: ['registrants', 'startedOn'], properties: { registrants: { type: 'array', items: { $ref: '#/components/schemas/Party' } }, startedOn: { type: 'string', format: 'date' }, size: { type: 'integer' } } },
        ],
      },
    },
  },
};
const schema = { $ref: '#/components/schemas/Submission' };
const CODE = '91350100M000100Y43';

describe('sampleFromSchema', () => {
  it('fills required properties through $ref and allOf, with enums, formats and the given credit code', () => {
    expect(sampleFromSchema(doc, schema, createRandom('s'), { creditCode: CODE })).toEqual({
      type: 'initial', registrants: [{ creditCode: CODE, name: expect.any(String) }], startedOn: '2025-09-26',
    });
  });
});

describe('requestSample', () => {
  it('prefers the documented example and puts the caller in the acting party', () => {
    const media = { schema, examples: { a: { value: { type: 'change', registrants: [{ creditCode: 'OTHER', name: 'x' }], rights: { holder: { creditCode: 'KEEP' } } } } } };
    expect(requestSample(doc, media, createRandom('s'), CODE)).toEqual({
      type: 'change', registrants: [{ creditCode: CODE, name: 'x' }], rights: { holder: { creditCode: 'KEEP' } },
    });
  });

  it('leaves bodies without an acting party alone', () => {
    expect(withActingParty({ objector: { creditCode: 'X' } }, CODE)).toEqual({ objector: { creditCode: 'X' } });
  });
});

describe('invalidInputs', () => {
  it('derives one variant of each kind from a valid sample', () => {
    const sample = { type: 'initial', provider: { creditCode: CODE }, startedOn: '2025-09-26' };
    const flat = { type: 'object', required: ['type', 'startedOn'], properties: { type: { type: 'string', enum: ['initial'] }, startedOn: { type: 'string' }, provider: { type: 'object' } } };
    const variants = invalidInputs(doc, flat, sample, createRandom('v'));
    expect(variants.map((v) => v.kind)).toEqual(['not_json', 'missing_required', 'wrong_type', 'bad_enum', 'bad_credit_code']);
    const missing = variants.find((v) => v.kind === 'missing_required')!;
    expect(Object.keys(missing.body as object)).toHaveLength(2);
    expect(variants.find((v) => v.kind === 'bad_enum')?.body).toMatchObject({ type: 'not_a_documented_value' });
    const bad = variants.find((v) => v.kind === 'bad_credit_code')!;
    expect(bad.pointer).toBe('/provider/creditCode');
    expect((bad.body as { provider: { creditCode: string } }).provider.creditCode).not.toBe(CODE);
  });

  it('is reproducible for a seed', () => {
    const sample = { a: 'x', b: 1, c: true };
    const flat = { type: 'object', required: ['a', 'b', 'c'] };
    expect(invalidInputs(doc, flat, sample, createRandom('r'))).toEqual(invalidInputs(doc, flat, sample, createRandom('r')));
  });
});
