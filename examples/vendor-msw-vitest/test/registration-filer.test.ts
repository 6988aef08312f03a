import { ConflictError, InternalServerError } from '@gdx/registration';
import type { Sandbox, SeededOrganization, SimulationClient } from '@gdx/simulation';
import { describe, expect, it } from 'vitest';
import { createRegistrationFiler, sampleApplication, type FilerConfig } from '../src/index.js';
import { useGdxMock } from './gdx-mock.js';

const mock = useGdxMock();

/** The product configured for a sandbox; waiting between polls moves the virtual clock one working day. */
function filerFor(sandbox: Sandbox, registrant: SeededOrganization, options: Partial<FilerConfig> = {}) {
  const waits: string[] = [];
  const filer = createRegistrationFiler({
    baseUrl: sandbox.platforms.registration,
    appKey: registrant.appKey,
    secret: registrant.secret,
    wait: async () => {
      const { clock } = await mock.sim.clock.advance(sandbox.id, { workingDays: 1 });
      waits.push(clock.today);
    },
    ...options,
  });
  return { filer, waits };
}

type Action = Parameters<SimulationClient['officials']['act']>[1];

/** The registry's decision on an application, through the simulation API. */
const registry = (sandbox: Sandbox, objectId: string, action: 'accept' | 'request_supplements', items?: { field: string; text: string }[]) =>
  mock.sim.officials.act(sandbox.id, { platform: 'registration', objectType: 'application', objectId, action, ...(items ? { items } : {}) } as Action);

describe('registration filer against the gdx mock (MSW setupServer)', () => {
  it('files and reports acceptance once the registry accepts (auto reviewers, seeded)', async () => {
    const { sandbox, registrant } = await mock.sandbox({ mode: 'auto', approvalRate: 1, decideOn: 'first_day' });
    const { filer, waits } = filerFor(sandbox, registrant);

    const report = await filer.file(sampleApplication(registrant));

    expect(report).toMatchObject({ status: 'accepted', state: 'under_review', overdue: false, polls: waits.length + 1 });
    // Accepted within the 3 WD acceptance limit (2025-09-30); the formal review's 20 WD now run.
    expect(waits.at(-1)! <= '2025-09-30').toBe(true);
    expect(report.dueDate! > '2025-10-20').toBe(true);
  });

  it('keeps waiting and shows the registry overdue when nobody decides (manual reviewers)', async () => {
    const { sandbox, registrant } = await mock.sandbox({ mode: 'manual' });
    const { filer, waits } = filerFor(sandbox, registrant, { maxPolls: 5 });

    const report = await filer.file(sampleApplication(registrant));

    // Make-up Sunday 09-28 counts; 10-01..10-08 is the National Day holiday.
    expect(waits).toEqual(['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09']);
    expect(report).toMatchObject({ status: 'waiting', state: 'submitted', dueDate: '2025-09-30', overdue: true, polls: 5 });
  });

  it('surfaces a supplement notice, answers it, and reports acceptance after the resubmission', async () => {
    const { sandbox, registrant } = await mock.sandbox({ mode: 'manual' });
    const items = [{ field: '/riskAssessment', text: '缺少第三方出具的数据安全风险评估报告' }];
    let applicationId = '';
    const { filer } = filerFor(sandbox, registrant, {
      wait: async () => {
        await mock.sim.clock.advance(sandbox.id, { workingDays: 1 });
        const app = await mock.sim.events.feedPage(sandbox.id, { platform: 'registration' });
        applicationId = app.items[0]!.objectId;
        await registry(sandbox, applicationId, 'request_supplements', items);
      },
    });

    const first = await filer.file(sampleApplication(registrant));
    expect(first).toMatchObject({ status: 'supplement_required', state: 'supplement_required', applicationId, polls: 2 });

    const { filer: again } = filerFor(sandbox, registrant, { wait: () => registry(sandbox, applicationId, 'accept').then(() => undefined) });
    const second = await again.supplement(applicationId, { note: '已补充风险评估报告。', changes: { riskAssessment: { summary: '第三方评估：风险等级低。' } } });
    expect(second).toMatchObject({ status: 'accepted', state: 'under_review', polls: 2 });
  });

  it('lets the 409 through when there is no supplement notice to answer', async () => {
    const { sandbox, registrant } = await mock.sandbox({ mode: 'manual' });
    const { filer } = filerFor(sandbox, registrant, { maxPolls: 1 });
    const { applicationId } = await filer.file(sampleApplication(registrant));

    const refused = filer.supplement(applicationId, { note: '主动补充', changes: { evidence: { description: '补充存证编号' } } });

    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION', problem: { message: { zh: expect.any(String), en: expect.any(String) } } });
  });

  it('survives a 503 on submission: the SDK retries with the same Idempotency-Key and one application exists', async () => {
    const { sandbox, registrant } = await mock.sandbox({ mode: 'manual' });
    await mock.sim.faults.set(sandbox.id, { rules: [{ operation: 'submitApplication', probability: 1, kind: 'server_error', status: 503, times: 1 }] });
    const submissions: { status: number; key: string | null }[] = [];
    mock.server.events.on('response:mocked', ({ request, response }) => {
      if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/registration/v1/applications')) {
        submissions.push({ status: response.status, key: request.headers.get('idempotency-key') });
      }
    });
    const { filer } = filerFor(sandbox, registrant, { maxPolls: 1 });

    const report = await filer.file(sampleApplication(registrant));

    mock.server.events.removeAllListeners();
    expect(submissions.map((s) => s.status)).toEqual([503, 201]);
    expect(submissions[0]!.key).toBeTruthy();
    expect(submissions[1]!.key).toBe(submissions[0]!.key);
    expect(report).toMatchObject({ status: 'waiting', state: 'submitted' });
    const feed = await mock.sim.events.feedPage(sandbox.id, { platform: 'registration' });
    expect(new Set(feed.items.map((e) => e.objectId))).toEqual(new Set([report.applicationId]));
  });

  it('fails with a typed error when the platform keeps answering 503', async () => {
    const { sandbox, registrant } = await mock.sandbox({ mode: 'manual' });
    await mock.sim.faults.set(sandbox.id, { rules: [{ operation: 'submitApplication', probability: 1, kind: 'server_error', status: 503 }] });
    const { filer } = filerFor(sandbox, registrant);

    const failed = filer.file(sampleApplication(registrant));

    await expect(failed).rejects.toBeInstanceOf(InternalServerError);
    await expect(failed).rejects.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });
});
