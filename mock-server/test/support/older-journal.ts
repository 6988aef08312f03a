import { createApp, type App, type AppOptions } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { client } from './client.js';
import { START_AT } from './harness.js';

/** A write an older gdx-mock acknowledged: a JSON `POST` (or `method`) to `path` (as `caller`, when signed) answered `status`. */
export interface AcknowledgedWrite {
  /** Default `POST`. */
  method?: string;
  path: string;
  /** The query string, without `?` (default none). */
  query?: string;
  /** The JSON body, as the request sent it. */
  body: unknown;
  /** The signing organisation's id; absent for the simulation API. */
  caller?: string;
  status: number;
  /** When it was journaled (default 2025-12-05T09:00:00Z). */
  at?: string;
  /** The `Idempotency-Key` it was sent with: its replay keeps the answer under it. */
  idempotencyKey?: string;
  /** The revision (`REVISIONS`) it ran under; absent for a version before revisions were recorded. */
  rev?: number;
}

/**
 * Appends `writes` to the journal of `dataDir` (closed: no app holds it) after what it holds, as
 * an older version that had no check against them would have journaled them. The next app opened
 * on the directory replays them: what replay tests of a check added since start from.
 *
 * @example
 * ```ts
 * journalAcknowledged(dataDir, [{ path: `/sandboxes/${id}/open-data/v1/applications`, body, caller: me.id, status: 201 }]);
 * ```
 */
export function journalAcknowledged(dataDir: string, writes: readonly AcknowledgedWrite[]): void {
  const store = openDataDir(dataDir);
  try {
    store.append(
      writes.map((w, i) => ({
        seq: store.lastSeq + 1 + i, kind: 'command' as const, at: Date.parse(w.at ?? '2025-12-05T09:00:00Z'), method: w.method ?? 'POST', path: w.path, query: w.query ?? '',
        contentType: 'application/json', body: JSON.stringify(w.body), ...(w.caller !== undefined ? { caller: w.caller } : {}),
        ...(w.idempotencyKey !== undefined ? { idempotencyKey: w.idempotencyKey } : {}), ...(w.rev !== undefined ? { rev: w.rev } : {}), status: w.status,
      })),
    );
  } finally {
    store.close();
  }
}

/**
 * An app on `dataDir` to open, close and open again around `journalAcknowledged` (seed 5, started
 * at `START_AT`, `options` added): `logged` collects what every opening logs (a replay's
 * `[REPLAY_REFUSED]` lines), `callOf` is an opened app's in-process client.
 *
 * @example
 * ```ts
 * const { open, logged, callOf } = replayableApp(dataDir);
 * const first = open(); … await first.close();
 * journalAcknowledged(dataDir, [...]);
 * const call = callOf(open()); // the journal replayed
 * ```
 */
export function replayableApp(dataDir: string, options: AppOptions = {}) {
  const logged: string[] = [];
  const open = (): App => createApp({ dataDir, seed: 5, startAt: START_AT, logError: (message) => logged.push(message), ...options });
  const callOf = (app: App) => client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined });
  return { open, logged, callOf };
}
