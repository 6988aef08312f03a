import type { OpenApiDocument } from '../../src/index.js';
import { operationsOf, pointerToken, resolve, type JsonObject } from './walk-spec.js';

/** A schema node a client can send, located by its JSON pointer in the bundled document. */
export interface RequestSchemaNode {
  /** Where the node lives (a `$ref` target is visited once, at its own pointer). */
  pointer: string;
  schema: JsonObject;
}

// Keywords whose value is one subschema, or a list / map of subschemas (JSON Schema 2020-12).
const SINGLE = ['items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];

/**
 * Every schema node reachable from a request: request bodies, path/query/header parameters
 * (operation and path level, and every `components.parameters` entry), following `$ref`s into
 * `components`. Response-only schemas are
 * not visited. Each node is reported once, so a shared component shows up at its own pointer.
 *
 * @example
 * for (const { pointer, schema } of requestSchemas(loadBundledSpec('sharing'))) console.log(pointer, schema.type);
 */
export function requestSchemas(spec: OpenApiDocument): RequestSchemaNode[] {
  const seen = new Map<string, JsonObject>();
  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return; // `true`/`false` schemas
    const schema = node as JsonObject;
    const ref = schema['$ref'];
    if (typeof ref === 'string') visit(resolve(spec, { $ref: ref }), ref.slice(1));
    if (seen.has(pointer)) return;
    seen.set(pointer, schema);
    for (const [tokens, sub] of subschemas(schema)) visit(sub, `${pointer}/${tokens}`);
  };
  for (const op of operationsOf(spec)) {
    const opPointer = `/paths/${pointerToken(op.path)}/${op.method}`;
    const body = op.operation['requestBody'] as JsonObject | undefined;
    if (body) {
      const bodyPointer = typeof body['$ref'] === 'string' ? body['$ref'].slice(1) : `${opPointer}/requestBody`;
      const content = (resolve<JsonObject>(spec, body)['content'] as JsonObject | undefined) ?? {};
      for (const [mediaType, media] of Object.entries(content)) {
        visit((media as JsonObject)['schema'], `${bodyPointer}/content/${pointerToken(mediaType)}/schema`);
      }
    }
    const params = [
      ...((op.pathItem['parameters'] as JsonObject[] | undefined) ?? []).map((p, i) => [p, `/paths/${pointerToken(op.path)}/parameters/${i}`] as const),
      ...((op.operation['parameters'] as JsonObject[] | undefined) ?? []).map((p, i) => [p, `${opPointer}/parameters/${i}`] as const),
    ];
    for (const [param, fallback] of params) {
      const pointer = typeof param['$ref'] === 'string' ? param['$ref'].slice(1) : fallback;
      visit(resolve<JsonObject>(spec, param)['schema'], `${pointer}/schema`);
    }
  }
  // Every shared parameter is request input, also those applied through the security
  // requirement rather than listed on an operation (the signature headers).
  for (const [name, param] of Object.entries(spec.components['parameters'] ?? {})) {
    visit(resolve<JsonObject>(spec, param)['schema'], `/components/parameters/${pointerToken(name)}/schema`);
  }
  return [...seen].map(([pointer, schema]) => ({ pointer, schema }));
}

/**
 * The subschemas a schema node holds itself (its applicators, not its `$ref`), each with the
 * pointer tokens that lead to it from the node.
 *
 * @example
 * [...subschemas({ items: { type: 'string' } })]; // [['items', { type: 'string' }]]
 */
export function* subschemas(schema: JsonObject): Generator<[tokens: string, subschema: unknown]> {
  for (const key of SINGLE) if (key in schema) yield [key, schema[key]];
  for (const key of LISTS) for (const [i, sub] of ((schema[key] as unknown[] | undefined) ?? []).entries()) yield [`${key}/${i}`, sub];
  for (const key of MAPS) {
    for (const [name, sub] of Object.entries((schema[key] as JsonObject | undefined) ?? {})) yield [`${key}/${pointerToken(name)}`, sub];
  }
}

/**
 * The pointers (from `pointer`) of the nodes of `schema` the OWASP bound rules flag, `schema`
 * included and without following a `$ref` (Spectral reports a `$ref`'s target where it is
 * defined): a string without `maxLength`, `enum` or `const` (`string-limit`) or without `format`,
 * `pattern`, `enum` or `const` (`string-restricted`), an array without `maxItems`, an integer
 * without minimum and maximum.
 *
 * @example
 * flaggedNodes({ properties: { note: { type: 'string', maxLength: 9 } } }, '/X'); // ['/X/properties/note']
 */
export function flaggedNodes(schema: unknown, pointer: string): string[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [];
  const node = schema as JsonObject;
  const restricted = ['format', 'pattern', 'enum', 'const'].some((key) => key in node);
  const flagged = missingBounds(node).length > 0 || (typesOf(node).includes('string') && !restricted);
  return [...(flagged ? [pointer] : []), ...[...subschemas(node)].flatMap(([tokens, sub]) => flaggedNodes(sub, `${pointer}/${tokens}`))];
}

/** The JSON types a schema node allows (`type` as a string or a list). */
export function typesOf(schema: JsonObject): string[] {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? (type as string[]) : [];
}

/**
 * What a request node lacks to be bounded, in the terms of Spectral's OWASP rules
 * (`owasp:api4:2023-string-limit`, `-array-limit`, `-integer-limit`): a string needs `maxLength`,
 * `enum` or `const`; an array `maxItems`; an integer a minimum and a maximum. Empty when bounded.
 *
 * @example
 * missingBounds({ type: 'string' }); // ['maxLength']
 */
export function missingBounds(schema: JsonObject): string[] {
  const types = typesOf(schema);
  const missing: string[] = [];
  const has = (key: string): boolean => key in schema;
  if (types.includes('string') && !has('maxLength') && !has('enum') && !has('const')) missing.push('maxLength');
  if (types.includes('array') && !has('maxItems')) missing.push('maxItems');
  if (types.includes('integer')) {
    if (!has('minimum') && !has('exclusiveMinimum')) missing.push('minimum');
    if (!has('maximum') && !has('exclusiveMaximum')) missing.push('maximum');
  }
  return missing;
}
