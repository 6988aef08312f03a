import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Platform } from '../runner/types.js';
import { explainResponse, type HttpResponse } from '../http/response.js';
import type { Specs } from './load-specs.js';
import { pointerToken, type Operation } from './operations.js';
import { PassedBodies } from './passed-bodies.js';
import { resolveRef } from './samples.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** A response that does not match its operation's documented responses. */
export interface ContractViolation {
  message: string;
  expected: unknown;
  actual: unknown;
}

/** Validates responses against the bundled documents. */
export interface ResponseValidator {
  /** Returns the violations (empty when the response conforms). */
  check(op: Operation, res: HttpResponse): ContractViolation[];
  /** The schema documented for a status (or `default`/`4XX`) and media type, as an ajv key. */
  schemaKey(op: Operation, status: number, mediaType: string): string | undefined;
}

const docId = (platform: Platform) => `https://gdx.dev/conformance/specs/${platform}.json`;

/**
 * The response object documented for a status, with its JSON pointer; a response given as a local
 * `$ref` (`#/components/responses/NotFound`, as bundled documents share error answers) is followed.
 */
function responseFor(specs: Specs, op: Operation, status: number): [string, Record<string, unknown>] | undefined {
  const responses = (op.definition.responses ?? {}) as Record<string, Record<string, unknown>>;
  for (const key of [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default']) {
    const r = responses[key];
    if (!r) continue;
    if (typeof r.$ref === 'string' && r.$ref.startsWith('#/')) {
      return [r.$ref, resolveRef(specs[op.platform] ?? {}, r)];
    }
    return [`${op.pointer}/responses/${pointerToken(key)}`, r];
  }
  return undefined;
}

/**
 * Compiles the documents with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses) and checks that a
 * response's status is documented, its media type is one the status documents, its body
 * matches the schema, and the headers the status documents are there when required and match
 * their schemas.
 *
 * @example
 * ```ts
 * const validator = createResponseValidator(specs);
 * const violations = validator.check(op, res);
 * ```
 */
export function createResponseValidator(specs: Specs): ResponseValidator {
  // A process compiles each schema it meets once: ~80 in a kit run, ~1.1 s of CPU, nearly a third
  // of a first run against the in-process mock. Not inlining `$ref`s compiles a shared component
  // once instead of into every schema using it, and skipping the code optimiser's passes saves
  // their time: ~40 % less compiling. Validation answers the same (result, instance path,
  // keyword, params, message; only `schemaPath`, unused here, differs) and takes about as long.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, validateFormats: true, inlineRefs: false, code: { optimize: false } });
  addFormats(ajv);
  for (const [platform, doc] of Object.entries(specs)) ajv.addSchema(doc, docId(platform as Platform));
  const passed = new PassedBodies();

  const schemaKey = (op: Operation, status: number, mediaType: string): string | undefined => {
    const found = responseFor(specs, op, status);
    if (!found) return undefined;
    const content = (found[1].content ?? {}) as Record<string, Record<string, unknown>>;
    if (!content[mediaType]?.schema) return undefined;
    return `${docId(op.platform)}${found[0]}/content/${pointerToken(mediaType)}/schema`;
  };

  return {
    schemaKey,
    check(op, res) {
      const found = responseFor(specs, op, res.status);
      const documented = Object.keys((op.definition.responses ?? {}) as object);
      // The answer as reports show it (status, media type, problem code and detail): why an undocumented status came.
      if (!found) return [{ message: `status ${res.status} is not documented for ${op.operationId}`, expected: documented, actual: explainResponse(res) }];
      // The body first: a report leads with what is most often wrong; the headers follow.
      return [...bodyViolations(op, res, found[1]), ...headerViolations(op.platform, res, found[1])];
    },
  };

  function bodyViolations(op: Operation, res: HttpResponse, response: Record<string, unknown>): ContractViolation[] {
    const content = (response.content ?? {}) as Record<string, unknown>;
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      return res.text.length === 0 ? [] : [{ message: 'the response documents no body', expected: '(empty body)', actual: res.text.slice(0, 200) }];
    }
    if (!mediaTypes.includes(res.contentType)) {
      return [{ message: `content type of ${res.status} is not documented`, expected: mediaTypes, actual: res.contentType }];
    }
    const key = schemaKey(op, res.status, res.contentType);
    if (key === undefined) return [];
    if (passed.has(key, res.text)) return [];
    const validate = ajv.getSchema(key);
    if (!validate) return [{ message: 'the documented schema cannot be compiled', expected: key, actual: undefined }];
    if (validate(res.body)) {
      passed.add(key, res.text);
      return [];
    }
    // The keyword names the schema rule broken (`required`, `type`, …), the instance path where.
    return (validate.errors ?? []).slice(0, 5).map((e) => ({
      message: `body${e.instancePath || ''} ${e.message ?? 'is invalid'} (schema rule: ${e.keyword})`,
      expected: e.params,
      actual: e.instancePath ? pick(res.body, e.instancePath) : '(body)',
    }));
  }

  /**
   * The response headers the status documents (`X-Request-Id` on every answer, `Retry-After`,
   * `Location` of a create): a required one must be sent, and a sent one must match its schema.
   */
  function headerViolations(platform: Platform, res: HttpResponse, response: Record<string, unknown>): ContractViolation[] {
    const doc = specs[platform] ?? {};
    const violations: ContractViolation[] = [];
    for (const [name, declared] of Object.entries((response.headers ?? {}) as Record<string, unknown>)) {
      const header = resolveRef(doc, declared);
      const value = res.headers.get(name);
      if (value === null) {
        if (header.required === true) violations.push({ message: `header ${name} is missing (the contract requires it on ${res.status})`, expected: header.schema ?? 'a value', actual: '(absent)' });
        continue;
      }
      if (header.schema === undefined) continue;
      const schema = resolveRef(doc, header.schema);
      const validate = ajv.compile(schema);
      if (validate(headerValue(value, schema))) continue;
      const e = validate.errors?.[0];
      violations.push({ message: `header ${name} ${e?.message ?? 'is invalid'} (schema rule: ${e?.keyword ?? 'schema'})`, expected: schema, actual: value });
    }
    return violations;
  }
}

/** A header's text as the JSON value its schema describes (`Retry-After: 2` is the integer 2). */
function headerValue(text: string, schema: Record<string, unknown>): unknown {
  const numeric = schema.type === 'integer' || schema.type === 'number';
  return numeric && /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** Response validators by documents: ajv compiles each schema once, on first use, for all runs given the same `Specs`. */
const validators = new WeakMap<Specs, ResponseValidator>();

/**
 * The shared {@link createResponseValidator} of a set of documents, created on first use.
 *
 * @example
 * ```ts
 * validatorFor(ctx.specs).check(op, res);
 * ```
 */
export function validatorFor(specs: Specs): ResponseValidator {
  let validator = validators.get(specs);
  if (validator === undefined) validators.set(specs, (validator = createResponseValidator(specs)));
  return validator;
}

function pick(value: unknown, pointer: string): unknown {
  let current = value;
  for (const token of pointer.split('/').slice(1)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}
