import type { ObjectEvent, OfferedAction, WorkflowObject } from '../../app/workflow-objects.js';
import { grantObject, grantPlatformObjects, machineStateLabel, type WorkflowHost } from '../workflow-host/index.js';
import type { GrantRecord, OpenDataState } from './open-data-state.js';

/** A grant's usage-reporting instance shares the grant's id: the grant record shows it. */
const USAGE_REPORTING = 'open-data.usage-reporting';

function titleOf(state: OpenDataState, id: string): string | null {
  return state.applications.get(id)?.datasets[0]?.title ?? state.demands.get(id)?.submission.title ?? state.spotChecks.get(id)?.request.text ?? null;
}

/**
 * The grant's events with those of its usage reporting laid on the grant state current at each
 * (the grant's own event first at the same instant): the report's limit starts, is flagged
 * overdue and moves on within the grant's step, and ends with the reporting.
 */
function withReportEvents(grantEvents: readonly ObjectEvent[], reportEvents: readonly ObjectEvent[]): ObjectEvent[] {
  const merged: ObjectEvent[] = [];
  let next = 0;
  let state: string | null = null;
  for (const report of reportEvents) {
    for (; next < grantEvents.length && Date.parse(grantEvents[next]!.at) <= Date.parse(report.at); next += 1) {
      state = grantEvents[next]!.to ?? state;
      merged.push(grantEvents[next]!);
    }
    if (state !== null) merged.push({ ...report, from: state, to: state });
  }
  merged.push(...grantEvents.slice(next));
  return merged;
}

/** What the data authority does to a grant through its application, which the grant follows. */
const GRANT_ACTIONS = ['suspend', 'reinstate'] as const;

/** The data authority's spot check (`start_spot_check`), offered while a grant with a usage-feedback condition is active. */
const START_SPOT_CHECK: OfferedAction = { action: 'start_spot_check', role: 'data_authority' };

/**
 * A grant as a workflow object; with usage feedback, its report deadline runs in its steps and as
 * its deadline, and the data authority may start a spot check of it while it is active (besides
 * suspending it), so that timelines and the console offer what `POST /actions` accepts.
 */
function grantOf(host: WorkflowHost, state: OpenDataState, grant: GrantRecord): WorkflowObject {
  const object = grantObject(host, { grant, title: titleOf(state, grant.applicationId), issuedBy: grant.applicationId, actions: GRANT_ACTIONS });
  const checked = grant.conditions.includes('usage_feedback');
  const actions = checked ? () => (grant.state === 'active' ? [...object.actions(), START_SPOT_CHECK] : object.actions()) : object.actions;
  const reporting = grant.reporting ? host.get(grant.id) : undefined;
  if (reporting?.machine !== USAGE_REPORTING) return { ...object, actions };
  // The reporting's own events are published as the grant's (the feed, webhooks): their states are named by its machine.
  const reportingMachine = host.machine(USAGE_REPORTING);
  const label = (state: string) => object.label(state) ?? machineStateLabel(reportingMachine, state);
  return { ...object, actions, label, deadline: host.deadline(reporting), events: () => withReportEvents(object.events(), host.events(reporting)) };
}

/**
 * The open-data platform's workflow objects: applications, demands, data objections and spot
 * checks (kernel instances) and grants (issued on approval, suspended through their application, with their
 * usage-report deadline).
 *
 * @example
 * ```ts
 * openDataObjects.get(state, 'application', 'oda_1')?.actions(); // [{ action: 'pass_initial_review', role: 'platform_operator' }, …]
 * ```
 */
export const openDataObjects = grantPlatformObjects<OpenDataState, GrantRecord>({
  host: (state) => state.host,
  objectTypes: {
    'open-data.application': 'application',
    'open-data.demand': 'demand',
    'open-data.data-objection': 'data_objection',
    'open-data.spot-check': 'spot_check',
  },
  parts: new Set([USAGE_REPORTING]),
  title: titleOf,
  grants: (state) => state.grants,
  grant: (state, grant) => grantOf(state.host, state, grant),
});
