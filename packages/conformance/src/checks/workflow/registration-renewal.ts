import { addDays } from '@gdx/calendar';
import type { Sandbox } from '../../http/sim-client.js';
import { isRecord } from '../../http/response.js';
import { renewalWindowOpening, validityEnd } from '../../rules/deadlines.js';
import { RENEWAL_WINDOW_DAYS, VALIDITY_YEARS } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { expectSuccess, postJson } from '../requests.js';
import { act } from './officials.js';
import { authorisedUntil, register, START } from './registration-steps.js';
import { readObject, sandboxToday, withSandbox } from './sandbox.js';

const SOURCE = '发改数据规〔2025〕26号 第十五条; 内政数字〔2024〕223号 (续展: 期满前 60 日内)';
const TERM = `发改数据规〔2025〕26号 第十五条 (${VALIDITY_YEARS} 年, 授权运营期限更短的以其为准); 内政数字〔2024〕223号 (续展期自上一届有效期满次日起, 最长 ${VALIDITY_YEARS} 年); 民法典 第二百零一至二百零三条`;
/** An authorised term far beyond any validity, so it caps nothing. */
const LONG_TERM = '2035-12-31';
/** An authorised term ending before three years from coding, so it caps the first period. */
const SHORT_TERM = '2027-06-30';
const ANNOUNCE = '内政数字〔2024〕223号 第二十条 (期满未按规定续展的，由登记机构予以注销并公告), 第十六条 (撤销登记证书并进行公告)';
const check = workflowCheck('registration');

const renewals = (registration: Record<string, unknown>) => `/registrations/${encodeURIComponent(String(registration.id))}/renewals`;

/** The validity a registration states: its period and the end of its `validity` deadline. */
function validity(registration: Record<string, unknown>): Record<string, unknown> {
  const deadline = isRecord(registration.deadline) ? registration.deadline : {};
  return { validFrom: registration.validFrom, validUntil: registration.validUntil, dueDate: deadline.dueDate };
}

/** Registers with an authorised term and checks its first period: from coding, 3 years or to the term's end. */
async function expectFirstPeriod(ctx: CheckContext, sbx: Sandbox, termEnd: string): Promise<Record<string, unknown>> {
  const registration = await register(ctx, sbx, authorisedUntil(sbx, termEnd));
  const codedOn = await sandboxToday(ctx, sbx);
  const until = validityEnd(codedOn, termEnd);
  ctx.expect.equal(validity(registration), { validFrom: codedOn, validUntil: until, dueDate: until }, `coded ${codedOn} with an authorised term to ${termEnd}: validity`);
  return registration;
}

/** Renews a registration with a new authorised term; checks the renewal's period and the registration's. */
async function expectRenewal(ctx: CheckContext, sbx: Sandbox, registration: Record<string, unknown>, termEnd: string): Promise<void> {
  const previous = String(registration.validUntil);
  const res = await postJson(ctx, sbx.http(0), 'registration', renewals(registration), { authorisedTermEnd: termEnd });
  expectSuccess(ctx, res, 'a renewal inside the window is taken');
  const renewal = isRecord(res.body) ? res.body : {};
  const until = validityEnd(previous, termEnd);
  ctx.expect.equal(
    { previousValidUntil: renewal.previousValidUntil, validFrom: renewal.validFrom, validUntil: renewal.validUntil },
    { previousValidUntil: previous, validFrom: addDays(previous, 1), validUntil: until },
    `renewal of a period ending ${previous} with an authorised term to ${termEnd}`,
  );
  const renewed = await readObject(ctx, sbx, 'registration', `/registrations/${encodeURIComponent(String(registration.id))}`);
  ctx.expect.equal(validity(renewed), { validFrom: registration.validFrom, validUntil: until, dueDate: until }, 'the renewed registration: validity');
}

/**
 * Registration validity and renewal (续展, 第十五条): the window of 60 calendar days before expiry
 * (`REG-RENEW-01`), 3 years from coding capped by the authorised operating term
 * (`REG-VALIDITY-01`), and each renewal 3 years from the day after the previous expiry, capped
 * likewise (`REG-RENEW-02`); a registration not renewed by its expiry, or revoked, is announced
 * (`REG-ANNOUNCE-01`). Expected dates come from {@link validityEnd}.
 *
 * @example
 * ```ts
 * renewalChecks.map((c) => c.id); // ['REG-RENEW-01', 'REG-VALIDITY-01', 'REG-RENEW-02', 'REG-ANNOUNCE-01']
 * ```
 */
