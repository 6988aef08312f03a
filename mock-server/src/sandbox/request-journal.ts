/** A request or response body as the journal keeps it: at most the journal's `bodyBytes`. */
export interface CapturedBody {
  /**
   * The body: the core's own string when it is within the bound whatever its characters (at most a
   * third of the bound in UTF-16 units), else a copy of its UTF-8 bytes cut at the bound (decoded
   * only when the journal is read).
   */
  readonly kept: string | Uint8Array;
  /** Whether the body was longer than the bound (`text` is its beginning). */
  readonly truncated: boolean;
  /** Whether the body was sent as JSON (`application/json` or `…+json`). */
  readonly json: boolean;
}

/** One request as the journal keeps it (the simulation API renders it as a `JournalEntry`). */
export interface JournalRecord {
  /** Position in the sandbox's journal, from 1, never reused (not after a clear either). */
  readonly seq: number;
  readonly requestId: string;
  /** Wall time the request arrived (epoch ms). */
  readonly receivedAt: number;
  /** The sandbox clock when the answer was made (epoch ms). */
  readonly simulatedAt: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly platform: string | null;
  readonly operationId: string | null;
  readonly organizationId: string | null;
  readonly appKey: string | null;
  /** 0 for an injected connection reset (no answer was sent). */
  readonly status: number;
  readonly durationMs: number;
  readonly problemCode: string | null;
  readonly requestBody: CapturedBody | null;
  readonly responseBody: CapturedBody | null;
  /** What the record holds, approximately, in bytes (its strings plus a fixed overhead): the total bound counts this. */
  readonly bytes: number;
}

/** The bounds of a sandbox's request journal. */
export interface RequestJournalLimits {
  /** Entries kept; the oldest go first (default 1000; 0 keeps none). */
  readonly entries: number;
  /** Bytes of each request and response body kept; a longer body is cut and flagged (default 16 KiB). */
  readonly bodyBytes: number;
  /** Bytes all entries of one sandbox may hold together; the oldest go first past it (default 8 MiB). */
  readonly totalBytes: number;
}

/** The default bounds: 1,000 entries of up to 16 KiB per body, 8 MiB per sandbox. */
export const DEFAULT_REQUEST_JOURNAL_LIMITS: Readonly<RequestJournalLimits> = { entries: 1000, bodyBytes: 16 * 1024, totalBytes: 8 * 1024 * 1024 };

/** A page of records, newest first. */
export interface JournalRecordPage {
  readonly items: readonly JournalRecord[];
  /** Whether older matching records follow the last item. */
  readonly more: boolean;
}

/** Where a page starts and what it keeps. */
export interface JournalQuery {
  /** Only records that pass. */
  readonly matches: (record: JournalRecord) => boolean;
  readonly limit: number;
  /** Only records older than this seq (the cursor of the previous page). */
  readonly before?: number;
  /** Only records newer than this seq. */
  readonly since?: number;
}

/**
 * The recent requests of one sandbox, newest last, bounded by count and by bytes: once either
 * bound is passed the oldest records go, and `dropped` counts them. Diagnostics, not
 * acknowledged state: kept in memory only (not in snapshots, exports or a data directory), so a
 * reset, a delete, an import or a restart starts an empty journal (going back to the store after
 * a failed write keeps it: `Sandbox.continueRequests`).
 *
 * @example
 * ```ts
 * const journal = new RequestJournal({ entries: 2, bodyBytes: 1024, totalBytes: 1 << 20 });
 * journal.record({ requestId: 'req_1', ...rest });
 * journal.page({ matches: () => true, limit: 50 }).items[0]?.seq; // 1
 * ```
 */
export class RequestJournal {
  readonly limits: Readonly<RequestJournalLimits>;
  readonly #records: JournalRecord[] = [];
  #bytes = 0;
  #nextSeq = 1;
  #dropped = 0;

  constructor(limits: Readonly<RequestJournalLimits> = DEFAULT_REQUEST_JOURNAL_LIMITS) {
    this.limits = limits;
  }

  /** Records evicted by the bounds since the sandbox started (a clear is not counted). */
  get dropped(): number {
    return this.#dropped;
  }

  /** Keeps a request (when the journal keeps any), evicting the oldest past the bounds. */
  record(record: Omit<JournalRecord, 'seq'>): void {
    if (this.limits.entries === 0) return;
    this.#records.push({ ...record, seq: this.#nextSeq++ });
    this.#bytes += record.bytes;
    while (this.#records.length > this.limits.entries || (this.#bytes > this.limits.totalBytes && this.#records.length > 0)) {
      this.#bytes -= (this.#records.shift() as JournalRecord).bytes;
      this.#dropped += 1;
    }
  }

  /** Forgets every record; sequence numbers go on from where they were. */
  clear(): void {
    this.#records.length = 0;
    this.#bytes = 0;
  }

  /** The record of a request id, newest first, or `undefined` (never journaled, or evicted). */
  find(requestId: string): JournalRecord | undefined {
    for (let i = this.#records.length - 1; i >= 0; i--) if (this.#records[i]?.requestId === requestId) return this.#records[i];
    return undefined;
  }

  /** A page of matching records, newest first. */
  page(query: JournalQuery): JournalRecordPage {
    const items: JournalRecord[] = [];
    for (let i = this.#records.length - 1; i >= 0; i--) {
      const record = this.#records[i] as JournalRecord;
      if (query.before !== undefined && record.seq >= query.before) continue;
      if (query.since !== undefined && record.seq <= query.since) break;
      if (!query.matches(record)) continue;
      if (items.length === query.limit) return { items, more: true };
      items.push(record);
    }
    return { items, more: false };
  }
}

/** Bounds a caller may set: counts up to a million, bodies up to 1 MiB, totals up to 1 GiB per sandbox. */
const MAXIMA: Readonly<RequestJournalLimits> = { entries: 1_000_000, bodyBytes: 1024 * 1024, totalBytes: 1024 * 1024 * 1024 };

/**
 * The journal bounds of an app: the defaults, replaced by those given; throws a `RangeError`
 * naming a bound that is not a whole number within its range.
 *
 * @example
 * ```ts
 * resolveRequestJournalLimits({ entries: 0 }); // { entries: 0, bodyBytes: 16384, totalBytes: 8388608 }
 * ```
 */
export function resolveRequestJournalLimits(given: Partial<RequestJournalLimits> = {}): Readonly<RequestJournalLimits> {
  const limits = { ...DEFAULT_REQUEST_JOURNAL_LIMITS, ...given };
  for (const name of ['entries', 'bodyBytes', 'totalBytes'] as const) {
    const value = limits[name];
    if (!Number.isSafeInteger(value) || value < 0 || value > MAXIMA[name]) {
      throw new RangeError(`[INVALID_REQUEST_JOURNAL] 请求日志上限 ${name} 须为 0–${MAXIMA[name]} 的整数 / requestJournal.${name} must be an integer 0–${MAXIMA[name]}: ${String(value)}`);
    }
  }
  return limits;
}
