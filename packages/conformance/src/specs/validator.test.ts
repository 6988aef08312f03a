import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../http/response.js';
import type { Specs } from './load-specs.js';
import { findOperation } from './operations.js';
import { createResponseValidator } from './validator.js';

const specs: Specs = {
  registration: {
    openapi: '3.1.0',
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          responses: {
            '200': {
              description: 'the thing',
              content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, size: { type: 'integer' } } } } },
            },
          },
        },
      },
    },
  },
};
const op = findOperation(specs, 'registration', 'GET', '/things/a')!;

function answer(text: string): HttpResponse {
  return { status: 200, headers: new Headers({ 'content-type': 'application/json' }), contentType: 'application/json', text, body: JSON.parse(text), method: 'GET', url: 'http://platform.test/things/a' };
}

describe('createResponseValidator', () => {
  it('answers a text it has seen pass as before, and reports a failing text each time it comes', () => {
    const validator = createResponseValidator(specs);
    expect(validator.check(op, answer('{"id":"a","size":1}'))).toEqual([]);
    expect(validator.check(op, answer('{"id":"a","size":1}'))).toEqual([]);
    const failing = '{"id":"a","size":"big"}';
    const first = validator.check(op, answer(failing));
    expect(first).toEqual([{ message: 'body/size must be integer (schema rule: type)', expected: { type: 'integer' }, actual: 'big' }]);
    expect(validator.check(op, answer(failing))).toEqual(first);
    expect(validator.check(op, answer('{"size":1}'))).toMatchObject([{ message: "body must have required property 'id' (schema rule: required)" }]);
  });
});
