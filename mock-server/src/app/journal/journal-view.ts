import { formatShanghaiInstant } from '@gdx/calendar';
import type { CapturedBody, JournalRecord } from '../../sandbox/request-journal.js';
import { capturedText } from './capture-body.js';

/** A journal entry as the simulation API answers it (`JournalEntry` of the simulation contract). */
export interface JournalEntryView {
  seq: number;
  requestId: string;
  receivedAt: string;
  simulatedAt: string;
  method: string;
  path: string;
  query: string;
  platform: string | null;
  operationId: string | null;
  organizationId: string | null;
  appKey: string | null;
  status: number;
  durationMs: number;
  problemCode: string | null;
  problem: unknown;
  requestBody: unknown;
  requestBodyTruncated: boolean;
  responseBody: unknown;
  responseBodyTruncated: boolean;
}

/** A kept body as JSON when it was sent as JSON and kept whole, else its text; `null` for none. */
function bodyValue(body: CapturedBody | null): unknown {
  if (body === null) return null;
  const text = capturedText(body);
  if (!body.json || body.truncated) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The wire form of a record: instants in Asia/Shanghai with milliseconds, bodies parsed (only
 * now, when somebody reads them), the problem document of a problem answer (`null` if the body
 * bound cut it; `problemCode` still names it).
 *
 * @example
 * ```ts
 * journalEntryView(record).receivedAt; // '2025-09-26T10:00:00.125+08:00' (no fraction when it is .000)
 * ```
 */
export function journalEntryView(record: JournalRecord): JournalEntryView {
  const responseBody = bodyValue(record.responseBody);
  // A problem cut by the body bound is not a document any more: its code still says what it was.
  const problem = record.problemCode !== null && responseBody !== null && typeof responseBody === 'object' ? responseBody : null;
  return {
    seq: record.seq,
    requestId: record.requestId,
    receivedAt: formatShanghaiInstant(record.receivedAt, { milliseconds: true }),
    simulatedAt: formatShanghaiInstant(record.simulatedAt, { milliseconds: true }),
    method: record.method,
    path: record.path,
    query: record.query,
    platform: record.platform,
    operationId: record.operationId,
    organizationId: record.organizationId,
    appKey: record.appKey,
    status: record.status,
    durationMs: Math.round(record.durationMs * 1000) / 1000,
    problemCode: record.problemCode,
    problem,
    requestBody: bodyValue(record.requestBody),
    requestBodyTruncated: record.requestBody?.truncated ?? false,
    responseBody,
    responseBodyTruncated: record.responseBody?.truncated ?? false,
  };
}
