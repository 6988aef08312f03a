// The Node leaf of `#generated-validators` (see package.json "imports"): loads the validators
// `scripts/generate-validators.mjs` wrote at build time (decision 0027).
import { createRequire } from 'node:module';
import { documentFingerprint } from './document-fingerprint.js';
import { VALIDATOR_FORMATS } from './domain-formats.js';
import type { GeneratedOperations } from './generated-validators-types.js';

const require = createRequire(import.meta.url);

/**
 * Where the build writes them, from this module's own folder: `dist/app/` when built, `src/app/`
 * under Vitest (the tests run the sources against the package's build, as its `test` task builds first).
 */
const GENERATED = '../../dist/generated/validators/';

/**
 * The build-time validators of the bundled contract `name`, by operation id, or `undefined` when
 * there are none or they were generated from another document than `docText`, the JSON text of
 * the contract served (a contract changed since the build): the caller then
 * compiles. Loaded synchronously (CommonJS), on the first request to one of the contract's
 * operations, so a start loads none of them; the bodies' checks (most of the code) when an
 * operation with a body is first validated.
 *
 * @example
 * ```ts
 * loadGeneratedValidators('registration', JSON.stringify(doc))?.submitApplication;
 * ```
 */
export function loadGeneratedValidators(name: string, docText: string): GeneratedOperations | undefined {
  let contract: { fingerprint: string; load(formats: unknown): GeneratedOperations };
  try {
    contract = require(`${GENERATED}${name}.cjs`) as typeof contract;
  } catch (error) {
    // Not built (a checkout whose mock-server was never built): compiled at first use instead.
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  return contract.fingerprint === documentFingerprint(docText) ? contract.load(VALIDATOR_FORMATS) : undefined;
}
