import { generateNonce, problem, signRequest } from '@gdx/protocol';
import { loadSpecs, type Platform, type Specs } from '../../../src/index.js';
import { findOperation } from '../../../src/specs/operations.js';

/**
 * Profile faults: every sandbox gets an inline profile extending the one asked for, with these
 * limits or options changed against the rules.
 */
const PROFILE_FAULTS = {
  /** A 4 WD registration acceptance limit (第十条 says 3). */
  'acceptance-4wd': { limits: { 'registration.acceptance': { value: 4 } } },
  /** The notice clock stops during an objection review (the domain default keeps it running). */
  'objection-pauses-notice': { options: { objectionPausesNotice: true } },
  /** Registrations valid 2 years (第十五条 says 3). */
  'validity-2y': { limits: { 'registration.validity': { value: 2 } } },
  /** 30 WD to register a new associated resource (32号 二(五) says 20). */
  'new-resource-30wd': { limits: { 'catalog.new_resource': { value: 30 } } },
  /** A not_open resource's reclassification published without the authority's review (the shipped profiles review it). */
  'reclassification-unreviewed': { options: { reclassificationReview: 'none' } },
  /** No sharing-type dispute in Xiamen (厦门 第十五条 has the authority dispute the label, the city government decide). */
  'sharing-type-dispute-off': { options: { catalog: { sharingTypeDispute: false } } },
  /** A usage report due every 60 calendar days (the contract's choice is 90). */
  'usage-report-60d': { limits: { 'open_data.usage_report': { value: 60 } } },
  /** 21 WD for the initial filing (第九条(一) says 20). */
  'initial-filing-21wd': { limits: { 'registration.initial_filing': { value: 21 } } },
  /** The national rules taking effect on 2025-04-01 (第二十四条 says 2025-03-01). */
  'rules-in-force-april': { effectiveDates: { registration: { date: '2025-04-01' } } },
  /** 4 WD for Inner Mongolia's compliance review of a sharing request (the contract's choice is 3). */
  'sharing-compliance-4wd': { limits: { 'sharing.compliance_review': { value: 4 } } },
  /** No compliance review of sharing requests in Inner Mongolia (32号 八(二十三) asks for one). */
  'sharing-compliance-skipped': { options: { sharing: { complianceReview: false } } },
  /** 31 WD for a plan's deliberation (the domain's choice is 30). */
  'plan-deliberation-31wd': { limits: { 'authorized_operation.plan_deliberation': { value: 31 } } },
  /** A plan's change deliberated on the plan's own trigger, as if submitted with the plan (27号 第十一条: the change is submitted anew). */
  'plan-change-borrows-plan-limit': { limits: { 'authorized_operation.plan_change_deliberation': { startTrigger: 'plan_submitted' } } },
  /** A 19-day tender period (招标投标法 第二十四条 says at least 20). */
  'tender-19d': { limits: { 'authorized_operation.tender_period': { value: 19 } } },
  /** 10 WD for a Xiamen data application (厦门办法 第十二条 says 5). */
  'data-access-10wd': { limits: { 'authorized_operation.data_access_review': { value: 10 } } },
  /** 11 WD to file an approved plan, 21 WD for the agreement's deliberation and the qualification review, 6 WD for a compliance review (the domain's choices: 10, 20, 20, 5). */
  'plan-filing-11wd': { limits: { 'authorized_operation.plan_filing': { value: 11 } } },
  'agreement-deliberation-21wd': { limits: { 'authorized_operation.agreement_deliberation': { value: 21 } } },
  'qualification-review-21wd': { limits: { 'authorized_operation.qualification_review': { value: 21 } } },
  'compliance-review-6wd': { limits: { 'authorized_operation.compliance_review': { value: 6 } } },
  'disclosure-21wd': { limits: { 'authorized_operation.disclosure': { value: 21 } } },
  /** The operator's disclosure every 7 months (the domain's choice: half-yearly). */
  'operator-disclosure-7m': { limits: { 'authorized_operation.operator_disclosure': { value: 7 } } },
  /** Xiamen's status report every 4 months (the domain's choice: quarterly). */
  'status-report-4m': { limits: { 'authorized_operation.status_report': { value: 4 } } },
  'ceiling-report-11wd': { limits: { 'authorized_operation.ceiling_report': { value: 11 } } },
  /** 31 days to rectify (101号 第三十六条 says 30日). */
  'rectification-31d': { limits: { 'authorized_operation.rectification': { value: 31 } } },
  /** Terms of up to 6 years (27号 第十四条(二) caps them at 5). */
  'term-cap-6y': { limits: { 'authorized_operation.term': { value: 6 } } },
  /** 厦门办法 treated as valid one day longer than its 2025-12-27 (ambiguity 11 warns after it). */
  'rules-valid-a-day-longer': { options: { authorizedOperation: { rulesValidUntil: '2025-12-28' } } },
  /** Selections without a plan (27号 第八–十二条: the operator is selected on the approved plan). */
  'plans-optional': { options: { authorizedOperation: { planRequired: false } } },
} as const;

