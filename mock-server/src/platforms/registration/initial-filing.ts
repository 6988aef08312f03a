import { shanghaiDay } from '@gdx/kernel';
import { initialFiling, type InitialFiling } from '@gdx/procedures';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { RegistrationState } from './registration-state.js';

/**
 * The contract's `Application.initialFiling` of an application received at `receivedAt` (epoch
 * ms): `null` unless it is `initial` and states `operationStartedOn`; else the due date of the
 * registrant's filing duty (第九条(一)) on the sandbox calendar and whether the filing is late.
 * A late filing is only reported (the sources attach no consequence to it). An operation start
 * after the day of receipt → 400 `VALIDATION_FAILED` at `pointer`; a period reaching a year
 * without a published schedule throws the calendar's `CALENDAR_NOT_PUBLISHED`, which the app
 * answers with 422. Nothing changes either way: call it before drawing ids or storing anything.
 *
 * @example
 * ```ts
 * filingOf(state, { type: 'initial', operationStartedOn: '2025-09-26' }, Date.parse('2025-10-31T09:00:00+08:00'), '/operationStartedOn');
 * // { dueDate: '2025-10-30', late: true, legacy: false, … }
 * ```
 */
export function filingOf(state: RegistrationState, submission: { type: string; operationStartedOn?: unknown }, receivedAt: number, pointer: string): InitialFiling | null {
  const started = submission.operationStartedOn;
  if (submission.type !== 'initial' || typeof started !== 'string') return null;
  const receivedOn = shanghaiDay(receivedAt);
  if (started > receivedOn) {
    throw new PlatformProblem('VALIDATION_FAILED', {
      detail: `operationStartedOn ${started} is after the day of receipt ${receivedOn}`,
      errors: [{
        pointer,
        code: 'OPERATION_START_AFTER_RECEIPT',
        message: { zh: `开展授权运营之日（${started}）不得晚于申请收到之日（${receivedOn}）`, en: `The operation start (${started}) cannot be after the day of receipt (${receivedOn})` },
      }],
    });
  }
  return initialFiling(state.host.procedures.profile, state.sandbox.calendar, { operationStartedOn: started, receivedAt });
}
