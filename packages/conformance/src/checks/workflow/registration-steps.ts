import { isRecord } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline, justAfter } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { CheckContext } from '../../runner/types.js';
import { createObject, validBody } from '../fixtures.js';
import { expectSuccess } from '../requests.js';
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
 * Submits an initial registration as the sandbox's first organisation and returns its id.
 *
 * @example
 * ```ts
 * const id = await submit(ctx, sbx);
 * ```
 */
export async function submit(ctx: CheckContext, sbx: Sandbox): Promise<string> {
  const body = validBody(ctx, 'registration', 'post', '/applications', { type: 'initial' }, sbx.organizations[0]?.creditCode);
  return (await createObject(ctx, sbx.http(0), 'registration', '/applications', body)).id;
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
 * Takes an application through acceptance, review and a quiet public notice to `registered` —
 * coding happens when the notice ends without an objection (第十二条; the clock does it, no
 * official acts) — and returns the registration.
 *
 * @example
 * ```ts
 * const registration = await register(ctx, sbx); // { id, state: 'registered', validUntil, … }
 * ```
 */
export async function register(ctx: CheckContext, sbx: Sandbox): Promise<Record<string, unknown>> {
  const id = await submit(ctx, sbx);
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
