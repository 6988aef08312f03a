import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import type { FieldError } from '@gdx/protocol';
import type { OpenApiDocument } from './platform-module.js';
import type { SpecOperation } from './spec-operations.js';
import { messageForKeyword } from './validation-messages.js';
import { registerOneOfFields, withSelectedBranches } from './one-of-branches.js';
import { MAX_FIELD_ERRORS, toFieldErrors } from './field-errors.js';
import { registerDomainFormats, withDomainFormats } from './domain-formats.js';
import { unknownQueryParameters } from './unknown-parameters.js';

/** Validated, coerced input of one request, or the field errors. */
export type ValidationOutcome =
  | { ok: true; query: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

/** One request's input to `RequestValidator.validate`. */
export interface ValidationInput {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  hasBody: boolean;
  /**
   * A journal entry an earlier mock acknowledged is being replayed: a query parameter its
   * contract does not declare is let through, as the older mock ignored it (declared ones are
   * still checked, as they always were).
   */
  replaying?: boolean;
  /** Undeclared query parameters taken and ignored (default `TOLERATED_QUERY_PARAMETERS`: `_`). */
  ignored?: readonly string[];
}

/**
 * Checks path parameters, query and JSON body of one operation; the query record is coerced in
 * place. A query parameter the operation does not declare is an `UNKNOWN_PARAMETER` error
 * (`unknownQueryParameters`), except while replaying.
 */
export interface RequestValidator {
  validate(input: ValidationInput): ValidationOutcome;
}

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Rewrites the document's local `$ref`s (`#/components/...`) to point into the registered document. */
function rebase(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rebase(v, base));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? base + v : rebase(v, base);
  return out;
}

function newAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
    // The failing schema comes with each error: its example explains a pattern.
    verbose: true,
    ...(coerce ? { coerceTypes: 'array' as const, useDefaults: true } : {}),
  });
  addFormats(ajv);
  registerDomainFormats(ajv);
  registerOneOfFields(ajv);
  return ajv;
}

/** How many compiled documents are kept: the six bundled contracts plus a few of a test's own. */
const COMPILED_DOCUMENTS = 16;
/** Validators by document (name, operations, content), least recently used first. */
const compiled = new Map<string, ReadonlyMap<string, RequestValidator>>();

/**
 * The validators of every operation of a document (ajv, JSON Schema 2020-12). For a bundled
 * contract each is compiled on its operation's first request; any other document is compiled
 * whole at once, so a schema that cannot compile throws here. Query values are coerced to their
 * schema types and defaults are filled in; a query parameter the operation does not declare is
 * refused.
 *
 * Compiling a contract costs ~100 ms of CPU, ~0.5 s for the six of an app, and every app parses
 * its own copy of the documents: the validators of a document with the same content are shared
 * by every app of the process (they keep no state between calls), so that a process creating
 * many apps — a test suite, the bench — compiles each contract once (issue 12).
 *
 * @example
 * ```ts
 * const validators = compileValidators(doc, 'catalog', readSpecOperations(doc));
 * validators.get('listEntries')?.validate({ params: {}, query: { limit: '500' }, body: undefined, hasBody: false });
 * // → { ok: false, errors: [{ pointer: '/query/limit', code: 'RANGE', … }] }
 * ```
 */
export function compileValidators(doc: OpenApiDocument, name: string, operations: readonly SpecOperation[]): ReadonlyMap<string, RequestValidator> {
  const docText = JSON.stringify(doc);
  const key = JSON.stringify([name, operations.map((op) => op.operationId)]) + docText;
  const known = compiled.get(key);
  if (known) {
    compiled.delete(key);
    compiled.set(key, known);
    return known;
  }
  const fresh = compileDocument(doc, name, operations);
  // A document of its own (a custom platform's, a changed contract) is compiled now, so that a
  // schema that cannot compile (an unresolvable `$ref`) fails `createApp`, not its first request.
  if (!isBundledContract(docText)) for (const validator of fresh.values()) validator.compile();
  compiled.set(key, fresh);
  if (compiled.size > COMPILED_DOCUMENTS) compiled.delete(compiled.keys().next().value!);
  return fresh;
}

