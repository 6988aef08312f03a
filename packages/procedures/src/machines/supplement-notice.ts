import type { WorkflowInstance } from '@gdx/kernel';

/**
 * The instance `data` field a registration application's acceptance sets when it gives its
 * supplement notice under `supplementNotice: once` (一次性告知, 26号 第十条): the machine's guard
 * refuses a second notice, and the `auto` official accepts the resubmission instead of drawing one.
 */
export const SUPPLEMENT_NOTICED = 'supplementNoticed';

/**
 * Whether the application's one supplement notice was given (only ever set under `once`).
 *
 * @example
 * supplementNoticed({ data: { supplementNoticed: true } }); // true
 */
export function supplementNoticed(instance: Pick<WorkflowInstance, 'data'>): boolean {
  return instance.data[SUPPLEMENT_NOTICED] === true;
}
