import type { WorkflowInstance } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What is wrong with an instance of a snapshot given to `WorkflowEngine.restore`, in English and
 * Chinese, or `undefined`: the members the engine and its readers use without checking them (an
 * `events` that is no array failed the first read of the restored instance, long after a restore
 * that had taken it). A snapshot the engine wrote always passes.
 *
 * @example
 * ```ts
 * instanceShapeFault({ id: 'a', machine: 'm', state: 's', events: 5, data: {}, timer: null, deadline: null });
 * // → { en: 'instance a: events must be an array of event objects', zh: '实例 a：events 须为事件对象数组' }
 * ```
 */
export function instanceShapeFault(instance: unknown): { en: string; zh: string } | undefined {
  if (!isObject(instance)) return { en: 'an instance must be an object', zh: '实例须为对象' };
  const { id } = instance;
  if (typeof id !== 'string') return { en: 'an instance id must be a string', zh: '实例标识须为字符串' };
  const fault = (field: string, en: string, zh: string) => ({ en: `instance ${id}: ${field} ${en}`, zh: `实例 ${id}：${field} ${zh}` });
  const i = instance as Partial<Record<keyof WorkflowInstance, unknown>>;
  if (typeof i.machine !== 'string') return fault('machine', 'must be a string', '须为字符串');
  if (typeof i.state !== 'string') return fault('state', 'must be a string', '须为字符串');
  if (!Array.isArray(i.events) || !i.events.every(isObject)) return fault('events', 'must be an array of event objects', '须为事件对象数组');
  // Left out by nothing the engine writes, but older states are read too: absent is taken.
  if (i.data !== undefined && !isObject(i.data)) return fault('data', 'must be an object', '须为对象');
  if (i.deadline !== undefined && i.deadline !== null && !isObject(i.deadline)) return fault('deadline', 'must be an object or null', '须为对象或 null');
  const timer = i.timer;
  if (timer !== null && timer !== undefined && !(isObject(timer) && typeof timer.id === 'string' && Number.isFinite(timer.dueAt))) {
    return fault('timer', 'must be null or a timer with an id and a dueAt', '须为 null 或含 id 与 dueAt 的计时器');
  }
  return undefined;
}
