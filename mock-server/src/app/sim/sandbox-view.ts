import { formatShanghaiInstant, shanghaiDate } from '@gdx/calendar';
import { DEFAULT_SANDBOX_ID } from '../../sandbox/registry.js';
import type { Sandbox } from '../../sandbox/sandbox.js';
import type { PlatformName } from '../platform-module.js';

const PLATFORMS: readonly PlatformName[] = ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation'];

/**
 * The sandbox clock as the simulation API shows it (`Clock`).
 *
 * @example
 * ```ts
 * clockView(sandbox); // { mode: 'virtual', now: '2025-09-26T10:00:00+08:00', today: '2025-09-26' }
 * ```
 */
export function clockView(sandbox: Sandbox) {
  const now = sandbox.now();
  return { mode: sandbox.clock.mode, now: formatShanghaiInstant(now), today: shanghaiDate(now) };
}

/**
 * The simulation API's `Sandbox`: settings, clock, the organisations with their credentials and
 * the base URL of each platform (absolute, from the request's origin).
 *
 * @example
 * ```ts
 * sandboxView(sandbox, 'http://127.0.0.1:4010').platforms.catalog; // 'http://127.0.0.1:4010/sandboxes/sbx_x/catalog/v1'
 * ```
 */
export function sandboxView(sandbox: Sandbox, origin: string) {
  const prefix = sandbox.id === DEFAULT_SANDBOX_ID ? '' : `/sandboxes/${sandbox.id}`;
  const profile = sandbox.profile;
  return {
    id: sandbox.id,
    profile: typeof profile === 'string' ? { name: profile, extends: null } : { ...profile },
    seed: sandbox.seed,
    clock: clockView(sandbox),
    reviewerPolicy: structuredClone(sandbox.reviewerPolicy),
    organizations: sandbox.organisations().map((o) => ({
      id: o.id,
      creditCode: o.creditCode,
      name: o.name,
      regionCode: o.regionCode,
      roles: [...o.roles],
      appKey: o.appKey,
      secret: o.appSecret,
      signatureMethods: ['HMAC-SHA256', 'HMAC-SM3'],
    })),
    platforms: Object.fromEntries(PLATFORMS.map((name) => [name, `${origin}${prefix}/${name}/v1`])),
    createdAt: sandbox.config.createdAt,
    quotas: sandbox.quotas,
    // Keys expired since the sandbox's last write hold no bytes any more: forget them before counting.
    usage: (sandbox.idempotency.expireAll(), sandbox.usage()),
  };
}
