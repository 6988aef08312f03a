import { isRecord } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import type { SignedHttp } from '../../http/signed-http.js';
import type { CheckContext, Platform } from '../../runner/types.js';
import { indexWithRole } from '../roles.js';
import { expectStatus } from '../requests.js';
import {
  activeAuthorization, applyForData, approvedPlan, draftPlan, inAopSandbox, publishedScopeItem, startSelection, submittedProduct,
} from './authorized-operation-steps.js';
import { approvedGrant, inXiamen, startSpotCheck } from './open-data-steps.js';
import { register, START as REGISTRATION_START, toPublicNotice } from './registration-steps.js';
import { withSandbox } from './sandbox.js';
import { START as SHARING_START, submitRequest } from './sharing-steps.js';

/** An object a workflow drove: its path (`/registrations/reg_…`) and the index of the organisation that reaches it. */
interface Driven { path: string; org: number }

/** Drives one kind of object in a fresh sandbox and hands it to `use` while the sandbox lives. */
type Driver = (ctx: CheckContext, use: (sbx: Sandbox, object: Driven) => Promise<void>) => Promise<void>;

const at = (collection: string, id: string) => `${collection}/${encodeURIComponent(id)}`;

/** A registration sandbox on the national profile, its registrant first (the registration checks' scenario). */
const inRegistry = (ctx: CheckContext, scenario: (sbx: Sandbox) => Promise<void>) =>
  withSandbox(ctx, { profile: 'national', startAt: REGISTRATION_START, lead: 'registrant' }, scenario);

/**
 * The objects no list or create of the contract reaches — only an official's decision or the clock
 * makes them — by platform and object template, each driven with the workflow checks' own steps
 * (`registration-steps`, `sharing-steps`, `open-data-steps`, `authorized-operation-steps`) to the
 * state those steps leave it in (a registration coded, a grant issued, a plan drafted, an
 * authorization active, a product submitted, …), for the organisation that acts on it. Some
 * commands are taken in that state, others refused for it: a 409 the invalid-input check accepts,
 * the contract leaving open whether the state or the body is judged first.
 */
