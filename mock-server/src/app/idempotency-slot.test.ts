import { describe, expect, it } from 'vitest';
import { pathInSandbox } from './idempotency-slot.js';

/** The rule as it was written before: a regular expression per request. */
const byPattern = (path: string): string =>
  path.startsWith('/sandboxes/') ? path.replace(/^\/sandboxes\/[^/]+/, '') : path.startsWith('/_sim/v1/sandboxes/') ? path.replace(/^\/_sim\/v1\/sandboxes\/[^/]+(?=\/)/, '') : path;

describe('pathInSandbox: the path below its sandbox', () => {
  it.each([
    '/sandboxes/sbx_1/registration/v1/applications',
    '/sandboxes/sbx_1/',
    '/sandboxes/sbx_1',
    '/sandboxes/',
    '/sandboxes//registration/v1/applications',
    '/sandboxes/a%2Fb/x',
    '/registration/v1/applications',
    '/_sim/v1/sandboxes/sbx_1/webhooks',
    '/_sim/v1/sandboxes/sbx_1',
    '/sandboxesx/sbx_1/a',
    '',
  ])('%j as the pattern cut it', (path) => {
    expect(pathInSandbox(path)).toBe(byPattern(path));
  });
});
