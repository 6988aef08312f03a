import type { OpenApiDocument } from './platform-module.js';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/schemas/X`) of the document to the schema they name. */
function resolveLocal(doc: OpenApiDocument, schema: unknown): Schema | undefined {
  let current = schema;
  for (let hops = 0; hops < 8 && isSchema(current) && typeof current.$ref === 'string'; hops += 1) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (isSchema(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), doc);
  }
  return isSchema(current) ? current : undefined;
}

/**
 * `oneOf` with a discriminator: the value of `propertyName` picks the branch of `mapping`; a
 * missing or unknown value is one error listing the allowed values.
 */
function byDiscriminator(discriminator: { propertyName: string; mapping: Record<string, string> }): Schema[] {
  const { propertyName: name, mapping } = discriminator;
  return [
    { type: 'object', required: [name], properties: { [name]: { enum: Object.keys(mapping) } } },
    ...Object.entries(mapping).map(([value, ref]) => ({
      if: { properties: { [name]: { const: value } }, required: [name] },
      then: { $ref: ref },
    })),
  ];
}

/**
 * `oneOf` of closed objects each requiring a field no other branch knows ("exactly one of
 * `workingDays`, `duration`, `to`"): the field present picks the branch; none present is one
 * `anyOf` of the required fields.
 */
function byKey(doc: OpenApiDocument, branches: readonly unknown[]): Schema[] | undefined {
  const resolved = branches.map((branch) => resolveLocal(doc, branch));
  if (resolved.some((b) => b === undefined || b.additionalProperties !== false || !Array.isArray(b.required))) return undefined;
  const known = (b: Schema) => new Set([...(b.required as string[]), ...Object.keys(isSchema(b.properties) ? b.properties : {})]);
  const keys: string[] = [];
  for (const [i, branch] of (resolved as Schema[]).entries()) {
    const others = (resolved as Schema[]).filter((_, j) => j !== i).map(known);
    const key = (branch.required as string[]).find((k) => others.every((fields) => !fields.has(k)));
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return [
    { anyOf: keys.map((key) => ({ required: [key] })) },
    ...branches.map((branch, i) => ({ if: { required: [keys[i]] }, then: branch })),
  ];
}

function rewrite(doc: OpenApiDocument, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(doc, v));
  if (!isSchema(value)) return value;
  const out: Schema = {};
  for (const [k, v] of Object.entries(value)) out[k] = rewrite(doc, v);
  if (!Array.isArray(out.oneOf)) return out;
  const discriminator = out.discriminator as { propertyName?: unknown; mapping?: unknown } | undefined;
  const selected =
    isSchema(discriminator) && typeof discriminator.propertyName === 'string' && isSchema(discriminator.mapping)
      ? byDiscriminator(discriminator as { propertyName: string; mapping: Record<string, string> })
      : byKey(doc, out.oneOf);
  if (!selected) return out;
  const { oneOf: _oneOf, discriminator: _discriminator, ...rest } = out;
  return { ...rest, allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), ...selected] };
}

/**
 * A copy of the document in which every `oneOf` a reader can decide by one field checks only the
 * branch that field picks, so a validation problem names what is wrong with the body the client
 * meant instead of why it fails every other branch (a misspelt action used to answer 38 errors
 * from 38 actions). Decided by the discriminator where the contract has one (`action`, `kind`,
 * `mode`), else by the one field each closed branch alone requires (`ClockAdvance`). The
 * accepted bodies are the same: the branches of such a `oneOf` never overlap. Other `oneOf`s
 * stay as written.
 *
 * @example
 * ```ts
 * ajv.addSchema(withSelectedBranches(doc), 'gdx:simulation');
 * ```
 */
export function withSelectedBranches(doc: OpenApiDocument): OpenApiDocument {
  return rewrite(doc, doc) as OpenApiDocument;
}
