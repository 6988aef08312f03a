import { describe, expect, it } from 'vitest';
import { FaultRules } from './faults.js';
import { createRandom } from './random.js';

describe('FaultRules', () => {
  it.each([
    { operation: 'getEntry', id: 'getEntry', path: '/catalog/v1/entries/e1', hit: true },
    { operation: 'getEntry', id: 'listEntries', path: '/catalog/v1/entries', hit: false },
    { operation: '*', id: 'anything', path: '/x', hit: true },
    { operation: '/catalog/v1/entries/*', id: 'getEntry', path: '/catalog/v1/entries/e1', hit: true },
    { operation: '/catalog/v1/entries/*', id: 'getEvents', path: '/catalog/v1/entries/e1/events', hit: false },
    { operation: '/catalog/**', id: 'getEvents', path: '/catalog/v1/entries/e1/events', hit: true },
    { operation: '/catalog/v1/entries.json', id: 'x', path: '/catalog/v1/entriesXjson', hit: false },
  ])('$operation matches $path: $hit', ({ operation, id, path, hit }) => {
    const rules = new FaultRules([{ operation, probability: 1, kind: 'server_error' }], createRandom('t'));
    expect(rules.decide(id, path).outcome !== undefined).toBe(hit);
  });

  it('adds latencies and lets the first other rule decide; spent rules disappear', () => {
    const rules = new FaultRules(
      [
        { operation: '*', probability: 1, kind: 'latency', latencyMs: 5 },
        { operation: '*', probability: 1, kind: 'latency', latencyMs: 7 },
        { operation: '*', probability: 1, kind: 'rate_limit', retryAfterSeconds: 3, times: 1 },
        { operation: '*', probability: 1, kind: 'server_error', status: 503 },
      ],
      createRandom('t'),
    );
    expect(rules.decide('a', '/a')).toEqual({ latencyMs: 12, outcome: { kind: 'rate_limit', retryAfter: 3 } });
    expect(rules.decide('a', '/a')).toEqual({ latencyMs: 12, outcome: { kind: 'server_error', status: 503, retryAfter: 1 } });
    expect(rules.list().map((r) => r.kind)).toEqual(['latency', 'latency', 'server_error']);
  });

  it('never fires at probability 0', () => {
    const rules = new FaultRules([{ operation: '*', probability: 0, kind: 'connection_reset' }], createRandom('t'));
    for (let i = 0; i < 100; i += 1) expect(rules.decide('a', '/a').outcome).toBeUndefined();
  });
});
