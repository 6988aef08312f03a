/**
 * Where an app keeps what it acknowledged (`App['storage']`, exported as `StorageStatus`). Defined
 * here, below the app, so that `sim/` imports nothing above it.
 */
export interface ServiceStorage {
  /** `memory`: nothing survives the process; `store`: a data directory or a store of your own. */
  readonly kind: 'memory' | 'store';
  /** The store's location (`.gdx-data/store.sqlite`), when there is one. */
  readonly location?: string;
  /** False after a write could not be made durable, until a probe of the store succeeds (writes answer 503 meanwhile). */
  readonly writable: boolean;
  /** Whether a snapshot is being written now. */
  readonly compacting: boolean;
  /** Writes since the newest snapshot: what a restart would replay. */
  readonly entriesSinceSnapshot: number;
  /**
   * Sandboxes of the data directory not restored yet. A start restores the `default` sandbox and
   * leaves the others in their saved form; each is restored on its first request (which waits for
   * it) or by the warm-up that runs after the start, one sandbox per turn of the event loop.
   */
  readonly restoring: number;
  /**
   * Of the `restoring` sandboxes, those whose restore failed (a snapshot part of the data directory
   * that fails its check): their requests answer 503 `STORAGE_UNAVAILABLE`, and health is
   * `degraded` with `SANDBOX_UNRESTORABLE` while there are any.
   */
  readonly unrestorable: number;
  /**
   * Of the `restoring` sandboxes, those with journal entries still to replay: their restore may find
   * more entries a replay refuses (`replayRefused` counts them once kept). 0 after a start whose
   * snapshot covered the journal. Not part of `GET /_sim/v1/health`.
   */
  readonly replaysWaiting: number;
  /**
   * Journal entries acknowledged once and refused when a replay re-ran them (a check added since):
   * how many the store keeps, and where (`.gdx-data/replay-refused.jsonl`, also before the first
   * one); `notKept`, those refused after the start (a sandbox restored later) that could not be
   * kept there — the journal keeps them, no snapshot is written until they are kept, and health is
   * `degraded` meanwhile (reading this tries again, at most once a second). Without a store: 0s and
   * no location.
   */
  readonly replayRefused: { readonly count: number; readonly location?: string; readonly notKept: number };
  /**
   * Whether the store's lock on its directory is lost: its `gdx-mock.lock` was deleted or replaced
   * under the running server and another process holds the new one (a second server may be using
   * the directory). Reading this checks the file (one `stat`) and, if it is gone, makes and locks it
   * anew, which the log says. False without a store, or with one that holds no lock.
   */
  readonly lockLost: boolean;
  /**
   * Whether the last snapshot attempt, or the start's probe of the snapshots, failed (a full
   * disk, a read-only `snapshots.sqlite`); false
   * again once one is written. Writes go on into the journal, which grows meanwhile, and every
   * start replays all of it: health is `degraded` with `SNAPSHOTS_FAILING`. False without a store.
   */
  readonly snapshotsFailing: boolean;
}

/** The connections of the HTTP server that serves the app (`startServer`), as `GET /_sim/v1/health` shows them. */
export interface ServiceConnections {
  /** Connections open now. */
  readonly open: number;
  /** The most it keeps open (`--max-connections`): one more is answered 503 `CONNECTION_LIMIT_REACHED` and closed. */
  readonly max: number;
}

/** The heap as the memory guard sees it (`createApp({ memory })`), in bytes, with the share of its limit past which writes are refused. */
export interface ServiceMemory {
  readonly usedBytes: number;
  readonly limitBytes: number;
  readonly maxHeapRatio: number;
}

/** Whether the heap is at or past the guard's share of its limit: writes that add state are refused then. */
export function heapNearLimit(memory: ServiceMemory): boolean {
  return memory.usedBytes >= memory.limitBytes * memory.maxHeapRatio;
}

/** The app itself, as the `/health` and `/ready` routes see it. */
export interface ServiceStatus {
  /** Wall time (epoch ms) when the app was created, after its data directory was read and replayed. */
  readonly startedAt: number;
  /** Real wall time (never the replay's pinned one). */
  now(): number;
  readonly storage: ServiceStorage;
  /**
   * Whether `/health` may show `storage.location`: not when the app has a sim token, since probes
   * reach `/health` without it and a path on the server is for its operator only.
   */
  readonly showsLocation: boolean;
  /** The HTTP server's connections, when one serves the app (`App.attachConnections`); `undefined` in process (MSW, fetch). */
  connections(): ServiceConnections | undefined;
  /** The heap and the guard's ratio, when the app guards its memory; `undefined` otherwise. */
  memory?(): ServiceMemory | undefined;
}
