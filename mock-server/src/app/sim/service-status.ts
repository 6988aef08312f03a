/** What the storage of the app tells (the shape of `App['storage']`, restated so `sim/` imports nothing above it). */
export interface ServiceStorage {
  readonly kind: 'memory' | 'store';
  readonly location?: string;
  readonly writable: boolean;
  readonly compacting: boolean;
  readonly entriesSinceSnapshot: number;
  readonly restoring: number;
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
}
