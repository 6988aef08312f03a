import { endOfShanghaiDay, shanghaiDate } from '@gdx/calendar';
import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import type { SandboxContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { wireActor, wireEvent, type WireEvent } from '../workflow-host/index.js';
import type { ApplicationRecord, GrantRecord, OpenDataState } from './open-data-state.js';
import { grantView } from './wire-views.js';

function publish(state: OpenDataState, sandbox: SandboxContext, grant: GrantRecord, event: WireEvent): void {
  grant.events.push(event);
  sandbox.emit({ platform: 'open-data', objectType: 'grant', objectId: grant.id, organizationId: grant.owner, event, object: () => grantView(state, grant) });
}

/**
 * Starts the grant's usage-reporting instance (id = grant id), its clock from `approvedOn` (the
 * grant's approval day, which `validFrom` never precedes). Answers the `CALENDAR_NOT_PUBLISHED`
 * problem instead, changing nothing, when the first due date falls in a year whose holiday
 * schedule is not published; any other problem is thrown.
 *
 * @example
 * ```ts
 * const blocked = tryStartUsageReporting(state, grant, '2026-11-10'); // undefined once started
 * ```
 */
export function tryStartUsageReporting(state: OpenDataState, grant: GrantRecord, approvedOn: string): PlatformProblem | undefined {
  try {
    state.host.create('open-data.usage-reporting', { id: grant.id, actor: { role: 'platform_operator' }, data: { grantId: grant.id }, startedOn: approvedOn });
    grant.reporting = true;
    return undefined;
  } catch (error) {
    if (error instanceof PlatformProblem && error.code === 'CALENDAR_NOT_PUBLISHED') return error;
    throw error;
  }
}

/**
 * Starts the usage-report duty the calendar kept from starting at approval (`action_blocked`
 * `start_usage_reporting`), from the approval day, on a grant with a `usage_feedback` condition
 * that has not expired; answers the `CALENDAR_NOT_PUBLISHED` problem while its year is still
 * missing (nothing changes), `undefined` once the duty runs or when none is owed. A due date
 * already past is flagged overdue by the clock's next step, as for any missed report.
 *
 * @example
 * ```ts
 * const blocked = startBlockedReporting(state, grant); // after PUT …/calendar/2027
 * ```
 */
export function startBlockedReporting(state: OpenDataState, grant: GrantRecord): PlatformProblem | undefined {
  if (grant.reporting || grant.state === 'expired' || !grant.conditions.includes('usage_feedback')) return undefined;
  const issued = grant.events.find((e) => e.type === 'grant_issued');
  return issued ? tryStartUsageReporting(state, grant, shanghaiDate(Date.parse(issued.at))) : undefined;
}

/**
 * The sandbox's calendar gained a year: every grant whose usage-report duty it blocked starts it
 * now, so a holder who never reports is still flagged overdue (the platform tracks reports due
 * and overdue, 第二十四条). Grants whose year is still missing stay as they are.
 *
 * @example
 * ```ts
 * calendarChanged: (sandbox, state) => startBlockedReportingAll(state),
 * ```
 */
export function startBlockedReportingAll(state: OpenDataState): void {
  for (const grant of state.grants.values()) startBlockedReporting(state, grant);
}

/**
 * Issues the access grant of an approved application: scope, scenario, the datasets' opening
 * conditions, delivery, an app key, valid within the requested period of use — from the later of
 * the approval day and the period's start, until the period's end (expiry planned on the sandbox
 * clock). With a `usage_feedback` condition a usage-reporting instance (id = grant id)
 * tracks reports due; if its first due date needs an unpublished holiday year, the grant is still
 * issued (the approval already happened) and its log says why no report is tracked yet
 * (`action_blocked`): the duty starts, from the approval day, as soon as the year is loaded
 * (`startBlockedReportingAll`).
 *
 * @example
 * ```ts
 * if (instance.state === 'approved' && !record.grantId) issueGrant(state, sandbox, record, instance);
 * ```
 */
export function issueGrant(state: OpenDataState, sandbox: SandboxContext, app: ApplicationRecord, instance: WorkflowInstance): GrantRecord {
  const approved = [...instance.events].reverse().find((e) => e.to === 'approved') as WorkflowEvent;
  const s = app.submission;
  const conditions = [...new Set(app.datasets.flatMap((d) => state.datasets.get(d.id)?.openingConditions ?? []))];
  const approvedOn = shanghaiDate(Date.parse(approved.at));
  const grant: GrantRecord = {
    id: sandbox.ids.next('odg'),
    applicationId: app.id,
    owner: app.owner,
    state: 'active',
    grantee: structuredClone(s.applicant),
    datasetIds: [...s.datasetIds],
    scope: s.dataScope,
    scenario: { ...s.scenario },
    conditions,
    deliveryMethod: s.deliveryMethod,
    appKey: sandbox.ids.next('odk'),
    // Approval does not start the use early: the grant covers only the requested period.
    validFrom: approvedOn > s.periodOfUse.from ? approvedOn : s.periodOfUse.from,
    validUntil: s.periodOfUse.to,
    reporting: false,
    events: [],
  };
  state.grants.set(grant.id, grant);
  app.grantId = grant.id;
  const blocked = conditions.includes('usage_feedback') ? tryStartUsageReporting(state, grant, approvedOn) : undefined;
  publish(state, sandbox, grant, { seq: 1, type: 'grant_issued', at: approved.at, actor: wireActor(approved.actor), from: null, to: 'active', reason: null, deadline: null });
  if (blocked) {
    const year = blocked.options.extensions?.['year'];
    publish(state, sandbox, grant, {
      seq: 2, type: 'action_blocked', at: approved.at, actor: { role: 'platform_operator', organizationId: null }, from: 'active', to: 'active',
      reason: { code: blocked.code, text: `使用报告期限所涉 ${String(year)} 年节假日安排尚未公布，暂无法开始跟踪；载入该年安排后即自批准之日起开始。The ${String(year)} holiday schedule is not published, so the usage-report duty cannot start yet; it starts, from the approval day, once the year is loaded.` },
      deadline: null, data: { action: 'start_usage_reporting', year },
    });
  }
  state.host.plan(Math.max(sandbox.now(), endOfShanghaiDay(grant.validUntil)), app.id, 'expire', { role: 'clock' });
  return grant;
}

/**
 * Follows the application's grant states: `suspended` (with reasons), reinstated to `active`,
 * `expired` (usage reporting ends with it).
 *
 * @example
 * ```ts
 * followGrant(state, sandbox, grant, event);
 * ```
 */
export function followGrant(state: OpenDataState, sandbox: SandboxContext, grant: GrantRecord, cause: WorkflowEvent): void {
  const to = cause.to === 'approved' ? 'active' : cause.to;
  if ((to !== 'active' && to !== 'suspended' && to !== 'expired') || to === grant.state) return;
  const from = grant.state;
  grant.state = to;
  if (to === 'expired' && grant.reporting && state.host.get(grant.id)?.state === 'due') {
    state.host.dispatch(grant.id, 'end', { actor: { role: 'clock' } });
  }
  publish(state, sandbox, grant, { ...wireEvent(cause), seq: grant.events.length + 1, from, to, deadline: null });
}
