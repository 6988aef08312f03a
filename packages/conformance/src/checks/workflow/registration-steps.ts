import { isRecord } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline, justAfter } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { HttpResponse } from '../../http/response.js';
import type { CheckContext } from '../../runner/types.js';
import { createObject, validBody } from '../fixtures.js';
import { expectSuccess, postJson } from '../requests.js';
import { act, ACTIONS } from './officials.js';
import { readObject, sandboxToday } from './sandbox.js';

/** The worked example of shared/domain/registration.md: received Friday 2025-09-26. */
export const RECEIVED = '2025-09-26';
/** The sandbox start instant of the registration scenarios. */
export const START = `${RECEIVED}T10:00:00+08:00`;

/** An evidence reference (name, media type, digest, size) as the contracts' `Attachment`. */
export const EVIDENCE = {
  name: 'conformance-evidence.pdf',
  mediaType: 'application/pdf',
  digest: `sha256:${'0'.repeat(63)}1`,
  size: 1024,
} as const;

/** Path of an application. */
export const app = (id: string) => `/applications/${encodeURIComponent(id)}`;

/**
 * Submits an initial registration as the sandbox's first organisation and returns its id;
 * `overrides` replace top-level fields of the contract's example (e.g. `rights`).
 *
 * @example
 * ```ts
 * const id = await submit(ctx, sbx);
 * ```
 */
export async function submit(ctx: CheckContext, sbx: Sandbox, overrides: Record<string, unknown> = {}): Promise<string> {
  const body = validBody(ctx, 'registration', 'post', '/applications', { type: 'initial', ...overrides }, sbx.organizations[0]?.creditCode);
  return (await createObject(ctx, sbx.http(0), 'registration', '/applications', body)).id;
}

/**
 * Application fields stating the registrant's authorised operating term (223号 legal attributes:
 * holder, right types, term), which caps the registration's validity.
 *
 * @example
 * ```ts
 * await register(ctx, sbx, authorisedUntil(sbx, '2027-06-30'));
 * ```
 */
export function authorisedUntil(sbx: Sandbox, termEnd: string): Record<string, unknown> {
  const holder = { creditCode: sbx.organizations[0]?.creditCode, name: '授权运营主体' };
  return { rights: { rightTypes: ['product_operation'], holder, term: { from: RECEIVED, to: termEnd } } };
}

/** An application in its public notice, with the notice's id and the day the notice started. */
export interface NoticedApplication {
  id: string;
  noticeId: string;
  startedOn: string;
}

/**
 * Submits an initial registration and takes it through acceptance and review into its public
 * notice on the sandbox's current day.
 *
 * @example
 * ```ts
 * const { id, noticeId, startedOn } = await toPublicNotice(ctx, sbx);
 * ```
 */
export async function toPublicNotice(ctx: CheckContext, sbx: Sandbox): Promise<NoticedApplication> {
  const id = await submit(ctx, sbx);
  await decide(ctx, sbx, id, ACTIONS.accept);
  await decide(ctx, sbx, id, ACTIONS.approveReview);
  const startedOn = await sandboxToday(ctx, sbx);
  const object = await readObject(ctx, sbx, 'registration', app(id));
  ctx.expect.that(typeof object.noticeId === 'string', 'the application names its public notice', 'a noticeId', object.noticeId);
  return { id, noticeId: String(object.noticeId), startedOn };
}

/**
 * Files a real-name objection with evidence to a public notice as the sandbox's second
 * organisation (an interested party) and returns the answer.
 *
 * @example
 * ```ts
 * const filed = await objectTo(ctx, sbx, noticeId); // 201 { id, … }
 * ```
 */
export function objectTo(ctx: CheckContext, sbx: Sandbox, noticeId: string): Promise<HttpResponse> {
  const objector = { kind: 'organization', name: '异议人', creditCode: sbx.organizations[1]?.creditCode };
  return postJson(ctx, sbx.http(1), 'registration', `/public-notices/${encodeURIComponent(noticeId)}/objections`, { objector, text: 'conformance: 数据由我单位采集', evidence: [EVIDENCE] });
}

/**
 * The registry decides on an application; the decision must be accepted (2xx).
 *
 * @example
 * ```ts
 * await decide(ctx, sbx, id, ACTIONS.accept);
 * ```
 */
export async function decide(ctx: CheckContext, sbx: Sandbox, id: string, action: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await act(sbx, 'registration', 'application', id, action, extra);
  expectSuccess(ctx, res, `the registry's "${action}" is accepted`);
}

/**
 * Takes an application (the contract's example with `overrides`) through acceptance, review and a
 * quiet public notice to `registered` —
 * coding happens when the notice ends without an objection (第十二条; the clock does it, no
 * official acts) — and returns the registration.
 *
 * @example
 * ```ts
 * const registration = await register(ctx, sbx); // { id, state: 'registered', validUntil, … }
 * ```
 */
export async function register(ctx: CheckContext, sbx: Sandbox, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const id = await submit(ctx, sbx, overrides);
  await decide(ctx, sbx, id, ACTIONS.accept);
  await decide(ctx, sbx, id, ACTIONS.approveReview);
  await sbx.advance({ to: justAfter(expectedDeadline(await sandboxToday(ctx, sbx), LIMITS.national.registration.publicNotice)) });
  const object = await readObject(ctx, sbx, 'registration', app(id));
  ctx.expect.equal(object.state, 'registered', 'after a quiet public notice: state (coded when the notice ends)');
  const registrationId = object.registrationId;
  ctx.expect.that(typeof registrationId === 'string', 'the application names its registration', 'a registrationId', registrationId);
  const registration = await readObject(ctx, sbx, 'registration', `/registrations/${encodeURIComponent(String(registrationId))}`);
  return isRecord(registration) ? registration : {};
}