/**
 * Answer faults of the authorized-operation platform: a refusal the rules require turned into a
 * success, or a price calculation done another way than 65号's.
 */
const ANSWER_FAULTS = {
  /** Shared data enters a scope without the provider's consent (27号 第五条). */
  'consent-unchecked': { refusal: 'CONSENT_REQUIRED' },
  /** A scope item that is no published catalog entry is taken (27号 第九条(五)). */
  'catalog-unchecked': { refusal: 'NOT_IN_CATALOG' },
  /** Formal fees granted before a complete operating year (65号 二). */
  'formal-fees-any-time': { refusal: 'OPERATING_YEAR_INCOMPLETE' },
} as const;

type AnswerFault = keyof typeof ANSWER_FAULTS;

/**
 * Role faults of the authorized-operation platform: a write refused for the caller's role (403)
 * accepted instead, on the path ending as given — the grantor's duties of 65号 left to anyone.
 */
const ROLE_FAULTS = {
  /** The operator files the grantor's yearly report (65号 五). */
  'report-by-anyone': { path: '/annual-reports', status: 201 },
  /** The operator applies for formal fees in the grantor's stead (65号 二). */
  'formal-fees-by-anyone': { path: '/formal-fee-applications', status: 200 },
} as const;

type RoleFault = keyof typeof ROLE_FAULTS;

const isRoleFault = (fault: MockFault): fault is RoleFault => fault in ROLE_FAULTS;

const isAnswerFault = (fault: MockFault): fault is AnswerFault => fault in ANSWER_FAULTS;

/** The price faults: `MarCalculationResult` answers recomputed the wrong way. */
type PriceFault = 'return-truncated' | 'deviation-by-rounded-bp' | 'mar-without-tax' | 'carry-over-ignored';

const PRICE_FAULTS: readonly MockFault[] = ['return-truncated', 'deviation-by-rounded-bp', 'mar-without-tax', 'carry-over-ignored'];

const isPriceFault = (fault: MockFault): fault is PriceFault => PRICE_FAULTS.includes(fault);

interface Calculation { costFen: number; rateBasisPoints: number; taxFen: number; carryOverDeductionFen: number; returnFen: number; marFen: number }
interface Deviation { marFen: number; differenceFen: number; deviationBasisPoints: number; decision: string }

/**
 * C × r truncated instead of rounded half up, the 10 % decided on the rounded basis points
 * (so one 分 over 10 % still counts as 10 %), T left out of MAR, or the carry-over not deducted.
 */
function miscalculate(fault: PriceFault, body: { calculation?: Calculation; deviation?: Deviation | null }): unknown {
  const { calculation, deviation } = body;
  if (fault === 'return-truncated' && calculation) {
    const returnFen = Math.floor((calculation.costFen * calculation.rateBasisPoints) / 10_000);
    const marFen = calculation.costFen + returnFen + calculation.taxFen - calculation.carryOverDeductionFen;
    return { ...body, calculation: { ...calculation, returnFen, marFen } };
  }
  if (fault === 'mar-without-tax' && calculation) {
    return { ...body, calculation: { ...calculation, marFen: calculation.marFen - calculation.taxFen } };
  }
  if (fault === 'carry-over-ignored' && calculation) {
    return { ...body, calculation: { ...calculation, marFen: calculation.marFen + calculation.carryOverDeductionFen } };
  }
  if (fault === 'deviation-by-rounded-bp' && deviation) {
    return { ...body, deviation: { ...deviation, decision: deviation.deviationBasisPoints <= 1000 ? 'operator_adjusts_actual_fee' : 'grantor_adjusts_ceiling' } };
  }
  return body;
}

type ProfileFault = keyof typeof PROFILE_FAULTS;

