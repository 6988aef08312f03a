import type { ReviewerPolicy } from '../platform-module.js';

const isRate = (v: unknown) => v === undefined || (typeof v === 'number' && v >= 0 && v <= 1);

/**
 * Reads a `ReviewerPolicy` (`{ mode: 'auto', approvalRate?, decideOn? }`, `{ mode: 'manual' }`,
 * `{ mode: 'late', overdueByWorkingDays?, approvalRate? }`); `undefined` when it is not one.
 *
 * @example
 * ```ts
 * parseReviewerPolicy({ mode: 'late', overdueByWorkingDays: 2 }); // { mode: 'late', overdueByWorkingDays: 2 }
 * parseReviewerPolicy('auto'); // undefined
 * ```
 */
export function parseReviewerPolicy(value: unknown): ReviewerPolicy | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const allowed = (keys: string[]) => Object.keys(v).every((k) => keys.includes(k));
  if (v.mode === 'manual' && allowed(['mode'])) return { mode: 'manual' };
  if (v.mode === 'auto' && allowed(['mode', 'approvalRate', 'decideOn']) && isRate(v.approvalRate) && (v.decideOn === undefined || v.decideOn === 'first_day' || v.decideOn === 'last_day' || v.decideOn === 'random')) {
    return { mode: 'auto', ...(v.approvalRate !== undefined ? { approvalRate: v.approvalRate as number } : {}), ...(v.decideOn !== undefined ? { decideOn: v.decideOn as 'first_day' | 'last_day' | 'random' } : {}) };
  }
  const days = v.overdueByWorkingDays;
  if (v.mode === 'late' && allowed(['mode', 'overdueByWorkingDays', 'approvalRate']) && isRate(v.approvalRate) && (days === undefined || (Number.isSafeInteger(days) && (days as number) >= 1))) {
    return { mode: 'late', ...(days !== undefined ? { overdueByWorkingDays: days as number } : {}), ...(v.approvalRate !== undefined ? { approvalRate: v.approvalRate as number } : {}) };
  }
  return undefined;
}
