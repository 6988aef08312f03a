import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../server/request-log.js';
import { createLogger, requestLogSink, type LogLevel } from './request-logger.js';

const PROBLEMS: Record<number, string> = { 404: 'NOT_FOUND', 500: 'INTERNAL', 503: 'SHUTTING_DOWN' };
const entry = (status: number): RequestLogEntry => ({ requestId: 'req_1', sandboxId: 'default', organizationId: null, method: 'GET', path: '/catalog/v1/search', operationId: 'searchEntries', status, problemCode: PROBLEMS[status] ?? null, durationMs: 1.25, remoteAddress: '10.0.0.7' });

function linesAt(level: LogLevel, statuses: number[]): unknown[] | undefined {
  const lines: string[] = [];
  const sink = requestLogSink(createLogger({ level, format: 'json' }, { write: (line) => lines.push(line) }));
  if (sink === undefined) return undefined;
  for (const status of statuses) sink(entry(status));
  return lines.map((line) => JSON.parse(line) as unknown);
}

describe('requestLogSink', () => {
  it.each(['silent', 'fatal'] as const)('is no sink at all at %s (the server then times nothing)', (level) => {
    expect(linesAt(level, [200, 404, 500])).toBeUndefined();
  });

  it('writes the refusals at warn and skips the rest', () => {
    expect(linesAt('warn', [200, 404])).toEqual([expect.objectContaining({ level: 40, status: 404, problemCode: 'NOT_FOUND', remoteAddress: '10.0.0.7', msg: 'GET /catalog/v1/search 404 NOT_FOUND 1.25 ms default searchEntries req_1 from 10.0.0.7' })]);
  });

  it("writes server errors at error, but a stop's 503 SHUTTING_DOWN at warn (an answer every restart gives by design)", () => {
    expect(linesAt('error', [500, 503])).toEqual([expect.objectContaining({ level: 50, status: 500, problemCode: 'INTERNAL' })]);
    expect(linesAt('warn', [503])).toEqual([expect.objectContaining({ level: 40, status: 503, problemCode: 'SHUTTING_DOWN' })]);
  });
});