const isProfileFault = (fault: MockFault): fault is ProfileFault => fault in PROFILE_FAULTS;

/**
 * Deliberate defects, each breaking one rule of the real mock from outside it (used only in
 * tests, to prove the kit fails exactly where it should):
 * - `acceptance-4wd`, `objection-pauses-notice`, `validity-2y`, `new-resource-30wd`,
 *   `reclassification-unreviewed`, `sharing-type-dispute-off`, `usage-report-60d`, `initial-filing-21wd`, `rules-in-force-april`: profile faults (see `PROFILE_FAULTS`);
 * - `plan-deliberation-31wd`, `plan-filing-11wd`, `tender-19d`, `agreement-deliberation-21wd`,
 *   `qualification-review-21wd`, `compliance-review-6wd`, `disclosure-21wd`, `operator-disclosure-7m`, `status-report-4m`, `ceiling-report-11wd`, `rectification-31d`, `data-access-10wd`,
 *   `term-cap-6y`: the authorized-operation limits changed the same way; `rules-valid-a-day-longer`,
 *   `plans-optional`: its options too;
 * - `consent-unchecked`, `catalog-unchecked`, `formal-fees-any-time`: the refusal the rule requires
 *   answers 201 instead (see `ANSWER_FAULTS`);
 * - `report-never-late`: an annual report filed after 03-31 answers `late: false`;
 * - `usage-period-at-due`: an open-data grant shows its running usage report's period ending on
 *   the due date (as the mock did before), not on the 90-day grid's day that date was moved off;
 * - `disclosure-never-overdue`, `ceiling-report-never-overdue`: an authorization read answers its
 *   disclosure duty, a pricing read its ceiling-report duty, `overdue: false`, as a platform whose
 *   clock never flags a missed period (27号 第十八条; 65号 二);
 * - `report-by-anyone`, `formal-fees-by-anyone`: an annual report or a formal-fee application
 *   refused for the caller's role (403) is accepted, as a platform that lets the operator do the
 *   grantor's part (65号 五、二; see `ROLE_FAULTS`);
 * - `return-truncated`, `deviation-by-rounded-bp`, `mar-without-tax`, `carry-over-ignored`: the
 *   price calculator's answers recomputed against 65号 (see `miscalculate`);
 * - `leak`: a signed GET another organisation's object answers 404 to is retried as the
 *   sandbox's other organisations, so the owner's 200 leaks;
 * - `sandbox-leak`: the same retried in the other sandboxes this fetch created, as their
 *   organisations, so an object leaks across sandboxes;
 * - `crash-on-bad-input`: a platform's 400 `VALIDATION_FAILED` becomes a 500 `INTERNAL`;
 * - `roles-unchecked`: a platform's 403 `FORBIDDEN` (a role the caller lacks) becomes a 201, as
 *   if any signed organisation could act in any role;
 * - `bad-input-forbidden`: a platform's 400 `VALIDATION_FAILED` becomes a 403 `FORBIDDEN`, a refusal
 *   that says nothing about the input;
 * - `bad-input-unpointed`: a 400 `VALIDATION_FAILED` without its field `errors`, from a platform or
 *   from the simulation API's official actions (`POST …/_sim/v1/sandboxes/{id}/actions`);
 * - `bad-input-mispointed`: the same 400 with every field error pointing at the whole body (`""`)
 *   instead of the broken member;
 * - `transitions-unchecked`: a platform's 409 `ILLEGAL_TRANSITION` to a command
 *   (`POST …/{id}/<command>`) becomes a 200 with the object as the caller reads it, as if the state
 *   machine took any command in any state;
 * - `item-body-unread`: a command to an object (`POST …/{id}/<command>`, `PATCH …/{id}`) is
 *   answered before its body is read, so a malformed body is never refused for itself: the mock's
 *   400 `VALIDATION_FAILED` becomes what the object's GET answers the caller — 404 `NOT_FOUND` for
 *   an id that does not exist, 200 with the object for a real one;
 * - `route-404-as-not-found`: the 404 of a path nothing is routed at (the mock's `NOT_FOUND` with a
 *   `ROUTE_NOT_FOUND` field error at `/path`) answers the contract's plain problem `NOT_FOUND`
 *   instead, as a gateway that answers unknown routes like the contract's "no such object";
 * - `item-state-first`: a command to an object (`POST …/{id}/<command>`, `PATCH …/{id}`) whose
 *   body the mock refuses answers 409 `ILLEGAL_TRANSITION` instead, as a platform that judges the
 *   object's state before it reads the body (a legal order: the contract does not fix one).
 */
