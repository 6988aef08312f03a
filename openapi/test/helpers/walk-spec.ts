import type { OpenApiDocument } from '../../src/index.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type JsonObject = Record<string, unknown>;

export interface OperationRef {
  method: string;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
}

/** Every operation of a document, in document order. */
export function operationsOf(spec: OpenApiDocument): OperationRef[] {
  const result: OperationRef[] = [];
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation) result.push({ method, path, operation: operation as JsonObject, pathItem });
    }
  }
  return result;
}

/** Resolves a local `$ref` (`#/components/...`) of a bundled document, following chains. */
export function resolve<T = JsonObject>(spec: OpenApiDocument, node: unknown): T {
  let current = node as JsonObject;
  const seen = new Set<string>();
  while (current && typeof current['$ref'] === 'string') {
    const ref = current['$ref'];
    if (!ref.startsWith('#/') || seen.has(ref)) throw new Error(`unresolvable $ref ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((acc, key) => (acc as JsonObject | undefined)?.[key], spec) as JsonObject;
    if (current === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return current as T;
}

/** The parameters of an operation, path-level ones included, resolved. */
export function parametersOf(spec: OpenApiDocument, ref: OperationRef): JsonObject[] {
  const raw = [
    ...((ref.pathItem['parameters'] as unknown[] | undefined) ?? []),
    ...((ref.operation['parameters'] as unknown[] | undefined) ?? []),
  ];
  return raw.map((p) => resolve(spec, p));
}

/** JSON pointer escaping of one token. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
