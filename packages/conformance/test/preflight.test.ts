// runConformance checks the organisations' credentials before any check (as the CLI does): with
// credentials the platform refuses, every signed check would fail with the same 401, which reads
// as a broken platform.
import { describe, expect, it } from 'vitest';
import { CredentialsRefusedError, runConformance, type ConformanceOptions, type Organization, type Reporter } from '../src/index.js';
import { inProcessMock, MOCK_ORIGIN, SIM_URL } from './e2e/support/mock.js';

/** The mock in-process, recording the paths and queries of the requests sent to it. */
function recordedMock(): { fetch: typeof fetch; paths: string[] } {
  const { fetch } = inProcessMock();
  const paths: string[] = [];
  return { paths, fetch: (input, init) => {
    const url = new URL(new Request(input, init).url);
    paths.push(`${url.pathname}${url.search}`);
    return fetch(input, init);
  } };
}

/** A reporter counting the checks it was told of. */
function countingReporter(): Reporter & { started: number; results: number } {
  const reporter = { started: 0, results: 0, onStart: () => void (reporter.started += 1), onResult: () => void (reporter.results += 1) };
  return reporter;
}

async function defaultOrganizations(fetchImpl: typeof fetch): Promise<Organization[]> {
  const sandbox = (await (await fetchImpl(`${SIM_URL}/sandboxes/default`)).json()) as { organizations: Organization[] };
  return sandbox.organizations.slice(0, 2);
}

const README_ORGS: Organization[] = [
  { appKey: 'ak_1', secret: 's1', creditCode: '91350100M000100Y43' },
  { appKey: 'ak_2', secret: 's2', creditCode: '91350200MA2Y0QH38D', algorithm: 'HMAC-SM3' },
];

describe('runConformance before any check', () => {
  it('rejects with CredentialsRefusedError naming the organisation and the answer for an unknown app key, running no check', async () => {
    const { fetch, paths } = recordedMock();
    const reporter = countingReporter();
    const options: ConformanceOptions = { baseUrl: MOCK_ORIGIN, organizations: README_ORGS, seed: 1, include: ['SEC-*'], fetch, reporters: [reporter] };
    const error = await runConformance(options).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsRefusedError);
    const refused = error as CredentialsRefusedError;
    expect(refused).toMatchObject({ code: 'CREDENTIALS_REFUSED', index: 0, appKey: 'ak_1', response: { status: 401 } });
    expect(refused.message).toContain(`organisation #1 (ak_1): a signed GET ${MOCK_ORIGIN}/registration/v1/applications?limit=1 answered 401 application/problem+json APP_KEY_UNKNOWN`);
    expect(refused.zh).toContain('第 1 个机构（ak_1）的凭据');
    expect(refused.zh).toContain('APP_KEY_UNKNOWN');
    expect(JSON.stringify(refused)).not.toContain('s1');
    expect(reporter).toMatchObject({ started: 0, results: 0 });
    expect(paths).toEqual(['/registration/v1/applications?limit=1']);
  });

  it('names the second organisation when only its secret is wrong (401 SIGNATURE_INVALID)', async () => {
    const { fetch } = inProcessMock();
    const [first, second] = await defaultOrganizations(fetch);
    const error = await runConformance({ baseUrl: MOCK_ORIGIN, organizations: [first!, { ...second!, secret: 'wrong' }], seed: 1, include: ['SEC-SIG-01'], fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsRefusedError);
    expect(error).toMatchObject({ index: 1, appKey: second!.appKey });
    expect((error as Error).message).toContain('SIGNATURE_INVALID');
  });

  it('runs the checks as before with credentials the platform accepts', async () => {
    const { fetch } = inProcessMock();
    const reporter = countingReporter();
    const report = await runConformance({ baseUrl: MOCK_ORIGIN, organizations: await defaultOrganizations(fetch), seed: 1, include: ['SEC-SIG-01', 'SEC-SIG-06'], fetch, reporters: [reporter] });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['SEC-SIG-01', 'passed'], ['SEC-SIG-06', 'passed']]);
    expect(reporter).toMatchObject({ started: 1, results: 2 });
  });

  it('with preflight: false sends no such read and runs the checks, whatever they then meet', async () => {
    const { fetch, paths } = recordedMock();
    const report = await runConformance({ baseUrl: MOCK_ORIGIN, organizations: README_ORGS, seed: 1, include: ['SEC-SIG-01'], fetch, preflight: false });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ id: 'SEC-SIG-01', status: 'failed' });
    expect(report.results[0]?.failures[0]?.actual).toContain('APP_KEY_UNKNOWN');
    expect(paths).not.toContain('/registration/v1/applications?limit=1');
  });
});
