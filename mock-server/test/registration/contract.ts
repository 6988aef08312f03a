import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadBundledSpec } from '@gdx/openapi';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const spec = loadBundledSpec('registration') as unknown as Record<string, any>;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
addFormats(ajv);
ajv.addFormat('credit-code', true).addFormat('resident-id', true);
ajv.addSchema(spec, 'registration');
const cache = new Map<string, ValidateFunction>();

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows a `#/components/...` reference of the bundled document. */
function deref(node: any): any {
  while (node && typeof node.$ref === 'string') {
    node = node.$ref.slice(2).split('/').reduce((n: any, k: string) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return node;
}

/**
 * Errors of a response body against the registration contract (operation by method and path
 * template, response by status, schema of its only content type), or `[]`.
 */
export function contractErrors(method: string, template: string, status: number, body: unknown): string[] {
  const operation = spec.paths[template]?.[method.toLowerCase()];
  if (!operation) return [`no operation ${method} ${template}`];
  const response = deref(operation.responses[String(status)]);
  if (!response) return [`status ${status} is not in the contract of ${method} ${template}`];
  const [type] = Object.keys(response.content ?? {});
  if (!type) return body === undefined ? [] : ['a body where the contract has none'];
  const key = `${method} ${template} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    const direct = operation.responses[String(status)].$ref
      ? `${operation.responses[String(status)].$ref}/content/${escape(type)}/schema`
      : `#/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}/content/${escape(type)}/schema`;
    validate = ajv.compile({ $ref: `registration${direct}` });
    cache.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
