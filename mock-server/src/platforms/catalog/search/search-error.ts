import { cursorMismatchError } from '../../../app/paging.js';

/**
 * Why a search request cannot be answered; the route answers 400 VALIDATION_FAILED with this code,
 * and a bad cursor 400 INVALID_CURSOR as every list does (`CURSOR_MISMATCH`: one another query made).
 */
export type CatalogSearchErrorCode = 'CURSOR_INVALID' | 'CURSOR_MISMATCH' | 'LIMIT_OUT_OF_RANGE' | 'SORT_UNKNOWN';

const MESSAGES: Record<CatalogSearchErrorCode, { zh: string; en: string; pointer: string }> = {
  CURSOR_INVALID: { zh: '分页游标无效', en: 'The cursor is invalid', pointer: '/query/cursor' },
  CURSOR_MISMATCH: { ...cursorMismatchError().message, pointer: '/query/cursor' },
  LIMIT_OUT_OF_RANGE: { zh: '每页条数须为 1 至 200 的整数', en: 'limit must be an integer from 1 to 200', pointer: '/query/limit' },
  SORT_UNKNOWN: { zh: '不支持的排序方式', en: 'Unknown sort order', pointer: '/query/sort' },
};

/**
 * A search input error with a stable code, the offending query parameter and zh/en messages.
 *
 * @example
 * ```ts
 * try { index.search({ cursor: 'x' }); } catch (e) { if (e instanceof CatalogSearchError) e.code; } // 'CURSOR_INVALID'
 * ```
 */
export class CatalogSearchError extends Error {
  readonly code: CatalogSearchErrorCode;
  readonly pointer: string;
  readonly messages: { zh: string; en: string };

  constructor(code: CatalogSearchErrorCode) {
    const m = MESSAGES[code];
    super(m.en);
    this.name = 'CatalogSearchError';
    this.code = code;
    this.pointer = m.pointer;
    this.messages = { zh: m.zh, en: m.en };
  }
}
