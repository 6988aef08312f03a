import { formatShanghaiInstant } from '@gdx/calendar';
import { computeDeadline, shanghaiDay } from '@gdx/kernel';
import type { OperationContext, OperationHandler, OperationResult } from '../../app/platform-module.js';
import { illegalTransition, listEventPage, listOwn, missingReference, requireRole } from '../workflow-host/index.js';
import { eventsSeenBy } from './bid-visibility.js';
import { invalid, PLAN, refused, visible } from './ao-access.js';
import { checkEligibility } from './eligibility-check.js';
import { orgRef, type AuthorizedOperationState, type BidRecord, type SelectionRecord } from './ao-records.js';
import { bidView, selectionView } from './wire-views.js';

type Ctx = OperationContext<AuthorizedOperationState>;
const MACHINE = 'authorized-operation.selection';
/** States in which the plan's approved version is in force (a change under deliberation keeps it). */
const PLAN_IN_FORCE = new Set(['approved', 'change_deliberation']);

/**
 * Its implementing body, its bidders and its operator see a selection; so does every operator
 * while it is open for bids (a tender or a call is public). Which of its bids each sees is
 * `bid-visibility.ts`'s: an operator its own only, by default.
 */
function mayRead(ctx: Ctx) {
  return (s: SelectionRecord) => {
    const id = ctx.caller?.id;
    if (s.owner === id || s.operatorId === id || s.bids.some((b) => b.operatorId === id)) return true;
    const open = ['selecting', 'call_published'].includes(ctx.state.host.get(s.id)?.state ?? '');
    return open && ctx.caller?.roles.includes('operator') === true;
  };
}

/** The caller's plan of that id in force, else 404 (not its plan) or 409 (not approved). */
function approvedPlanOf(ctx: Ctx, callerId: string, planId: string) {
  const plan = ctx.state.plans.get(planId);
  if (!plan || plan.owner !== callerId) throw missingReference('/planId', `no plan ${planId} of the implementing body`, PLAN);
  const planState = ctx.state.host.get(plan.id)?.state ?? 'drafting';
  if (!PLAN_IN_FORCE.has(planState)) throw illegalTransition(planState, 'create_selection', [], 'PLAN_NOT_APPROVED');
  return plan;
}

const TENDERS = new Set(['open_tender', 'invited_tender']);

/**
 * The bid deadline a tender states (`bidsCloseOn`): the last day bids are taken, at least the
 * profile's `tender_period` from today (招标投标法 第二十四条: "最短不得少于二十日", so a tender may
 * run longer; 400 `PERIOD_TOO_SHORT` at `/bidsCloseOn` with the earliest day allowed). Only a tender
 * runs a bid period (400 `FIELD_NOT_APPLICABLE` for another method). Without it the period is the
 * profile's (choice 20 calendar days).
 */
function bidDeadline(ctx: Ctx, method: string, bidsCloseOn: string | undefined): { bidsCloseOn?: string } {
  if (bidsCloseOn === undefined) return {};
  if (!TENDERS.has(method)) {
    throw invalid('/bidsCloseOn', 'FIELD_NOT_APPLICABLE', '仅招标（公开招标、邀请招标）设投标截止日', 'Only a tender (open_tender, invited_tender) has a bid deadline');
  }
  const limit = ctx.state.host.procedures.authorizedOperation.selection.limits?.['tender_period'];
  const earliest = limit ? computeDeadline(limit, { now: ctx.sandbox.now() }, ctx.sandbox.calendar).deadline.dueDate : shanghaiDay(ctx.sandbox.now());
  if (bidsCloseOn < earliest) {
    throw invalid('/bidsCloseOn', 'PERIOD_TOO_SHORT', `投标截止日不得早于 ${earliest}（自招标文件发出之日起不少于法定期限）`, `The bid deadline may not be before ${earliest} (the minimum bid period from the tender's start)`);
  }
  return { bidsCloseOn };
}

