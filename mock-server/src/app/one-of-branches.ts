import type { Ajv2020, KeywordCxt } from 'ajv/dist/2020.js';
import { ajvCompiler } from '#lazy-dependencies';
import { declaredProperties, refResolver } from './declared-properties.js';
import type { OpenApiDocument } from './platform-module.js';

/**
 * The keyword `withSelectedBranches` writes for a `oneOf` decided by field names: its value lists
 * the names, exactly one of which an object must have. Fails with `params: { fields, present }`.
 */
export const ONE_OF_FIELDS = 'x-gdx-one-of-fields';

/**
 * Registers {@link ONE_OF_FIELDS} on an ajv instance that compiles documents made by
 * {@link withSelectedBranches}.
 *
 * @example
 * ```ts
 * registerOneOfFields(ajv);
 * ajv.addSchema(withSelectedBranches(doc), 'gdx:simulation');
 * ```
 */
export function registerOneOfFields(ajv: Ajv2020): void {
  const { _ } = ajvCompiler();
  // Defined by the code it generates (not a `validate` function), so that a validator written
  // out as ajv standalone code at build time carries it (decision 0027).
  ajv.addKeyword({
    keyword: ONE_OF_FIELDS,
    type: 'object',
    schemaType: 'array',
    error: {
      message: 'must have exactly one of the fields',
      params: ({ schemaCode, params }) => _`{fields: ${schemaCode}, present: ${params.present}}`,
    },
    code(cxt: KeywordCxt) {
      const { gen, data, schemaCode } = cxt;
      const present = gen.const('present', _`${schemaCode}.filter((field) => ${data}[field] !== undefined)`);
      cxt.setParams({ present });
      cxt.fail(_`${present}.length !== 1`);
    },
  });
}

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

/** Whether a schema is closed by `unevaluatedProperties: false` (beside its `allOf`, say). */
const closedByUnevaluated = (schema: Schema | undefined): boolean => schema?.unevaluatedProperties === false;

/**
 * The branch `ref` names, refusing with `additionalProperties` any member it does not declare
 * (through its `allOf`s and `$ref`s) besides the `shared` members of the schema holding the
 * `oneOf`. Used where the holder or the branch itself is closed by `unevaluatedProperties: false`:
 * once the branch failed for another reason (a missing `reasons`), ajv no longer counted its
 * members as evaluated and called each unknown (`/platform`, `/objectId`, …). A branch closed
 * that way is checked as a copy without it, the names closing it instead.
 */
function closedBranch(doc: OpenApiDocument, ref: string, shared: readonly string[]): Schema {
  const names = declaredProperties({ $ref: ref }, refResolver(doc), new Set(shared));
  const branch = resolveLocal(doc, { $ref: ref });
  let checked: unknown = { $ref: ref };
  if (branch !== undefined && closedByUnevaluated(branch)) {
    const { unevaluatedProperties: _closed, ...open } = branch;
    checked = rewrite(doc, open);
  }
  return { allOf: [checked], properties: Object.fromEntries([...names].map((name) => [name, true])), additionalProperties: false };
}

/**
 * `oneOf` with a discriminator: the value of `propertyName` picks the branch of `mapping`; a
 * missing or unknown value is one error listing the allowed values. With `closedOver` (the
 * members of a holder closed by `unevaluatedProperties: false`), each branch refuses the members
 * it does not declare itself ({@link closedBranch}).
 */
function byDiscriminator(doc: OpenApiDocument, discriminator: { propertyName: string; mapping: Record<string, string> }, closedOver?: readonly string[]): Schema[] {
  const { propertyName: name, mapping } = discriminator;
  return [
    { type: 'object', required: [name], properties: { [name]: { enum: Object.keys(mapping) } } },
    ...Object.entries(mapping).map(([value, ref]) => ({
      if: { properties: { [name]: { const: value } }, required: [name] },
      then: closedOver === undefined ? { $ref: ref } : closedBranch(doc, ref, [name, ...closedOver]),
    })),
  ];
}

