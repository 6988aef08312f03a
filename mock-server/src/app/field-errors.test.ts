import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_ERRORS, toFieldErrors } from './field-errors.js';

describe('toFieldErrors', () => {
  // A body of 60,000 unknown members (0.9 MB, under the body limit) took a second of the server's
  // one thread: each unknown member was compared with every declared name for a did-you-mean,
  // though only the first 50 errors are answered.
  it('looks for a did-you-mean only for the errors it answers', () => {
    const fields = { type: 'object', properties: { title: { type: 'string' } } };
    const ajv = new Ajv2020({ allErrors: true, verbose: true });
    const check = ajv.compile({ type: 'object', allOf: [{ $ref: '#/$defs/fields' }], unevaluatedProperties: false, $defs: { fields } });
    const body = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`titel${i}`, i]));
    expect(check(body)).toBe(false);
    let lookups = 0;
    const errors = toFieldErrors(check.errors, '', (ref) => {
      lookups += 1;
      return ref === '#/$defs/fields' ? fields : undefined;
    });
    expect(errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(errors[0]).toMatchObject({ pointer: '/titel0', code: 'UNKNOWN_FIELD' });
    expect(lookups).toBeLessThanOrEqual(MAX_FIELD_ERRORS);
  });
});
