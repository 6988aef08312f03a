import type { Problem } from '../api/types.js';
import type { Locale } from '../i18n/locale.js';

/**
 * Where a problem's `detail` goes beside its message:
 * - `none`: there is none, or it only says the message again;
 * - `inline`: a line of its own (in English, or a problem the console made up, already in the
 *   reader's words);
 * - `aside`: behind a disclosure, marked as English. The server writes `detail` in English only,
 *   while `message` comes in both languages: in the Chinese console the Chinese message leads and
 *   the English detail stays one click away, for what it adds (which sandbox, which field).
 *
 * @example
 * ```ts
 * const conflict = { status: 409, code: 'CONFLICT', message: { zh: '请求与资源当前状态冲突', en: 'The request conflicts with the current state' }, detail: 'sandbox walk already exists' };
 * detailPlacement(conflict, 'zh'); // 'aside'
 * detailPlacement(conflict, 'en'); // 'inline'
 * ```
 */
export function detailPlacement(problem: Problem, locale: Locale): 'none' | 'inline' | 'aside' {
  const detail = problem.detail?.trim();
  if (!detail || detail.toLowerCase() === problem.message?.en.trim().toLowerCase()) return 'none';
  return problem.message && locale === 'zh' ? 'aside' : 'inline';
}
