import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../src/index.js';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Validates values against schemas of one bundled document. The whole document is registered
 * under a base URI, so `#/components/schemas/...` references resolve as they do for the mock.
 * OpenAPI keywords that are not JSON Schema (`discriminator`, `x-gdx-*`) are ignored. With
 * `closed`, a top-level member the schema does not declare is an error too.
 */
export function specValidator(spec: OpenApiDocument, name: string, options: { closed?: boolean } = {}) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const base = `https://gdx.dev/openapi/${name}.json`;
  ajv.addSchema({ ...spec, $id: base });
  const cache = new Map<string, ValidateFunction>();
  return (pointer: string, value: unknown): string[] => {
    let validate = cache.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${base}#${pointer}`, ...(options.closed ? { unevaluatedProperties: false } : {}) });
      cache.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.keyword === 'unevaluatedProperties' ? `: ${String(e.params['unevaluatedProperty'])}` : ''}`);
  };
}
