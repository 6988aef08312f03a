import type { JournalEntry } from './generated/models.js';
import type { ListRequestsResponse } from './generated/operation-types.js';

/**
 * What a journaled request must look like; every member given must hold (AND). `body` and
 * `responseBody` match partially and deeply: an object matches when each member named matches
 * (others are ignored), an array when it has as many items and each matches, a `RegExp` a string
 * it finds, anything else by equality.
 */
export interface RequestMatcher {
  /** The operation's `operationId`, e.g. `submitApplication`. */
  operation?: string;
  /** The HTTP method (any case). */
  method?: string;
  /** The path as sent: equal to a string, or found by a `RegExp`. */
  path?: string | RegExp;
  /** A status (`201`) or a class (`'4xx'`). */
  status?: number | `${1 | 2 | 3 | 4 | 5}xx`;
  /** The organisation of the app key presented. */
  organizationId?: string;
  /** The problem code of the answer, or `null` for an answer that is not a problem. */
  problemCode?: string | null;
  /** The request body, matched partially (see above). */
  body?: unknown;
  /** The answer's body, matched partially (see above). */
  responseBody?: unknown;
}

/** The part of a `SimulationClient` the expectations read: the journal's pages. */
export interface JournalSource {
  readonly requests: {
    listPage(sandboxId: string, query?: { limit?: number; cursor?: string }): Promise<ListRequestsResponse>;
  };
}

/** One way a journaled request differs from a matcher. */
interface Difference {
  /** Where: `operation`, `status`, `body/resource/name` … */
  at: string;
  expected: string;
  actual: string;
}

const PAGE = 200;
/** Near misses shown in a failure message. */
const NEAR_MISSES = 3;

/** A value as JSON (`RegExp`s as `/…/`), cut at `max` characters. */
function show(value: unknown, max = 80): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RegExp ? String(v) : v)) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Characters of the matcher shown in a failure's first line. */
const MATCHER_CHARS = 400;

/** Where `actual` differs from the partial `expected`, as paths below `at`. */
function bodyDifferences(expected: unknown, actual: unknown, at: string): Difference[] {
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual) ? [] : [{ at, expected: show(expected), actual: show(actual) }];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ at, expected: 'an array', actual: show(actual) }];
    if (actual.length !== expected.length) return [{ at, expected: `${expected.length} items`, actual: `${actual.length} items` }];
    return expected.flatMap((item, i) => bodyDifferences(item, actual[i], `${at}/${i}`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [{ at, expected: 'an object', actual: show(actual) }];
    return Object.entries(expected).flatMap(([key, value]) => bodyDifferences(value, (actual as Record<string, unknown>)[key], `${at}/${key}`));
  }
  return Object.is(expected, actual) ? [] : [{ at, expected: show(expected), actual: show(actual) }];
}

/** Every way an entry differs from a matcher (none: it matches). */
function differences(matcher: RequestMatcher, entry: JournalEntry): Difference[] {
  const out: Difference[] = [];
  const field = (at: string, ok: boolean, expected: unknown, actual: unknown): void => {
    if (!ok) out.push({ at, expected: show(expected), actual: show(actual) });
  };
  if (matcher.operation !== undefined) field('operation', entry.operationId === matcher.operation, matcher.operation, entry.operationId);
  if (matcher.method !== undefined) field('method', entry.method === matcher.method.toUpperCase(), matcher.method.toUpperCase(), entry.method);
  if (matcher.path !== undefined) field('path', typeof matcher.path === 'string' ? entry.path === matcher.path : matcher.path.test(entry.path), matcher.path, entry.path);
  if (matcher.status !== undefined) {
    const { status } = matcher;
    const ok = typeof status === 'number' ? entry.status === status : Math.floor(entry.status / 100) === Number(status[0]);
    field('status', ok, status, entry.status);
  }
  if (matcher.organizationId !== undefined) field('organizationId', entry.organizationId === matcher.organizationId, matcher.organizationId, entry.organizationId);
  if (matcher.problemCode !== undefined) field('problemCode', entry.problemCode === matcher.problemCode, matcher.problemCode, entry.problemCode);
  if (matcher.body !== undefined) out.push(...bodyDifferences(matcher.body, entry.requestBody, 'body'));
  if (matcher.responseBody !== undefined) out.push(...bodyDifferences(matcher.responseBody, entry.responseBody, 'responseBody'));
  return out;
}

