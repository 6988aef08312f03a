import { PlatformProblem } from '../../app/platform-problem.js';
import type { EntryRecord } from './workflow/records.js';

/**
 * Refuses to resubmit a `returned` entry whose content is still what the data authority returned
 * (409 `RETURNED_UNCHANGED`, at `/content`, the return's reasons repeated): 内政办发〔2023〕32号
 * 二(三) returns an entry that failed review 退回纠正 — for correction — so it goes back to review
 * only once the provider changed something (`PATCH /entries/{entryId}`). An edit that sets the
 * values already there changes nothing.
 *
 * @example
 * ```ts
 * refuseUnchangedResubmission(record, instance.state); // throws while record.content equals record.returnedContent
 * ```
 */
export function refuseUnchangedResubmission(record: EntryRecord, state: string): void {
  const returned = record.returnedContent;
  if (state !== 'returned' || returned === undefined || returned === null || !sameJson(record.content, returned)) return;
  throw new PlatformProblem('RETURNED_UNCHANGED', {
    detail: `Entry ${record.id} is unchanged since it was returned: correct it as the reasons ask (PATCH /entries/${record.id}), then submit it. ${record.reasons.map((r) => r.text).join('；')}`,
    errors: [{ pointer: '/content', code: 'RETURNED_UNCHANGED', message: { zh: '目录内容与退回时相同，请按退回理由修改后再提交', en: 'The content is the same as when the entry was returned: edit it as the reasons ask, then submit' } }],
  });
}

/** Whether two JSON values are equal: objects member by member in any order, arrays item by item. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameJson(item, (b as unknown[])[i]));
  const left = Object.entries(a).filter(([, v]) => v !== undefined);
  const right = b as Record<string, unknown>;
  return left.length === Object.values(right).filter((v) => v !== undefined).length && left.every(([key, v]) => sameJson(v, right[key]));
}
