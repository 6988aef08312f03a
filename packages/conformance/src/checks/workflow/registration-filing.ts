import { isRecord } from '../../http/response.js';
import { expectedDeadline } from '../../rules/deadlines.js';
import { LIMITS, NATIONAL_REGISTRATION_RULES_IN_FORCE, type StepLimit } from '../../rules/limits.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { workflowCheck } from '../define-check.js';
import { app, RECEIVED, START, submit } from './registration-steps.js';
import { expectState, readObject, withSandbox } from './sandbox.js';

const L = LIMITS.national.registration;

const check = workflowCheck('registration');

/** Asserts the application reports its initial-filing duty as the rule gives it, computed here. */
function expectInitialFiling(ctx: CheckContext, object: Record<string, unknown>, operationStartedOn: string, limit: StepLimit, from: string, legacy: boolean): void {
  const filing = isRecord(object.initialFiling) ? object.initialFiling : undefined;
  ctx.expect.that(filing !== undefined, 'the application reports its initial-filing duty (initialFiling)', 'an initialFiling object', object.initialFiling);
  const due = expectedDeadline(from, limit);
  const late = RECEIVED > due.dueDate;
  ctx.expect.equal(
    { operationStartedOn: filing?.operationStartedOn, legacy: filing?.legacy, limit: filing?.limit, unit: filing?.unit, startedOn: filing?.startedOn, dueDate: filing?.dueDate, late: filing?.late },
    { operationStartedOn, legacy, limit: limit.limit, unit: limit.unit, startedOn: due.startedOn, dueDate: due.dueDate, late },
    `initialFiling of an operation started ${operationStartedOn}, filed ${RECEIVED}`,
  );
}

/**
 * The registrant's initial-filing duty (national profile): 20 WD after operation started, or 30 WD
 * after the rules took effect for earlier operations; the platform reports a late filing and
 * still receives the application.
 *
 * @example
 * ```ts
 * filingChecks.map((c) => c.id); // ['REG-FILING-01', 'REG-FILING-02']
 * ```
 */
export const filingChecks: Check[] = [
  check('REG-FILING-01', 'an initial filing is due 20 WD after operation started: one filed later is flagged late and still received', L.initialFiling.basis, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      for (const operationStartedOn of ['2025-09-01', '2025-08-20']) {
        const id = await submit(ctx, sbx, { operationStartedOn });
        const object = await readObject(ctx, sbx, 'registration', app(id));
        expectState(ctx, object, 'submitted', `an application stating operation started ${operationStartedOn}`);
        expectInitialFiling(ctx, object, operationStartedOn, L.initialFiling, operationStartedOn, false);
      }
    });
  }),
  check('REG-FILING-02', 'an operation that predates the rules files within 30 WD after they took effect (2025-03-01)', `${L.initialFilingLegacy.basis}; 发改数据规〔2025〕26号 第二十四条 (施行 2025-03-01)`, async (ctx) => {
    await withSandbox(ctx, { profile: 'national', startAt: START, lead: 'registrant' }, async (sbx) => {
      const operationStartedOn = '2024-06-01';
      const id = await submit(ctx, sbx, { operationStartedOn });
      const object = await readObject(ctx, sbx, 'registration', app(id));
      expectState(ctx, object, 'submitted', 'a late legacy filing is still received');
      expectInitialFiling(ctx, object, operationStartedOn, L.initialFilingLegacy, NATIONAL_REGISTRATION_RULES_IN_FORCE, true);
    });
  }),
];
