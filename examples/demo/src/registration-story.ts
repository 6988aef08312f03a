import type { Application, Registration } from '@gdx/registration';
import type { DemoSandbox } from './sandbox.js';
import { eventEntries, type TimelineEntry } from './timeline.js';

/** What the registration story ends with, as the platform answered it. */
export interface RegistrationOutcome {
  application: Application;
  registration: Registration;
  /** The timeline: the application's events, then the registration result. */
  entries: TimelineEntry[];
}

const DIGEST = `sha256:${'3f'.repeat(32)}`;

/**
 * An initial registration (首次登记, 第九条(一)) of a bus company's passenger-flow data product.
 *
 * @example
 * ```ts
 * await client.applications.submit(initialApplication(org));
 * ```
 */
export function initialApplication(org: { creditCode: string; name: string }) {
  return {
    type: 'initial' as const,
    registrants: [{ creditCode: org.creditCode, name: org.name }],
    resource: { name: '公共交通客流数据产品', summary: '按线路、站点、时段汇总的公交客流统计数据，已脱敏。' },
    legalSource: {
      description: '公交集团在运营中依法采集的刷卡与客流计数数据，经授权运营协议取得加工使用权。',
      attachments: [{ name: '授权运营协议.pdf', mediaType: 'application/pdf', digest: DIGEST, size: 245_760 }],
    },
    evidence: { description: '数据样本与处理日志已在存证平台存证。' },
    riskAssessment: { summary: '不含个人信息，风险等级低。' },
  };
}

/**
 * The registration procedure of 发改数据规〔2025〕26号 with the registry played through the
 * simulation API: received Friday 2025-09-26, accepted 09-30 (第十条), formal review passed
 * 10-20 (第十一条), 10 WD public notice (第十二条), coded by the platform when the notice ends.
 * Every date of the outcome is the platform's.
 *
 * @example
 * ```ts
 * const outcome = await registrationStory(await openSandbox(connection, { profile: 'national', startAt, reviewerPolicy: { mode: 'manual' } }));
 * outcome.registration.registrationCode; // 'DJ1000002025000001'
 * ```
 */
export async function registrationStory(s: DemoSandbox): Promise<RegistrationOutcome> {
  const registrant = s.organisation('registrant', '公交');
  const client = s.registration(registrant);
  const submitted = await client.applications.submit(initialApplication(registrant));
  const act = (action: 'accept' | 'approve_review') => s.sim.officials.act(s.sandbox.id, { platform: 'registration', objectType: 'application', objectId: submitted.id, action });

  await s.advanceTo('2025-09-30T10:00:00+08:00');
  await act('accept');
  await s.advanceTo('2025-10-20T10:00:00+08:00');
  await act('approve_review');
  const inNotice = await client.applications.get(submitted.id);
  // The notice runs to 24:00 of its last day; the platform codes the registration then.
  await s.advanceTo(inNotice.deadline!.dueAt);

  const application = await client.applications.get(submitted.id);
  if (application.state !== 'registered' || !application.registrationId) {
    throw new Error(`expected the application to be registered after the notice, the platform says ${application.state} (公示期满后应已赋码)`);
  }
  const registration = await client.registrations.get(application.registrationId);
  const coded: TimelineEntry = {
    at: registration.codedOn,
    text: `code ${registration.registrationCode} issued to ${registrant.name}, valid from ${registration.validFrom}`,
    deadline: registration.deadline,
  };
  return { application, registration, entries: [...eventEntries(application.events), coded] };
}