export type MockFault = ProfileFault | AnswerFault | RoleFault | PriceFault | 'report-never-late' | 'usage-period-at-due' | 'disclosure-never-overdue' | 'ceiling-report-never-overdue' | 'leak' | 'sandbox-leak' | 'crash-on-bad-input' | 'bad-input-forbidden' | 'bad-input-unpointed' | 'bad-input-mispointed' | 'roles-unchecked' | 'transitions-unchecked' | 'item-body-unread' | 'item-state-first' | 'route-404-as-not-found';

/** The duty member a `*-never-overdue` fault answers `overdue: false` in, and the reads it rewrites. */
const NEVER_OVERDUE = {
  'disclosure-never-overdue': { path: /\/authorizations\/[^/]+$/, member: 'disclosure' },
  'ceiling-report-never-overdue': { path: /\/authorizations\/[^/]+\/pricing$/, member: 'ceilingReport' },
} as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

interface Credentials { appKey: string; secret: string }

const PLATFORM_PATH = /^(?:\/sandboxes\/([^/]+))?\/(?:registration|sharing|open-data|catalog|authorized-operation)\/v1\//;

async function json(response: Response): Promise<unknown> {
  try {
    return await response.clone().json();
  } catch {
    return undefined;
  }
}

/** A new answer in place of `answer`, keeping its headers (`X-Request-Id`): only the fault differs. */
function rewritten(answer: Response, status: number, contentType: string, body: string): Response {
  const headers = new Headers(answer.headers);
  headers.set('content-type', contentType);
  headers.delete('content-length');
  return new Response(body, { status, headers });
}

/** A route-not-found 404 as the contract's plain problem `NOT_FOUND`: no field errors, no suggested routes, no detail naming the route. */
async function withoutRouteMarker(answer: Response): Promise<Response> {
  const body = (await json(answer)) as { errors?: { code?: unknown }[] } | undefined;
  if (answer.status !== 404 || !body?.errors?.some((e) => e.code === 'ROUTE_NOT_FOUND')) return answer;
  return rewritten(answer, 404, 'application/problem+json', JSON.stringify(problem('NOT_FOUND')));
}

/** The simulation API's official actions, whose refusals point at fields like a platform's. */
const SIM_ACTIONS = /\/_sim\/v1\/sandboxes\/[^/]+\/actions$/;

type PointerFault = 'bad-input-unpointed' | 'bad-input-mispointed';

const isPointerFault = (fault: MockFault): fault is PointerFault => fault === 'bad-input-unpointed' || fault === 'bad-input-mispointed';

/** A 400 `VALIDATION_FAILED` without its field errors, or with each pointing at the whole body. */
async function misplacePointers(fault: PointerFault, answer: Response): Promise<Response> {
  const body = (await json(answer)) as { code?: string; errors?: Record<string, unknown>[] } | undefined;
  if (answer.status !== 400 || body?.code !== 'VALIDATION_FAILED') return answer;
  const errors = fault === 'bad-input-unpointed' ? [] : (body.errors ?? []).map((e) => ({ ...e, pointer: '' }));
  return rewritten(answer, 400, 'application/problem+json', JSON.stringify({ ...body, errors }));
}

/**
 * Wraps the mock's in-process fetch with one fault.
 *
 * @example
 * ```ts
 * const fetch = faultyFetch(createFetch(createApp()), 'leak');
 * ```
 */
