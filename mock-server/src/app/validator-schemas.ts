// What a request's validators are compiled from, shared by the runtime compiler
// (`request-validator.ts`) and the build step that writes the bundled contracts' validators as
// ajv standalone code (`scripts/generate-validators.mjs`, decision 0027): both must compile the
// same schemas with the same options, or a generated validator would answer other field errors
// than a compiled one.
import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import { ajvCompiler } from '#lazy-dependencies';
import type { OpenApiDocument } from './platform-module.js';
import type { SpecOperation } from './spec-operations.js';
import { registerOneOfFields, withSelectedBranches } from './one-of-branches.js';
import { registerDomainFormats, withDomainFormats } from './domain-formats.js';

/**
 * An ajv instance as the mock's validators need it: JSON Schema 2020-12, every error (`allErrors`)
 * with its failing schema (`verbose`: a pattern's example explains it), the formats of
 * ajv-formats and the domain formats, the {@link registerOneOfFields} keyword; for parameters
 * (`coerce`) query strings are coerced to their schema types and defaults filled in. `code` is
 * ajv's code option, for the build step (`{ source: true, esm: true, formats }`).
 *
 * @example
 * ```ts
 * const check = validatorAjv(false).compile({ type: 'object', required: ['name'] });
 * ```
 */
export function validatorAjv(coerce: boolean, code?: Options['code']): Ajv2020 {
  const { Ajv2020, addFormats } = ajvCompiler();
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
    // The failing schema comes with each error: its example explains a pattern.
    verbose: true,
    ...(coerce ? { coerceTypes: 'array' as const, useDefaults: true } : {}),
    ...(code ? { code } : {}),
  });
  addFormats(ajv);
  registerDomainFormats(ajv);
  registerOneOfFields(ajv);
  return ajv;
}

/** The id a document is registered under in its ajv instances (`gdx:registration`). */
export const documentId = (name: string): string => `gdx:${name}`;

/**
 * The document as its validators check it: with the domain formats on its identifier components
 * and each `oneOf` a field decides reduced to the branch it picks. Register it under
 * {@link documentId}.
 *
 * @example
 * ```ts
 * ajv.addSchema(checkedDocument(doc) as object, documentId('catalog'));
 * ```
 */
export function checkedDocument(doc: OpenApiDocument): OpenApiDocument {
  return withSelectedBranches(withDomainFormats(doc));
}

/** Rewrites the document's local `$ref`s (`#/components/...`) to point into the registered document. */
function rebase(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rebase(v, base));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? base + v : rebase(v, base);
  return out;
}

/** The schemas one operation's request is checked against; a part the operation does not have is `undefined`. */
export interface OperationSchemas {
  /** The path parameters as one object (all required); compiled with coercion. */
  path: object | undefined;
  /** The query parameters as one object; compiled with coercion and defaults. */
  query: object | undefined;
  /** The JSON body; compiled without coercion. */
  body: object | undefined;
}

/**
 * The schemas of one operation of the document registered as `name` ({@link documentId}): its
 * `$ref`s point into that registered document. An operation without parameters of a kind has no
 * schema for them, so that check (and its copy) is skipped on every request.
 *
 * @example
 * ```ts
 * const { body } = operationSchemas(op, 'registration');
 * if (body) plain.compile(body);
 * ```
 */
export function operationSchemas(op: SpecOperation, name: string): OperationSchemas {
  const base = documentId(name);
  const group = (where: 'path' | 'query'): object | undefined => {
    const params = op.parameters.filter((p) => p.in === where);
    if (params.length === 0) return undefined;
    return {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, rebase(p.schema, base)])),
      required: params.filter((p) => p.required || where === 'path').map((p) => p.name),
    };
  };
  return { path: group('path'), query: group('query'), body: op.jsonBody ? (rebase(op.jsonBody.schema, base) as object) : undefined };
}

