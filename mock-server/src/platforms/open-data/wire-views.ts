import { OPENING_CONDITION_LABELS } from '../../sandbox/seed/labels.js';
import type { OpenDataset, OpeningPlan } from '../../sandbox/seed/types.js';
import type { WorkflowInstance } from '@gdx/kernel';
import { answerOf, grantRulesWarnings, wireEvent, workflowFields, workflowFieldsWithRulesWarnings, type WireEvent } from '../workflow-host/index.js';
import { distributionsOf } from './distributions.js';
import type { ApplicationRecord, DemandRecord, GrantRecord, OpenDataState, SpotCheckRecord, UsageReportRecord } from './open-data-state.js';

/** The allowed and denied scenarios of a dataset's `scenario_list` condition, when its entry states them (第二十四条(一)). */
function scenarioListView(d: OpenDataset) {
  const list = d.scenarioList;
  return list ? { allowedScenarios: [...(list.allowed ?? [])], deniedScenarios: [...(list.denied ?? [])] } : {};
}

/**
 * The OpenAPI `Dataset` of a seed dataset: fields without sensitive items, the files the platform
 * serves and its data interface as distributions below `apiBase` (the request's API root; an
 * `on_application` one needs a grant), its opening conditions with labels.
 *
 * @example
 * ```ts
 * datasetView(seed.datasets[0], 'http://127.0.0.1:4010/open-data/v1').distributions[0].requiresGrant;
 * ```
 */
export function datasetView(d: OpenDataset, apiBase: string) {
  const requiresGrant = d.openingType === 'on_application';
  return {
    id: d.id,
    entryId: d.entryId,
    title: d.title,
    summary: d.summary,
    provider: { creditCode: d.provider.creditCode, name: d.provider.name },
    domain: d.domain,
    openingType: d.openingType,
    conditions: d.openingConditions.map((kind) => ({ kind, description: OPENING_CONDITION_LABELS[kind], ...(kind === 'scenario_list' ? scenarioListView(d) : {}) })),
    updateCycle: d.updateCycle,
    formats: [...d.formats],
    fields: d.fields.map((f) => ({ name: f.name, dataType: f.dataType, description: f.description })),
    sampleRows: structuredClone(d.sampleRows),
    distributions: distributionsOf(d, apiBase),
    publishedOn: d.publishedOn,
    modifiedOn: d.modifiedAt.slice(0, 10),
  };
}

/**
 * The OpenAPI `OpeningPlan` of a seed plan, each item with its priority (开放重点, 厦门 第二十五条).
 *
 * @example
 * ```ts
 * openingPlanView(seed.openingPlans[0]).items[0].plannedBy;
 * ```
 */
export function openingPlanView(p: OpeningPlan) {
  return {
    id: p.id,
    provider: { creditCode: p.provider.creditCode, name: p.provider.name },
    year: p.year,
    items: p.items.map((i) => ({ entryId: i.entryId, title: i.title, priority: i.priority, plannedOpeningType: i.openingType, plannedBy: i.plannedOn })),
  };
}

/**
 * The OpenAPI `Application` of a record.
 *
 * @example
 * ```ts
 * applicationView(state, record).deadline?.step; // 'initial_review'
 * ```
 */
export function applicationView(state: OpenDataState, record: ApplicationRecord) {
  const instance = state.host.get(record.id);
  return {
    id: record.id,
    submission: structuredClone(record.submission),
    grantId: record.grantId,
    reasons: structuredClone(record.reasons),
    ...(instance ? workflowFieldsWithRulesWarnings(state.host, instance) : {}),
  };
}

/**
 * The OpenAPI `Grant`: reports due are the submitted ones (late or not) and the one running now
 * (its `periodEnd` the last day of its period, its `dueDate` that day or the next working day);
 * `deadline` is the running usage report's (`usage_report`, 90 calendar days), `null` when no
 * report is due (no usage-feedback condition, or the grant has expired); `warnings` carries
 * `RULES_EXPIRED` while it is in force, or once it expired, after the open-data rules expired
 * (`grantRulesWarnings`).
 *
 * @example
 * ```ts
 * grantView(state, grant).usageReportsDue.at(-1); // { periodEnd, dueDate, submitted: false, overdue }
 * grantView(state, grant).deadline?.step; // 'usage_report'
 * ```
 */