/**
 * `oneOf` of closed objects each requiring a field no other branch knows ("exactly one of
 * `workingDays`, `duration`, `to`"): the field present picks the branch; none or several present is
 * one {@link ONE_OF_FIELDS} error naming them (several used to fire every branch they pick, each
 * calling the others' fields unknown).
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
  // A branch is checked only when its field is the only one present.
  const alone = (key: string): Schema => ({ required: [key], properties: Object.fromEntries(keys.filter((k) => k !== key).map((k) => [k, false])) });
  // With none or several present no branch is checked: a member none of them takes is still
  // refused, so that `{ workingDay: 1 }` is told its misspelling besides the fields it lacks.
  const anyBranchField = [...new Set((resolved as Schema[]).flatMap((b) => [...known(b)]))];
  const notExactlyOne: Schema = { if: { not: { oneOf: keys.map((key) => ({ required: [key] })) } }, then: { properties: Object.fromEntries(anyBranchField.map((field) => [field, true])), additionalProperties: false } };
  return [{ [ONE_OF_FIELDS]: keys }, notExactlyOne, ...branches.map((branch, i) => ({ if: alone(keys[i] as string), then: branch }))];
}

/** The JSON type a schema requires, `number` for `integer` (a number may be both), if it names one. */
function jsonTypeOf(schema: Schema | undefined): string | undefined {
  if (schema === undefined || typeof schema.type !== 'string') return undefined;
  return schema.type === 'integer' ? 'number' : schema.type;
}

/**
 * `oneOf` of branches of distinct JSON types (a shipped profile's name or an inline profile
 * object): the value's type picks the branch; another type is one `type` error listing theirs.
 */
function byType(doc: OpenApiDocument, branches: readonly unknown[]): Schema[] | undefined {
  const types = branches.map((branch) => jsonTypeOf(resolveLocal(doc, branch)));
  if (types.some((t) => t === undefined) || new Set(types).size !== types.length) return undefined;
  const declared = branches.map((branch) => (resolveLocal(doc, branch) as Schema).type as string);
  return [{ type: declared }, ...branches.map((branch, i) => ({ if: { type: declared[i] }, then: branch }))];
}

function rewrite(doc: OpenApiDocument, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(doc, v));
  if (!isSchema(value)) return value;
  const out: Schema = {};
  for (const [k, v] of Object.entries(value)) out[k] = rewrite(doc, v);
  if (!Array.isArray(out.oneOf)) return out;
  const discriminator = out.discriminator as { propertyName?: unknown; mapping?: unknown } | undefined;
  const discriminated = isSchema(discriminator) && typeof discriminator.propertyName === 'string' && isSchema(discriminator.mapping);
  // A discriminated oneOf closed by `unevaluatedProperties` — on its holder, or on every branch
  // (`OfficialAction`'s variants) — is closed branch by branch with the names each declares.
  const branchesClosed = discriminated && Object.values((discriminator as { mapping: Record<string, unknown> }).mapping).every((ref) => typeof ref === 'string' && closedByUnevaluated(resolveLocal(doc, { $ref: ref })));
  const closedOver = discriminated && (out.unevaluatedProperties === false || branchesClosed) ? Object.keys(isSchema(out.properties) ? out.properties : {}) : undefined;
  const selected = discriminated
    ? byDiscriminator(doc, discriminator as { propertyName: string; mapping: Record<string, string> }, closedOver)
    : (byKey(doc, out.oneOf) ?? byType(doc, out.oneOf));
  if (!selected) return out;
  const { oneOf: _oneOf, discriminator: _discriminator, ...rest } = out;
  if (closedOver !== undefined) delete rest.unevaluatedProperties;
  return { ...rest, allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), ...selected] };
}

/**
 * A copy of the document in which every `oneOf` a reader can decide by one field checks only the
 * branch that field picks, so a validation problem names what is wrong with the body the client
 * meant instead of why it fails every other branch (a misspelt action used to answer 38 errors
 * from 38 actions). Decided by the discriminator where the contract has one (`action`, `kind`,
 * `mode`), else by the one field each closed branch alone requires (`ClockAdvance`, with the
 * {@link ONE_OF_FIELDS} keyword: register it with {@link registerOneOfFields}), else by the JSON
 * type when each branch has its own (a sandbox's `profile`). The accepted bodies are the same:
 * the branches of such a `oneOf` never overlap. A discriminated one closed by
 * `unevaluatedProperties: false`, on its schema or on each branch (`OfficialAction`'s variants),
 * refuses, in each branch, the members that branch does not declare, and a `ClockAdvance` with none or several of its fields the members no branch
 * declares, so a misspelt member is named where it would otherwise go unsaid. Other `oneOf`s stay
 * as written.
 *
 * @example
 * ```ts
 * ajv.addSchema(withSelectedBranches(doc), 'gdx:simulation');
 * ```
 */
export function withSelectedBranches(doc: OpenApiDocument): OpenApiDocument {
  return rewrite(doc, doc) as OpenApiDocument;
}
