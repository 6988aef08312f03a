// The property names a schema declares, through the schemas it is made of and the `$ref`s of its
// document: what an unknown field of a request is compared with (`field-errors.ts`).

/** Finds the schema a `$ref` names in the document the validators check, or `undefined`. */
export type RefResolver = (ref: string) => unknown;

/** A {@link RefResolver} that resolves nothing (a schema's own properties only). */
export const unresolved: RefResolver = () => undefined;

/** How deep {@link declaredProperties} follows `allOf`, `then`, `$ref`…: the contracts nest 2–3 levels. */
const MAX_SCHEMA_DEPTH = 8;

/**
 * The property names a schema declares for its object, its own and those of the schemas it is
 * made of (`allOf`, `anyOf`, `oneOf`, `then`, `else`, `$ref`): the names `unevaluatedProperties`
 * would have taken.
 *
 * @example
 * ```ts
 * declaredProperties({ allOf: [{ $ref: '#/components/schemas/EntryFields' }] }, refResolver(doc)); // Set { 'title', 'summary', … }
 * ```
 */
export function declaredProperties(schema: unknown, resolve: RefResolver, names = new Set<string>(), depth = 0, seen = new Set<unknown>()): Set<string> {
  if (depth > MAX_SCHEMA_DEPTH || typeof schema !== 'object' || schema === null || seen.has(schema)) return names;
  seen.add(schema);
  const s = schema as { properties?: unknown; $ref?: unknown; allOf?: unknown; anyOf?: unknown; oneOf?: unknown; then?: unknown; else?: unknown };
  if (typeof s.properties === 'object' && s.properties !== null) for (const name of Object.keys(s.properties)) names.add(name);
  if (typeof s.$ref === 'string') declaredProperties(resolve(s.$ref), resolve, names, depth + 1, seen);
  for (const part of [s.allOf, s.anyOf, s.oneOf]) if (Array.isArray(part)) for (const sub of part) declaredProperties(sub, resolve, names, depth + 1, seen);
  declaredProperties(s.then, resolve, names, depth + 1, seen);
  declaredProperties(s.else, resolve, names, depth + 1, seen);
  return names;
}

/**
 * A {@link RefResolver} over `doc`: a `$ref` of the form `#/json/pointer` (anything before the `#`,
 * such as the id the validators registered the document under, is ignored).
 *
 * @example
 * ```ts
 * refResolver(doc)('#/components/schemas/EntryFields'); // the EntryFields schema
 * ```
 */
export function refResolver(doc: unknown): RefResolver {
  return (ref) => {
    const hash = ref.indexOf('#/');
    if (hash < 0) return undefined;
    let node = doc;
    for (const token of ref.slice(hash + 2).split('/')) {
      if (typeof node !== 'object' || node === null) return undefined;
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
    return node;
  };
}
