import type { Specs } from '../../specs/load-specs.js';
import { listOperations } from '../../specs/operations.js';
import { validatorFor } from '../../specs/validator.js';
import type { Check, Platform } from '../../runner/types.js';
import { authenticationCheck } from './authentication.js';
import { invalidInputCheck } from './invalid-input.js';
import { methodChecks } from './methods.js';
import { responseSchemaCheck } from './response-schema.js';
import { specPresenceChecks } from './spec-presence.js';

/**
 * Generates the contract checks from the documents: per platform the presence of its document,
 * then per operation response conformance, invalid-input rejection and authentication, then
 * per path the 405 answer to an undocumented method.
 *
 * @example
 * ```ts
 * contractChecks(specs, ['registration']).map((c) => c.id); // ['CON-SPEC-REG', 'CON-SCHEMA-REG-listApplications', …]
 * ```
 */
export function contractChecks(specs: Specs, platforms: readonly Platform[]): Check[] {
  const validator = validatorFor(specs);
  const out: Check[] = [...specPresenceChecks(specs, platforms)];
  for (const op of listOperations(specs, platforms)) {
    const generated = [responseSchemaCheck(op, validator), invalidInputCheck(op, validator), authenticationCheck(op)];
    out.push(...generated.filter((c): c is Check => c !== undefined));
  }
  out.push(...methodChecks(specs, platforms));
  return out;
}