export const renewalChecks: Check[] = [
  check('REG-RENEW-01', 'renewal opens on the 60th calendar day up to expiry (the last valid day counted), not earlier', SOURCE, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const registration = await register(ctx, sbx);
      const validUntil = registration.validUntil ?? registration.expiresOn;
      ctx.expect.that(typeof validUntil === 'string', 'the registration states its expiry', '"validUntil": "YYYY-MM-DD"', validUntil);
      const expiry = String(validUntil).slice(0, 10);
      // Counted back from the expiry, or from the end before 民法典 第二百零三条 moved it off a rest day.
      const opens = renewalWindowOpening(expiry);
      // With a later authorised term: the example's term may end on the expiry, and a renewal that
      // could extend nothing is refused for that, not for the window.
      const renew = () => postJson(ctx, sbx.http(0), 'registration', renewals(registration), { authorisedTermEnd: LONG_TERM });
      expectProblem(ctx.expect, await renew(), 409, 'RENEWAL_WINDOW_NOT_OPEN', 'renewing right after registration');
      // The 60 days are the last valid day and the 59 before it: a 61st day is still closed.
      await sbx.advance({ to: `${addDays(opens.earliest, -1)}T12:00:00+08:00` });
      expectProblem(ctx.expect, await renew(), 409, 'RENEWAL_WINDOW_NOT_OPEN', `renewing on day ${RENEWAL_WINDOW_DAYS + 1} up to expiry (${addDays(opens.earliest, -1)})`);
      await sbx.advance({ to: `${opens.latest}T12:00:00+08:00` });
      expectSuccess(ctx, await renew(), `renewing on day ${RENEWAL_WINDOW_DAYS} up to expiry (${opens.latest}) is taken`);
    });
  }),
  check('REG-VALIDITY-01', 'a registration is valid 3 years from coding, or to the end of the authorised operating term when that comes first', TERM, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      await expectFirstPeriod(ctx, sbx, LONG_TERM);
      await expectFirstPeriod(ctx, sbx, SHORT_TERM);
    });
  }),
  check('REG-RENEW-02', 'a renewal runs 3 years from the day after the previous expiry, never past the authorised operating term', TERM, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const full = await expectFirstPeriod(ctx, sbx, SHORT_TERM);
      const capped = await expectFirstPeriod(ctx, sbx, SHORT_TERM);
      await sbx.advance({ to: `${addDays(SHORT_TERM, 1 - RENEWAL_WINDOW_DAYS)}T12:00:00+08:00` });
      await expectRenewal(ctx, sbx, full, LONG_TERM);
      await expectRenewal(ctx, sbx, capped, '2029-12-31');
    });
  }),
  check('REG-ANNOUNCE-01', 'a registration not renewed by its expiry, and one revoked, are publicly announced', ANNOUNCE, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const expiring = await register(ctx, sbx, authorisedUntil(sbx, SHORT_TERM));
      const revoked = await register(ctx, sbx, authorisedUntil(sbx, LONG_TERM));
      const revocation = await act(sbx, 'registration', 'registration', String(revoked.id), 'revoke', { ground: 'false_materials' });
      expectSuccess(ctx, revocation, "the registry's revocation is accepted");
      await sbx.advance({ to: `${addDays(SHORT_TERM, 1)}T12:00:00+08:00` });
      const page = await sbx.http(0).request('GET', 'registration', '/announcements', { query: { limit: 100 }, sign: false });
      expectSuccess(ctx, page, 'the announcements are public (no signature)');
      const items = isRecord(page.body) && Array.isArray(page.body.items) ? page.body.items.filter(isRecord) : [];
      const announced = (registration: Record<string, unknown>) => {
        const found = items.find((a) => a.registrationCode === registration.registrationCode);
        return found ? { kind: found.kind, validUntil: found.validUntil, revocationGround: found.revocationGround } : null;
      };
      ctx.expect.equal(announced(expiring), { kind: 'expiry', validUntil: SHORT_TERM, revocationGround: null }, `the registration that expired on ${SHORT_TERM} unrenewed is announced`);
      ctx.expect.equal(announced(revoked), { kind: 'revocation', validUntil: revoked.validUntil, revocationGround: 'false_materials' }, 'the revoked registration is announced with its ground');
    });
  }),
];
