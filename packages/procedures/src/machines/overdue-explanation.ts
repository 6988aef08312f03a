import type { WorkflowInstance } from '@gdx/kernel';

/**
 * The named guard on the registry's decision of a formal review (`approve_review`,
 * `fail_review`): 26号 第十一条 "审核未完成的，应当向登记主体说明原因", so once the 20 WD review is
 * overdue the registry decides it only after it recorded why (`explain_overdue`).
 */
export const OVERDUE_REVIEW_EXPLAINED = 'overdueReviewExplained';

/**
 * Whether the instance may leave its current step on a decision: its deadline is not overdue, or
 * an `overdue_explained` event was recorded since it entered its current state (an explanation
 * of an earlier step, e.g. a late acceptance, does not count). Reads the event log backwards, only
 * when overdue.
 *
 * @example
 * overdueExplained(engine.get('rga_1')); // false while the review is overdue and unexplained
 */
export function overdueExplained(instance: Pick<WorkflowInstance, 'state' | 'deadline' | 'events'>): boolean {
  if (instance.deadline?.overdue !== true) return true;
  const { events, state } = instance;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i] as WorkflowInstance['events'][number];
    if (e.type === 'overdue_explained') return true;
    if (e.to === state && e.from !== state) return false;
  }
  return false;
}
