import { isHttpToken, type FieldError } from '@gdx/protocol';
import type { JournalRecord } from '../../sandbox/request-journal.js';
import { cursorQueryError, decodeCursor, invalidCursorError, isSeq, type ListRequest } from '../paging.js';

/** A parsed query of `GET /sandboxes/{sandboxId}/requests`. */
export interface JournalListQuery {
  matches: (record: JournalRecord) => boolean;
  limit: number;
  before: number | undefined;
  since: number | undefined;
}

/** Page size when the query names none. */
export const DEFAULT_JOURNAL_PAGE = 50;

const STATUS = /^([1-5])(\d{2}|xx)$/i;
/** Longest `method` filter, as for `path`: a bound on the query, not on the methods journaled. */
const MAX_METHOD_LENGTH = 2048;
const NAME = /^[A-Za-z0-9_.:-]{1,128}$/;
const SEQ = /^\d{1,15}$/;

/** A query parameter's value as one string (a repeated parameter counts as its first value). */
function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  return value === undefined ? undefined : String(value);
}

function invalid(name: string, zh: string, en: string): FieldError {
  return { pointer: `/query/${name}`, code: 'INVALID', message: { zh, en } };
}

/**
 * Reads the journal's filters (all optional, combined with AND): `requestId`, `operation`
 * (operationId), `status` (`409`, or a class `4xx`), `organizationId`, `method` (any RFC 9110
 * token, matched in any case: a request the mock serves no operation with, such as `TRACE`, is
 * journaled and found too), `path` (a prefix), `since` (a seq: newer entries only), `limit`
 * (1–200, default 50) and `cursor` (refused
 * when a page of other filters, another sandbox (`list.params`) or another list (`list.operationId`)
 * made it: `cursorQueryError`). A bad value gives field errors pointing at its parameter; the
 * simulation contract states the same bounds, this holds them also for an app built without it.
 *
 * @example
 * ```ts
 * parseJournalQuery({ status: '4xx', operation: 'createRegistrationApplication' }); // { ok: true, query: { limit: 50, … } }
 * parseJournalQuery({ status: '4x' }); // { ok: false, errors: [{ pointer: '/query/status', … }] }
 * ```
 */
export function parseJournalQuery(raw: Readonly<Record<string, unknown>>, list: Omit<ListRequest, 'query'> = {}): { ok: true; query: JournalListQuery } | { ok: false; errors: FieldError[]; cursor?: true } {
  const errors: FieldError[] = [];
  const tests: ((record: JournalRecord) => boolean)[] = [];
  const requestId = text(raw.requestId);
  if (requestId !== undefined) {
    if (NAME.test(requestId)) tests.push((r) => r.requestId === requestId);
    else errors.push(invalid('requestId', 'requestId 须为 1–128 个字母、数字或 _.:- 字符', 'requestId must be 1–128 letters, digits or _.:- characters'));
  }
  const operation = text(raw.operation);
  if (operation !== undefined) {
    if (NAME.test(operation)) tests.push((r) => r.operationId === operation);
    else errors.push(invalid('operation', 'operation 须为接口的 operationId', 'operation must be an operationId'));
  }
  const organizationId = text(raw.organizationId);
  if (organizationId !== undefined) {
    if (NAME.test(organizationId)) tests.push((r) => r.organizationId === organizationId);
    else errors.push(invalid('organizationId', 'organizationId 格式无效', 'organizationId must be 1–128 letters, digits or _.:- characters'));
  }
  const status = text(raw.status);
  if (status !== undefined) {
    const match = STATUS.exec(status);
    if (!match) errors.push(invalid('status', 'status 须为状态码（如 409）或状态类（如 4xx）', 'status must be a status code (409) or a class (4xx)'));
    else if (match[2]?.toLowerCase() === 'xx') {
      const hundreds = Number(match[1]) * 100;
      tests.push((r) => r.status >= hundreds && r.status < hundreds + 100);
    } else {
      const code = Number(status);
      tests.push((r) => r.status === code);
    }
  }
  const method = text(raw.method);
  if (method !== undefined) {
    const upper = method.toUpperCase();
    if (method.length <= MAX_METHOD_LENGTH && isHttpToken(method)) tests.push((r) => r.method.toUpperCase() === upper);
    else errors.push(invalid('method', 'method 须为 HTTP 方法（如 POST：至多 2048 个字母、数字或 !#$%&\'*+-.^_`|~ 字符）', "method must be an HTTP method (POST: at most 2048 letters, digits or !#$%&'*+-.^_`|~ characters)"));
  }
  const path = text(raw.path);
  if (path !== undefined) {
    if (path.startsWith('/') && path.length <= 2048) tests.push((r) => r.path.startsWith(path));
    else errors.push(invalid('path', 'path 须为以 / 开头的路径前缀（至多 2048 个字符）', 'path must be a path prefix starting with / (at most 2048 characters)'));
  }
  const sinceText = text(raw.since);
  const since = sinceText !== undefined && SEQ.test(sinceText) ? Number(sinceText) : undefined;
  if (sinceText !== undefined && since === undefined) errors.push(invalid('since', 'since 须为非负整数（条目序号）', 'since must be a non-negative integer (an entry seq)'));
  const limitText = text(raw.limit);
  const limit = limitText === undefined ? DEFAULT_JOURNAL_PAGE : /^\d{1,3}$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!(limit >= 1 && limit <= 200)) errors.push(invalid('limit', 'limit 须为 1–200 的整数', 'limit must be an integer 1–200'));
  if (errors.length > 0) return { ok: false, errors };
  const cursorText = text(raw.cursor);
  let before: number | undefined;
  if (cursorText !== undefined) {
    const key = decodeCursor(cursorText);
    // The seq of the last entry a page read (entries count from 1).
    if (!key || key.length !== 1 || !isSeq(key[0], 1)) {
      return { ok: false, cursor: true, errors: [invalidCursorError()] };
    }
    const mismatch = cursorQueryError({ ...list, query: raw });
    if (mismatch) return { ok: false, cursor: true, errors: [mismatch] };
    before = key[0];
  }
  return { ok: true, query: { matches: (record) => tests.every((test) => test(record)), limit, before, since } };
}
