import type { Ajv2020 } from 'ajv/dist/2020.js';
import { SPEC_NAMES } from '@gdx/openapi';
import type { FieldError } from '@gdx/protocol';
import { loadGeneratedValidators } from '#generated-validators';
import type { OpenApiDocument } from './platform-module.js';
import type { SpecOperation } from './spec-operations.js';
import { sharedContractText, sharedContractTextOf } from './shared-contracts.js';
import { BODY_ERRORS } from './validation-messages.js';
import { refResolver, type RefResolver } from './declared-properties.js';
import { MAX_FIELD_ERRORS, toFieldErrors } from './field-errors.js';
import { unknownQueryParameters } from './unknown-parameters.js';
import { integerQueryParameters, nonDecimalIntegers } from './integer-parameters.js';
import { repeatedParameterErrors } from './repeated-parameters.js';
import type { GeneratedCheck, GeneratedOperations } from './generated-validators-types.js';
import { checkedDocument, documentId, operationSchemas, validatorAjv } from './validator-schemas.js';

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
   * contract does not declare, and a body member its schema does not take (`UNKNOWN_FIELD`: an
   * official action's before `OfficialAction` was closed), are let through, as the older mock
   * ignored them (declared ones are still checked, as they always were).
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

/** How many compiled documents are kept: the six bundled contracts plus a few of a test's own. */
const COMPILED_DOCUMENTS = 16;
/** Validators by document (name, operations, content), least recently used first. */
const compiled = new Map<string, ReadonlyMap<string, RequestValidator>>();

/**
 * The validators of every operation of a document (ajv, JSON Schema 2020-12). For a bundled
 * contract, unchanged, they are the ajv standalone code the build generated
 * (`scripts/generate-validators.mjs`), loaded on the first request to one of its operations; for
 * a bundled contract without generated code (a browser, an unbuilt checkout) each is compiled on
 * its operation's first request; any other document is compiled whole at once, so a schema that
 * cannot compile throws here. Query values are coerced to their schema types and defaults are
 * filled in; a query parameter the operation does not declare is refused.
 *
 * Compiling a contract costs ~100 ms of CPU, ~0.5 s for the six of an app (the registration's
 * submission alone ~60 ms of the bench's first creates): the validators of a document with the
 * same content are shared by every app of the process (they keep no state between calls), so that
 * a process creating many apps — a test suite, the bench — loads or compiles each contract once
 * (issue 12, decision 0027). The default platforms share one frozen copy of each contract
 * (`sharedContract`), found here by identity instead of by its text.
 *
 * @example
 * ```ts
 * const validators = compileValidators(doc, 'catalog', readSpecOperations(doc));
 * validators.get('listEntries')?.validate({ params: {}, query: { limit: '500' }, body: undefined, hasBody: false });
 * // → { ok: false, errors: [{ pointer: '/query/limit', code: 'RANGE', … }] }
 * ```
 */
export function compileValidators(doc: OpenApiDocument, name: string, operations: readonly SpecOperation[]): ReadonlyMap<string, RequestValidator> {
  // A shared contract (`sharedContract`) is the bundled one unchanged, known by its name: not keyed
  // by its whole text (hashing 380 kB at each app), whose text is read only when its generated
  // validators are checked against it, at its first request.
  const shared = sharedContractText(doc);
  const docText = shared ? undefined : JSON.stringify(doc);
  const key = JSON.stringify([name, operations.map((op) => op.operationId)]) + (shared ? `shared:${shared.name}` : docText);
  const known = compiled.get(key);
  if (known) {
    compiled.delete(key);
    compiled.set(key, known);
    return known;
  }
  const bundled = shared?.name ?? bundledContractOf(docText!);
  const compiler = (): ChecksSource => new OperationCompiler(doc, name);
  const fresh = compileDocument(operations, () => (bundled === name ? generatedChecks(name, shared?.text ?? docText!, compiler) : undefined) ?? compiler(), refResolver(doc));
  // A document of its own (a custom platform's, a changed contract) is compiled now, so that a
  // schema that cannot compile (an unresolvable `$ref`) fails `createApp`, not its first request.
  if (bundled === undefined) for (const validator of fresh.values()) validator.compile();
  compiled.set(key, fresh);
  if (compiled.size > COMPILED_DOCUMENTS) compiled.delete(compiled.keys().next().value!);
  return fresh;
}

let bundledTexts: ReadonlyMap<string, string> | undefined;

/** The name of the bundled contract a document is, unchanged (those compile: CI compiles every operation of them), else `undefined`. */
function bundledContractOf(docText: string): string | undefined {
  bundledTexts ??= new Map(SPEC_NAMES.map((spec) => [sharedContractTextOf(spec), spec]));
  return bundledTexts.get(docText);
}

/** A validator compiled on its first use, or now with `compile()`. */
interface LazyValidator extends RequestValidator {
  compile(): RequestValidator;
}

/** The path, query and body checks of one operation; a part the operation does not have is `undefined`. */
interface OperationChecks {
  path: GeneratedCheck | undefined;
  query: GeneratedCheck | undefined;
  body: GeneratedCheck | undefined;
}

/** Where a document's checks come from: the build's generated code or ajv at runtime. */
interface ChecksSource {
  checks(op: SpecOperation): OperationChecks;
}

/**
 * Each operation's validator is made on its first request, not when the app is made: a
 * `gdx-mock` process spent ~1.4 s of its ~2.5 s start compiling all ~300 operations, most of
 * which a test or a client never calls (issue 12). `source` is asked once, then, by the first.
 * `resolve` finds the schema of a `$ref` of the document (what an unknown field is compared with).
 */
function compileDocument(operations: readonly SpecOperation[], source: () => ChecksSource, resolve: RefResolver): Map<string, LazyValidator> {
  let checks: ChecksSource | undefined;
  const result = new Map<string, LazyValidator>();
  for (const op of operations) {
    let validator: RequestValidator | undefined;
    const compile = (): RequestValidator => (validator ??= operationValidator(op, (checks ??= source()).checks(op), resolve));
    result.set(op.operationId, { compile, validate: (input) => compile().validate(input) });
  }
  return result;
}

/**
 * The generated checks of the bundled contract `name`, if the build wrote them for this very
 * document (its fingerprint); an operation they lack (none should) is compiled.
 */
function generatedChecks(name: string, docText: string, compiler: () => ChecksSource): ChecksSource | undefined {
  const generated: GeneratedOperations | undefined = loadGeneratedValidators(name, docText);
  if (generated === undefined) return undefined;
  let fallback: ChecksSource | undefined;
  return {
    checks(op) {
      const parts = Object.hasOwn(generated, op.operationId) ? generated[op.operationId] : undefined;
      if (parts === undefined) return (fallback ??= compiler()).checks(op);
      const [path, query, body] = parts;
      return { path: path ?? undefined, query: query ?? undefined, body: body ?? undefined };
    },
  };
}

/** The two ajv instances of one document (plain for bodies, coercing for parameters), with the document registered. */
class OperationCompiler implements ChecksSource {
  readonly #name: string;
  readonly #plain: Ajv2020 = validatorAjv(false);
  readonly #coercing: Ajv2020 = validatorAjv(true);

  constructor(doc: OpenApiDocument, name: string) {
    this.#name = name;
    const checked = checkedDocument(doc);
    this.#plain.addSchema(checked as object, documentId(name));
    this.#coercing.addSchema(checked as object, documentId(name));
  }

  checks(op: SpecOperation): OperationChecks {
    const { path, query, body } = operationSchemas(op, this.#name);
    return {
      path: path && this.#coercing.compile(path),
      query: query && this.#coercing.compile(query),
      body: body && this.#plain.compile(body),
    };
  }
}

/** The body's field errors, without the members it may not have while an acknowledged entry is replayed (see `ValidationInput.replaying`). */
const bodyErrors = (errors: FieldError[], replaying: boolean): FieldError[] => (replaying ? errors.filter((e) => e.code !== 'UNKNOWN_FIELD') : errors);

/** One operation's validator over its checks: unknown query parameters, then path, query and body errors, in that order. */
function operationValidator(op: SpecOperation, { path: pathCheck, query: queryCheck, body: bodyCheck }: OperationChecks, resolve: RefResolver): RequestValidator {
  const declaredQuery = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const integerQuery = integerQueryParameters(op.parameters, resolve);
  const { operationId } = op;
  const bodyRequired = op.jsonBody?.required === true;
  return {
    validate({ params, query, body, hasBody, replaying, ignored }) {
      const errors: FieldError[] = replaying ? [] : unknownQueryParameters(query, operationId, declaredQuery, ignored);
      // Coercion writes into the data: path values are copied (the caller keeps strings), the
      // query record is the caller's own fresh parse and is coerced in place.
      if (pathCheck) {
        const pathData: Record<string, unknown> = { ...params };
        if (!pathCheck(pathData)) errors.push(...toFieldErrors(pathCheck.errors, '/path', resolve));
      }
      // Read before the check coerces the strings in place; an error the check also gives is not repeated.
      const notDecimal = replaying || integerQuery.length === 0 ? [] : nonDecimalIntegers(query, integerQuery);
      const queryData: Record<string, unknown> = query;
      const queryErrors = queryCheck && !queryCheck(queryData) ? repeatedParameterErrors(toFieldErrors(queryCheck.errors, '/query', resolve), queryData) : [];
      errors.push(...queryErrors, ...notDecimal.filter((e) => !queryErrors.some((q) => q.pointer === e.pointer)));
      if (bodyCheck && (hasBody || bodyRequired)) {
        if (!hasBody) errors.push({ pointer: '', ...BODY_ERRORS.missing });
        else if (!bodyCheck(body)) errors.push(...bodyErrors(toFieldErrors(bodyCheck.errors, '', resolve), replaying === true));
      }
      return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_FIELD_ERRORS) } : { ok: true, query: queryData };
    },
  };
}
