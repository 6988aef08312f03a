import { shanghaiDay, type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { assessTerm } from '@gdx/procedures';
import type { SandboxContext } from '../../app/platform-module.js';
import { officialOrganisation, toReasons } from '../workflow-host/index.js';
import { startAnnualReportDuty } from './annual-report-duty.js';
import { disclosureDutyData, startDisclosureDuty } from './disclosure-duty.js';
import { orgRef, type Agreement, type AuthorizationRecord, type AuthorizedOperationState, type SelectionRecord } from './ao-records.js';

/** The `payload.operator` an official's `select`, `pass_review` or `designate` carries (`operatorReference`). */
interface OperatorPayload {
  id: string;
  creditCode: string;
  name: string;
}

/** The grantor (授权主体) acting through its designated department: the sandbox's `grantor` organisation. */
function grantorOf(sandbox: SandboxContext, selection: SelectionRecord): { id: string | null; ref: { creditCode: string; name: string } } {
  const grantor = officialOrganisation(sandbox, 'grantor') ?? officialOrganisation(sandbox, 'data_authority');
  return grantor ? { id: grantor.id, ref: orgRef(grantor) } : { id: null, ref: selection.implementingBody };
}

/**
 * A signed agreement starts the authorization (27号 第十四条): `active` with the agreed term (it
 * expires at the end of `term.to`), the term checked against the cap (counted from the signing day
 * when the term starts later: it is in force from signing), and its pricing empty.
 */
function startAuthorization(state: AuthorizedOperationState, sandbox: SandboxContext, selection: SelectionRecord, agreement: Agreement, event: WorkflowEvent): void {
  if (!selection.operatorId || !selection.operator) return;
  const plan = selection.planId ? state.plans.get(selection.planId) : undefined;
  const justification = event.data?.['justification'];
  const grantor = grantorOf(sandbox, selection);
  const id = sandbox.ids.next('aoa');
  const record: AuthorizationRecord = {
    id,
    selectionId: selection.id,
    planId: selection.planId,
    grantorId: grantor.id,
    grantor: grantor.ref,
    implementingBodyId: selection.owner,
    implementingBody: selection.implementingBody,
    operatorId: selection.operatorId,
    operator: selection.operator,
    authorizationMode: plan?.content.authorizationMode ?? 'by_scenario',
    agreement,
    // In force from signing: the cap counts from the signing day when the term starts later.
    termCheck: assessTerm(state.host.procedures.profile, agreement.term, typeof justification === 'string' ? justification : null, shanghaiDay(Date.parse(event.at))),
    evaluations: [],
    reasons: [],
    signedOn: agreement.signedOn ?? shanghaiDay(Date.parse(event.at)),
    pricing: { mar: {}, ceilings: [], formalApplication: null, reports: [] },
  };
  state.authorizations.set(id, record);
  selection.authorizationId = id;
  state.host.create('authorized-operation.authorization', { id, actor: event.actor, data: { termEnd: agreement.term.to, signedOn: shanghaiDay(Date.parse(event.at)), ...disclosureDutyData(state) } });
  startDisclosureDuty(state, id);
  startAnnualReportDuty(state, record);
}

/**
 * Side effects of a selection's events: the chosen operator, the deliberated and signed
 * agreement (signing creates the authorization), written reasons of a failure.
 *
 * @example
 * ```ts
 * onSelectionEvent(state, sandbox, instance, event); // from the binding's onEvent
 * ```
 */
export function onSelectionEvent(state: AuthorizedOperationState, sandbox: SandboxContext, instance: WorkflowInstance, event: WorkflowEvent): void {
  const selection = state.selections.get(instance.id);
  if (!selection) return;
  const operator = event.data?.['operator'] as OperatorPayload | undefined;
  if (operator && (event.event === 'select' || event.event === 'pass_review' || event.event === 'designate')) {
    selection.operatorId = operator.id;
    selection.operator = orgRef(operator);
  }
  if (event.event === 'fail_selection') selection.reasons = toReasons(event.data?.['reasons']);
  if (event.event === 'deliberate_agreement') selection.agreement = structuredClone(event.data?.['agreement'] as Agreement);
  if (event.event === 'sign') {
    const agreement = { ...structuredClone(event.data?.['agreement'] as Agreement), signedOn: shanghaiDay(Date.parse(event.at)) };
    selection.agreement = agreement;
    startAuthorization(state, sandbox, selection, agreement, event);
  }
}
