import { describe, expect, it } from 'vitest';
import { renderPath } from './path-template.js';

type Params = Record<string, string | number> | undefined;

describe('renderPath', () => {
  it.each<{ template: string; params: Params; want: string }>([
    { template: '/applications', params: undefined, want: '/applications' },
    { template: '/applications/{applicationId}', params: { applicationId: 'rga_1' }, want: '/applications/rga_1' },
    { template: '/a/{x}/b/{y}', params: { x: 'a b/c', y: 7 }, want: '/a/a%20b%2Fc/b/7' },
    { template: '/lookup/{code}', params: { code: '登记-1' }, want: '/lookup/%E7%99%BB%E8%AE%B0-1' },
    { template: '/{a}{b}', params: { a: 1, b: 2 }, want: '/12' },
  ])('$template with $params → $want', ({ template, params, want }) => {
    expect(renderPath(template, params)).toBe(want);
    expect(renderPath(template, params)).toBe(want); // second call uses the cached compilation
  });

  it.each<Params>([undefined, {}, { applicationId: '' }])('throws PATH_PARAM_MISSING for %j', (params) => {
    expect(() => renderPath('/applications/{applicationId}', params)).toThrow(
      expect.objectContaining({ code: 'PATH_PARAM_MISSING' }),
    );
  });

  it.each(['.', '..'])('throws PATH_PARAM_INVALID for the dot segment %j', (value) => {
    expect(() => renderPath('/applications/{applicationId}', { applicationId: value })).toThrow(
      expect.objectContaining({ code: 'PATH_PARAM_INVALID' }),
    );
  });
});
