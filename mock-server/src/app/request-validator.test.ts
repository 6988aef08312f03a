import { describe, expect, it } from 'vitest';
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import type { OpenApiDocument } from './platform-module.js';
import { compileValidators } from './request-validator.js';
import { readSpecOperations } from './spec-operations.js';

/** A one-operation document whose `limit` query parameter allows at most `maximum`. */
const documentWithMaximum = (maximum: number) =>
  JSON.parse(
    JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'limits', version: '1' },
      paths: { '/items': { get: { operationId: 'listItems', parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum } }], responses: { '200': { description: 'ok' } } } } },
    }),
  ) as OpenApiDocument;

const limitErrors = (doc: OpenApiDocument, limit: string) => {
  const outcome = compileValidators(doc, 'limits', readSpecOperations(doc)).get('listItems')!.validate({ params: {}, query: { limit }, body: undefined, hasBody: false });
  return outcome.ok ? [] : outcome.errors.map((e) => e.pointer);
};

describe('compileValidators', () => {
  it('shares the validators of documents with the same content, and never those of a changed one', () => {
    const first = documentWithMaximum(10);
    const copy = documentWithMaximum(10);
    expect(compileValidators(copy, 'limits', readSpecOperations(copy))).toBe(compileValidators(first, 'limits', readSpecOperations(first)));
    const changed = documentWithMaximum(20);
    expect(limitErrors(first, '15')).toEqual(['/query/limit']);
    expect(limitErrors(changed, '15')).toEqual([]);
    expect(limitErrors(changed, '25')).toEqual(['/query/limit']);
  });
});

describe('compileValidators: when schemas compile', () => {
  const brokenDocument = (): OpenApiDocument =>
    ({
      openapi: '3.1.0',
      info: { title: 'broken', version: '1' },
      paths: { '/notes': { post: { operationId: 'addNote', requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } }, responses: { '201': { description: 'ok' } } } } },
      components: { schemas: {} },
    }) as unknown as OpenApiDocument;

  it('compiles a document of its own at once, so a schema that cannot compile throws there', () => {
    const doc = brokenDocument();
    expect(() => compileValidators(doc, 'broken', readSpecOperations(doc))).toThrow(/Missing/);
  });

  // The bundled contracts compile on first use; this is where every operation of them is compiled.
  it.each(SPEC_NAMES)('compiles every operation of the bundled %s contract', (name) => {
    const doc = loadBundledSpec(name) as unknown as OpenApiDocument;
    const validators = compileValidators(doc, name, readSpecOperations(doc));
    expect(validators.size).toBeGreaterThan(0);
    for (const [operationId, validator] of validators) {
      expect(() => validator.validate({ params: {}, query: {}, body: undefined, hasBody: false }), operationId).not.toThrow();
    }
  });
});

describe('compileValidators: pointers of keywords that name a field', () => {
  // No bundled contract uses dependentRequired (yet): a document of its own shows where it points.
  const doc = {
    openapi: '3.1.0',
    info: { title: 'keywords', version: '1' },
    paths: {
      '/things': {
        post: {
          operationId: 'addThing',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { card: { type: 'string' }, 'billing/address': { type: 'string' }, tags: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } } },
                  dependentRequired: { card: ['billing/address'] },
                },
              },
            },
          },
          responses: { '201': { description: 'ok' } },
        },
      },
    },
  } as unknown as OpenApiDocument;

  it('points a dependentRequired error at the missing member and a propertyNames error at the key', () => {
    const outcome = compileValidators(doc, 'keywords', readSpecOperations(doc)).get('addThing')!.validate({ params: {}, query: {}, body: { card: 'x', tags: { ok: 1, 'Not ok': 2 } }, hasBody: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      { pointer: '/tags/Not ok', code: 'PATTERN', message: { en: 'The field name "Not ok" is not allowed: the value does not match the required pattern: must match the pattern ^[a-z]+$', zh: '字段名 "Not ok" 不符合要求：字段格式不符合要求：须符合模式 ^[a-z]+$' } },
      { pointer: '/billing~1address', code: 'REQUIRED', message: { en: 'A required field is missing: required when card is present', zh: '缺少必填字段：提供 card 时必填' } },
    ]);
  });
});
