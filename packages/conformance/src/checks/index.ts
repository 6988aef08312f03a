import type { Specs } from '../specs/load-specs.js';
import type { Check } from '../runner/types.js';
import { PLATFORMS } from '../runner/types.js';
import { contractChecks } from './contract/index.js';
import { isolationChecks } from './isolation/cross-organization.js';
import { idempotencyChecks } from './security/idempotency.js';
import { roleChecks } from './security/roles.js';
import { signatureChecks } from './security/signatures.js';
import { workflowChecks } from './workflow/index.js';

/**
 * All built-in checks in their fixed run order: contract (generated per operation from the
 * documents), security, isolation, then workflow per platform.
 *
 * @example
 * ```ts
 * const ids = buildChecks(await loadSpecs()).map((c) => c.id);
 * ```
 */
export function buildChecks(specs: Specs): Check[] {
  return [...contractChecks(specs, PLATFORMS), ...signatureChecks, ...idempotencyChecks, ...roleChecks, ...isolationChecks, ...workflowChecks];
}
