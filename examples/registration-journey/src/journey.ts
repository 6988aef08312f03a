import type { WorkingCalendar } from '@gdx/calendar';
import { connectMock, eventEntries, initialApplication, narrator, openSandbox, type TimelineEntry } from '@gdx/example-demo';
import type { Application, LookupResult, NoticeObjection, PublicNotice, Registration } from '@gdx/registration';
import type { ActionResult } from '@gdx/simulation';

/** What the journey ends with, every value as the platform answered it. */
export interface JourneyResult {
  sandboxId: string;
  /** The sandbox's working-day calendar (to explain the deadlines with `timelineLines`). */
  calendar: WorkingCalendar;
  /** The application after coding (`registered`). */
  application: Application;
  /** The application's acceptance deadline right after the resubmission (the restarted clock). */
  restartedAcceptance: NonNullable<Application['deadline']>;
  /** The public notice as the public sees it while the objection is pending. */
  noticeUnderObjection: PublicNotice;
  /** The third party's objection as filed. */
  objection: NoticeObjection;
  /** The registry's dismissal of it. */
  dismissal: ActionResult;
  registration: Registration;
  /** The public lookup by the registration code (unsigned). */
  lookup: LookupResult;
  /** The application's dated events, then the coding. */
  timeline: TimelineEntry[];
}

/** Options of {@link runRegistrationJourney}. */
export interface JourneyOptions {
  /** Narration of each step as it happens (default: silent). */
  print?: (line: string) => void;
  /** Origin of a running mock (`gdx-mock`, e.g. `http://127.0.0.1:4010`) to talk to over HTTP; default: a fresh mock in-process. */
  mockUrl?: string;
}

const PDF = (name: string, hex: string) => ({ name, mediaType: 'application/pdf', digest: `sha256:${hex.repeat(32)}`, size: 102_400 });

/**
 * The registry's one-time supplement notice (一次性告知): every missing item at once.
 *
 * @example
 * ```ts
 * expect(result.application.supplementItems).toEqual(SUPPLEMENT_ITEMS);
 * ```
 */
export const SUPPLEMENT_ITEMS = [
  { field: '/riskAssessment', text: '缺少第三方出具的数据安全风险评估报告' },
  { field: '/evidence', text: '存证材料未附存证编号' },
];

/**
 * The registry's written reason for dismissing the objection.
 *
 * @example
 * ```ts
 * result.dismissal.event.reason; // DISMISSAL_REASON
 * ```
 */
export const DISMISSAL_REASON = { text: '异议人提供的采集合同仅涉及站点设备维护，不能证明其对客流数据享有权益，异议不成立。' };

/**
 * A bus company registers its passenger-flow data product (national profile, 发改数据规〔2025〕26号):
 * the registry asks for supplements once, the resubmission restarts the 3 WD acceptance clock,
 * the formal review passes, a transport bureau objects during the 10 WD notice with its real
 * name and evidence, the registry dismisses the objection (the notice keeps running to its
 * original end), the platform codes the registration when the notice ends, and anyone finds it
 * by its code. The registry is played through the simulation API; everything else goes through
 * the registration SDK over the mock's in-process `fetch` (or HTTP, with `mockUrl`).
 *
 * @example
 * ```ts
 * const result = await runRegistrationJourney({ print: console.log });
 * result.lookup.valid; // true
 * ```
 */
export async function runRegistrationJourney(options: JourneyOptions = {}): Promise<JourneyResult> {
  const print = options.print ?? (() => {});
  const connection = connectMock(options.mockUrl);
  try {
    const s = await openSandbox(connection, { profile: 'national', startAt: '2025-09-26T09:00:00+08:00', reviewerPolicy: { mode: 'manual' } });
    const registrant = s.organisation('registrant', '公交');
    const interestedParty = s.organisation('data_provider', '交通运输局');
    const client = s.registration(registrant);
    const step = narrator(s, print);
    const registry = (objectType: 'application' | 'objection', objectId: string, action: Record<string, unknown> & { action: string }) =>
      s.sim.officials.act(s.sandbox.id, { platform: 'registration', objectType, objectId, ...action } as Parameters<typeof s.sim.officials.act>[1]);

    print(`▸ 2025-09-26 09:00  ${registrant.name} submits an initial registration (第九条) — the registry must accept within 3 working days (第十条)`);
    const submitted = await client.applications.submit(initialApplication(registrant));

    await step('2025-09-29T11:00:00+08:00', 'the registry lists every missing item in one notice (一次性告知) → supplement_required');
    await registry('application', submitted.id, { action: 'request_supplements', items: SUPPLEMENT_ITEMS });

    await step('2025-10-09T09:30:00+08:00', 'the registrant resubmits; the acceptance clock restarts from today (第十条)');
    const resubmitted = await client.applications.resubmit(submitted.id, {
      note: '已按补正通知补充材料。',
      changes: {
        riskAssessment: { summary: '第三方评估：不含个人信息，风险等级低。', attachment: PDF('数据安全风险评估报告.pdf', '5a') },
        evidence: { description: '数据样本与处理日志已存证，存证编号 CZ-2025-0918-0031。' },
      },
    });

    await step('2025-10-10T10:00:00+08:00', 'the registry accepts (受理) → formal review, 20 working days (第十一条)');
    await registry('application', submitted.id, { action: 'accept' });

    await step('2025-10-24T15:00:00+08:00', 'the formal review passes → public notice, 10 working days (第十二条)');
    await registry('application', submitted.id, { action: 'approve_review' });
    const noticeId = (await client.applications.get(submitted.id)).noticeId!;

    await step('2025-10-28T10:00:00+08:00', `${interestedParty.name} objects with its real name and evidence → objection_review`);
    const objection = await s.registration(interestedParty).publicNotices.object(noticeId, {
      objector: { kind: 'organization', creditCode: interestedParty.creditCode, name: interestedParty.name },
      text: '该数据产品中的站点客流数据由我局采集设备产生，登记主体未取得我局授权。',
      evidence: [PDF('站点设备采集合同.pdf', '7c')],
    });
    const noticeUnderObjection = await s.registration().publicNotices.get(noticeId);

    await step('2025-10-30T16:00:00+08:00', 'the registry dismisses the objection with written reasons → back to the running notice');
    const dismissal = await registry('objection', objection.id, { action: 'dismiss_objection', reasons: [DISMISSAL_REASON] });

    const notice = (await client.applications.get(submitted.id)).deadline!;
    await step(notice.dueAt, `the notice ended on ${notice.dueDate} with no objection pending → the platform codes the registration (赋码)`);
    const application = await client.applications.get(submitted.id);
    if (!application.registrationId) throw new Error(`the application is ${application.state}, not registered (未赋码)`);
    const registration = await client.registrations.get(application.registrationId);

    print(`▸ anyone looks up ${registration.registrationCode} without signing (登记结果查询)`);
    const lookup = await s.registration().lookup.get(registration.registrationCode);

    const coded: TimelineEntry = { at: registration.codedOn, text: `code ${registration.registrationCode} issued`, deadline: registration.deadline };
    return {
      sandboxId: s.sandbox.id,
      calendar: s.calendar,
      application,
      restartedAcceptance: resubmitted.deadline!,
      noticeUnderObjection,
      objection,
      dismissal,
      registration,
      lookup,
      timeline: [...eventEntries(application.events), coded],
    };
  } finally {
    await connection.close();
  }
}
