import type { OpenApiDocument } from './load-specs.js';
import { HTTP_METHODS, pointerToken, type Operation } from './operations.js';
import { targetOf } from './samples.js';

type Json = Record<string, unknown>;

/**
 * A value of the document with its JSON pointer; local `$ref`s are followed (at most 32, as
 * `resolveRef` does) to what they point at, with its pointer.
 */
function located(doc: OpenApiDocument, pointer: string, value: unknown): [string, Json] {
  let current: [string, unknown] = [pointer, value];
  for (let depth = 0; depth < 32; depth += 1) {
    const ref = (current[1] as Json | undefined)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
    current = [ref, targetOf(doc, ref)];
  }
  return [current[0], (current[1] ?? {}) as Json];
}

/**
 * The response object documented for a status (or `4XX`, `default`), with its JSON pointer; a
 * response given as a `$ref` (`#/components/responses/NotFound`, as bundled documents share error
 * answers) is followed.
 *
 * @example
 * ```ts
 * responseFor(doc, op, 404); // ['#/components/responses/NotFound', { description: …, content: … }]
 * ```
 */
export function responseFor(doc: OpenApiDocument, op: Pick<Operation, 'definition' | 'pointer'>, status: number): [string, Json] | undefined {
  const responses = (op.definition.responses ?? {}) as Record<string, unknown>;
  for (const key of [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default']) {
    if (responses[key]) return located(doc, `${op.pointer}/responses/${pointerToken(key)}`, responses[key]);
  }
  return undefined;
}

/** The JSON pointer of a response's body schema for a media type. */
export const bodySchemaPointer = (response: string, mediaType: string): string => `${response}/content/${pointerToken(mediaType)}/schema`;

/** A header a response documents: its name, its header object and its schema with the schema's pointer (`undefined`: none). */
export interface DocumentedHeader {
  name: string;
  header: Json;
  schema: [pointer: string, schema: Json] | undefined;
}

/**
 * A header the response at `response` (a JSON pointer) documents, `$ref`s followed.
 *
 * @example
 * ```ts
 * documentedHeader(doc, '#/components/responses/NotFound', 'X-Request-Id', ref).schema; // ['#/components/headers/RequestId/schema', {…}]
 * ```
 */
export function documentedHeader(doc: OpenApiDocument, response: string, name: string, declared: unknown): DocumentedHeader {
  const [pointer, header] = located(doc, `${response}/headers/${pointerToken(name)}`, declared);
  return { name, header, schema: header.schema === undefined ? undefined : located(doc, `${pointer}/schema`, header.schema) };
}

/**
 * The JSON pointers of every schema the response checks validate with: each documented
 * response's body schemas and header schemas, shared responses once. What the build generates
 * validators for.
 *
 * @example
 * ```ts
 * responseSchemaPointers(doc); // ['#/paths/~1applications/get/responses/200/content/application~1json/schema', …]
 * ```
 */
export function responseSchemaPointers(doc: OpenApiDocument): string[] {
  const pointers = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      for (const [key, declared] of Object.entries((op.responses ?? {}) as Json)) {
        const [pointer, response] = located(doc, `#/paths/${pointerToken(path)}/${method}/responses/${pointerToken(key)}`, declared);
        for (const [mediaType, media] of Object.entries((response.content ?? {}) as Record<string, Json>)) {
          if (media.schema) pointers.add(bodySchemaPointer(pointer, mediaType));
        }
        for (const [name, header] of Object.entries((response.headers ?? {}) as Json)) {
          const schema = documentedHeader(doc, pointer, name, header).schema;
          if (schema) pointers.add(schema[0]);
        }
      }
    }
  }
  return [...pointers];
}
