import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadBundledSpec } from '@gdx/openapi';
import { expect } from 'vitest';
import type { Reply } from '../support/client.js';

type SpecName = 'catalog' | 'simulation';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
addFormats(ajv);
ajv.addFormat('credit-code', true).addFormat('resident-id', true);
const specs: Record<SpecName, Record<string, any>> = {
  catalog: loadBundledSpec('catalog') as Record<string, any>,
  simulation: loadBundledSpec('simulation') as Record<string, any>,
};
for (const [name, spec] of Object.entries(specs)) ajv.addSchema(spec, name);
const cache = new Map<string, ValidateFunction>();
const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function deref(spec: Record<string, any>, node: any): any {
  while (node && typeof node.$ref === 'string') node = node.$ref.slice(2).split('/').reduce((n: any, k: string) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  return node;
}

/**
 * Errors of a response body against a contract (operation by method and path template,
 * response by status, schema of its only content type), or `[]`.
 */
export function contractErrors(specName: SpecName, method: string, template: string, status: number, body: unknown): string[] {
  const spec = specs[specName];
  const operation = spec.paths[template]?.[method.toLowerCase()];
  if (!operation) return [`no operation ${method} ${template}`];
  const declared = operation.responses[String(status)];
  const response = deref(spec, declared);
  if (!response) return [`status ${status} is not in the contract of ${method} ${template}`];
  const [type] = Object.keys(response.content ?? {});
  if (!type) return body === undefined ? [] : ['a body where the contract has none'];
  const key = `${specName} ${method} ${template} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    const pointer = declared.$ref
      ? `${declared.$ref}/content/${escape(type)}/schema`
      : `#/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}/content/${escape(type)}/schema`;
    validate = ajv.compile({ $ref: `${specName}${pointer}` });
    cache.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Asserts the reply has `status` and a body the catalog contract allows; answers the body. */
export function expectCatalog(reply: Reply, method: string, template: string, status: number): any {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(contractErrors('catalog', method, template, status, reply.body)).toEqual([]);
  return reply.body;
}

/** As `expectCatalog`, for the simulation API. */
export function expectSim(reply: Reply, method: string, template: string, status: number): any {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(contractErrors('simulation', method, template, status, reply.body)).toEqual([]);
  return reply.body;
}