/** A line naming an entry: `#7 POST /registration/v1/applications → 401 SIGNATURE_INVALID (submitApplication, req_…)`. */
function describe(entry: JournalEntry): string {
  const problem = entry.problemCode ? ` ${entry.problemCode}` : '';
  const truncated = entry.requestBodyTruncated ? ', body truncated' : '';
  return `#${entry.seq} ${entry.method} ${entry.path} → ${entry.status}${problem} (${entry.operationId ?? 'no route'}, ${entry.requestId}${truncated})`;
}

/** An assertion's failure: a plain `Error` whose message says what was expected, what was found and the near misses. */
export class JournalExpectationError extends Error {
  override readonly name = 'JournalExpectationError';
}

/** Assertions on one sandbox's request journal; see {@link expectJournal}. */
export interface JournalExpectation {
  /** Resolves with the matching entries when exactly `count` journaled requests match, else rejects with a {@link JournalExpectationError}. */
  toContainExactly(count: number, matcher: RequestMatcher): Promise<JournalEntry[]>;
  /** Resolves with the matching entries when at least one journaled request matches. */
  toContain(matcher: RequestMatcher): Promise<JournalEntry[]>;
  /** Resolves when no journaled request matches (e.g. `{ status: '5xx' }`). */
  toContainNone(matcher: RequestMatcher): Promise<void>;
}

/** The whole journal (newest first) and how many entries its bound evicted. */
async function readJournal(source: JournalSource, sandboxId: string): Promise<{ entries: JournalEntry[]; dropped: number }> {
  const entries: JournalEntry[] = [];
  let cursor: string | undefined;
  let dropped = 0;
  do {
    const page = await source.requests.listPage(sandboxId, { limit: PAGE, ...(cursor !== undefined ? { cursor } : {}) });
    entries.push(...page.items);
    dropped = page.dropped;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { entries, dropped };
}

/**
 * Assertions on what a system under test sent to the mock, read from a sandbox's request journal
 * (`GET /_sim/v1/sandboxes/{sandboxId}/requests`). Framework-agnostic: each assertion resolves
 * with the matching entries or rejects with an `Error` whose message lists the closest requests
 * and how each differs (WireMock's near misses), so it reads well in vitest, jest, node:test or
 * mocha alike. Clear the journal (`sim.requests.clear(id)`) before the step you check to look at
 * that step alone.
 *
 * @example
 * ```ts
 * import { expectJournal, SimulationClient } from '@gdx/simulation';
 * const sim = new SimulationClient({ baseUrl: 'http://127.0.0.1:4010/_sim/v1' });
 * await expectJournal(sim, 'default').toContainExactly(1, {
 *   operation: 'submitApplication',
 *   status: 201,
 *   body: { type: 'initial', resource: { name: '厦门市公共交通客流数据产品' } },
 * });
 * await expectJournal(sim, 'default').toContainNone({ status: '5xx' });
 * ```
 */
export function expectJournal(source: JournalSource, sandboxId: string): JournalExpectation {
  const check = async (matcher: RequestMatcher, wanted: (n: number) => boolean, expectation: string): Promise<JournalEntry[]> => {
    const { entries, dropped } = await readJournal(source, sandboxId);
    const scored = entries.map((entry) => ({ entry, differences: differences(matcher, entry) }));
    const matching = scored.filter((s) => s.differences.length === 0).map((s) => s.entry);
    if (wanted(matching.length)) return matching;
    const lines = [
      `Expected ${expectation} matching ${show(matcher, MATCHER_CHARS)} in the request journal of sandbox ${sandboxId}; found ${matching.length} among ${entries.length} journaled request(s).`,
    ];
    if (dropped > 0) lines.push(`(${dropped} older request(s) were evicted by the journal's bound: raise --journal-size, or clear the journal before the step you check.)`);
    if (matching.length > 0) {
      lines.push('Matching:');
      for (const entry of matching.slice(0, NEAR_MISSES * 2)) lines.push(`  ${describe(entry)}`);
    }
    const misses = scored.filter((s) => s.differences.length > 0).sort((a, b) => a.differences.length - b.differences.length || b.entry.seq - a.entry.seq);
    if (misses.length > 0 && matching.length === 0) {
      lines.push('Closest requests:');
      for (const { entry, differences: diff } of misses.slice(0, NEAR_MISSES)) {
        lines.push(`  ${describe(entry)}`);
        for (const d of diff) lines.push(`    ${d.at}: expected ${d.expected}, got ${d.actual}`);
      }
    }
    throw new JournalExpectationError(lines.join('\n'));
  };
  return {
    toContainExactly: (count, matcher) => check(matcher, (n) => n === count, `exactly ${count} request(s)`),
    toContain: (matcher) => check(matcher, (n) => n > 0, 'at least one request'),
    toContainNone: async (matcher) => {
      await check(matcher, (n) => n === 0, 'no request');
    },
  };
}
