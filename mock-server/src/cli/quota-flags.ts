import type { SandboxQuotas } from '../sandbox/quotas.js';
import { integerOptionSpecs, readIntegerOptions, type FlagSpec, type FlagValues, type IntegerOptionFlag } from './flag-spec.js';

/** The `gdx-mock` flags of the per-sandbox quotas: each one's `--help` row and the quota it sets. */
const QUOTA_FLAGS: readonly IntegerOptionFlag<keyof SandboxQuotas>[] = [
  { name: 'quota-objects', option: 'objects', min: 1, value: '<n>', help: ['workflow objects per sandbox (default 250000); a create past it is', 'refused with 409 SANDBOX_QUOTA_EXCEEDED, changing nothing'] },
  { name: 'quota-events', option: 'events', min: 1, value: '<n>', help: ['events per sandbox feed (default 2000000); writes are refused past it'] },
  { name: 'quota-stored-bytes', option: 'storedBytes', min: 1, value: '<n>', help: ['request-body bytes a sandbox keeps (default 268435456, 256 MiB)'] },
];

/** The quota rows of the `gdx-mock` flag table. */
export const QUOTA_FLAG_SPECS: readonly FlagSpec[] = integerOptionSpecs(QUOTA_FLAGS);

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
  return readIntegerOptions(values, QUOTA_FLAGS);
}
