import type { SandboxQuotas } from '../sandbox/quotas.js';
import { readInteger, type FlagSpec, type FlagValues } from './flag-spec.js';

/** The `gdx-mock` flags of the per-sandbox quotas, by the quota they set. */
export const QUOTA_FLAGS = {
  'quota-objects': 'objects',
  'quota-events': 'events',
  'quota-stored-bytes': 'storedBytes',
} as const satisfies Record<string, keyof SandboxQuotas>;

/** The quota rows of the `gdx-mock` flag table. */
export const QUOTA_FLAG_SPECS: readonly FlagSpec[] = [
  { name: 'quota-objects', kind: 'string', value: '<n>', help: ['workflow objects per sandbox (default 250000); a create past it is', 'refused with 409 SANDBOX_QUOTA_EXCEEDED, changing nothing'] },
  { name: 'quota-events', kind: 'string', value: '<n>', help: ['events per sandbox feed (default 2000000); writes are refused past it'] },
  { name: 'quota-stored-bytes', kind: 'string', value: '<n>', help: ['request-body bytes a sandbox keeps (default 268435456, 256 MiB)'] },
];

/**
 * The quotas the command line or environment sets (only those given). Throws a `FlagError`
 * naming the flag or variable of the first bad one.
 *
 * @example
 * ```ts
 * parseQuotaFlags(readFlags(QUOTA_FLAG_SPECS, ['--quota-objects', '10000'], {}, 'GDX_MOCK_')); // { objects: 10000 }
 * ```
 */
export function parseQuotaFlags(values: FlagValues): Partial<SandboxQuotas> {
  const quotas: Partial<SandboxQuotas> = {};
  for (const [flag, quota] of Object.entries(QUOTA_FLAGS)) {
    const n = readInteger(values.string(flag), 1);
    if (n !== undefined) quotas[quota] = n;
  }
  return quotas;
}
