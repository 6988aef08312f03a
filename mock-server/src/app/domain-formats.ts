import type { Ajv2020, FormatDefinition } from 'ajv/dist/2020.js';
import { ajvFullFormats } from '#lazy-dependencies';
import { isValidResidentId, validateCreditCode } from '@gdx/identifiers';
import type { OpenApiDocument } from './platform-module.js';

// Every validator uses them (a start's first request loads them): required rather than imported, see `#lazy-dependencies`.
const fullFormats = ajvFullFormats();

/** Component schemas whose check character the platform verifies, and the format that does it. */
const CHECKED_COMPONENTS: Record<string, string> = { CreditCode: 'credit-code', ResidentId: 'resident-id' };

/** The domain formats (`credit-code`, `resident-id`): GB 32100 / GB 11643 check characters, from `@gdx/identifiers`. */
const DOMAIN_FORMATS = {
  // Only the check character: a code without the shape fails the component's `pattern` alone, not
  // also with a misleading "check character is wrong".
  'credit-code': {
    type: 'string',
    validate: (value: string) => {
      const result = validateCreditCode(value);
      return result.valid || result.code !== 'CREDIT_CODE_CHECKSUM';
    },
  },
  'resident-id': { type: 'string', validate: (value: string) => isValidResidentId(value) },
} as const satisfies Record<string, FormatDefinition<string>>;

const HYPHEN = 0x2d;
const ZERO = 0x30;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number the `count` ASCII digits of `value` from `at` write, or -1 when one is not a digit. */
function digitsAt(value: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = value.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * ajv-formats' `date` (RFC 3339 full-date: `YYYY-MM-DD`, a month 01–12, a day of that month, 29
 * February in leap years), read by character codes: its RegExp `exec` made a match array and
 * three strings for every date a request carries (several per registration submission).
 */
function isFullDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] as number));
}

/** The `date` format: {@link isFullDate}, with ajv-formats' comparison (for `formatMinimum` and the like). */
const DATE_FORMAT = { type: 'string', validate: isFullDate, compare: (fullFormats.date as FormatDefinition<string>).compare } as const satisfies FormatDefinition<string>;

/** The formats registered over ajv-formats' own: the domain formats and the allocation-free `date`. */
const OWN_FORMATS = { ...DOMAIN_FORMATS, date: DATE_FORMAT };

/**
 * Registers the domain formats (`credit-code`, `resident-id`: GB 32100 / GB 11643 check
 * characters, from `@gdx/identifiers`) so a wrong check character fails validation with its own
 * field code (`CREDIT_CODE_CHECKSUM`, `RESIDENT_ID_CHECKSUM`), and `date` in place of
 * ajv-formats' own (the same dates, read without a RegExp).
 *
 * @example
 * ```ts
 * registerDomainFormats(ajv);
 * ```
 */
export function registerDomainFormats(ajv: Ajv2020): void {
  for (const [name, format] of Object.entries(OWN_FORMATS)) ajv.addFormat(name, format);
}

/**
 * Every format a validator knows, by name: ajv-formats' full set, with the domain formats and
 * the own `date` over it, the same definitions `validatorAjv` registers. Validators generated at build time (ajv standalone
 * code) import their formats from here (`code.formats`).
 *
 * @example
 * ```ts
 * VALIDATOR_FORMATS['credit-code'].validate('91350100M000100Y43'); // true
 * ```
 */
export const VALIDATOR_FORMATS: Readonly<Record<string, unknown>> & typeof OWN_FORMATS = { ...fullFormats, ...OWN_FORMATS };

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
