import type { SandboxQuotas } from '../sandbox/quotas.js';

/** The `gdx-mock` flags of the per-sandbox quotas, by the quota they set. */
export const QUOTA_FLAGS = {
  'quota-objects': 'objects',
  'quota-events': 'events',
  'quota-stored-bytes': 'storedBytes',
} as const satisfies Record<string, keyof SandboxQuotas>;

/** `parseArgs` option declarations of the quota flags. */
export const QUOTA_FLAG_OPTIONS = Object.fromEntries(Object.keys(QUOTA_FLAGS).map((flag) => [flag, { type: 'string' as const }])) as Record<keyof typeof QUOTA_FLAGS, { type: 'string' }>;

/** The `--help` lines of the quota flags. */
export const QUOTA_USAGE = `  --quota-objects <n>         workflow objects per sandbox (default 250000); a create past it is
                              refused with 409 SANDBOX_QUOTA_EXCEEDED, changing nothing
  --quota-events <n>          events per sandbox feed (default 2000000); writes are refused past it
  --quota-stored-bytes <n>    request-body bytes a sandbox keeps (default 268435456, 256 MiB)
`;

/**
 * The quotas the command line sets (only those given), or the message of the first bad one.
 *
 * @example
 * ```ts
 * parseQuotaFlags({ 'quota-objects': '10000' }); // { quotas: { objects: 10000 } }
 * parseQuotaFlags({ 'quota-events': '0' });      // { error: '--quota-events must be a positive integer: 0' }
 * ```
 */
export function parseQuotaFlags(values: Readonly<Record<string, unknown>>): { quotas: Partial<SandboxQuotas> } | { error: string } {
  const quotas: Partial<SandboxQuotas> = {};
  for (const [flag, quota] of Object.entries(QUOTA_FLAGS)) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(Number.isSafeInteger(n) && n > 0)) return { error: `--${flag} must be a positive integer: ${String(raw)}` };
    quotas[quota] = n;
  }
  return { quotas };
}
