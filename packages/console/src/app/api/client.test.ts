import { describe, expect, it } from 'vitest';
import { routeMissing } from './client.js';

const message = { zh: '资源不存在', en: 'Resource not found' };

describe('routeMissing', () => {
  it('is true for a 404 naming the path as an operation the server does not have', () => {
    expect(routeMissing({ status: 404, code: 'NOT_FOUND', message, errors: [{ pointer: '/path', code: 'ROUTE_NOT_FOUND', message }] })).toBe(true);
  });

  it('is false for the 404 of a sandbox that does not exist (deleted, or mistyped in a link): the journal is there, the sandbox is not', () => {
    expect(routeMissing({ status: 404, code: 'NOT_FOUND', message, detail: 'sandbox nope does not exist' })).toBe(false);
    expect(routeMissing({ status: 500, code: 'INTERNAL_ERROR', errors: [{ code: 'ROUTE_NOT_FOUND' }] })).toBe(false);
    expect(routeMissing(undefined)).toBe(false);
  });
});
