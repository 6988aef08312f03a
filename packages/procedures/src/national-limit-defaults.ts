import type { z } from 'zod';
import national from './profiles/national.json' with { type: 'json' };

/**
 * Profile `limits` entries that default to the national profile's, for limits added after
 * profiles were first written: a complete profile that predates them still validates.
 *
 * @example
 * z.strictObject({ ...nationalLimitDefaults(limitSchema, ['sharing.compliance_review']) });
 */
export function nationalLimitDefaults<S extends z.ZodType, Id extends string>(limitSchema: S, ids: readonly Id[]): Record<Id, z.ZodDefault<S>> {
  const limits = national.limits as Record<string, unknown>;
  return Object.fromEntries(ids.map((id) => [id, limitSchema.default(limits[id] as never)])) as Record<Id, z.ZodDefault<S>>;
}
