import type { Ajv2020, FormatDefinition } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isValidCreditCode, isValidResidentId } from '@gdx/identifiers';
import type { OpenApiDocument } from './platform-module.js';

/** Component schemas whose check character the platform verifies, and the format that does it. */
const CHECKED_COMPONENTS: Record<string, string> = { CreditCode: 'credit-code', ResidentId: 'resident-id' };

/** The domain formats (`credit-code`, `resident-id`): GB 32100 / GB 11643 check characters, from `@gdx/identifiers`. */
const DOMAIN_FORMATS = {
  'credit-code': { type: 'string', validate: (value: string) => isValidCreditCode(value) },
  'resident-id': { type: 'string', validate: (value: string) => isValidResidentId(value) },
} as const satisfies Record<string, FormatDefinition<string>>;

/**
 * Registers the domain formats (`credit-code`, `resident-id`: GB 32100 / GB 11643 check
 * characters, from `@gdx/identifiers`) so a wrong check character fails validation with its own
 * field code (`CREDIT_CODE_CHECKSUM`, `RESIDENT_ID_CHECKSUM`).
 *
 * @example
 * ```ts
 * registerDomainFormats(ajv);
 * ```
 */
export function registerDomainFormats(ajv: Ajv2020): void {
  for (const [name, format] of Object.entries(DOMAIN_FORMATS)) ajv.addFormat(name, format);
}

/**
 * Every format a validator knows, by name: ajv-formats' full set and the domain formats, the
 * same definitions `validatorAjv` registers. Validators generated at build time (ajv standalone
 * code) import their formats from here (`code.formats`).
 *
 * @example
 * ```ts
 * VALIDATOR_FORMATS['credit-code'].validate('91350100M000100Y43'); // true
 * ```
 */
export const VALIDATOR_FORMATS: Readonly<Record<string, unknown>> & typeof DOMAIN_FORMATS = { ...fullFormats, ...DOMAIN_FORMATS };

/**
 * A copy of the document whose `CreditCode` and `ResidentId` components also carry the domain
 * format: the contracts state the check in prose ("the platform checks the check character"),
 * the pattern alone only checks the shape.
 *
 * @example
 * ```ts
 * ajv.addSchema(withDomainFormats(doc), 'gdx:registration');
 * ```
 */
export function withDomainFormats(doc: OpenApiDocument): OpenApiDocument {
  const schemas = (doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas;
  if (!schemas || !Object.keys(CHECKED_COMPONENTS).some((name) => name in schemas)) return doc;
  const patched = { ...schemas };
  for (const [name, format] of Object.entries(CHECKED_COMPONENTS)) {
    const schema = patched[name];
    if (schema && typeof schema === 'object') patched[name] = { ...schema, format };
  }
  return { ...doc, components: { ...doc.components, schemas: patched } };
}
