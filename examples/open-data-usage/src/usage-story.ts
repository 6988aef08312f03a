import { addDays } from '@gdx/calendar';
import { connectMock, eventEntries, openSandbox, type DemoSandbox, type TimelineEntry } from '@gdx/example-demo';
import { OpenDataClient, type Application, type Dataset, type Grant, type UsageReport } from '@gdx/open-data';
import { credentialsOf } from '@gdx/simulation';
import { applicationFor } from './application-form.js';

/**
 * Where the story starts: the Friday before the 2025 National Day holiday, 09:00 in Xiamen.
 *
 * @example
 * ```ts
 * (await runUsageStory()).submitted.createdAt === STORY_START; // true
 * ```
 */
export const STORY_START = '2025-09-26T09:00:00+08:00';

/** The grant's usage-report schedule at one moment of the virtual clock. */
export interface ReportCheck {
  /** The platform clock when the grant was read. */
  at: string;
  usageReportsDue: Grant['usageReportsDue'];
}

/** What the story ends with, every value as the platform answered it. */
export interface UsageStoryResult {
  sandboxId: string;
  dataset: Dataset;
  /** The application as submitted (`initial_review`, the first clock running). */
  submitted: Application;
  /** The application right after the initial review passed (`substantive_review`, the second clock). */
  inSubstantiveReview: Application;
  /** The application at the end (`approved`, with `grantId`). */
  application: Application;
  /** The grant as issued on approval. */
  issued: Grant;
  /** The schedule read the day before the first report is due, and on its due day. */
  beforeDue: ReportCheck;
  onDueDay: ReportCheck;
  report: UsageReport;
  /** The grant after the report: the first period done, the next one due. */
  afterReport: Grant;
  /** Dated lines: the application's events, then the grant and report milestones. */
  timeline: TimelineEntry[];
}

/** Options of {@link runUsageStory}. */
export interface UsageStoryOptions {
  /** Narration of each step as it happens (default: silent). */
  print?: (line: string) => void;
  /** Origin of a running mock (`gdx-mock`, e.g. `http://127.0.0.1:4010`) to talk to over HTTP; default: a fresh mock in-process. */
  mockUrl?: string;
}

type Act = Parameters<DemoSandbox['sim']['officials']['act']>[1];

/**
 * An on-application dataset whose conditions include usage feedback (so reports fall due),
 * preferably one matching `q`; the seed data of a sandbox varies with its seed and profile.
 */
async function findDataset(client: OpenDataClient, q: string): Promise<Dataset> {
  const reportable = (d: Dataset) => d.conditions.some((c) => c.kind === 'usage_feedback');
  for (const query of [{ q, openingType: 'on_application' as const }, { openingType: 'on_application' as const }]) {
    for await (const dataset of client.datasets.list(query)) if (reportable(dataset)) return dataset;
  }
  throw new Error('no on_application dataset with usage feedback (未找到需提交使用报告的依申请开放数据集)');
}

/**
 * A credit-service company applies for an on-application (依申请开放) dataset under the xiamen
 * profile (《厦门市公共数据共享开放管理暂行办法》 第二十三条): the platform operator passes the
 * initial review within its 3 working days, the data authority approves within the 7 working days
 * that start on the day the initial review passed (the two clocks are sequential, not one 10 WD
 * clock), the company receives its grant, and files its usage report on the day it falls due on
 * the virtual clock (every 90 calendar days, 第二十六条 usage feedback). The officials are played
 * through the simulation API; the company uses `@gdx/open-data` over the mock's in-process `fetch` (or HTTP, with `mockUrl`).
 *
 * @example
 * ```ts
 * const result = await runUsageStory({ print: console.log });
 * result.report.period; // { from: '2025-10-15', to: '2026-01-12' }
 * ```
 */
