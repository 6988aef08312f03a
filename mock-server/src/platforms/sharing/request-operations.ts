import type { OperationContext, OperationHandler, OperationResult } from '../../app/platform-module.js';
import { closestName, didYouMean } from '../../app/did-you-mean.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { unknownId } from '../../app/unknown-id.js';
import { refuseBlankTexts } from '../../app/blank-text.js';
import { PROBLEM_CODES } from '@gdx/protocol';
import type { CatalogEntry } from '../../sandbox/seed/types.js';
import { shanghaiDate } from '@gdx/calendar';
import { PERIOD_OF_USE_ENDS } from '@gdx/procedures';
import { checkPeriodOfUse, DATA_RESOURCE, listEvents, listOwn, missingReference, requireRole } from '../workflow-host/index.js';
import type { GrantRecord, RequestRecord, RequestSubmission, SharingState } from './sharing-state.js';
import { grantView, requestView } from './wire-views.js';
import { GRANT, SHARING_REQUEST } from './object-kinds.js';

type Ctx = OperationContext<SharingState>;

function invalid(pointer: string, code: string, zh: string, en: string): PlatformProblem {
  return new PlatformProblem('VALIDATION_FAILED', { detail: en, errors: [{ pointer, code, message: { zh, en } }] });
}

/** 422: the body is well-formed, but the resource's rule refuses it (the contract's 422 case). */
function conditionNotMet(code: 'CONDITION_REQUIRED' | 'CONDITION_NOT_LISTED', zh: string, en: string): PlatformProblem {
  return new PlatformProblem('CONDITION_NOT_MET', { detail: en, errors: [{ pointer: '/condition', code, message: { zh, en } }] });
}

/**
 * Refuses a field name the resource does not have: 400 `VALIDATION_FAILED`, `FIELD_UNKNOWN` at
 * `/fields/<i>` (a request's data items, a quality issue's fields), naming the item it is probably
 * a slip for; `detail` lists the resource's items.
 *
 * @example
 * ```ts
 * checkFields(entry, ['号牌号码', '不存在']); // throws at /fields/1
 * ```
 */
export function checkFields(entry: CatalogEntry, fields: readonly string[]): void {
  const names = entry.items.map((i) => i.name);
  const known = new Set(names);
  const unknown = fields.findIndex((f) => !known.has(f));
  if (unknown < 0) return;
  const given = JSON.stringify(fields[unknown]);
  const hint = didYouMean(closestName(fields[unknown] ?? '', names));
  const listed = names.length > MAX_ITEMS_LISTED ? `${names.slice(0, MAX_ITEMS_LISTED).join(', ')}, …` : names.join(', ');
  throw new PlatformProblem('VALIDATION_FAILED', {
    detail: `the resource has no data item ${given}; its items: ${listed}`,
    errors: [{ pointer: `/fields/${unknown}`, code: 'FIELD_UNKNOWN', message: { zh: `该资源没有信息项 ${given}${hint.zh}`, en: `The resource has no data item ${given}${hint.en}` } }],
  });
}

/** The most of a resource's data items a `FIELD_UNKNOWN` refusal lists in its `detail`. */
const MAX_ITEMS_LISTED = 20;

/**
 * The rules a request must meet for its resource (厦门 第十七–十九条), beyond the schema;
 * `notSharedLabel` is the profile's name of the class (不予共享 nationally, 暂不共享 in Xiamen),
 * which the refusal's `message` and `detail` use. `replaying`: a journaled request an older
 * version acknowledged skips the checks added since (a condition on an unconditional resource).
 */
function checkAgainstEntry(entry: CatalogEntry, s: RequestSubmission, notSharedLabel: string, replaying: boolean): void {
  if (entry.sharing.type === 'not_shared') {
    const basis = entry.sharing.legalBasis ?? '法律法规规定';
    throw new PlatformProblem('NOT_SHAREABLE', {
      detail: `该资源属于${notSharedLabel}类，依据${basis}。 / ${entry.name} is not shared under ${basis}.`,
      // The catalogue's words with the profile's label (nationally the catalogue's own).
      message: { zh: `该数据属于${notSharedLabel}类，依法${notSharedLabel}`, en: PROBLEM_CODES.NOT_SHAREABLE.message.en },
      // The field to change, as every refusal of a request's content points at one.
      errors: [
        {
          pointer: '/entryId',
          code: 'NOT_SHAREABLE',
          message: { zh: `该资源属于${notSharedLabel}类（依据${basis}），不能申请共享`, en: `The resource is not shared (${basis}): it cannot be requested` },
        },
      ],
      extensions: { legalBasis: basis },
    });
  }
  // Conditions (第十七条) belong to conditional sharing: an unconditional resource is delivered
  // without review, so a condition named for it would be recorded as met by nobody's decision.
  if (entry.sharing.type === 'unconditional' && s.condition !== undefined && !replaying) {
    throw invalid('/condition', 'CONDITION_NOT_APPLICABLE', '该资源为无条件共享，无需说明共享条件；请删除 condition', 'The resource is shared unconditionally: a request for it states no condition; leave condition out');
  }
  if (entry.sharing.type === 'conditional') {
    if (s.condition === undefined) throw conditionNotMet('CONDITION_REQUIRED', '有条件共享资源须说明满足的共享条件', 'A conditional resource needs the condition the request meets');
    if (!entry.sharing.conditions.includes(s.condition as never)) {
      throw conditionNotMet('CONDITION_NOT_LISTED', `该资源的共享条件为：${entry.sharing.conditions.join('、')}`, `The resource's conditions are ${entry.sharing.conditions.join(', ')}`);
    }
  }
  checkFields(entry, s.fields);
  if (!entry.sharing.deliveryMethods.includes(s.deliveryMethod)) {
    throw invalid('/deliveryMethod', 'DELIVERY_METHOD_UNAVAILABLE', `该资源的提供方式为：${entry.sharing.deliveryMethods.join('、')}`, `The resource is delivered by ${entry.sharing.deliveryMethods.join(', ')}`);
  }
}

