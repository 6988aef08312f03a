import type { Platform } from '../runner/types.js';
import type { OpenApiDocument, Specs } from './load-specs.js';

/** HTTP methods an OpenAPI path item can hold. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of a platform document. */
export interface Operation {
  platform: Platform;
  method: string;
  /** Path template relative to the platform root, e.g. `/applications/{applicationId}`. */
  path: string;
  operationId: string;
  /** The operation object. */
  definition: Record<string, unknown>;
  /** JSON pointer of the operation inside its document. */
  pointer: string;
  /** True when the operation needs no signature: `security: []`, or an optional one (`security: [{…}, {}]`, an open dataset's file). */
  public: boolean;
}

/** Escapes a JSON-pointer token. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isPublic(doc: OpenApiDocument, op: Record<string, unknown>): boolean {
  const security = (op.security ?? doc.security) as unknown;
  return !Array.isArray(security) || security.length === 0 || security.some((s) => typeof s === 'object' && s !== null && Object.keys(s).length === 0);
}

/**
 * Lists the operations of the documents in a fixed order (platform order, then document order),
 * so generated check ids and their order are stable.
 *
 * @example
 * ```ts
 * for (const op of listOperations(specs)) console.log(op.method, op.path);
 * ```
 */
export function listOperations(specs: Specs, platforms: readonly Platform[]): Operation[] {
  const out: Operation[] = [];
  for (const platform of platforms) {
    const doc = specs[platform];
    if (!doc?.paths) continue;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of HTTP_METHODS) {
        const op = item[method] as Record<string, unknown> | undefined;
        if (!op) continue;
        out.push({
          platform,
          method: method.toUpperCase(),
          path,
          operationId: typeof op.operationId === 'string' ? op.operationId : `${method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`,
          definition: op,
          pointer: `#/paths/${pointerToken(path)}/${method}`,
          public: isPublic(doc, op),
        });
      }
    }
  }
  return out;
}

/** Fills path parameters, e.g. with an id that cannot exist. */
export function fillPath(path: string, value: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(value(name)));
}

const parameterCount = (template: string) => (template.match(/\{[^}]+\}/g) ?? []).length;

/** A path template as a pattern of whole paths: `/entries/{entryId}` matches `/entries/ent_1`. */
const templatePattern = (template: string) =>
  new RegExp(`^${template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);

interface Route {
  op: Operation;
  pattern: RegExp;
}

/**
 * Each platform's operations with their patterns, fewest path parameters first (document order
 * among equals), by documents: built on a platform's first lookup. A kit run looks up the
 * operation of ~1,000 answers, and listing the operations and building every template's pattern
 * again for each was ~3 % of a run against the in-process mock.
 */
const routeTables = new WeakMap<Specs, Map<Platform, Route[]>>();

function routesOf(specs: Specs, platform: Platform): Route[] {
  let tables = routeTables.get(specs);
  if (tables === undefined) routeTables.set(specs, (tables = new Map()));
  let routes = tables.get(platform);
  if (routes === undefined) {
    const ops = listOperations(specs, [platform]).sort((a, b) => parameterCount(a.path) - parameterCount(b.path));
    tables.set(platform, (routes = ops.map((op) => ({ op, pattern: templatePattern(op.path) }))));
  }
  return routes;
}

/**
 * The operation a request goes to: its method, and a path template its path (query left out)
 * matches; a template with fewer parameters wins (`/entries/search` over `/entries/{entryId}`).
 * The documents are read on the first lookup of a platform: change them after, and lookups do not see it.
 *
 * @example
 * ```ts
 * findOperation(specs, 'catalog', 'GET', '/entries/ent_1')?.operationId; // 'getEntry'
 * ```
 */
export function findOperation(specs: Specs, platform: Platform, method: string, path: string): Operation | undefined {
  const bare = path.split('?')[0] ?? path;
  const upper = method.toUpperCase();
  return routesOf(specs, platform).find((route) => route.op.method === upper && route.pattern.test(bare))?.op;
}