export async function runUsageStory(options: UsageStoryOptions = {}): Promise<UsageStoryResult> {
  const print = options.print ?? (() => {});
  const connection = connectMock(options.mockUrl);
  try {
    const s = await openSandbox(connection, { profile: 'xiamen', startAt: STORY_START, seed: 2025, reviewerPolicy: { mode: 'manual' } });
    const company = s.organisation('applicant', '征信');
    const baseUrl = s.sandbox.platforms['open-data'];
    const transport = connection.fetch ? { fetch: connection.fetch } : {};
    const publicClient = new OpenDataClient({ baseUrl, ...transport });
    const client = new OpenDataClient({ baseUrl, ...transport, credentials: credentialsOf(company) });
    const act = (action: Omit<Act, 'platform'>) => s.sim.officials.act(s.sandbox.id, { platform: 'open-data', ...action } as Act);
    const clockNow = async () => (await s.sim.clock.get(s.sandbox.id)).now;
    const step = async (at: string, text: string) => {
      await s.advanceTo(at);
      print(`▸ ${at.slice(0, 16).replace('T', ' ')}  ${text}`);
    };

    const dataset = await findDataset(publicClient, '企业');
    print(`▸ ${STORY_START.slice(0, 16).replace('T', ' ')}  ${company.name} applies for “${dataset.title}” (${dataset.provider.name}); conditions: ${dataset.conditions.map((c) => c.kind).join(', ')}`);
    const submitted = await client.applications.submit(applicationFor(company, dataset, { from: '2025-10-15', to: '2026-10-14' }));
    print(`   initial review (初审) due ${submitted.deadline?.dueDate} — ${submitted.deadline?.limit} working days from the application day`);

    await step('2025-09-29T15:00:00+08:00', 'the platform operator (市信息中心) passes the initial review a day early');
    await act({ objectType: 'application', objectId: submitted.id, action: 'pass_initial_review' });
    const inSubstantiveReview = await client.applications.get(submitted.id);
    print(`   substantive review (审核答复) due ${inSubstantiveReview.deadline?.dueDate} — ${inSubstantiveReview.deadline?.limit} working days from ${inSubstantiveReview.deadline?.startedOn}, across the National Day holiday`);

    await step('2025-10-14T15:00:00+08:00', 'the data authority approves with the provider → a grant is issued');
    await act({ objectType: 'application', objectId: submitted.id, action: 'approve' });
    const approved = await client.applications.get(submitted.id);
    if (!approved.grantId) throw new Error(`the application is ${approved.state} without a grant (审核通过后应签发授权)`);
    const issued = await client.grants.get(approved.grantId);
    const firstDue = issued.usageReportsDue[0];
    if (!firstDue) throw new Error(`grant ${issued.id} tracks no usage report although usage feedback is a condition (未跟踪使用报告)`);
    print(`   grant ${issued.id} valid ${issued.validFrom} … ${issued.validUntil}; first usage report due ${firstDue.dueDate}`);

    const check = async (): Promise<ReportCheck> => ({ at: await clockNow(), usageReportsDue: (await client.grants.get(issued.id)).usageReportsDue });
    const describe = ({ at, usageReportsDue }: ReportCheck) =>
      usageReportsDue.map((r) => `   platform day ${at.slice(0, 10)}: report for the period ending ${r.periodEnd} due ${r.dueDate}, submitted ${r.submitted ? 'yes' : 'no'}, overdue ${r.overdue ? 'yes' : 'no'}`).forEach(print);
    await step(`${addDays(firstDue.dueDate, -1)}T09:00:00+08:00`, 'the virtual clock jumps three months: the report is due tomorrow');
    const beforeDue = await check();
    describe(beforeDue);
    await step(`${firstDue.dueDate}T09:00:00+08:00`, 'the report falls due today; the company files it before 24:00');
    const onDueDay = await check();
    describe(onDueDay);
    const report = await client.usageReports.submit(issued.id, {
      period: { from: issued.validFrom, to: firstDue.periodEnd },
      summary: '本期共生成 1,284 份企业信用评估报告，数据仅用于声明的融资评估场景，未向第三方提供原始数据。',
      withinScenario: true,
    });
    const afterReport = await client.grants.get(issued.id);
    const next = afterReport.usageReportsDue.find((r) => !r.submitted);
    print(`   report ${report.id} filed; next report due ${next?.dueDate ?? '—'}`);

    const application = await client.applications.get(submitted.id);
    const timeline: TimelineEntry[] = [
      ...eventEntries(application.events),
      { at: issued.events[0]?.at ?? issued.validFrom, text: `grant ${issued.id} issued, valid ${issued.validFrom} … ${issued.validUntil}` },
      { at: report.submittedAt, text: `usage report for ${report.period.from} … ${report.period.to} filed (due ${firstDue.dueDate})` },
    ];
    return { sandboxId: s.sandbox.id, dataset, submitted, inSubstantiveReview, application, issued, beforeDue, onDueDay, report, afterReport, timeline };
  } finally {
    await connection.close();
  }
}