/** What a request states in writing (第十七、二十六条: the grant is bound to its scenario and purpose). */
const REQUEST_TEXTS = ['/scenario/name', '/purpose', '/securityMeasures'];

function submitRequest(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const caller = requireRole(ctx, 'data_user');
  const s = ctx.body as RequestSubmission;
  // Live only: a request an older version acknowledged with blank texts replays as answered.
  if (!ctx.replaying) refuseBlankTexts(s, REQUEST_TEXTS);
  const entry = state.entry(s.entryId);
  if (!entry) throw missingReference('/entryId', `no published catalog resource ${s.entryId}`, DATA_RESOURCE);
  checkAgainstEntry(entry, s, state.host.procedures.profile.labels.sharingType.not_shared, ctx.replaying === true);
  checkPeriodOfUse(s.periodOfUse, shanghaiDate(sandbox.now()), '/periodOfUse');
  const sharingType = entry.sharing.type as RequestRecord['sharingType'];
  const actor = { role: 'data_user', organizationId: caller.id };
  // The machine refuses approving or delivering once the period of use is over (WHILE_PERIOD_RUNS).
  const data = { sharingType, [PERIOD_OF_USE_ENDS]: s.periodOfUse.to };
  state.host.check('sharing.request', { actor, data });
  const record: RequestRecord = {
    id: sandbox.ids.next('shr'),
    owner: caller.id,
    providerId: entry.provider.organizationId,
    entryId: entry.id,
    resourceName: entry.name,
    sharingType,
    requester: { creditCode: caller.creditCode, name: caller.name },
    provider: { creditCode: entry.provider.creditCode, name: entry.provider.name },
    submission: structuredClone(s),
    grantId: null,
    reasons: [],
  };
  state.requests.set(record.id, record);
  state.host.create('sharing.request', { id: record.id, actor, data });
  return { status: 201, location: `/requests/${record.id}`, body: requestView(state, record) };
}

/** The caller's own request, or a 404 problem (another organisation's request is not revealed). */
function ownRequest(ctx: Ctx): RequestRecord {
  const id = ctx.params.requestId ?? '';
  const record = ctx.state.requests.get(id);
  if (!record || record.owner !== ctx.caller?.id) throw new PlatformProblem('NOT_FOUND', unknownId('/path/requestId', SHARING_REQUEST, id));
  return record;
}

function disputeRequest(ctx: Ctx): OperationResult {
  const record = ownRequest(ctx);
  const body = ctx.body as { text: string; attachments?: unknown[] };
  // The disagreement is the written reason the authority coordinates on; live only, as above.
  if (!ctx.replaying) refuseBlankTexts(body, ['/text']);
  ctx.state.host.dispatch(record.id, 'dispute', {
    actor: { role: 'data_user', organizationId: record.owner },
    payload: { reasons: [{ text: body.text }], ...(body.attachments ? { attachments: body.attachments } : {}) },
  });
  return { status: 201, body: requestView(ctx.state, record) };
}

/**
 * The request and grant operations of the sharing contract: submit (unconditional → delivered
 * with a grant at once; conditional → joint review; not shared → 422 `NOT_SHAREABLE` with the
 * legal basis), list / get / events of own requests, dispute a rejection, own grants.
 *
 * @example
 * ```ts
 * const operations = { ...requestOperations, ...feedbackOperations };
 * ```
 */
export const requestOperations: Record<string, OperationHandler<SharingState>> = {
  submitRequest,
  listRequests: (ctx) => ({ status: 200, body: listOwn(ctx, ctx.state.host, 'request', ctx.state.requests, (r) => requestView(ctx.state, r)) }),
  getRequest: (ctx) => ({ status: 200, body: requestView(ctx.state, ownRequest(ctx)) }),
  listRequestEvents: (ctx) => ({ status: 200, body: listEvents(ctx, ctx.state.host, ctx.state.host.get(ownRequest(ctx).id)!) }),
  disputeRequest,
  // Grants are listed with the requests they were issued for (sharing-binding's listings).
  listGrants: (ctx) => {
    const read = (id: string) => grantView(ctx.state.host, ctx.state.grants.get(id) as GrantRecord);
    return { status: 200, body: ctx.state.host.listPage(ctx, 'grant', ctx.caller?.id ?? null, undefined, read) };
  },
  getGrant: (ctx) => {
    const id = ctx.params.grantId ?? '';
    const grant = ctx.state.grants.get(id);
    if (!grant || grant.owner !== ctx.caller?.id) return ctx.problem('NOT_FOUND', unknownId('/path/grantId', GRANT, id));
    return { status: 200, body: grantView(ctx.state.host, grant) };
  },
};
