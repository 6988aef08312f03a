import { isRecord } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import { expectedDeadline } from '../../rules/deadlines.js';
import { LIMITS } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectFieldRefusal, expectProblem } from '../expect-problem.js';
import { createObject, validBody } from '../fixtures.js';
import { expectSuccess, postJson } from '../requests.js';
import { ACTIONS } from './officials.js';
import { app, decide, EVIDENCE, register, START } from './registration-steps.js';
import { expectDeadline, expectState, readObject, sandboxToday, withSandbox } from './sandbox.js';

const L = LIMITS.national.registration;
const REG_26 = '发改数据规〔2025〕26号';

const check = workflowCheck('registration');

/** Files a change, correction or cancellation of a registration; returns the application id. */
async function amend(ctx: CheckContext, sbx: Sandbox, type: 'change' | 'correction' | 'cancellation', registrationId: string): Promise<string> {
  const initial = validBody(ctx, 'registration', 'post', '/applications', {}, sbx.organizations[0]?.creditCode);
  const body = type === 'cancellation'
    ? { type, registrationId, registrants: initial.registrants, cancellation: { ground: 'rights_ended', description: 'conformance: 授权运营期限届满' } }
    : { ...initial, type, registrationId };
  return (await createObject(ctx, sbx.http(0), 'registration', '/applications', body)).id;
}

/**
 * Registration after coding: change (acceptance, review, notice), correction (no notice; an
 * interested party's only with the registrant's consent), cancellation (10 WD from acceptance),
 * and an amendment of a registration that does not exist.
 *
 * @example
 * ```ts
 * amendmentChecks.map((c) => c.id); // ['REG-CHANGE-01', …]
 * ```
 */
export const amendmentChecks: Check[] = [
  check('REG-CHANGE-01', 'a change of a registration is accepted within 3 WD, reviewed within 20 WD and publicly noticed', `${REG_26} 第九条(二), 第十条–第十二条 (change: choice, through notice)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const registration = await register(ctx, sbx);
      const id = await amend(ctx, sbx, 'change', String(registration.id));
      const received = await sandboxToday(ctx, sbx);
      const submitted = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, submitted, 'submitted', 'a change application');
      expectDeadline(ctx, submitted, L.acceptance, expectedDeadline(received, L.acceptance), false);
      await decide(ctx, sbx, id, ACTIONS.accept);
      expectDeadline(ctx, await readObject(ctx, sbx, 'registration', app(id)), L.review, expectedDeadline(received, L.review), false);
      await decide(ctx, sbx, id, ACTIONS.approveReview);
      expectState(ctx, await readObject(ctx, sbx, 'registration', app(id)), 'in_public_notice', 'a change after its review');
    });
  }),
  check('REG-CORRECT-01', 'a correction is accepted and reviewed, then applied without a public notice', `${REG_26} 第九条(三) (correction: choice, no notice)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const registration = await register(ctx, sbx);
      const id = await amend(ctx, sbx, 'correction', String(registration.id));
      await decide(ctx, sbx, id, ACTIONS.accept);
      await decide(ctx, sbx, id, ACTIONS.approveReview);
      const object = await readObject(ctx, sbx, 'registration', app(id));
      ctx.expect.that(object.state !== 'in_public_notice' && (object.noticeId ?? null) === null, 'a correction is not publicly noticed', 'no notice', { state: object.state, noticeId: object.noticeId });
      expectState(ctx, await readObject(ctx, sbx, 'registration', `/registrations/${encodeURIComponent(String(registration.id))}`), 'registered', 'the corrected registration');
    });
  }),
  check('REG-CANCEL-01', 'a cancellation is completed within 10 WD from acceptance and cancels the registration', L.cancellationReview.basis, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const registration = await register(ctx, sbx);
      const id = await amend(ctx, sbx, 'cancellation', String(registration.id));
      await decide(ctx, sbx, id, ACTIONS.accept);
      const accepted = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, accepted, 'under_review', 'an accepted cancellation');
      expectDeadline(ctx, accepted, L.cancellationReview, expectedDeadline(await sandboxToday(ctx, sbx), L.cancellationReview), false);
      await decide(ctx, sbx, id, ACTIONS.approveReview);
      expectState(ctx, await readObject(ctx, sbx, 'registration', `/registrations/${encodeURIComponent(String(registration.id))}`), 'cancelled', 'the registration after its cancellation');
    });
  }),
  check('REG-CORRECT-02', "an interested party may ask to correct another organisation's registration, only with the registrant's written consent or evidence of the error", `${REG_26} 第九条(三); shared/domain/registration.md §After registration (correction by the registrant or an interested party, with consent or evidence of error)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const registration = await register(ctx, sbx);
      const correction = { ...validBody(ctx, 'registration', 'post', '/applications', {}, sbx.organizations[0]?.creditCode), type: 'correction', registrationId: registration.id };
      const file = (body: Record<string, unknown>) => postJson(ctx, sbx.http(1), 'registration', '/applications', body);
      expectFieldRefusal(ctx.expect, await file(correction), '/consent', "an interested party's correction without the registrant's consent", 'CONSENT_REQUIRED');
      const filed = await file({ ...correction, consent: EVIDENCE });
      expectSuccess(ctx, filed, "an interested party's correction with the registrant's written consent is received");
      const id = isRecord(filed.body) ? String(filed.body.id) : '';
      await decide(ctx, sbx, id, ACTIONS.accept);
      await decide(ctx, sbx, id, ACTIONS.approveReview);
      expectState(ctx, await readObject(ctx, sbx, 'registration', app(id), 1), 'registered', "the interested party's correction after its review");
    });
  }),
  check('REG-CHANGE-02', 'a change, correction or cancellation needs an existing registration of the registrant', '内政数字〔2024〕223号 第十条 (变更、更正、注销 need an existing registration)', async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const initial = validBody(ctx, 'registration', 'post', '/applications', {}, sbx.organizations[0]?.creditCode);
      const res = await postJson(ctx, sbx.http(0), 'registration', '/applications', { ...initial, type: 'change', registrationId: `reg_conformance_missing_${ctx.random.string(8)}` });
      // The contract allows two answers: 404 NOT_FOUND (no such object of the caller's, docs/design.md
      // §Errors) or 400 VALIDATION_FAILED at /registrationId (not a valid registration of the caller's).
      // Any other refusal (401, 403, 409 …) is for another reason and says nothing about the rule.
      const what = 'a change of a registration that does not exist (404 NOT_FOUND, or 400 VALIDATION_FAILED at /registrationId)';
      if (res.status === 404) expectProblem(ctx.expect, res, 404, 'NOT_FOUND', what);
      else expectFieldRefusal(ctx.expect, res, '/registrationId', what);
    });
  }),
];
