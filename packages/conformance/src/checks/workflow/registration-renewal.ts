import { addDays } from '@gdx/calendar';
import { RENEWAL_WINDOW_DAYS } from '../../rules/limits.js';
import type { Check } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { expectSuccess, postJson } from '../requests.js';
import { register, START } from './registration-steps.js';
import { withSandbox } from './sandbox.js';

const SOURCE = '发改数据规〔2025〕26号 第十五条; 内政数字〔2024〕223号 (续展: 期满前 60 日内)';
const check = workflowCheck('registration');

/**
 * `REG-RENEW-01`: a registration can be renewed only within the 60 calendar days before it
 * expires — earlier answers 409 `RENEWAL_WINDOW_NOT_OPEN`, inside the window the renewal is taken.
 *
 * @example
 * ```ts
 * renewalChecks.map((c) => c.id); // ['REG-RENEW-01']
 * ```
 */
export const renewalChecks: Check[] = [
  check('REG-RENEW-01', 'renewal opens 60 calendar days before expiry, not earlier', SOURCE, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START }, async (sbx) => {
      const registration = await register(ctx, sbx);
      const validUntil = registration.validUntil ?? registration.expiresOn;
      ctx.expect.that(typeof validUntil === 'string', 'the registration states its expiry', '"validUntil": "YYYY-MM-DD"', validUntil);
      const expiry = String(validUntil).slice(0, 10);
      const renewals = `/registrations/${encodeURIComponent(String(registration.id))}/renewals`;
      const renew = () => postJson(ctx, sbx.http(0), 'registration', renewals, {});
      expectProblem(ctx.expect, await renew(), 409, 'RENEWAL_WINDOW_NOT_OPEN', 'renewing right after registration');
      // Day 61 before expiry is still closed; day 60 is inside the window.
      await sbx.advance({ to: `${addDays(expiry, -(RENEWAL_WINDOW_DAYS + 1))}T12:00:00+08:00` });
      expectProblem(ctx.expect, await renew(), 409, 'RENEWAL_WINDOW_NOT_OPEN', `renewing ${RENEWAL_WINDOW_DAYS + 1} days before expiry`);
      await sbx.advance({ to: `${addDays(expiry, -RENEWAL_WINDOW_DAYS)}T12:00:00+08:00` });
      expectSuccess(ctx, await renew(), `renewing ${RENEWAL_WINDOW_DAYS} days before expiry is taken`);
    });
  }),
];
