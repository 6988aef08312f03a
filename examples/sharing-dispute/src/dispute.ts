import type { WorkingCalendar } from '@gdx/calendar';
import { connectMock, conditionalRequest, conditionalResourceOf, eventEntries, narrator, openSandbox, type ConditionalResource, type TimelineEntry } from '@gdx/example-demo';
import type { Grant, SharingRequest } from '@gdx/sharing';
import type { ActAsOfficialBody } from '@gdx/simulation';

/** What the dispute ends with, every value as the platform answered it. */
export interface DisputeResult {
  sandboxId: string;
  /** The sandbox's working-day calendar (to explain the deadlines with `timelineLines`). */
  calendar: WorkingCalendar;
  resource: ConditionalResource;
  /** The request right after the rejection (written reasons, no deadline). */
  rejected: SharingRequest;
  /** The request right after the dispute was filed. */
  disputed: SharingRequest;
  /** The request at the end (`delivered`). */
  request: SharingRequest;
  grant: Grant;
  timeline: TimelineEntry[];
}

/** Options of {@link runSharingDispute}. */
export interface DisputeOptions {
  /** Narration of each step as it happens (default: silent). */
  print?: (line: string) => void;
  /** Origin of a running mock (`gdx-mock`, e.g. `http://127.0.0.1:4010`) to talk to over HTTP; default: a fresh mock in-process. */
  mockUrl?: string;
}

/**
 * The application scenario the civil-affairs bureau declares; the grant is bound to it (第二十六条).
 *
 * @example
 * ```ts
 * result.grant.scope.scenario; // SCENARIO
 * ```
 */
export const SCENARIO = { name: '最低生活保障资格核查', description: '审核低保申请时核验申请人及家庭成员的相关登记信息。' };

/**
 * The written reasons of the rejection (书面理由, mandatory).
 *
 * @example
 * ```ts
 * result.rejected.reasons; // REJECTION_REASONS
 * ```
 */
export const REJECTION_REASONS = [{ code: 'SCENARIO_NOT_LISTED', text: '申请所述应用场景未在本资源共享条件中列明，请补充说明与所列条件的对应关系。' }];

/**
 * The requester's disagreement with the written answer.
 *
 * @example
 * ```ts
 * await client.requests.dispute(requestId, { text: DISPUTE_TEXT });
 * ```
 */
export const DISPUTE_TEXT = '低保资格核查属于市政府确定的民生保障重点工作，符合本资源列明的共享条件，请数据主管部门协调。';

/**
 * A conditional sharing request under the xiamen profile (厦门市公共数据共享开放管理暂行办法
 * 第十七条): the civil-affairs bureau asks the public security bureau for data, the joint
 * review (5 WD) rejects it with written reasons, the requester disputes the written answer, the
 * data authority coordinates and approves, and the provider delivers a grant bound to the
 * declared scenario. Officials are played through the simulation API; the requester uses the
 * sharing SDK over the mock's in-process `fetch` (or HTTP, with `mockUrl`).
 *
 * @example
 * ```ts
 * const { grant } = await runSharingDispute({ print: console.log });
 * grant.scope.scenario.name; // '最低生活保障资格核查'
 * ```
 */
export async function runSharingDispute(options: DisputeOptions = {}): Promise<DisputeResult> {
  const print = options.print ?? (() => {});
  const connection = connectMock(options.mockUrl);
  try {
    const s = await openSandbox(connection, { profile: 'xiamen', startAt: '2025-09-29T09:00:00+08:00', reviewerPolicy: { mode: 'manual' } });
    const requester = s.organisation('data_user', '民政局');
    const client = s.sharing(requester);
    const resource = await conditionalResourceOf(s, s.organisation('data_provider', '公安局'), requester);
    const official = (requestId: string, action: Record<string, unknown> & { action: string }) =>
      s.sim.officials.act(s.sandbox.id, { platform: 'sharing', objectType: 'request', objectId: requestId, ...action } as ActAsOfficialBody);
    const at = narrator(s, print);

    print(`▸ 2025-09-29 09:00  ${requester.name} requests “${resource.name}” of ${resource.provider.name} for “${SCENARIO.name}” → joint review, 5 working days (第十七条)`);
    const body = conditionalRequest(resource, SCENARIO);
    const submitted = await client.requests.submit(body);

    await at('2025-10-10T16:00:00+08:00', 'the joint review rejects the request with written reasons (书面理由)');
    await official(submitted.id, { action: 'reject', reasons: REJECTION_REASONS });
    const rejected = await client.requests.get(submitted.id);

    await at('2025-10-13T09:30:00+08:00', 'the requester disputes the written answer (对书面答复有异议)');
    const disputed = await client.requests.dispute(submitted.id, { text: DISPUTE_TEXT });

    await at('2025-10-15T10:00:00+08:00', 'the data authority coordinates between requester and provider (数据主管部门协调)');
    await official(submitted.id, { action: 'coordinate' });

    await at('2025-10-17T15:00:00+08:00', 'coordination succeeds: the data authority approves → delivery “及时”');
    await official(submitted.id, { action: 'approve' });

    await at('2025-10-20T10:00:00+08:00', `${resource.provider.name} delivers: a grant bound to the declared scenario (第二十六条)`);
    // The endpoint fits an API delivery only: a file or a table is delivered by what the platform fills in.
    const endpoint = body.deliveryMethod === 'api' ? { endpoint: 'https://data.xm.gov.cn/share/api/v1/dibao-check' } : {};
    await official(submitted.id, { action: 'deliver', grant: { ...endpoint, validUntil: '2026-09-30' } });

    const request = await client.requests.get(submitted.id);
    if (!request.grantId) throw new Error(`the request is ${request.state}, without a grant (未授权)`);
    const grant = await client.grants.get(request.grantId);
    const granted: TimelineEntry = { at: grant.deliveredAt, text: `grant ${grant.id} for “${grant.scope.scenario.name}” (${grant.scope.fields.join('、')}), valid until ${grant.validUntil}` };
    return { sandboxId: s.sandbox.id, calendar: s.calendar, resource, rejected, disputed, request, grant, timeline: [...eventEntries(request.events), granted] };
  } finally {
    await connection.close();
  }
}