function createSelection(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const caller = requireRole(ctx, 'implementing_body');
  const body = ctx.body as { planId?: string; method: string; conditions?: string; bidsCloseOn?: string };
  const options = state.host.procedures.profile.options.authorizedOperation;
  if (!(options.selectionMethods as readonly string[]).includes(body.method)) {
    throw refused('SELECTION_METHOD_NOT_ALLOWED', '/method', `本地规则的选择方式为：${options.selectionMethods.join('、')}`, `The profile selects by ${options.selectionMethods.join(', ')}`);
  }
  if (body.planId === undefined && options.planRequired) {
    throw refused('PLAN_REQUIRED', '/planId', '本地规则要求依据已批准的实施方案选择运营机构，请填写 planId', 'The profile selects operators only for an approved plan: give planId');
  }
  const planId = body.planId === undefined ? null : approvedPlanOf(ctx, caller.id, body.planId).id;
  const actor = { role: 'implementing_body', organizationId: caller.id };
  const data = { method: body.method, ...bidDeadline(ctx, body.method, body.bidsCloseOn) };
  state.host.check(MACHINE, { actor, data });
  const record: SelectionRecord = {
    id: sandbox.ids.next('aos'),
    owner: caller.id,
    implementingBody: orgRef(caller),
    planId,
    method: body.method,
    conditions: body.conditions ?? null,
    bids: [],
    operatorId: null,
    operator: null,
    agreement: null,
    authorizationId: null,
    reasons: [],
  };
  state.selections.set(record.id, record);
  state.host.create(MACHINE, { id: record.id, actor, data });
  return { status: 201, location: `/selections/${record.id}`, body: selectionView(state, record) };
}

function submitBid(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const caller = requireRole(ctx, 'operator');
  const selection = visible(ctx, state.selections, 'selectionId', mayRead(ctx));
  const body = ctx.body as { proposal: string; eligibility: Record<string, boolean>; attachments?: unknown[] };
  // A statement stated false is checked live only: an older journal's bid replays as answered.
  checkEligibility(body.eligibility, ctx.state.host.procedures.profile.options.authorizedOperation.eligibilityStatements, '/eligibility', !ctx.replaying);
  const actor = { role: 'operator', organizationId: caller.id };
  const payload = { bid: { operatorId: caller.id } };
  // A tender's bid after its period (`tenderOpen`) is refused live only: an older journal's replays as answered.
  state.host.checkDispatch(selection.id, 'bid', { actor, payload }, { replayed: ctx.replaying });
  const bid: BidRecord = {
    id: sandbox.ids.next('aob'),
    selectionId: selection.id,
    operatorId: caller.id,
    operator: orgRef(caller),
    proposal: body.proposal,
    eligibility: { ...body.eligibility },
    submittedAt: formatShanghaiInstant(sandbox.now()),
  };
  selection.bids.push(bid);
  state.host.dispatch(selection.id, 'bid', { actor, payload: { bid: { id: bid.id, operatorId: caller.id } } }, { replayed: ctx.replaying });
  return { status: 201, body: bidView(bid) };
}

/** Handlers of the selection operations (`createSelection` … `listSelectionEvents`). */
export const selectionOperations: Record<string, OperationHandler<AuthorizedOperationState>> = {
  createSelection,
  listSelections: (ctx) => ({ status: 200, body: listOwn(ctx, ctx.state.host, 'selection', ctx.state.selections, (s) => selectionView(ctx.state, s, ctx.caller?.id)) }),
  getSelection: (ctx) => ({ status: 200, body: selectionView(ctx.state, visible(ctx, ctx.state.selections, 'selectionId', mayRead(ctx)), ctx.caller?.id) }),
  submitBid,
  listSelectionEvents: (ctx) => {
    const selection = visible(ctx, ctx.state.selections, 'selectionId', mayRead(ctx));
    const events = eventsSeenBy(ctx.state, selection, ctx.caller?.id, ctx.state.host.events(ctx.state.host.get(selection.id)!));
    return { status: 200, body: listEventPage(ctx, events) };
  },
};
