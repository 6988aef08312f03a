/** Options of {@link waitUntilReady}. */
export interface WaitOptions {
  /** What to poll: `{sim-url}/ready`, or the base URL when there is no simulation API. */
  url: string;
  /**
   * `ready`: only a 200 answer counts (a gdx mock's `GET /_sim/v1/ready`, 503 while its storage
   * refuses writes). `reachable`: any HTTP answer but 502, 503 and 504 counts (a platform's root
   * need not answer 200; those three mean a gateway in front of it is up, the platform not yet).
   */
  until: 'ready' | 'reachable';
  /** How long to keep trying, in milliseconds (the attempt made at the end may take up to 2 s more). */
  timeoutMs: number;
  /** Pause between attempts (default 250 ms). */
  intervalMs?: number;
  fetch?: typeof fetch;
  headers?: Readonly<Record<string, string>>;
  /** Called once, when the first attempt failed and the waiting begins. */
  onWaiting?: (lastError: string) => void;
}

/** How the waiting ended. */
export type WaitOutcome = { ready: true; attempts: number } | { ready: false; attempts: number; lastError: string };

/** Longest a single attempt may take: a connection that hangs must not outlast the whole wait. */
const ATTEMPT_LIMIT_MS = 2_000;
/** Shortest time given to one attempt. */
const ATTEMPT_FLOOR_MS = 500;

/**
 * An error with its cause, as a line: `fetch failed: connect ECONNREFUSED 127.0.0.1:4010` rather
 * than the bare `fetch failed` of Node's fetch.
 *
 * @example
 * ```ts
 * describeFailure(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4010') }));
 * ```
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `url` until it answers as `until` asks or `timeoutMs` have passed; the first attempt is
 * made at once, so a target that is already up costs one request. Never throws for network errors:
 * they become the outcome's `lastError`.
 *
 * @example
 * ```ts
 * const outcome = await waitUntilReady({ url: 'http://127.0.0.1:4010/_sim/v1/ready', until: 'ready', timeoutMs: 30_000 });
 * if (!outcome.ready) console.error(outcome.lastError); // 'fetch failed: connect ECONNREFUSED 127.0.0.1:4010'
 * ```
 */
export async function waitUntilReady(options: WaitOptions): Promise<WaitOutcome> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const interval = options.intervalMs ?? 250;
  const deadline = Date.now() + options.timeoutMs;
  let attempts = 0;
  let lastError = 'no attempt was made';
  for (;;) {
    attempts += 1;
    // The last attempt, made at the deadline, still gets a fair chance to be answered.
    const limit = Math.min(ATTEMPT_LIMIT_MS, Math.max(ATTEMPT_FLOOR_MS, deadline - Date.now()));
    try {
      const response = await doFetch(options.url, { method: 'GET', headers: { accept: 'application/json', ...options.headers }, signal: AbortSignal.timeout(limit) });
      // The body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      const ok = options.until === 'ready' ? response.status === 200 : ![502, 503, 504].includes(response.status);
      if (ok) return { ready: true, attempts };
      lastError = `HTTP ${response.status}${response.headers.get('retry-after') ? ` (Retry-After ${response.headers.get('retry-after')})` : ''}`;
    } catch (error) {
      lastError = error instanceof DOMException && error.name === 'TimeoutError' ? `no answer within ${limit} ms` : describeFailure(error);
    }
    if (attempts === 1) options.onWaiting?.(lastError);
    const left = deadline - Date.now();
    if (left <= 0) return { ready: false, attempts, lastError };
    // The last attempt is made at the deadline, not one interval before it.
    await sleep(Math.min(interval, left));
  }
}
