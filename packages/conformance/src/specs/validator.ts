import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { Platform } from '../runner/types.js';
import { explainResponse, type HttpResponse } from '../http/response.js';
import { generatedValidators, type GeneratedCheck, type GeneratedValidators } from './generated-validators.js';
import type { OpenApiDocument, Specs } from './load-specs.js';
import type { Operation } from './operations.js';
import { PassedBodies } from './passed-bodies.js';
import { documentId, responseAjv } from './response-ajv.js';
import { bodySchemaPointer, documentedHeader, responseFor, type DocumentedHeader } from './response-pointers.js';

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

/**
 * Checks with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses) that a response's status is
 * documented, its media type is one the status documents, its body matches the schema, and the
 * headers the status documents are there when required and match their schemas. The bundled
 * documents' schemas come compiled with the package (ajv standalone code generated at build
 * time); a document of the caller's own, or a bundled one changed since the build, is compiled
 * by ajv as its schemas are first met.
 *
 * @example
 * ```ts
 * const validator = createResponseValidator(specs);
 * const violations = validator.check(op, res);
 * ```
 */
export function createResponseValidator(specs: Specs): ResponseValidator {
  // A kit run meets ~80 schemas; compiling them was ~17 % of a cold run's CPU, which the
  // generated validators of the bundled documents save.
  const documentOf = (platform: Platform): OpenApiDocument => specs[platform] ?? {};
  // Loaded when a platform's first answer is checked: a run of one platform's checks loads one.
  const generated = new Map<Platform, GeneratedValidators | undefined>();
  const generatedFor = (platform: Platform): GeneratedValidators | undefined => {
    if (!generated.has(platform)) generated.set(platform, generatedValidators(platform, documentOf(platform)));
    return generated.get(platform);
  };
  let ajv: Ajv2020 | undefined;
  const compiled = (): Ajv2020 => {
    if (ajv === undefined) {
      ajv = responseAjv();
      for (const [platform, doc] of Object.entries(specs)) ajv.addSchema(doc, documentId(platform));
    }
    return ajv;
  };
  /** The validator of the schema at `pointer` in a platform's document: generated, else compiled on first use. */
  const validatorOf = (platform: Platform, pointer: string): GeneratedCheck | undefined =>
    generatedFor(platform)?.[pointer] ?? compiled().getSchema(`${documentId(platform)}${pointer}`);
  const passed = new PassedBodies();
  /** Each response's documented headers, found once: every answer is checked against them. */
  const headersOf = new WeakMap<object, DocumentedHeader[]>();

  const schemaKey = (op: Operation, status: number, mediaType: string): string | undefined => {
    const found = responseFor(documentOf(op.platform), op, status);
    if (!found) return undefined;
    const content = (found[1].content ?? {}) as Record<string, Record<string, unknown>>;
    if (!content[mediaType]?.schema) return undefined;
    return `${documentId(op.platform)}${bodySchemaPointer(found[0], mediaType)}`;
  };

  return {
    schemaKey,
    check(op, res) {
      const found = responseFor(documentOf(op.platform), op, res.status);
      const documented = Object.keys((op.definition.responses ?? {}) as object);
      // The answer as reports show it (status, media type, problem code and detail): why an undocumented status came.
      if (!found) return [{ message: `status ${res.status} is not documented for ${op.operationId}`, expected: documented, actual: explainResponse(res) }];
      // The body first: a report leads with what is most often wrong; the headers follow.
      return [...bodyViolations(op, res, found[0], found[1]), ...headerViolations(op.platform, res, found[0], found[1])];
    },
  };

  function bodyViolations(op: Operation, res: HttpResponse, pointer: string, response: Record<string, unknown>): ContractViolation[] {
    const content = (response.content ?? {}) as Record<string, unknown>;
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      return res.text.length === 0 ? [] : [{ message: 'the response documents no body', expected: '(empty body)', actual: res.text.slice(0, 200) }];
    }
    if (!mediaTypes.includes(res.contentType)) {
      return [{ message: `content type of ${res.status} is not documented`, expected: mediaTypes, actual: res.contentType }];
    }
    if (!(content[res.contentType] as Record<string, unknown>).schema) return [];
    const schema = bodySchemaPointer(pointer, res.contentType);
    const key = `${documentId(op.platform)}${schema}`;
    if (passed.has(key, res.text)) return [];
    const validate = validatorOf(op.platform, schema);
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
  function headerViolations(platform: Platform, res: HttpResponse, pointer: string, response: Record<string, unknown>): ContractViolation[] {
    let headers = headersOf.get(response);
    if (headers === undefined) {
      const doc = documentOf(platform);
      headers = Object.entries((response.headers ?? {}) as Record<string, unknown>).map(([name, declared]) => documentedHeader(doc, pointer, name, declared));
      headersOf.set(response, headers);
    }
    const violations: ContractViolation[] = [];
    for (const { name, header, schema: documented } of headers) {
      const value = res.headers.get(name);
      if (value === null) {
        if (header.required === true) violations.push({ message: `header ${name} is missing (the contract requires it on ${res.status})`, expected: header.schema ?? 'a value', actual: '(absent)' });
        continue;
      }
      if (documented === undefined) continue;
      const [at, schema] = documented;
      const validate = validatorOf(platform, at);
      if (validate === undefined) {
        violations.push({ message: `header ${name}: the documented schema cannot be compiled`, expected: at, actual: value });
        continue;
      }
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

/** Response validators by documents: each schema is compiled (or loaded) once, on first use, for all runs given the same `Specs`. */
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
