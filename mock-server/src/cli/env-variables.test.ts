import { describe, expect, it } from 'vitest';
import { parseCli, USAGE } from './cli-options.js';
import { MOCK_FLAGS } from './mock-flags.js';

const run = (argv: readonly string[], env: Record<string, string>) => {
  const request = parseCli(argv, env);
  if (request.kind !== 'run') throw new Error(`expected a run request, got ${JSON.stringify(request)}`);
  return request;
};
const error = (argv: readonly string[], env: Record<string, string>) => {
  const request = parseCli(argv, env);
  if (request.kind !== 'error') throw new Error(`expected an error, got ${request.kind}`);
  return request.message;
};

describe('gdx-mock GDX_MOCK_* environment variables', () => {
  it('set every kind of option: text, numbers, a choice, lists (comma-separated) and switches', () => {
    const request = run([], {
      GDX_MOCK_PORT: '0',
      GDX_MOCK_HOST: '::1',
      GDX_MOCK_PROFILE: 'xiamen',
      GDX_MOCK_DATA_DIR: '/var/lib/gdx-mock',
      GDX_MOCK_COMPACT_EVERY: '500',
      GDX_MOCK_SEED: '7',
      GDX_MOCK_START_AT: '2025-09-26T09:00:00+08:00',
      GDX_MOCK_CLOCK: 'realtime',
      GDX_MOCK_MAX_BODY_BYTES: '65536',
      GDX_MOCK_QUOTA_EVENTS: '1000',
      GDX_MOCK_CORS_ORIGIN: 'http://localhost:5173, https://app.example',
      GDX_MOCK_ALLOWED_HOST: 'gdx-mock,.bureau.example',
      GDX_MOCK_SIM_TOKEN: 'env-token-0123456789',
      GDX_MOCK_SHOW_SECRETS: 'true',
      GDX_MOCK_SHUTDOWN_GRACE: '25',
      GDX_MOCK_REQUEST_TIMEOUT: '90',
      GDX_MOCK_MAX_HEAP_RATIO: '0.8',
    });
    expect(request.server).toEqual({ port: 0, host: '::1', corsOrigins: ['http://localhost:5173', 'https://app.example'], allowedHosts: ['gdx-mock', '.bureau.example'], shutdownGraceMs: 25_000, timeouts: { requestMs: 90_000, headersMs: 10_000 } });
    expect(request.app).toEqual({
      seed: 7,
      profile: 'xiamen',
      clock: 'realtime',
      startAt: '2025-09-26T09:00:00+08:00',
      dataDir: '/var/lib/gdx-mock',
      compactEvery: 500,
      limits: { maxBodyBytes: 65_536 },
      quotas: { events: 1000 },
      simToken: 'env-token-0123456789',
      memory: { maxHeapRatio: 0.8 },
    });
    expect(request.showSecrets).toBe(true);
  });

  it('lose to the flag given on the command line (a repeatable flag replaces the whole list)', () => {
    const request = run(['--port', '4011', '--seed', '2', '--cors-origin', 'http://a.example', '--data-dir', 'flag-dir'], {
      GDX_MOCK_PORT: '4012',
      GDX_MOCK_SEED: '3',
      GDX_MOCK_CORS_ORIGIN: 'http://b.example,http://c.example',
      GDX_MOCK_DATA_DIR: 'env-dir',
    });
    expect([request.server.port, request.app.seed, request.server.corsOrigins, request.app.dataDir]).toEqual([4011, 2, ['http://a.example'], 'flag-dir']);
    // Node 20's parseArgs has no --no-*, so a typed switch is only ever on: it wins over a 0 in the environment.
    expect(run(['--show-secrets'], { GDX_MOCK_SHOW_SECRETS: '0' }).showSecrets).toBe(true);
  });

  it.each([
    ['1', true],
    ['TRUE', true],
    ['0', false],
    ['false', false],
    ['', false],
  ])('GDX_MOCK_SHOW_SECRETS=%j is %s', (value, want) => {
    expect(run([], { GDX_MOCK_SHOW_SECRETS: value }).showSecrets).toBe(want);
  });

  it('an empty variable counts as unset', () => {
    const request = run([], { GDX_MOCK_PORT: '', GDX_MOCK_SIM_TOKEN: '', GDX_MOCK_CORS_ORIGIN: '' });
    expect([request.server.port, request.app.simToken, request.server.corsOrigins]).toEqual([4010, undefined, []]);
  });

  it.each([
    [{ GDX_MOCK_PORT: '70000' }, /^GDX_MOCK_PORT must be 0–65535: 70000$/],
    [{ GDX_MOCK_PORT: '4010 ' }, /^GDX_MOCK_PORT must be 0–65535/],
    [{ GDX_MOCK_SEED: '-1' }, /^GDX_MOCK_SEED must be a non-negative integer: -1$/],
    [{ GDX_MOCK_COMPACT_EVERY: '0' }, /^GDX_MOCK_COMPACT_EVERY must be a positive integer: 0$/],
    [{ GDX_MOCK_MAX_BODY_BYTES: '1MiB' }, /^GDX_MOCK_MAX_BODY_BYTES must be a positive integer: 1MiB$/],
    [{ GDX_MOCK_QUOTA_OBJECTS: '2e6' }, /^GDX_MOCK_QUOTA_OBJECTS must be a positive integer: 2e6$/],
    [{ GDX_MOCK_CLOCK: 'fast' }, /^GDX_MOCK_CLOCK must be virtual or realtime: fast$/],
    [{ GDX_MOCK_PROFILE: 'shanghai' }, /^GDX_MOCK_PROFILE must be one of national, inner-mongolia, xiamen/],
    [{ GDX_MOCK_START_AT: '2025-09-26' }, /^GDX_MOCK_START_AT must be an RFC 3339 instant/],
    [{ GDX_MOCK_CORS_ORIGIN: 'http://ok.example,localhost:5173' }, /^GDX_MOCK_CORS_ORIGIN: \[INVALID_CORS_ORIGIN\].*localhost:5173$/],
    [{ GDX_MOCK_ALLOWED_HOST: 'mock.example.org:4010' }, /^GDX_MOCK_ALLOWED_HOST: \[INVALID_ALLOWED_HOST\]/],
    [{ GDX_MOCK_SIM_TOKEN: 'short' }, /^GDX_MOCK_SIM_TOKEN: \[INVALID_SIM_TOKEN\]/],
    [{ GDX_MOCK_SHOW_SECRETS: 'yes please' }, /^GDX_MOCK_SHOW_SECRETS must be 1, true, 0 or false: yes please$/],
  ])('a bad %j is refused naming the variable', (env, message) => {
    expect(error([], env)).toMatch(message);
  });

  it('a bad flag is still refused naming the flag, and a good flag hides a bad variable', () => {
    expect(error(['--port', 'x'], { GDX_MOCK_PORT: '1' })).toBe('--port must be 0–65535: x');
    expect(error(['--sim-token', 'short'], {})).toMatch(/^--sim-token: \[INVALID_SIM_TOKEN\]/);
    expect(run(['--port', '1'], { GDX_MOCK_PORT: 'x' }).server.port).toBe(1);
  });

  it('-h, --help, -v and --version are typed only: GDX_MOCK_HELP and GDX_MOCK_VERSION are not read', () => {
    expect(parseCli(['-h']).kind).toBe('help');
    expect(parseCli(['--help']).kind).toBe('help');
    expect(parseCli(['-v']).kind).toBe('version');
    expect(parseCli(['--version']).kind).toBe('version');
    expect(parseCli([], { GDX_MOCK_HELP: '1', GDX_MOCK_VERSION: '1' }).kind).toBe('run');
  });

  it('--help lists every flag of the table with its variable (one table, nothing to keep in sync)', () => {
    for (const flag of MOCK_FLAGS) {
      expect(USAGE).toContain(`--${flag.name}`);
      const variable = `[$GDX_MOCK_${flag.name.toUpperCase().replace(/-/g, '_')}]`;
      if (flag.env === false) expect(USAGE).not.toContain(variable);
      else expect(USAGE).toContain(variable);
    }
    expect(USAGE).toMatch(/-h, --help\s+show this help/);
    expect(USAGE).toMatch(/-v, --version\s+print the version of @gdx\/mock-server/);
    expect(USAGE).toMatch(/comma-separated/);
  });
});