export function faultyFetch(inner: typeof fetch, fault: MockFault): typeof fetch {
  const organisations = new Map<string, Credentials[]>();
  let specs: Promise<Specs> | undefined;

  const remember = async (response: Response) => {
    const body = (await json(response)) as { id?: string; organizations?: Credentials[] } | undefined;
    if (body?.id && Array.isArray(body.organizations)) organisations.set(body.id, body.organizations);
  };

  const leak = async (request: Request, url: URL, answer: Response): Promise<Response> => {
    const sandboxId = PLATFORM_PATH.exec(url.pathname)?.[1] ?? 'default';
    const caller = request.headers.get('x-gdx-app-key');
    if (answer.status !== 404 || request.method !== 'GET' || caller === null) return answer;
    for (const org of organisations.get(sandboxId) ?? []) {
      if (org.appKey === caller) continue;
      const headers = signRequest({ method: 'GET', url, appKey: org.appKey, secret: org.secret, timestamp: Date.now(), nonce: generateNonce() });
      const other = await inner(url, { method: 'GET', headers });
      if (other.status === 200) return other;
    }
    return answer;
  };

  /** The object a refused command was sent to, read as the caller: the answer of a state machine that takes any command. */
  const acceptAnyTransition = async (request: Request, url: URL, answer: Response): Promise<Response> => {
    const body = (await json(answer)) as { code?: string } | undefined;
    const objectPath = /^(.*\/[^/]+)\/[a-z-]+$/.exec(url.pathname)?.[1];
    const caller = request.headers.get('x-gdx-app-key');
    const org = [...organisations.values()].flat().find((o) => o.appKey === caller);
    if (answer.status !== 409 || body?.code !== 'ILLEGAL_TRANSITION' || objectPath === undefined || org === undefined) return answer;
    const target = new URL(objectPath, url);
    const headers = signRequest({ method: 'GET', url: target, appKey: org.appKey, secret: org.secret, timestamp: Date.now(), nonce: generateNonce() });
    const object = await inner(target, { method: 'GET', headers });
    return new Response(await object.text(), { status: 200, headers: object.headers });
  };

  /** The object's GET as the caller in place of a body refusal: the answer of a platform that reads no command body of an object. */
  const ignoreItemBody = async (request: Request, url: URL, answer: Response): Promise<Response> => {
    const body = (await json(answer)) as { code?: string } | undefined;
    const prefix = PLATFORM_PATH.exec(url.pathname)?.[0];
    const caller = [...organisations.values()].flat().find((o) => o.appKey === request.headers.get('x-gdx-app-key'));
    if (answer.status !== 400 || body?.code !== 'VALIDATION_FAILED' || prefix === undefined || caller === undefined) return answer;
    const platform = /\/([a-z-]+)\/v1\/$/.exec(prefix)?.[1] as Platform;
    const path = url.pathname.slice(prefix.length - 1);
    const template = findOperation(await (specs ??= loadSpecs()), platform, request.method, path)?.path ?? '';
    if (!template.includes('{')) return answer;
    // The object is the template up to its last parameter: `/grants/{g}/spot-checks/{s}` of `…/answer`.
    const depth = template.slice(0, template.lastIndexOf('}') + 1).split('/').length;
    const target = new URL(`${prefix.slice(0, -1)}${path.split('/').slice(0, depth).join('/')}`, url);
    const headers = signRequest({ method: 'GET', url: target, appKey: caller.appKey, secret: caller.secret, timestamp: Date.now(), nonce: generateNonce() });
    const object = await inner(target, { method: 'GET', headers });
    return new Response(await object.text(), { status: object.status, headers: object.headers });
  };

  /** The same path in the other sandboxes this fetch created, signed as each of their organisations. */
  const sandboxLeak = async (request: Request, url: URL, answer: Response): Promise<Response> => {
    const match = PLATFORM_PATH.exec(url.pathname);
    if (answer.status !== 404 || request.method !== 'GET' || !match) return answer;
    const sandboxId = match[1] ?? 'default';
    const platformPath = url.pathname.replace(/^\/sandboxes\/[^/]+/, '');
    for (const [otherId, orgs] of organisations) {
      if (otherId === sandboxId) continue;
      const other = new URL(`${otherId === 'default' ? '' : `/sandboxes/${encodeURIComponent(otherId)}`}${platformPath}${url.search}`, url);
      for (const org of orgs) {
        const headers = signRequest({ method: 'GET', url: other, appKey: org.appKey, secret: org.secret, timestamp: Date.now(), nonce: generateNonce() });
        const leaked = await inner(other, { method: 'GET', headers });
        if (leaked.status === 200) return leaked;
      }
    }
    return answer;
  };

  return async (input, init) => {
    let request = new Request(input, init);
    const url = new URL(request.url);
    if (url.pathname.endsWith('/_sim/v1/sandboxes') && request.method === 'POST') {
      if (isProfileFault(fault)) {
        const spec = (await request.clone().json()) as { profile?: unknown };
        const base = typeof spec.profile === 'string' ? spec.profile : 'national';
        const profile = { name: `faulty-${fault}`, extends: base, ...PROFILE_FAULTS[fault] };
        request = new Request(request, { body: JSON.stringify({ ...spec, profile }) });
      }
      const created = await inner(request);
      await remember(created);
      return created;
    }
    if (fault === 'route-404-as-not-found') return withoutRouteMarker(await inner(request));
    if (isPointerFault(fault) && SIM_ACTIONS.test(url.pathname)) return misplacePointers(fault, await inner(request));
    if (!PLATFORM_PATH.test(url.pathname)) return inner(request);
    const answer = await inner(request.clone());
    if (fault === 'leak') return leak(request, url, answer);
    if (fault === 'sandbox-leak') return sandboxLeak(request, url, answer);
    if (fault === 'transitions-unchecked' && request.method === 'POST') return acceptAnyTransition(request, url, answer);
    if (fault === 'item-body-unread') return ignoreItemBody(request, url, answer);
    if (fault === 'item-state-first' && answer.status === 400 && /\/v1\/[a-z-]+\/[^/]+(?:\/[a-z-]+)?$/.test(url.pathname) && request.method !== 'GET') {
      const body = (await json(answer)) as { code?: string } | undefined;
      if (body?.code === 'VALIDATION_FAILED') return rewritten(answer, 409, 'application/problem+json', JSON.stringify(problem('ILLEGAL_TRANSITION')));
    }
    if (fault === 'crash-on-bad-input' && answer.status === 400) {
      const body = (await json(answer)) as { code?: string } | undefined;
      if (body?.code === 'VALIDATION_FAILED') {
        return rewritten(answer, 500, 'application/problem+json', JSON.stringify(problem('INTERNAL')));
      }
    }
    if (fault === 'bad-input-forbidden' && answer.status === 400) {
      const body = (await json(answer)) as { code?: string } | undefined;
      if (body?.code === 'VALIDATION_FAILED') return rewritten(answer, 403, 'application/problem+json', JSON.stringify(problem('FORBIDDEN')));
    }
    if (isPointerFault(fault)) return misplacePointers(fault, answer);
    if (isAnswerFault(fault) && answer.status === 422) {
      const body = (await json(answer)) as { code?: string } | undefined;
      if (body?.code === ANSWER_FAULTS[fault].refusal) {
        return rewritten(answer, 201, 'application/json', JSON.stringify({ id: 'accepted-against-the-rule' }));
      }
    }
    if (fault === 'report-never-late' && answer.status === 201 && url.pathname.endsWith('/annual-reports')) {
      const body = (await json(answer)) as Record<string, unknown>;
      return rewritten(answer, 201, 'application/json', JSON.stringify({ ...body, late: false }));
    }
    if (fault === 'usage-period-at-due' && answer.status === 200 && /\/open-data\/v1\/grants\/[^/]+$/.test(url.pathname)) {
      const body = (await json(answer)) as { usageReportsDue?: { periodEnd: string; dueDate: string; submitted: boolean }[] };
      const usageReportsDue = body.usageReportsDue?.map((r) => (r.submitted ? r : { ...r, periodEnd: r.dueDate }));
      return rewritten(answer, 200, 'application/json', JSON.stringify({ ...body, usageReportsDue }));
    }
    const neverOverdue = NEVER_OVERDUE[fault as keyof typeof NEVER_OVERDUE];
    if (neverOverdue && request.method === 'GET' && answer.status === 200 && neverOverdue.path.test(url.pathname)) {
      const body = (await json(answer)) as Record<string, unknown>;
      const duty = body[neverOverdue.member];
      return rewritten(answer, 200, 'application/json', JSON.stringify({ ...body, [neverOverdue.member]: isObject(duty) ? { ...duty, overdue: false } : duty }));
    }
    if (isRoleFault(fault) && answer.status === 403 && url.pathname.endsWith(ROLE_FAULTS[fault].path)) {
      return rewritten(answer, ROLE_FAULTS[fault].status, 'application/json', JSON.stringify({ id: 'accepted-from-any-role' }));
    }
    if (isPriceFault(fault) && answer.status === 200 && url.pathname.endsWith('/pricing/calculations')) {
      const body = (await json(answer)) as Parameters<typeof miscalculate>[1];
      return rewritten(answer, 200, 'application/json', JSON.stringify(miscalculate(fault, body)));
    }
    if (fault === 'roles-unchecked' && answer.status === 403) {
      return rewritten(answer, 201, 'application/json', JSON.stringify({ id: 'accepted-without-role-check' }));
    }
    return answer;
  };
}
