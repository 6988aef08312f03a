import { beforeAll, describe, expect, it } from 'vitest';
import { runPython, runWalkthrough, startMockProcess, WALKTHROUGH_SCRIPT, type WalkthroughResult } from '../src/index.js';

/** The script's output lines with runs of spaces collapsed. */
const linesOf = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

describe('Python (standard library) client against the standalone gdx-mock server', () => {
  let run: WalkthroughResult;
  beforeAll(async () => {
    run = await runWalkthrough();
  }, 120_000);

  it('ran the script against the child server on a free loopback port and exited 0', () => {
    expect(run.mockUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('was refused with 401 problem+json when signing with a wrong secret', () => {
    expect(linesOf(run.stdout)).toContain('wrong secret -> 401 SIGNATURE_INVALID (签名或内容摘要校验失败)');
  });

  it('filed a signed registration and acted as the registry through the simulation API', () => {
    const out = linesOf(run.stdout);
    expect(out[0]).toMatch(/^sandbox sbx_\w+: registrant 厦门公交集团有限公司 \(\w{18}\), app key \S+$/);
    expect(out).toContainEqual(expect.stringMatching(/^filed rga_\w+: submitted, acceptance due 2025-09-30$/));
    expect(out).toContain('registry: accept -> under_review');
    expect(out).toContain('registry: approve_review -> in_public_notice');
    expect(out).toContainEqual(expect.stringMatching(/^clock -> 2025-11-04T00:00:00\+08:00 \([1-9]\d* transition\(s\) fired by the platform\)$/));
  });

  it('printed the dated states the platform answered (signed list with a query string)', () => {
    const out = linesOf(run.stdout);
    const states = out.slice(out.indexOf('dated states (as the platform answered):') + 1, out.findIndex((l) => l.startsWith('lookup ')));
    expect(states).toEqual([
      '2025-09-26 Fri submitted (registrant) — acceptance due 2025-09-30 (3 working_days, 发改数据规〔2025〕26号 第十条)',
      '2025-09-30 Tue under_review (registry) — formal_review due 2025-11-04 (20 working_days, 发改数据规〔2025〕26号 第十一条)',
      '2025-10-20 Mon in_public_notice (registry) — public_notice due 2025-11-03 (10 working_days, 发改数据规〔2025〕26号 第十二条)',
      '2025-11-04 Tue registered (clock)',
    ]);
  });

  it('found the registration through the unsigned public lookup', () => {
    expect(linesOf(run.stdout).at(-1)).toMatch(/^lookup DJ\d{16}: registered, valid true until 2028-11-06$/);
  });

  it('exits 1 with a message on stderr when the server is gone', async () => {
    const mock = await startMockProcess();
    await mock.stop();
    const failed = await runPython(WALKTHROUGH_SCRIPT, ['--base-url', mock.url]);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain(`cannot reach ${mock.url}`);
  });
});
