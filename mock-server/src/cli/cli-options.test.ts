import { describe, expect, it } from 'vitest';
import { parseCli, USAGE } from './cli-options.js';

describe('parseCli', () => {
  it('--idempotency-retention (or GDX_MOCK_IDEMPOTENCY_RETENTION) sets the retention in seconds; absent, the app\'s default holds', () => {
    const retention = (argv: string[], env: Record<string, string> = {}) => {
      const request = parseCli(argv, env);
      if (request.kind !== 'run') throw new Error(`expected a run request, got ${request.kind}`);
      return request.app.idempotencyRetentionMs;
    };
    expect(retention([])).toBeUndefined();
    expect(retention(['--idempotency-retention', '3600'])).toBe(3_600_000);
    expect(retention([], { GDX_MOCK_IDEMPOTENCY_RETENTION: '604800' })).toBe(604_800_000);
    expect(USAGE).toMatch(/--idempotency-retention <s>[\s\S]*default 86400, 24 h[\s\S]*\[\$GDX_MOCK_IDEMPOTENCY_RETENTION\]/);
  });

  it.each([
    { argv: [], want: { profile: 'national', profileFile: undefined } },
    { argv: ['--profile', 'xiamen'], want: { profile: 'xiamen', profileFile: undefined } },
    { argv: ['--profile', './my-city.yaml'], want: { profile: undefined, profileFile: './my-city.yaml' } },
    { argv: ['--profile', '/etc/gdx/city.JSON'], want: { profile: undefined, profileFile: '/etc/gdx/city.JSON' } },
  ])('--profile $argv', ({ argv, want }) => {
    const request = parseCli(argv);
    if (request.kind !== 'run') throw new Error(`expected a run request, got ${request.kind}`);
    expect({ profile: request.app.profile, profileFile: request.profileFile }).toEqual(want);
  });

  it.each([
    [['--profile', 'shanghai'], /--profile must be one of national, inner-mongolia, xiamen or a \.json\/\.yaml profile file/],
    [['--port', '70000'], /--port must be 0–65535/],
    [['--clock', 'fast'], /--clock must be virtual or realtime/],
    [['--start-at', '2025-09-26'], /--start-at must be an RFC 3339 instant/],
    [['--start-at', '9999-12-31T23:59:59+08:00'], /--start-at must be from 1900-01-01T00:00:00\+08:00 up to \(not including\) 9900-01-01T00:00:00\+08:00/],
    [['--frobnicate'], /Unknown option '--frobnicate'$/],
    // A slip for a flag is named; parseArgs' own message stays.
    [['--prot', '4010'], /Unknown option '--prot' \(did you mean --port\?\)/],
    [['--data_dir=/tmp/x'], /Unknown option '--data_dir' \(did you mean --data-dir\?\)/],
    [['--sim-tokn', 'x'], /did you mean --sim-token\?/],
    [['--cors-origin', 'localhost:5173'], /INVALID_CORS_ORIGIN/],
    [['--cors-origin', 'http://localhost:5173/app'], /INVALID_CORS_ORIGIN/],
    [['--allowed-host', 'mock.example.org:4010'], /INVALID_ALLOWED_HOST/],
    [['--sim-token', 'short'], /INVALID_SIM_TOKEN/],
    [['--max-body-bytes', '0'], /--max-body-bytes must be a positive integer: 0/],
    [['--max-body-bytes', '1MiB'], /--max-body-bytes must be a positive integer/],
    [['--max-body-bytes=-5'], /--max-body-bytes must be a positive integer/],
    [['--max-heap-ratio', '0'], /--max-heap-ratio must be a number greater than 0 and at most 1: 0/],
    [['--max-heap-ratio', '1.5'], /--max-heap-ratio must be a number greater than 0 and at most 1/],
    [['--max-heap-ratio', '90%'], /--max-heap-ratio must be a number/],
    [['--idempotency-retention', '0'], /--idempotency-retention must be 1–315360000: 0/],
    [['--idempotency-retention', '24h'], /--idempotency-retention must be 1–315360000: 24h/],
    // A flag without its value is named with what it takes, not parseArgs' "argument is ambiguous".
    [['--port'], /^--port takes a value <n> and none was given \/ --port 需要一个取值 <n>，但未给出$/],
    [['--data-dir', '--port', '4010'], /^--data-dir takes a value <dir> and none was given \(--port follows it; write --data-dir=--port if that is the value\) \/ --data-dir 需要一个取值 <dir>，但未给出（其后是 --port/],
    [['--cors-origin', '-h'], /^--cors-origin takes a value <origin> and none was given/],
    // A negative number is the flag's value, refused by the flag's own check as --port=-1 is.
    [['--port', '-1'], /^--port must be 0–65535: -1$/],
    [['--max-heap-ratio', '-0.5'], /^--max-heap-ratio must be a number greater than 0 and at most 1: -0.5$/],
  ])('refuses %j', (argv, message) => {
    const request = parseCli(argv);
    expect(request.kind).toBe('error');
    expect(request.kind === 'error' && request.message).toMatch(message);
  });

  it('guards the heap at 0.9 of its limit unless --max-heap-ratio says otherwise', () => {
    const guarded = (argv: string[]) => {
      const request = parseCli(argv);
      if (request.kind !== 'run') throw new Error(`expected a run request, got ${request.kind}`);
      return request.app.memory;
    };
    expect(guarded([])).toEqual({ maxHeapRatio: 0.9 });
    expect(guarded(['--max-heap-ratio', '1'])).toEqual({ maxHeapRatio: 1 });
  });

  it('warns of a GDX_MOCK_* variable no flag reads when it is a slip for one, and of nothing else', () => {
    const request = parseCli([], { GDX_MOCK_DATADIR: '/srv/gdx', GDX_MOCK_PROT: '4011', GDX_MOCK_URL: 'http://127.0.0.1:4010', GDX_MOCK_BIN: '/x', GDX_MOCK_PORT: '4012', PATH: '/bin' });
    if (request.kind !== 'run') throw new Error(`expected a run request, got ${request.kind}`);
    expect(request.warnings).toEqual([
      expect.stringMatching(/^GDX_MOCK_DATADIR is not read by gdx-mock: did you mean GDX_MOCK_DATA_DIR\? \/ .*GDX_MOCK_DATA_DIR/),
      expect.stringMatching(/^GDX_MOCK_PROT is not read by gdx-mock: did you mean GDX_MOCK_PORT\?/),
    ]);
    // The misspelt directory is not used: the state would be in memory, hence the warning.
    expect(request.app.dataDir).toBeUndefined();
    expect(request.server.port).toBe(4012);
    const clean = parseCli([], { GDX_MOCK_DATA_DIR: '/srv/gdx' });
    expect(clean.kind === 'run' && clean.warnings).toEqual([]);
  });

  it('reads the control-plane options: repeatable origins and hosts, the token from the flag or GDX_MOCK_SIM_TOKEN', () => {
    const token = 'flag-token-0123456789';
    const request = parseCli(['--cors-origin', 'http://localhost:5173', '--cors-origin', 'https://app.example', '--allowed-host', 'gdx-mock', '--sim-token', token], { GDX_MOCK_SIM_TOKEN: 'env-token-0123456789' });
    if (request.kind !== 'run') throw new Error(`expected a run request, got ${request.kind}`);
    expect(request.server).toMatchObject({ corsOrigins: ['http://localhost:5173', 'https://app.example'], allowedHosts: ['gdx-mock'] });
    expect(request.app.simToken).toBe(token);
    const fromEnv = parseCli([], { GDX_MOCK_SIM_TOKEN: 'env-token-0123456789' });
    expect(fromEnv.kind === 'run' && fromEnv.app.simToken).toBe('env-token-0123456789');
    const none = parseCli([]);
    expect(none.kind === 'run' && [none.app.simToken, none.server.corsOrigins, none.server.allowedHosts]).toEqual([undefined, [], []]);
  });

  it('--ignore-query-parameter (repeatable) or GDX_MOCK_IGNORE_QUERY_PARAMETER names undeclared query parameters the app ignores', () => {
    const request = parseCli(['--ignore-query-parameter', 'utm_source', '--ignore-query-parameter', 'ts']);
    expect(request.kind === 'run' && request.app.ignoredQueryParameters).toEqual(['utm_source', 'ts']);
    const fromEnv = parseCli([], { GDX_MOCK_IGNORE_QUERY_PARAMETER: 'utm_source, ts' });
    expect(fromEnv.kind === 'run' && fromEnv.app.ignoredQueryParameters).toEqual(['utm_source', 'ts']);
    const none = parseCli([]);
    expect(none.kind === 'run' && 'ignoredQueryParameters' in none.app).toBe(false);
  });

  it('--max-body-bytes sets the body limit of the app (default: none given, so 1 MiB)', () => {
    const request = parseCli(['--max-body-bytes', '65536']);
    expect(request.kind === 'run' && request.app.limits).toEqual({ maxBodyBytes: 65_536 });
    const none = parseCli([]);
    expect(none.kind === 'run' && none.app.limits).toBeUndefined();
    expect(USAGE).toMatch(/--max-body-bytes <n>\s+largest request body in bytes \(default 1048576, 1 MiB\)/);
  });
});
