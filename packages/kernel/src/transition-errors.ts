import type { TransitionError } from './types.js';

const MESSAGES: Record<string, { zh: string; en: string }> = {
  ILLEGAL_TRANSITION: { zh: '当前状态不允许该操作', en: 'The event is not allowed in the current state' },
  ACTOR_NOT_ALLOWED: { zh: '该角色无权执行此操作', en: 'This actor may not send the event' },
  GUARD_REJECTED: { zh: '不满足执行该操作的条件', en: 'The conditions for this event are not met' },
  MISSING_REASONS: { zh: '必须书面说明理由', en: 'Written reasons are required' },
  MISSING_ITEMS: { zh: '必须一次性列明全部需补正的事项', en: 'The complete list of items to supplement is required' },
  MISSING_EVIDENCE: { zh: '必须提供至少一项证据', en: 'At least one piece of evidence is required' },
  CALENDAR_NOT_PUBLISHED: { zh: '期限所涉年份的节假日安排尚未公布', en: 'The holiday schedule of a year the deadline reaches is not published' },
};

/**
 * Builds a refused-transition error with zh/en messages for a stable code.
 *
 * @example
 * transitionError('ILLEGAL_TRANSITION', 'registered', 'accept', []).message.zh; // '当前状态不允许该操作'
 */
export function transitionError(
  code: string,
  from: string,
  event: string,
  allowed: string[],
  detail?: Record<string, unknown>,
): TransitionError {
  const message = MESSAGES[code] ?? {
    zh: `操作被拒绝（${code}）`,
    en: `The event was refused (${code})`,
  };
  return { code, from, event, allowed, message, ...(detail ? { detail } : {}) };
}

/** `MISSING_<KEY>` for a required payload key, e.g. `reasons` → `MISSING_REASONS`. */
export function missingCode(key: string): string {
  return `MISSING_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}
