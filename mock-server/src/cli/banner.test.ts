import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../app/limits.js';
import { renderBanner, type BannerFacts } from './banner.js';

const url = 'http://127.0.0.1:4010';
const facts: BannerFacts = {
  url,
  version: '0.1.0',
  sandbox: {
    profile: { name: 'national', extends: null },
    seed: 42,
    clock: { mode: 'virtual', now: '2025-09-26T09:00:00+08:00' },
    platforms: { registration: `${url}/registration/v1`, sharing: `${url}/sharing/v1`, 'open-data': `${url}/open-data/v1`, catalog: `${url}/catalog/v1` },
    organizations: [{ name: '厦门市公安局', creditCode: '113502001666953597', roles: ['data_provider'], appKey: 'default.ak_one', secret: 'SECRET-ONE' }],
  },
  calendarYears: [2024, 2025, 2026],
  storage: { kind: 'memory', writable: true, compacting: false, entriesSinceSnapshot: 0, restoring: 0, unrestorable: 0, replaysWaiting: 0, replayRefused: { count: 0, notKept: 0 }, lockLost: false, snapshotsFailing: false },
  limits: DEFAULT_LIMITS,
  corsOrigins: [],
  allowedHosts: [],
  simToken: false,
  showSecrets: false,
};

describe('the gdx-mock banner', () => {
  it('says where it listens, the console, the contracts, the platforms, profile, seed, clock and storage in under 15 lines, without secrets', () => {
    const banner = renderBanner(facts);
    expect(banner.split('\n').length).toBeLessThan(15);
    expect(banner).toMatch(/^gdx-mock listening on http:\/\/127\.0\.0\.1:4010 \(@gdx\/mock-server 0\.1\.0\)\n/);
    expect(banner).toContain('console              http://127.0.0.1:4010/_console/\n');
    expect(banner).toContain('contracts            http://127.0.0.1:4010/openapi/ · reference pages, {name}.json, {name}.yaml\n');
    expect(banner).toContain('simulation API       http://127.0.0.1:4010/_sim/v1 · probes /health, /ready\n');
    expect(banner).toContain('open-data            http://127.0.0.1:4010/open-data/v1\n');
    expect(banner).toContain('default: profile national, seed 42');
    expect(banner).toContain('clock                virtual, now 2025-09-26T09:00:00+08:00');
    expect(banner).toContain('calendar             holiday schedules 2024–2026; add a later year: --calendar <file>, or PUT /_sim/v1/sandboxes/default/calendar/{year}\n');
    expect(banner).toContain('data directory       none: state is kept in memory');
    expect(banner).toContain('secrets              curl -s http://127.0.0.1:4010/_sim/v1/sandboxes/default  (or start with --show-secrets)');
    expect(banner).not.toContain('SECRET-ONE');
    expect(banner).not.toContain('default.ak_one');
    expect(banner).not.toMatch(/limits|quotas|sim origins|allowed hosts|replay refused/);
  });

  it('prints the organisations with their keys and secrets only when asked', () => {
    const banner = renderBanner({ ...facts, showSecrets: true });
    expect(banner).toContain('  厦门市公安局 113502001666953597 [data_provider]\n    default.ak_one  SECRET-ONE\n');
    expect(banner).not.toContain('curl');
  });

  it('shows the store, what differs from the defaults, the token and the origins', () => {
    const banner = renderBanner({
      ...facts,
      sandbox: { ...facts.sandbox, profile: { name: 'my-city', extends: 'xiamen' } },
      profileFile: './my-city.yaml',
      dataDir: '.gdx-data',
      storage: { kind: 'store', location: '.gdx-data/store.sqlite', writable: false, compacting: true, entriesSinceSnapshot: 1234, restoring: 0, unrestorable: 0, replaysWaiting: 0, replayRefused: { count: 0, location: '.gdx-data/replay-refused.jsonl', notKept: 0 }, lockLost: false, snapshotsFailing: false },
      limits: { ...DEFAULT_LIMITS, maxBodyBytes: 65_536 },
      quotas: { objects: 10_000, events: 2_000_000 },
      corsOrigins: ['http://localhost:5173'],
      allowedHosts: ['mock.bureau.example'],
      simToken: true,
    });
    expect(banner).toContain('default: profile my-city (extends xiamen) from ./my-city.yaml, seed 42');
    expect(banner).toContain('data directory       .gdx-data (SQLite store, 1,234 writes since the last snapshot, writing a snapshot, writes refused until the store answers again)');
    expect(banner).toContain('limits               body ≤ 65,536 bytes\n');
    // events is given but equals the default: only what differs is shown.
    expect(banner).toContain('quotas               objects 10,000 per sandbox\n');
    expect(banner).toContain('sim origins          http://localhost:5173');
    expect(banner).toContain('allowed hosts        mock.bureau.example');
    expect(banner).toContain('simulation API       http://127.0.0.1:4010/_sim/v1 (bearer token required) · probes /health, /ready');
    expect(banner).toContain('curl -s -H "authorization: Bearer <token>" http://127.0.0.1:4010/_sim/v1/sandboxes/default');
    expect(banner.split('\n').length).toBeLessThan(19);
  });

  it('names the file of the acknowledged requests a replay refused, at every start that finds some', () => {
    const storage = { kind: 'store', location: '.gdx-data/store.sqlite', writable: true, compacting: false, entriesSinceSnapshot: 0, restoring: 0, unrestorable: 0, replaysWaiting: 0, lockLost: false, snapshotsFailing: false } as const;
    const one = renderBanner({ ...facts, dataDir: '.gdx-data', storage: { ...storage, replayRefused: { count: 1, location: '.gdx-data/replay-refused.jsonl', notKept: 0 } } });
    expect(one).toContain('replay refused       1 acknowledged request is not in the state: kept in .gdx-data/replay-refused.jsonl (README: Persistence)\n');
    const many = renderBanner({ ...facts, dataDir: '.gdx-data', storage: { ...storage, replayRefused: { count: 1200, location: '.gdx-data/replay-refused.jsonl', notKept: 0 } } });
    expect(many).toContain('replay refused       1,200 acknowledged requests are not in the state: kept in .gdx-data/replay-refused.jsonl');
    expect(renderBanner({ ...facts, dataDir: '.gdx-data', storage: { ...storage, replayRefused: { count: 0, location: '.gdx-data/replay-refused.jsonl', notKept: 0 } } })).not.toContain('replay refused');
  });

  // The start replays the registry and the default sandbox; the other sandboxes' replays run in the
  // warm-up after the banner: what they may add is said, not left out (nor counted as none).
  it('says that restoring sandboxes with journal entries to replay may add refused requests, also when the start found none', () => {
    const storage = { kind: 'store', location: '.gdx-data/store.sqlite', writable: true, compacting: false, entriesSinceSnapshot: 3, restoring: 2, unrestorable: 0, lockLost: false, snapshotsFailing: false } as const;
    const none = { count: 0, location: '.gdx-data/replay-refused.jsonl', notKept: 0 };
    expect(renderBanner({ ...facts, dataDir: '.gdx-data', storage: { ...storage, replaysWaiting: 1, replayRefused: none } })).toContain(
      'replay refused       none so far; restoring 1 sandbox with journal entries to replay may find some (logged as [REPLAY_REFUSED], kept in .gdx-data/replay-refused.jsonl)\n',
    );
    expect(renderBanner({ ...facts, dataDir: '.gdx-data', storage: { ...storage, replaysWaiting: 2, replayRefused: { ...none, count: 3 } } })).toContain(
      'replay refused       3 acknowledged requests are not in the state: kept in .gdx-data/replay-refused.jsonl (README: Persistence); restoring 2 sandboxes may add more (logged as [REPLAY_REFUSED])\n',
    );
    // Sandboxes restored later with nothing to replay (a snapshot covered the journal) can add none.
    expect(renderBanner({ ...facts, dataDir: '.gdx-data', storage: { ...storage, replaysWaiting: 0, replayRefused: none } })).not.toContain('replay refused');
  });
});
