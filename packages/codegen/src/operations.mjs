// Turns the OpenAPI paths into a flat list of SDK operations, the one model every emitter reads.
import { deref } from './load-spec.mjs';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * @typedef {object} Operation
 * @property {string} operationId
 * @property {'GET'|'POST'|'PUT'|'PATCH'|'DELETE'} method
 * @property {string} path             template relative to the platform root
 * @property {string} resource         `x-gdx-resource`
 * @property {string} name             `x-gdx-method`
 * @property {string} [summary]
 * @property {string} [description]
 * @property {boolean} deprecated
 * @property {string[]} pathParams     in the order they appear in the path
 * @property {{ present: boolean, required: boolean }} query
 * @property {{ present: boolean, required: boolean, mediaType?: string, schema?: any }} body
 * @property {{ status?: string, mediaType?: string, schema?: any, otherMedia: string[] }} response  first 2xx answer; `otherMedia` its
 *   media types that are not JSON (a file as `text/csv`): the answer is then that text or the JSON, unchecked
 * @property {boolean} idempotent      accepts an `Idempotency-Key` header
 * @property {boolean} paginated       answers `{ items, nextCursor }`
 * @property {boolean} isPublic        `security: []` (no signature, no token)
 * @property {boolean} isOptional      `security: [{ …schemes }, {}]`: credentials used when the client has them, not required
 */

/**
 * A JSON media type of a content map, preferring `application/json`.
 * @param {Record<string, any> | undefined} content
 * @returns {string | undefined}
 */
function jsonMediaType(content) {
  if (!content) return undefined;
  const types = Object.keys(content);
  return types.find((t) => t === 'application/json') ?? types.find((t) => /[/+]json$/.test(t));
}

/**
 * Whether a response schema is a cursor page (`items` array + `nextCursor`).
 * @param {any} doc
 * @param {any} schema
 * @returns {boolean}
 */
function isPage(doc, schema) {
  const resolved = deref(doc, schema);
  const props = resolved?.properties;
  return Boolean(props && props.items && props.nextCursor !== undefined && deref(doc, props.items)?.type === 'array');
}

/**
 * Collects every operation of the document, failing loudly on what the SDK cannot express.
 * @param {any} doc bundled OpenAPI document
 * @returns {Operation[]}
 * @example collectOperations(doc).map((op) => `${op.resource}.${op.name}`)
 */
export function collectOperations(doc) {
  /** @type {Operation[]} */
  const ops = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const verb of METHODS) {
      const op = item[verb];
      if (!op) continue;
      const where = `${verb.toUpperCase()} ${path}`;
      if (!op.operationId || !op['x-gdx-resource'] || !op['x-gdx-method']) {
        throw new Error(`${where}: operationId, x-gdx-resource and x-gdx-method are required`);
      }
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(doc, p));
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => /** @type {string} */ (m[1]));
      const query = params.filter((p) => p.in === 'query');
      const requestBody = op.requestBody ? deref(doc, op.requestBody) : undefined;
      const bodyType = jsonMediaType(requestBody?.content);
      const [status, rawResponse] = Object.entries(op.responses ?? {}).find(([code]) => /^2/.test(code)) ?? [];
      const response = rawResponse ? deref(doc, rawResponse) : undefined;
      const responseType = jsonMediaType(response?.content);
      const otherMedia = Object.keys(response?.content ?? {}).filter((t) => t !== responseType && !/[/+]json$/.test(t));
      // An answer that may be text is not held to the JSON schema: the runtime hands it over as it came.
      const responseSchema = responseType && otherMedia.length === 0 ? response.content[responseType].schema : undefined;
      ops.push({
        operationId: op.operationId,
        method: /** @type {Operation['method']} */ (verb.toUpperCase()),
        path,
        resource: op['x-gdx-resource'],
        name: op['x-gdx-method'],
        summary: op.summary,
        description: op.description,
        deprecated: op.deprecated === true,
        pathParams,
        query: { present: query.length > 0, required: query.some((p) => p.required === true) },
        body: {
          present: Boolean(requestBody),
          required: requestBody?.required === true,
          mediaType: bodyType,
          schema: bodyType ? requestBody.content[bodyType].schema : undefined,
        },
        response: { status, mediaType: responseType, schema: responseSchema, otherMedia },
        idempotent: params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
        paginated: responseSchema ? isPage(doc, responseSchema) : false,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        isOptional: Array.isArray(op.security) && op.security.length > 1 && op.security.some((/** @type {object} */ r) => Object.keys(r).length === 0),
      });
    }
  }
  assertUniqueMethods(ops);
  return ops;
}

/**
 * Two operations mapped to the same `resource.method` would silently shadow each other.
 * @param {Operation[]} ops
 */
function assertUniqueMethods(ops) {
  const seen = new Map();
  for (const op of ops) {
    const key = `${op.resource}.${op.name}`;
    if (seen.has(key)) throw new Error(`${key} is declared by both ${seen.get(key)} and ${op.operationId}`);
    seen.set(key, op.operationId);
  }
}

/**
 * Groups operations by resource, keeping document order.
 * @param {Operation[]} ops
 * @returns {Map<string, Operation[]>}
 * @example groupByResource(ops).get('applications')
 */
export function groupByResource(ops) {
  const groups = new Map();
  for (const op of ops) {
    if (!groups.has(op.resource)) groups.set(op.resource, []);
    groups.get(op.resource).push(op);
  }
  return groups;
}
