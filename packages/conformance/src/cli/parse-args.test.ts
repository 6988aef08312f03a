import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './parse-args.js';

describe('parseCliArgs', () => {
  it('reads a full command line', () => {
    const o = parseCliArgs([
      '--base-url', 'http://127.0.0.1:4010', '--sim-url', 'http://127.0.0.1:4010/_sim/v1', '--sandbox', 'sbx_1',
      '--org', 'ak1:s1:91350100M000100Y43', '--org', 'ak2:s2::HMAC-SM3', '--seed', '42',
      '--only', 'REG-*,SHR-*', '--only', 'SEC-*', '--skip', 'REG-NOTICE-01', '--junit', 'out.xml', '--json', '--timeout-ms', '5000',
    ]);
    expect(o).toEqual({
      help: false, baseUrl: 'http://127.0.0.1:4010', simUrl: 'http://127.0.0.1:4010/_sim/v1', sandbox: 'sbx_1', profile: 'national',
      organizations: [
        { appKey: 'ak1', secret: 's1', creditCode: '91350100M000100Y43' },
        { appKey: 'ak2', secret: 's2', creditCode: '', algorithm: 'HMAC-SM3' },
      ],
      seed: '42', only: ['REG-*', 'SHR-*', 'SEC-*'], skip: ['REG-NOTICE-01'], junit: 'out.xml', json: true, timeoutMs: 5000,
    });
  });

  it('lets a sim URL stand in for base URL and organisations', () => {
    const o = parseCliArgs(['--sim-url', 'http://h/_sim/v1']);
    expect([o.baseUrl, o.organizations, o.seed]).toEqual([undefined, [], '1']);
  });

  it('reads the simulation token from --sim-token, else GDX_MOCK_SIM_TOKEN', () => {
    expect(parseCliArgs(['--sim-url', 'http://h/_sim/v1', '--sim-token', 'flag'], { GDX_MOCK_SIM_TOKEN: 'env' }).simToken).toBe('flag');
    expect(parseCliArgs(['--sim-url', 'http://h/_sim/v1'], { GDX_MOCK_SIM_TOKEN: 'env' }).simToken).toBe('env');
    expect(parseCliArgs(['--sim-url', 'http://h/_sim/v1']).simToken).toBeUndefined();
  });

  it('reads --wait in seconds (decimals too); none by default', () => {
    expect(parseCliArgs(['--sim-url', 'http://h/_sim/v1', '--wait', '30']).waitSeconds).toBe(30);
    expect(parseCliArgs(['--sim-url', 'http://h/_sim/v1', '--wait', '0.5']).waitSeconds).toBe(0.5);
    expect(parseCliArgs(['--sim-url', 'http://h/_sim/v1', '--wait', '3600']).waitSeconds).toBe(3600);
    expect(parseCliArgs(['--sim-url', 'http://h/_sim/v1'])).not.toHaveProperty('waitSeconds');
  });

  it.each(['0', '-1', '', ' 5', 'abc', '1e3', '3601', 'Infinity'])('rejects --wait %j, naming the option', (value) => {
    expect(() => parseCliArgs(['--sim-url', 'http://h/_sim/v1', `--wait=${value}`])).toThrow(/--wait must be a number of seconds/);
  });

  it('accepts --help alone', () => {
    expect(parseCliArgs(['--help']).help).toBe(true);
  });

  it.each<[string, string[]]>([
    ['no target', ['--org', 'a:b', '--org', 'c:d']],
    ['one organisation without a sim URL', ['--base-url', 'http://h', '--org', 'a:b']],
    ['a malformed --org', ['--base-url', 'http://h', '--org', 'justakey', '--org', 'c:d']],
    ['an unknown signature method', ['--base-url', 'http://h', '--org', 'a:b::MD5', '--org', 'c:d']],
    ['--sandbox without --sim-url', ['--base-url', 'http://h', '--sandbox', 's', '--org', 'a:b', '--org', 'c:d']],
    ['an unknown option', ['--base-url', 'http://h', '--frobnicate']],
    ['a bad timeout', ['--sim-url', 'http://h', '--timeout-ms', '-3']],
    ['--sim-token without --sim-url', ['--base-url', 'http://h', '--sim-token', 't', '--org', 'a:b', '--org', 'c:d']],
  ])('rejects %s', (_, argv) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
  });
});
