import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadBundledSpec } from '@gdx/openapi';
import { expect } from 'vitest';

/** The contracts the platform tests check answers against. */
export type SpecName = 'registration' | 'sharing' | 'open-data' | 'catalog' | 'authorized-operation' | 'simulation';
type Json = Record<string, any>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
addFormats(ajv);
// Check characters are the platforms' business (tested through their problem answers), not the schema's.
ajv.addFormat('credit-code', true).addFormat('resident-id', true);
const specs = new Map<SpecName, Json>();
const compiled = new Map<string, ValidateFunction>();

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** The bundled document, registered with Ajv under its name the first time it is asked for. */
function spec(name: SpecName): Json {
  let doc = specs.get(name);
  if (!doc) {
    doc = loadBundledSpec(name) as Json;
    specs.set(name, doc);
    ajv.addSchema(doc, name);
  }
  return doc;
}

/** Follows a `#/components/...` reference of a document. */
function deref(doc: Json, node: any): any {
  while (node && typeof node.$ref === 'string') node = node.$ref.slice(2).split('/').reduce((n: any, k: string) => n?.[unescape(k)], doc);
  return node;
}

/**
 * Errors of an answer body against a contract (operation by method and path template, response
 * by status, schema of its only content type), or `[]`.
 */
export function contractErrors(name: SpecName, method: string, template: string, status: number, body: unknown): string[] {
  const doc = spec(name);
  const operation = doc.paths[template]?.[method.toLowerCase()];
  if (!operation) return [`no operation ${method} ${template} in ${name}`];
  const declared = operation.responses[String(status)];
  const response = deref(doc, declared);
  if (!response) return [`status ${status} is not in the contract of ${method} ${template}`];
  const [type] = Object.keys(response.content ?? {});
  if (!type) return body === undefined ? [] : ['a body where the contract has none'];
  const key = `${name} ${method} ${template} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    const pointer = declared.$ref
      ? `${declared.$ref}/content/${escape(type)}/schema`
      : `#/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}/content/${escape(type)}/schema`;
    validate = ajv.compile({ $ref: `${name}${pointer}` });
    compiled.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Method and path template of an operation. */
function operation(name: SpecName, operationId: string): { method: string; template: string } {
  for (const [template, item] of Object.entries(spec(name).paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) if ((op as Json)?.operationId === operationId) return { method, template };
  }
  throw new Error(`no operation ${operationId} in ${name}`);
}

/**
 * Asserts that an answer has the status and a body its contract allows (problem+json included);
 * answers the body.
 *
 * @example
 * ```ts
 * const entry = expectReply('catalog', reply, 'POST', '/entries', 201);
 * ```
 */
export function expectReply(name: SpecName, reply: { status: number; body: unknown }, method: string, template: string, status: number): any {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(contractErrors(name, method, template, status, reply.body), `${method} ${template} ${status} answer does not match the ${name} contract`).toEqual([]);
  return reply.body;
}

/** As `expectReply`, naming the operation by its operationId. */
export function expectContract(name: SpecName, operationId: string, reply: { status: number; body: unknown }, status: number): void {
  const { method, template } = operation(name, operationId);
  expectReply(name, reply, method, template, status);
}

/**
 * Errors of a value against a component schema of a contract, closed: a member the schema does
 * not declare is an error too (for answers whose extension members must be in the contract).
 *
 * @example
 * ```ts
 * expect(closedSchemaErrors('registration', 'ProblemDetails', body)).toEqual([]);
 * ```
 */
export function closedSchemaErrors(name: SpecName, component: string, value: unknown): string[] {
  spec(name);
  const key = `${name} closed ${component}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: `${name}#/components/schemas/${escape(component)}`, unevaluatedProperties: false });
    compiled.set(key, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
