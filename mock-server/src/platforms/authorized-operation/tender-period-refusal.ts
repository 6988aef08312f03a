import { shanghaiDay, type TransitionError, type WorkflowInstance } from '@gdx/kernel';
import { PlatformProblem } from '../../app/platform-problem.js';

/**
 * The refusal of a tender's `select` while its bid period runs (409 `TENDER_PERIOD_RUNNING`,
 * 招标投标法 第二十四条), naming the bid deadline and the first day an operator can be selected.
 * The catalogue's message says only "before its 20 calendar days have passed": untrue for a
 * tender created with a later `bidsCloseOn`, and silent on the day the selection's own
 * `deadline.dueDate` shows — the last day bids are taken, on which `select` is still refused.
 * Other refusals keep the host's wording (`undefined`).
 *
 * @example
 * ```ts
 * const binding = { ..., refusal: tenderPeriodRefusal };
 * ```
 */
export function tenderPeriodRefusal(instance: WorkflowInstance, error: TransitionError): PlatformProblem | undefined {
  const period = instance.deadline;
  if (error.code !== 'TENDER_PERIOD_RUNNING' || period?.step !== 'tender_period') return undefined;
  const selectableOn = shanghaiDay(Date.parse(period.dueAt));
  const zh = `投标截止日为 ${period.dueDate}（24 时止），${selectableOn} 起方可确定运营机构`;
  const en = `Bids close on ${period.dueDate} (24:00): an operator can be selected from ${selectableOn}`;
  return new PlatformProblem('TENDER_PERIOD_RUNNING', {
    detail: `${zh} / ${en} (state ${error.from})`,
    extensions: { currentState: error.from, allowedEvents: [...error.allowed], reasonCode: error.code },
  });
}
