import { addMonthsClamped, type IsoDate } from '@gdx/calendar';
import type { TransitionError, WorkflowInstance } from '@gdx/kernel';
import { PlatformProblem } from '../../app/platform-problem.js';

/** A period of both days included (the contracts' `Period`). */
export interface DayPeriod {
  from: string;
  to: string;
}

/**
 * How far from the submission day a period of use may reach, either way (choice): the schema's
 * `YYYY-MM-DD` lets years 0000 and 9999 through, and the sources set no cap on sharing or
 * opening grants; ten years is twice the longest term they do cap (授权运营 5 年).
 */
export const PERIOD_OF_USE_REACH_YEARS = 10;

function periodProblem(pointer: string, code: string, zh: string, en: string): PlatformProblem {
  return new PlatformProblem('VALIDATION_FAILED', { detail: en, errors: [{ pointer, code, message: { zh, en } }] });
}

/**
 * Refuses a period that ends before it starts: 400 `VALIDATION_FAILED`, field code
 * `PERIOD_INVALID` at `<pointer>/to` (the day that is wrong once `from` is taken as given).
 *
 * @example
 * ```ts
 * checkPeriod(body.period, '/period'); // { from: '2026-03-31', to: '2026-01-01' } → 400 at /period/to
 * ```
 */
export function checkPeriod(period: DayPeriod, pointer: string): void {
  if (period.to < period.from) throw periodProblem(`${pointer}/to`, 'PERIOD_INVALID', '期限的截止日早于起始日', 'The period ends before it starts');
}

/**
 * Refuses a period of use no grant could cover: one that ends before it starts
 * (`PERIOD_INVALID`), one already over on the submission day `today` (`PERIOD_ENDED`: a grant
 * would be valid from a day after its end), or a day more than
 * {@link PERIOD_OF_USE_REACH_YEARS} years before or after `today` (`PERIOD_OUT_OF_RANGE`).
 * Each is a 400 `VALIDATION_FAILED` at the offending day (`<pointer>/from` or `<pointer>/to`).
 *
 * @example
 * ```ts
 * checkPeriodOfUse(s.periodOfUse, '2026-11-02', '/periodOfUse'); // to '2025-06-30' → 400 PERIOD_ENDED at /periodOfUse/to
 * ```
 */
export function checkPeriodOfUse(period: DayPeriod, today: IsoDate, pointer: string): void {
  checkPeriod(period, pointer);
  if (period.to < today) {
    throw periodProblem(`${pointer}/to`, 'PERIOD_ENDED', `使用期限已于 ${period.to} 届满，早于申请之日（${today}）`, `The period of use ended on ${period.to}, before the day of the request (${today})`);
  }
  const months = PERIOD_OF_USE_REACH_YEARS * 12;
  const [earliest, latest] = [addMonthsClamped(today, -months), addMonthsClamped(today, months)];
  const [field, day] = period.from < earliest ? ['from', period.from] : period.to > latest ? ['to', period.to] : [];
  if (field === undefined) return;
  throw periodProblem(
    `${pointer}/${field}`,
    'PERIOD_OUT_OF_RANGE',
    `使用期限须在申请之日前后 ${PERIOD_OF_USE_REACH_YEARS} 年以内（${earliest} 至 ${latest}）：${day}`,
    `The period of use must lie within ${PERIOD_OF_USE_REACH_YEARS} years of the day of the request (${earliest} to ${latest}): ${day}`,
  );
}

/**
 * The refusal of an event that would grant use — approve, deliver — once the period of use is over
 * (the machines' `PERIOD_ENDED` guard, `WHILE_PERIOD_RUNS` of `@gdx/procedures`): 422
 * `PERIOD_ENDED` at `<pointer>/to`, the field of the request or application that set the end
 * (the action's body has none), with `currentState`, `allowedEvents` and `reasonCode` as every
 * refused transition. A grant would be valid from a day after its end.
 *
 * @example
 * ```ts
 * periodEndedRefusal(record.submission.periodOfUse, '2025-10-13', '/submission/periodOfUse', error); // 422 at /submission/periodOfUse/to
 * ```
 */
function periodEndedRefusal(period: DayPeriod, today: IsoDate, pointer: string, refused: Pick<TransitionError, 'from' | 'event' | 'allowed'>): PlatformProblem {
  const zh = `使用期限已于 ${period.to} 届满（今日为 ${today}），不能再予同意或交付；请以书面理由结束该申请`;
  const en = `The period of use ended on ${period.to} (today is ${today}): ${refused.event} would grant nothing; end the request with written reasons instead`;
  return new PlatformProblem('PERIOD_ENDED', {
    detail: `${zh} / ${en}`,
    errors: [{ pointer: `${pointer}/to`, code: 'PERIOD_ENDED', message: { zh, en } }],
    extensions: { currentState: refused.from, allowedEvents: [...refused.allowed], reasonCode: 'PERIOD_ENDED' },
  });
}

/**
 * A binding's `refusal` for records whose period of use is `submission.periodOfUse`, kept under
 * their workflow object's id: a `PERIOD_ENDED` refusal points at that period's end
 * (`periodEndedRefusal`); others keep the host's wording.
 *
 * @example
 * ```ts
 * const binding = { ..., refusal: periodEndedRefusals(state.requests, () => shanghaiDate(sandbox.now())) };
 * ```
 */
export function periodEndedRefusals(
  records: ReadonlyMap<string, { submission: { periodOfUse: DayPeriod } }>,
  today: () => IsoDate,
): (instance: WorkflowInstance, error: TransitionError) => PlatformProblem | undefined {
  return (instance, error) => {
    const record = error.code === 'PERIOD_ENDED' ? records.get(instance.id) : undefined;
    return record ? periodEndedRefusal(record.submission.periodOfUse, today(), '/submission/periodOfUse', error) : undefined;
  };
}
