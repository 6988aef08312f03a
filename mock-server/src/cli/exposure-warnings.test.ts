import { describe, expect, it } from 'vitest';
import { exposureWarnings } from './exposure-warnings.js';

describe('exposureWarnings', () => {
  it.each([
    { host: '127.0.0.1', allowedHosts: [], token: false, want: [] },
    { host: 'localhost', allowedHosts: [], token: false, want: [] },
    { host: '192.168.1.5', allowedHosts: [], token: false, want: ['--sim-token'] },
    { host: '192.168.1.5', allowedHosts: [], token: true, want: [] },
    { host: '0.0.0.0', allowedHosts: [], token: false, want: ['--sim-token', '--allowed-host'] },
    { host: '0.0.0.0', allowedHosts: [], token: true, want: ['--allowed-host'] },
    { host: '::', allowedHosts: ['gdx-mock'], token: true, want: [] },
  ])('$host, allowed $allowedHosts, token $token → $want', ({ host, allowedHosts, token, want }) => {
    const warnings = exposureWarnings({ host, allowedHosts }, token);
    expect(warnings).toHaveLength(want.length);
    want.forEach((flag, i) => expect(warnings[i]).toContain(`with ${flag}`));
  });
});
