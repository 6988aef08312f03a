import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadBundledSpec } from '@gdx/openapi';
import { expect } from 'vitest';

// Shared by the sharing and open-data tests: every answer is checked against its contract.
type SpecName = 'sharing' | 'open-data' | 'simulation' | 'catalog';
type Json = Record<string, any>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
addFormats(ajv);
const docs = new Map<SpecName, Json>();
const compiled = new Map<string, ValidateFunction>();

function rebase(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rebase(v, base));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? base + v : rebase(v, base)]));
}

function doc(name: SpecName): Json {
  let d = docs.get(name);
  if (!d) {
    d = loadBundledSpec(name) as Json;
    docs.set(name, d);
    ajv.addSchema(rebase(d, `gdx:${name}`) as Json, `gdx:${name}`);
  }
  return d;
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON pointer of an operation's response schema for a status (following a `$ref`d response). */
function schemaPointer(name: SpecName, operationId: string, status: number): string {
  const d = doc(name);
  for (const [path, item] of Object.entries(d.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      if ((op as Json)?.operationId !== operationId) continue;
      let pointer = `/paths/${escape(path)}/${method}/responses/${status}`;
      let response = (op as Json).responses?.[String(status)];
      if (!response) throw new Error(`${operationId} documents no ${status} answer`);
      if (typeof response.$ref === 'string') {
        pointer = response.$ref.slice(1);
        response = pointer.split('/').slice(1).reduce((o: Json, k: string) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], d);
      }
      const media = Object.keys(response.content ?? {})[0];
      if (!media) throw new Error(`${operationId} ${status} has no content`);
      return `${pointer}/content/${escape(media)}/schema`;
    }
  }
  throw new Error(`no operation ${operationId} in ${name}`);
}

/**
 * Asserts that an answer has the status and matches the contract's schema of that operation's
 * answer (problem+json included).
 */
export function expectContract(name: SpecName, operationId: string, reply: { status: number; body: unknown }, status: number): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  const key = `${name}|${operationId}|${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: `gdx:${name}#${schemaPointer(name, operationId, status)}` });
    compiled.set(key, validate);
  }
  const ok = validate(reply.body);
  expect(ok ? [] : validate.errors, `${operationId} ${status} answer does not match the contract`).toEqual([]);
}
