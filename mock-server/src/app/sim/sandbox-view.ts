import { formatShanghaiInstant } from '@gdx/calendar';
import { DEFAULT_SANDBOX_ID } from '../../sandbox/registry.js';
import type { Sandbox } from '../../sandbox/sandbox.js';
import type { PlatformModule } from '../platform-module.js';

/**
 * The JSON view of a sandbox: its settings, clock, the organisations with credentials and the
 * platform roots (relative to the server).
 *
 * @example
 * ```ts
 * sandboxView(sandbox, platforms).platforms.catalog; // '/sandboxes/sbx_x/catalog/v1'
 * ```
 */
export function sandboxView(sandbox: Sandbox, platforms: readonly PlatformModule<unknown>[]) {
  const prefix = sandbox.id === DEFAULT_SANDBOX_ID ? '' : `/sandboxes/${sandbox.id}`;
  return {
    id: sandbox.id,
    profile: sandbox.profile,
    seed: sandbox.config.seed,
    reviewerPolicy: sandbox.reviewerPolicy,
    clock: { mode: sandbox.clock.mode, now: formatShanghaiInstant(sandbox.now()) },
    platforms: Object.fromEntries(platforms.map((p) => [p.name, `${prefix}/${p.name}/v1`])),
    organisations: sandbox.organisations().map((o) => ({ ...o, roles: [...o.roles] })),
  };
}
