import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectExamples, mutants } from '../src/drift.js';
import * as generated from '../src/generated/schemas.js';

const doc = JSON.parse(readFileSync(new URL('./fixtures/mini.json', import.meta.url), 'utf8'));
const cases = collectExamples(doc, generated);

describe('drift helper on the fixture', () => {
  it('finds component, request body and response examples', () => {
    expect(cases.map((c) => c.where).sort()).toEqual([
      'POST /applications body examples.initial',
      'components.responses.Problem example',
      'components.schemas.Application.examples[0]',
      'components.schemas.PublicNotice.example',
    ]);
  });

  it.each(cases)('$where parses', ({ parser, value }) => {
    expect(parser.safeParse(value).success).toBe(true);
  });

  it.each(cases)('mutants of $where are rejected', ({ parser, value, jsonSchema }) => {
    const broken = mutants(doc, jsonSchema, value);
    expect(broken.length).toBeGreaterThan(0);
    for (const m of broken) expect(parser.safeParse(m.value).success, m.name).toBe(false);
  });

  it('mutates the oneOf branch the discriminator selects', () => {
    const body = { type: 'initial', name: 'x', contact: { phone: '13800000000' } };
    expect(mutants(doc, { $ref: '#/components/schemas/ApplicationInput' }, body).map((m) => m.name)).toEqual([
      'without required type',
      'type outside its enum',
      'name of the wrong type',
    ]);
  });

  it('every component has a zod schema and vice versa', () => {
    expect(Object.keys(generated.schemas).sort()).toEqual(Object.keys(doc.components.schemas).sort());
  });
});
