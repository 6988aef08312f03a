import type { SandboxSnapshot } from '../../sandbox/sandbox.js';
import { SANDBOX_ID_PATTERN } from '../../sandbox/registry.js';

/** `format` of exported snapshots (simulation API `Snapshot`). */
export const SNAPSHOT_FORMAT = 'gdx-sandbox-snapshot/1';

/**
 * Structural check of a snapshot's `state` before it is restored (bad input must answer 400,
 * never 500).
 *
 * @example
 * ```ts
 * isSandboxSnapshot(exported.state); // true
 * ```
 */
export function isSandboxSnapshot(value: unknown): value is SandboxSnapshot {
  const s = value as Partial<SandboxSnapshot> | null;
  return (
    s !== null && typeof s === 'object' && s.format === 'gdx-sandbox-snapshot' && s.version === 1 &&
    typeof s.config?.id === 'string' && SANDBOX_ID_PATTERN.test(s.config.id) && Number.isSafeInteger(s.config.seed) &&
    (s.config.clock === 'virtual' || s.config.clock === 'realtime') && typeof s.config.createdAt === 'string' &&
    Array.isArray(s.organisations) && typeof s.clock?.value === 'number' && Array.isArray(s.events) &&
    Array.isArray(s.idempotency) && Array.isArray(s.faults) && Array.isArray(s.webhooks) && Array.isArray(s.calendarYears) &&
    typeof s.platforms === 'object' && s.platforms !== null && Array.isArray(s.random?.platform) && Array.isArray(s.random?.faults)
  );
}
