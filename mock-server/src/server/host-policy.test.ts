import { describe, expect, it } from 'vitest';
import { hostPolicy, normalizeAllowedHost } from './host-policy.js';

describe('hostPolicy', () => {
  it.each([
    // bound to loopback: the three loopback names with the listening port
    { bind: '127.0.0.1', allowed: [], host: 'localhost:4010', want: true },
    { bind: '127.0.0.1', allowed: [], host: '127.0.0.1:4010', want: true },
    { bind: '127.0.0.1', allowed: [], host: '[::1]:4010', want: true },
    { bind: '127.0.0.1', allowed: [], host: 'LOCALHOST:4010', want: true },
    { bind: '127.0.0.1', allowed: [], host: 'localhost:4011', want: false },
    { bind: '127.0.0.1', allowed: [], host: 'localhost', want: false },
    // no port is port 80, as the README's Host check says: the bound address itself is refused without :4010
    { bind: '127.0.0.1', allowed: [], host: '127.0.0.1', want: false },
    { bind: '127.0.0.1', allowed: [], host: 'attacker.example:4010', want: false },
    { bind: '127.0.0.1', allowed: [], host: '192.168.1.5:4010', want: false },
    { bind: '127.0.0.1', allowed: [], host: 'localhost:4010:1', want: false },
    { bind: '127.0.0.1', allowed: [], host: undefined, want: true },
    { bind: '::1', allowed: [], host: '[::1]:4010', want: true },
    // bound to one address: that address; allow-list names on any port
    { bind: '192.168.1.5', allowed: [], host: '192.168.1.5:4010', want: true },
    { bind: '192.168.1.5', allowed: [], host: 'localhost:4010', want: false },
    { bind: '192.168.1.5', allowed: ['mock.lan'], host: 'mock.lan:8080', want: true },
    { bind: '192.168.1.5', allowed: ['mock.lan'], host: 'mock.lan', want: true },
    { bind: '192.168.1.5', allowed: ['mock.lan'], host: '192.168.1.5', want: false },
    { bind: '127.0.0.1', allowed: ['.example.test'], host: 'a.b.example.test', want: true },
    { bind: '127.0.0.1', allowed: ['.example.test'], host: 'badexample.test:4010', want: false },
    // every interface: open without an allow-list; with one, the list, loopback and IP addresses
    { bind: '0.0.0.0', allowed: [], host: 'anything.example:9', want: true },
    { bind: '::', allowed: [], host: 'anything.example', want: true },
    { bind: '0.0.0.0', allowed: ['gdx-mock'], host: 'gdx-mock:4010', want: true },
    { bind: '0.0.0.0', allowed: ['gdx-mock'], host: '10.0.0.7:4010', want: true },
    { bind: '0.0.0.0', allowed: ['gdx-mock'], host: 'localhost:4010', want: true },
    { bind: '0.0.0.0', allowed: ['gdx-mock'], host: '10.0.0.7', want: false },
    { bind: '0.0.0.0', allowed: ['gdx-mock'], host: 'attacker.example:4010', want: false },
  ])('bound to $bind, allowed $allowed: $host → $want', ({ bind, allowed, host, want }) => {
    expect(hostPolicy({ bindHost: bind, port: 4010, allowedHosts: allowed }).allows(host)).toBe(want);
  });

  it('is open only when bound to every interface without an allow-list', () => {
    expect(hostPolicy({ bindHost: '0.0.0.0', port: 1, allowedHosts: [] }).open).toBe(true);
    expect(hostPolicy({ bindHost: '0.0.0.0', port: 1, allowedHosts: ['a'] }).open).toBe(false);
    expect(hostPolicy({ bindHost: '127.0.0.1', port: 1, allowedHosts: [] }).open).toBe(false);
  });

  it.each(['mock.example.org:4010', 'http://mock.example.org', '*', 'a b', ''])('refuses the allowed host %j', (value) => {
    expect(() => normalizeAllowedHost(value)).toThrow(/INVALID_ALLOWED_HOST/);
  });
});
