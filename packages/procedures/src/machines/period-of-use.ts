import { shanghaiDay, type WorkflowInstance } from '@gdx/kernel';

/**
 * The instance `data` field holding the last day of the period of use a sharing request or an
 * open-data application asks for (ISO date, both days included). Set by the platform on creation;
 * an instance without it (made before the field existed) is not held to its period.
 */
export const PERIOD_OF_USE_ENDS = 'periodOfUseEnds';

/**
 * What a transition that grants use (approve, deliver) carries: refused, with `PERIOD_ENDED`,
 * once the period of use is over — its grant would be valid from a day after its end. Choice:
 * the sources are silent; the officials then end the request with written reasons (reject,
 * uphold the rejection, revoke the approval) rather than the clock ending it for them.
 */
export const WHILE_PERIOD_RUNS = { guard: 'periodOfUseRunning', guardError: 'PERIOD_ENDED' } as const;

/**
 * The last day of the instance's period of use, or `undefined` when it has none.
 *
 * @example
 * periodOfUseEnds(instance); // '2026-09-30'
 */
export function periodOfUseEnds(instance: Pick<WorkflowInstance, 'data'>): string | undefined {
  // A generic read (`Reflect.get`, the same value): officials read it for every decision, from
  // every shape of `data` the year's phases bring, and a property read optimized for the shapes
  // seen so far was deoptimized by each new one.
  const ends = Reflect.get(instance.data, PERIOD_OF_USE_ENDS);
  return typeof ends === 'string' ? ends : undefined;
}

/**
 * Whether the period of use still runs at `now` (epoch ms): its last day is today (Asia/Shanghai)
 * or later, or the instance states none.
 *
 * @example
 * periodOfUseRunning({ data: { periodOfUseEnds: '2025-10-10' } }, Date.parse('2025-10-11T00:00:00+08:00')); // false
 */
export function periodOfUseRunning(instance: Pick<WorkflowInstance, 'data'>, now: number): boolean {
  const ends = periodOfUseEnds(instance);
  return ends === undefined || shanghaiDay(now) <= ends;
}
