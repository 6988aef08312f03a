import type { ErrorObject } from 'ajv/dist/2020.js';
import type { FieldError } from '@gdx/protocol';
import { closestName, didYouMean } from './did-you-mean.js';
import { declaredProperties, unresolved, type RefResolver } from './declared-properties.js';
import { describeFieldError } from './validation-messages.js';

/** Most field errors reported for one part of a request (a body, a query), by the validator and the hazard walk alike. */
export const MAX_FIELD_ERRORS = 50;

/** Keywords whose error names the field it is about in a parameter (the pointer gets that name). */
const FIELD_PARAM: Readonly<Record<string, string>> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  additionalProperties: 'additionalProperty',
  unevaluatedProperties: 'unevaluatedProperty',
};

/**
 * Keywords that only say that their subschema failed; the subschema's own errors say why: `if`
 * (its `then`/`else` failed), `propertyNames` (a name failed the pattern or length it reported
 * with `propertyName`).
 */
const WRAPPERS: ReadonlySet<string> = new Set(['if', 'propertyNames']);

/** One RFC 6901 reference token with its leading `/` (`~` → `~0`, `/` → `~1`). */
export const pointerToken = (name: string): string => `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** The pointer of an error: the value it is about, or the member its keyword or a field name names. */
function pointerOf(e: ErrorObject): string {
  if (e.propertyName !== undefined) return `${e.instancePath}${pointerToken(e.propertyName)}`;
  const param = FIELD_PARAM[e.keyword];
  const field = param === undefined ? undefined : (e.params as Record<string, unknown>)[param];
  return field === undefined ? e.instancePath : `${e.instancePath}${pointerToken(String(field))}`;
}

/** Whether `pointer` is `at` or below it. */
const within = (pointer: string, at: string): boolean => pointer === at || pointer.startsWith(`${at}/`);

/** The schema paths of the `then` and `else` of an `if` error (`#/allOf/1/then/` for `#/allOf/1/if`). */
function branchesOf(e: ErrorObject): [string, string] {
  const base = e.schemaPath.slice(0, -'if'.length);
  return [`${base}then/`, `${base}else/`];
}

/**
 * Errors of `then`/`else` branches whose `if` read a field that is itself missing or wrong: the
 * registration's `if: { properties: { type: { const: initial } } }` holds vacuously without a
 * `type` and fails for `type: 1`, so its branches asked for fields of a type the client never
 * chose. The field's own error says what to fix.
 */
function branchesOfBrokenConditions(all: readonly ErrorObject[], pointers: ReadonlyMap<ErrorObject, string>): Set<ErrorObject> {
  const dropped = new Set<ErrorObject>();
  for (const e of all) {
    if (e.keyword !== 'if') continue;
    const condition = (e.parentSchema as { if?: { properties?: Record<string, unknown> } } | undefined)?.if;
    const read = Object.keys(condition?.properties ?? {}).map((name) => `${e.instancePath}${pointerToken(name)}`);
    const inBranch = (other: ErrorObject) => branchesOf(e).some((branch) => other.schemaPath.startsWith(branch)) && within(other.instancePath, e.instancePath);
    const broken = read.some((field) => all.some((other) => !inBranch(other) && within(pointers.get(other) ?? '', field)));
    if (!broken) continue;
    for (const other of all) if (inBranch(other)) dropped.add(other);
  }
  return dropped;
}

/**
 * The field errors of one failed check, as the client should read them: each at the pointer of
 * the field it is about (`prefix` + ajv's instance path, plus the member a `required`,
 * `additionalProperties`, `unevaluatedProperties` or `dependentRequired` error names, or the key a
 * `propertyNames` check refused, RFC 6901-escaped), without the errors that only restate another
 * (`if` and `propertyNames` wrappers, branches of an `if` whose condition field is wrong, the same
 * error from two schemas, a TYPE beside an ENUM), at most 50.
 *
 * @example
 * ```ts
 * if (!check(body)) errors.push(...toFieldErrors(check.errors, ''));
 * // { foo: 1 } against a schema with `unevaluatedProperties: false` → [{ pointer: '/foo', code: 'UNKNOWN_FIELD', … }]
 * ```
 */
export function toFieldErrors(errors: readonly ErrorObject[] | null | undefined, prefix: string, resolve: RefResolver = unresolved): FieldError[] {
  const all = errors ?? [];
  const pointers = new Map(all.map((e) => [e, pointerOf(e)]));
  const dropped = branchesOfBrokenConditions(all, pointers);
  const kept = all.filter((e) => !WRAPPERS.has(e.keyword) && !dropped.has(e));
  const missing = missingByObject(kept);
  const described = kept.map((e) => ({ e, pointer: `${prefix}${pointers.get(e) ?? e.instancePath}`, ...describeFieldError(e) }));
  // A wrong type at a field that also failed its `enum` or `const` is said by that error better (it lists the allowed values).
  const enumAt = new Set(described.filter((d) => d.code === 'ENUM').map((d) => d.pointer));
  const seen = new Set<string>();
  const out: FieldError[] = [];
  // The did-you-mean compares a name with every declared one: made only for the errors answered,
  // not for each of the 60,000 unknown members a 1 MB body can hold.
  for (const { e, pointer, code, message } of described) {
    if (out.length === MAX_FIELD_ERRORS) break;
    if (code === 'TYPE' && enumAt.has(pointer)) continue;
    const unknown = unknownField(e);
    const suggestion = didYouMean(unknown === undefined ? suggestedValue(e) : suggestedField(unknown, e, missing, resolve));
    const error = { pointer, code, message: { zh: `${message.zh}${suggestion.zh}`, en: `${message.en}${suggestion.en}` } };
    // Where one error says the same as another (the same error from two schemas): the first is kept.
    const key = `${pointer}\n${code}\n${error.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
  }
  return out;
}

/** The name of the member an `additionalProperties` or `unevaluatedProperties` error refuses, if it is one. */
function unknownField(e: ErrorObject): string | undefined {
  const param = e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties' ? FIELD_PARAM[e.keyword] : undefined;
  const name = param === undefined ? undefined : (e.params as Record<string, unknown>)[param];
  return typeof name === 'string' ? name : undefined;
}

/** The required members reported missing, by the instance path of the object that lacks them. */
function missingByObject(errors: readonly ErrorObject[]): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const e of errors) {
    const name = e.keyword === 'required' ? (e.params as { missingProperty?: unknown }).missingProperty : undefined;
    if (typeof name !== 'string') continue;
    const names = missing.get(e.instancePath);
    if (names === undefined) missing.set(e.instancePath, [name]);
    else names.push(name);
  }
  return missing;
}

/**
 * The allowed value a string an `enum` refused is probably a slip for (`submited` → `submitted`,
 * `Registered` → `registered`). The validators are `verbose`, so the error carries the value.
 */
function suggestedValue(e: ErrorObject): string | undefined {
  if (e.keyword !== 'enum' || typeof e.data !== 'string') return undefined;
  const allowed = (e.params as { allowedValues?: unknown }).allowedValues;
  return Array.isArray(allowed) ? closestName(e.data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
}

/**
 * The member the unknown `name` is probably a misspelling of (`resourse` → `resource`): among the
 * members the same object is missing, then the properties the failing schema declares.
 */
function suggestedField(name: string, e: ErrorObject, missing: ReadonlyMap<string, readonly string[]>, resolve: RefResolver): string | undefined {
  return closestName(name, missing.get(e.instancePath) ?? []) ?? closestName(name, [...declaredProperties(e.parentSchema, resolve)]);
}
