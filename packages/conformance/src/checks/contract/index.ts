import type { Specs } from '../../specs/load-specs.js';
import { listOperations } from '../../specs/operations.js';
import { createResponseValidator, type ResponseValidator } from '../../specs/validator.js';
import type { Check, Platform } from '../../runner/types.js';
import { authenticationCheck } from './authentication.js';
import { invalidInputCheck } from './invalid-input.js';
import { methodChecks } from './methods.js';
import { responseSchemaCheck } from './response-schema.js';
import { specPresenceChecks } from './spec-presence.js';

/** Response validators by documents: ajv compiles each schema once, on first use, for all runs given the same `Specs`. */
const validators = new WeakMap<Specs, ResponseValidator>();

function validatorFor(specs: Specs): ResponseValidator {
  let validator = validators.get(specs);
  if (validator === undefined) validators.set(specs, (validator = createResponseValidator(specs)));
  return validator;
}

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
