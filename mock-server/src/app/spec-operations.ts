import type { OpenApiDocument } from './platform-module.js';

/** A parameter of an operation, with its `$ref` resolved. */
export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: unknown;
}

/**
 * Whom an operation serves, from its effective security requirements: `signed` only signed
 * requests (a requirement naming schemes); `none` any request, never looking at a signature
 * (`security: []`); `optional` both (`security: [{ …schemes }, {}]`, OpenAPI's optional
 * authentication): a request that carries a signature has it checked, one without is anonymous.
 */
export type Authentication = 'signed' | 'optional' | 'none';

/** What the core reads from one operation of an OpenAPI document. */
export interface SpecOperation {
  operationId: string;
  method: string;
  /** Path template relative to the platform root (`/entries/{entryId}`). */
  path: string;
  /** Whether it needs, takes or ignores a signature. */
  authentication: Authentication;
  /** `true` when the contract marks the operation `x-gdx-stores-nothing` (a computation: its body is not kept). */
  storesNothing: boolean;
  parameters: SpecParameter[];
  /** The JSON request body, when the operation takes one. */
  jsonBody?: { required: boolean; schema: unknown };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The HTTP methods the mock serves an operation with (those of OpenAPI path items it reads: not
 * `TRACE`), in upper case: every request it routes has one of them, `HEAD` and `OPTIONS` included.
 */
export const SERVED_METHODS: readonly string[] = METHODS.map((method) => method.toUpperCase());

/**
 * Follows a local `$ref` (`#/components/...`) inside the document, repeatedly.
 *
 * @example
 * ```ts
 * resolveLocalRef(doc, { $ref: '#/components/parameters/Limit' }); // { name: 'limit', in: 'query', … }
 * ```
 */
export function resolveLocalRef(doc: OpenApiDocument, value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 32; depth += 1) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return current;
    current = ref
      .slice(2)
      .split('/')
      .map((s) => decodeURIComponent(s).replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  }
  return current;
}

/**
 * The {@link Authentication} of an effective security requirement list: an operation of a document
 * that states none is signed, as every platform operation is unless its contract says otherwise.
 */
function authenticationOf(security: unknown[] | undefined): Authentication {
  if (!Array.isArray(security)) return 'signed';
  if (security.length === 0) return 'none';
  const anonymous = security.some((requirement) => Object.keys(requirement as object).length === 0);
  return !anonymous ? 'signed' : security.length > 1 ? 'optional' : 'none';
}

/**
 * Lists every operation of a document with its parameters, JSON body and authentication.
 *
 * @example
 * ```ts
 * readSpecOperations(loadBundledSpec('catalog')).map((op) => op.operationId); // ['createEntry', …]
 * ```
 */
export function readSpecOperations(doc: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  const rootSecurity = doc.security as unknown[] | undefined;
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolveLocalRef(doc, rawItem) as Record<string, unknown>;
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op || typeof op.operationId !== 'string') continue;
      const byKey = new Map<string, SpecParameter>();
      for (const raw of [...shared, ...((op.parameters as unknown[] | undefined) ?? [])]) {
        const p = resolveLocalRef(doc, raw) as Record<string, unknown>;
        const param: SpecParameter = {
          name: String(p.name),
          in: p.in as SpecParameter['in'],
          required: p.required === true,
          schema: p.schema ?? {},
        };
        byKey.set(`${param.in}:${param.name}`, param);
      }
      const security = (op.security as unknown[] | undefined) ?? rootSecurity;
      const operation: SpecOperation = {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        authentication: authenticationOf(security),
        storesNothing: op['x-gdx-stores-nothing'] === true,
        parameters: [...byKey.values()],
      };
      const body = resolveLocalRef(doc, op.requestBody) as { required?: boolean; content?: Record<string, { schema?: unknown }> } | undefined;
      const json = body?.content?.['application/json'] ?? body?.content?.['application/merge-patch+json'];
      if (json) operation.jsonBody = { required: body?.required === true, schema: json.schema ?? {} };
      operations.push(operation);
    }
  }
  return operations;
}