export function grantView(state: OpenDataState, grant: GrantRecord) {
  const { owner: _owner, reporting, ...wire } = structuredClone(grant);
  // The grant's own reports, in submission order (`reportsByGrant`), not every report of the sandbox.
  const submitted = (state.reportsByGrant.get(grant.id) ?? [])
    .map((id) => state.reports.get(id) as UsageReportRecord)
    .map((r) => ({ periodEnd: r.period.to, dueDate: r.dueDate, submitted: true, overdue: r.late }));
  const running = reporting ? state.host.get(grant.id) : undefined;
  const deadline = running?.state === 'due' ? state.host.deadline(running) : null;
  // The running period ends on the 90-day grid; only its report's due day moves off a rest day.
  const current = deadline ? [{ periodEnd: state.host.periodEnd(deadline), dueDate: deadline.dueDate, submitted: false, overdue: deadline.overdue }] : [];
  // Expired is its only terminal state (a suspension may be lifted): it ended with its last event.
  const endedAt = grant.state === 'expired' ? grant.events.at(-1)?.at ?? null : null;
  const warnings = grantRulesWarnings(state.host, { issuedAt: grant.events[0]?.at ?? grant.validFrom, validUntil: grant.validUntil, endedAt });
  return { ...wire, events: grantEvents(grant, running), usageReportsDue: [...submitted, ...current], deadline, warnings };
}

/**
 * The grant's log (全留痕): its own events (issued, blocked, suspended, reinstated, expired) and its
 * usage reporting's (the duty started, reports submitted, overdue flags, ended), in the order they
 * happened — an own event first at the same instant — numbered `seq` 1… in that order (the feed
 * and the timeline keep each log's own numbering).
 */
function grantEvents(grant: GrantRecord, reporting: WorkflowInstance | undefined): WireEvent[] {
  const own = structuredClone(grant.events);
  if (!reporting) return own;
  const duty = reporting.events.map((e) => wireEvent(e));
  const merged: WireEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < duty.length) {
    const takeOwn = j >= duty.length || (i < own.length && Date.parse(own[i]!.at) <= Date.parse(duty[j]!.at));
    merged.push(takeOwn ? own[i++]! : duty[j++]!);
  }
  return merged.map((e, k) => ({ ...e, seq: k + 1 }));
}

/**
 * The OpenAPI `UsageReport`.
 *
 * @example
 * ```ts
 * usageReportView(report).submittedAt;
 * ```
 */
export function usageReportView(r: UsageReportRecord) {
  return { id: r.id, grantId: r.grantId, period: r.period, summary: r.summary, withinScenario: r.withinScenario, attachments: r.attachments, submittedAt: r.submittedAt };
}

/**
 * The OpenAPI `Demand`.
 *
 * @example
 * ```ts
 * demandView(state, demand).answer; // null until answered
 * ```
 */
export function demandView(state: OpenDataState, d: DemandRecord) {
  const instance = state.host.get(d.id);
  return {
    id: d.id,
    requester: d.requester,
    title: d.submission.title,
    description: d.submission.description,
    ...(d.submission.intendedUse !== undefined ? { intendedUse: d.submission.intendedUse } : {}),
    answer: instance ? answerOf(instance) : null,
    ...(instance ? workflowFields(state.host, instance) : {}),
  };
}

/**
 * The OpenAPI `PublishedRejection` (no applicant identity).
 *
 * @example
 * ```ts
 * rejectionView(record).reasons[0].text;
 * ```
 */
export function rejectionView(r: ApplicationRecord) {
  return { applicationId: r.id, datasets: r.datasets, scenario: r.submission.scenario.name, reasons: r.reasons, rejectedOn: r.rejectedOn ?? '' };
}

/**
 * The OpenAPI `SpotCheck`: the authority's request and the holder's answer, with its clock.
 *
 * @example
 * ```ts
 * spotCheckView(state, record).deadline?.step; // 'spot_check_answer'
 * ```
 */
export function spotCheckView(state: OpenDataState, check: SpotCheckRecord) {
  const instance = state.host.engine.get(check.id);
  return {
    id: check.id,
    grantId: check.grantId,
    request: check.request,
    answer: (instance.data['answer'] as Record<string, unknown> | undefined) ?? null,
    ...workflowFields(state.host, instance),
  };
}
