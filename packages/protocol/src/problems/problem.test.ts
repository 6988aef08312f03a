import { describe, expect, it } from 'vitest';
import { isProblemCode, PROBLEM_CODES, type ProblemCode } from './codes.js';
import { isProblemDetails, problem, problemType } from './problem.js';

const CORE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  SIGNATURE_MISSING: 401,
  APP_KEY_UNKNOWN: 401,
  SIGNATURE_INVALID: 401,
  TIMESTAMP_OUT_OF_WINDOW: 401,
  NONCE_REPLAYED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ILLEGAL_TRANSITION: 409,
  OBJECTION_WINDOW_CLOSED: 409,
  RENEWAL_WINDOW_NOT_OPEN: 409,
  NOT_RECLASSIFIABLE: 409,
  RETURNED_UNCHANGED: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  CONDITION_NOT_MET: 422,
  NOT_SHAREABLE: 422,
  NOT_OPEN: 422,
  RECLASSIFICATION_REQUIRED: 422,
  CALENDAR_NOT_PUBLISHED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

describe('PROBLEM_CODES', () => {
  it.each(Object.entries(CORE))('has core code %s with status %i', (code, status) => {
    expect(isProblemCode(code)).toBe(true);
    expect(PROBLEM_CODES[code as ProblemCode].status).toBe(status);
  });

  it.each(Object.entries(PROBLEM_CODES))('%s has a title, a Chinese and an English message', (_code, entry) => {
    expect(entry.title.length).toBeGreaterThan(0);
    expect(entry.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(entry.message.en).toMatch(/^[A-Z]/);
    expect(entry.status).toBeGreaterThanOrEqual(400);
  });

  it('does not treat inherited properties as codes', () => {
    expect(isProblemCode('toString')).toBe(false);
    expect(isProblemCode(42)).toBe(false);
  });
});

describe('problem', () => {
  it('builds the design.md body', () => {
    const errors = [
      {
        pointer: '/registrant/creditCode',
        code: 'CREDIT_CODE_CHECKSUM',
        message: { zh: '统一社会信用代码校验位错误', en: 'Unified social credit code check character is wrong' },
      },
    ];
    expect(
      problem('VALIDATION_FAILED', {
        detail: '1 field is invalid',
        errors,
        instance: '/registration/v1/applications',
        requestId: 'req_1',
      }),
    ).toEqual({
      type: 'https://gdx.dev/problems/validation-failed',
      title: 'Request validation failed',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: '1 field is invalid',
      message: { zh: '请求参数校验失败', en: 'Request validation failed' },
      errors,
      instance: '/registration/v1/applications',
      requestId: 'req_1',
    });
  });

  it('omits absent optional members and keeps extensions without letting them override', () => {
    const body = problem('NOT_SHAREABLE', { extensions: { legalBasis: '厦门市公共数据共享开放管理暂行办法 第十条', status: 200 } });
    expect(body.status).toBe(422);
    expect(body.legalBasis).toBe('厦门市公共数据共享开放管理暂行办法 第十条');
    expect(Object.keys(body)).not.toContain('detail');
  });

  it('returns a fresh message object each time (callers may mutate their copy)', () => {
    const a = problem('NOT_FOUND');
    a.message.en = 'changed';
    expect(problem('NOT_FOUND').message.en).toBe('Resource not found');
  });

  it('throws on an unknown code', () => {
    expect(() => problem('NOPE' as ProblemCode)).toThrow(/PROBLEM_CODE_UNKNOWN/);
  });

  it.each([
    ['ILLEGAL_TRANSITION', 'https://gdx.dev/problems/illegal-transition'],
    ['NOT_FOUND', 'https://gdx.dev/problems/not-found'],
  ])('problemType(%s) = %s', (code, want) => {
    expect(problemType(code)).toBe(want);
  });
});

describe('isProblemDetails', () => {
  it.each([
    [problem('INTERNAL'), true],
    [{ status: 500, code: 'X', title: 't', message: { zh: '错', en: 'e' } }, true],
    [{ status: 500, code: 'X', title: 't', message: 'oops' }, false],
    [{ error: 'x' }, false],
    [null, false],
    ['text', false],
  ])('%j → %s', (value, want) => {
    expect(isProblemDetails(value)).toBe(want);
  });
});