const DRIVERS: Partial<Record<Platform, Record<string, Driver>>> = {
  registration: {
    // Coded when its quiet public notice ends: renewable from the window before its expiry (a 409 until then).
    '/registrations/{registrationId}': (ctx, use) => inRegistry(ctx, async (sbx) => use(sbx, { path: at('/registrations', String((await register(ctx, sbx)).id)), org: 0 })),
    // An interested party (the second organisation) objects, as REG-OBJECTION-* do.
    '/public-notices/{noticeId}': (ctx, use) => inRegistry(ctx, async (sbx) => use(sbx, { path: at('/public-notices', (await toPublicNotice(ctx, sbx)).noticeId), org: 1 })),
  },
  sharing: {
    // Xiamen, whose rule the dispute is (厦门 第十七条); the requester reaches its request.
    '/requests/{requestId}': (ctx, use) => withSandbox(ctx, { profile: 'xiamen', startAt: SHARING_START }, async (sbx) => {
      const { id, target } = await submitRequest(ctx, sbx, 'conditional');
      await use(sbx, { path: at('/requests', id), org: target.requester });
    }),
  },
  'open-data': {
    '/grants/{grantId}': (ctx, use) => inXiamen(ctx, async (sbx) => use(sbx, { path: at('/grants', (await approvedGrant(ctx, sbx, 'usage_feedback')).grantId), org: 0 })),
    '/grants/{grantId}/spot-checks/{spotCheckId}': (ctx, use) => inXiamen(ctx, async (sbx) => {
      const { grantId } = await approvedGrant(ctx, sbx, 'usage_feedback');
      const spotCheckId = await startSpotCheck(ctx, sbx, grantId);
      await use(sbx, { path: at(`${at('/grants', grantId)}/spot-checks`, spotCheckId), org: 0 });
    }),
  },
  'authorized-operation': {
    '/plans/{planId}': (ctx, use) => inAopSandbox(ctx, 'national', async (sbx, cast) => use(sbx, { path: at('/plans', await draftPlan(ctx, sbx, cast)), org: cast.implementingBody })),
    // A tender of an approved plan, open for bids; the operator bids.
    '/selections/{selectionId}': (ctx, use) => inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const selectionId = await startSelection(ctx, sbx, cast, await approvedPlan(ctx, sbx, cast), 'open_tender');
      await use(sbx, { path: at('/selections', selectionId), org: cast.operator });
    }),
    '/authorizations/{authorizationId}': (ctx, use) => inAopSandbox(ctx, 'national', async (sbx, cast) => {
      await use(sbx, { path: at('/authorizations', await activeAuthorization(ctx, sbx, cast, 'national')), org: cast.operator });
    }),
    '/products/{productId}': (ctx, use) => inAopSandbox(ctx, 'national', async (sbx, cast) => {
      const productId = await submittedProduct(ctx, sbx, cast, await activeAuthorization(ctx, sbx, cast, 'national'));
      await use(sbx, { path: at('/products', productId), org: cast.operator });
    }),
    // A Xiamen 二级开发主体's data application (AOP-ACCESS-01's scenario); the requester reaches it.
    '/data-access-requests/{requestId}': (ctx, use) => inAopSandbox(ctx, 'xiamen', async (sbx, cast) => {
      const authorizationId = await activeAuthorization(ctx, sbx, cast, 'xiamen');
      const requester = indexWithRole(sbx.organizations, 'data_user') ?? ctx.skip('no organisation of the sandbox holds the data_user role');
      const res = await applyForData(ctx, sbx, requester, authorizationId, [await publishedScopeItem(ctx, sbx)]);
      expectStatus(ctx, res, 201, 'the 二级开发主体 applies for data access');
      await use(sbx, { path: at('/data-access-requests', isRecord(res.body) ? String(res.body.id) : ''), org: requester });
    }),
  },
};

/** The template of the object an item operation acts on: its path up to the last parameter (`/grants/{grantId}/spot-checks/{spotCheckId}`). */
const objectTemplate = (path: string) => path.slice(0, path.lastIndexOf('}') + 1);

/**
 * Whether {@link withDrivenItem} has a workflow for the object of the operation at `path`.
 *
 * @example
 * ```ts
 * drivesItem('registration', '/registrations/{registrationId}/renewals'); // true
 * ```
 */
export function drivesItem(platform: Platform, path: string): boolean {
  return DRIVERS[platform]?.[objectTemplate(path)] !== undefined;
}

/**
 * Runs `use` with an item operation's path filled with a real object that only a workflow creates
 * — a registration, a public notice, a sharing request, an open-data grant or spot check, an
 * authorized-operation plan, selection, authorization, data-access request or product — driven
 * there through the simulation API in a fresh sandbox (deleted afterwards), and the signed HTTP of
 * the organisation that acts on it. Answers `false`, without calling `use`, when the run has no
 * simulation API or the kit drives no such object. A step the implementation refuses fails the
 * check, naming the step, and a sandbox without an organisation in a role the workflow needs
 * skips it, saying which, as in the workflow checks.
 *
 * @example
 * ```ts
 * await withDrivenItem(ctx, 'registration', '/registrations/{registrationId}/renewals', async (http, path) => {
 *   await http.request('POST', 'registration', path, { json: {} }); // path: '/registrations/reg_…/renewals'; http: the sandbox's registrant
 * }); // false without the simulation API
 * ```
 */
export async function withDrivenItem(ctx: CheckContext, platform: Platform, path: string, use: (http: SignedHttp, path: string) => Promise<void>): Promise<boolean> {
  const template = objectTemplate(path);
  const driver = DRIVERS[platform]?.[template];
  if (ctx.sim === undefined || driver === undefined) return false;
  await driver(ctx, (sbx, object) => use(sbx.http(object.org), object.path + path.slice(template.length)));
  return true;
}
