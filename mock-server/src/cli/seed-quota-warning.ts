/** What the warning reads of the default sandbox, as `GET /_sim/v1/sandboxes/default` answers it. */
export interface SandboxQuotaView {
  readonly quotas: { readonly objects: number };
  readonly usage: { readonly objects: number };
}

/**
 * A warning when a freshly seeded default sandbox already holds its object quota: its seed (the
 * published catalog entries, 300 under the national profile) fills it, so every write that makes
 * an object is refused 409 `SANDBOX_QUOTA_EXCEEDED` from the first, and a reset makes the same
 * objects again. `undefined` when the quota leaves room. Only for a sandbox seeded by this start:
 * one restored from a data directory may hold its quota for what its clients made.
 *
 * @example
 * ```ts
 * seedQuotaWarning({ quotas: { objects: 3 }, usage: { objects: 300 } }); // 'the default sandbox's seed alone makes 300 objects …'
 * ```
 */
export function seedQuotaWarning(sandbox: SandboxQuotaView): string | undefined {
  const { objects: limit } = sandbox.quotas;
  const { objects: seeded } = sandbox.usage;
  if (seeded < limit) return undefined;
  return (
    `the default sandbox's seed alone makes ${seeded} objects (its published catalog entries), at or above the object quota (--quota-objects ${limit}): ` +
    `every write that makes an object is refused 409 SANDBOX_QUOTA_EXCEEDED, and a reset makes the same ${seeded} again. Give --quota-objects above ${seeded} / ` +
    `默认沙箱的种子数据即有 ${seeded} 个对象，已达对象配额（${limit}），新建对象的写请求均将被拒绝，重置亦然：请将 --quota-objects 设为大于 ${seeded}`
  );
}