let bundledTexts: ReadonlySet<string> | undefined;

/** Whether a document is one of the bundled contracts, unchanged: those compile (CI compiles every operation of them). */
function isBundledContract(docText: string): boolean {
  bundledTexts ??= new Set(SPEC_NAMES.map((spec) => JSON.stringify(loadBundledSpec(spec))));
  return bundledTexts.has(docText);
}

/** A validator compiled on its first use, or now with `compile()`. */
interface LazyValidator extends RequestValidator {
  compile(): RequestValidator;
}

function compileDocument(doc: OpenApiDocument, name: string, operations: readonly SpecOperation[]): Map<string, LazyValidator> {
  let compiler: OperationCompiler | undefined;
  const result = new Map<string, LazyValidator>();
  for (const op of operations) {
    let validator: RequestValidator | undefined;
    // Compiled on the operation's first request, not when the app is made: a `gdx-mock` process
    // spent ~1.4 s of its ~2.5 s start compiling all ~300 operations, most of which a test or a
    // client never calls (issue 12); the first call of an operation takes a few ms more instead.
    const compile = (): RequestValidator => (validator ??= (compiler ??= new OperationCompiler(doc, name)).compile(op));
    result.set(op.operationId, { compile, validate: (input) => compile().validate(input) });
  }
  return result;
}

/** The two ajv instances of one document (plain for bodies, coercing for parameters), with the document registered. */
class OperationCompiler {
  readonly #base: string;
  readonly #plain = newAjv(false);
  readonly #coercing = newAjv(true);

  constructor(doc: OpenApiDocument, name: string) {
    this.#base = `gdx:${name}`;
    const checked = withSelectedBranches(withDomainFormats(doc));
    this.#plain.addSchema(checked as object, this.#base);
    this.#coercing.addSchema(checked as object, this.#base);
  }

  compile(op: SpecOperation): RequestValidator {
    const base = this.#base;
    // An operation without parameters of a kind skips that check (and its copy) on every request.
    const group = (where: 'path' | 'query'): ValidateFunction | undefined => {
      const params = op.parameters.filter((p) => p.in === where);
      if (params.length === 0) return undefined;
      return this.#coercing.compile({
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [p.name, rebase(p.schema, base)])),
        required: params.filter((p) => p.required || where === 'path').map((p) => p.name),
      });
    };
    const pathCheck = group('path');
    const queryCheck = group('query');
    const declaredQuery = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const { operationId } = op;
    const bodyCheck = op.jsonBody ? this.#plain.compile(rebase(op.jsonBody.schema, base) as object) : undefined;
    const bodyRequired = op.jsonBody?.required === true;
    return {
      validate({ params, query, body, hasBody, replaying, ignored }) {
        const errors: FieldError[] = replaying ? [] : unknownQueryParameters(query, operationId, declaredQuery, ignored);
        // Coercion writes into the data: path values are copied (the caller keeps strings), the
        // query record is the caller's own fresh parse and is coerced in place.
        if (pathCheck) {
          const pathData: Record<string, unknown> = { ...params };
          if (!pathCheck(pathData)) errors.push(...toFieldErrors(pathCheck.errors, '/path'));
        }
        const queryData: Record<string, unknown> = query;
        if (queryCheck && !queryCheck(queryData)) errors.push(...toFieldErrors(queryCheck.errors, '/query'));
        if (bodyCheck && (hasBody || bodyRequired)) {
          if (!hasBody) errors.push({ pointer: '', ...messageForKeyword('required') });
          else if (!bodyCheck(body)) errors.push(...toFieldErrors(bodyCheck.errors, ''));
        }
        return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_FIELD_ERRORS) } : { ok: true, query: queryData };
      },
    };
  }
}
