// Translates one JSON Schema (OpenAPI 3.1 dialect) into zod 4 source code.
import { componentName } from './load-spec.mjs';
import { propertyKey } from './names.mjs';

/**
 * @typedef {object} ZodContext
 * @property {(component: string) => string} ref  expression for a `$ref` to a component schema
 * @property {(component: string) => any} resolve  the JSON Schema of a component
 */

/**
 * Helpers the emitted code calls, written once at the top of `schemas.ts`: `if`/`then`/`else`
 * and `unevaluatedProperties: false` have no zod counterpart.
 */
export const ZOD_HELPERS = `
/** JSON Schema \`if\`/\`then\`/\`else\`: the value must satisfy \`then\` when it satisfies \`test\`, else \`otherwise\`. */
function conditional(test: z.ZodType, then: z.ZodType, otherwise: z.ZodType): z.ZodType<unknown> {
  return z.unknown().superRefine((value, ctx) => {
    const result = (test.safeParse(value).success ? then : otherwise).safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: value });
    }
  });
}

/** JSON Schema \`unevaluatedProperties: false\`: no keys besides those any subschema declares. */
function closedKeys<T extends z.ZodType>(schema: T, keys: readonly string[]): T {
  return schema.superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) ctx.addIssue({ code: 'custom', message: \`unknown property "\${key}"\`, path: [key], input: value });
    }
  }) as unknown as T;
}

/** A required key whose schema is \`true\` (any value, but present). */
const present = z.unknown().refine((value) => value !== undefined, 'required');
`;

/** String formats with a dedicated zod 4 check. Instants carry `+08:00`, hence `offset`. */
const STRING_FORMATS = {
  'date-time': 'z.iso.datetime({ offset: true })',
  date: 'z.iso.date()',
  time: 'z.iso.time()',
  email: 'z.email()',
  uuid: 'z.uuid()',
  uri: 'z.url()',
  ipv4: 'z.ipv4()',
  ipv6: 'z.ipv6()',
};

/**
 * zod source for a JSON Schema.
 * @param {any} schema
 * @param {ZodContext} ctx
 * @returns {string}
 * @example schemaToZod({ type: 'string', format: 'date' }, ctx) // 'z.iso.date()'
 */
export function schemaToZod(schema, ctx) {
  if (schema === true || schema === undefined) return 'z.unknown()';
  if (schema === false) return 'z.never()';
  let code = baseZod(schema, ctx);
  if (schema.nullable === true) code = `${code}.nullable()`;
  if (schema.if !== undefined) {
    const test = `conditional(${schemaToZod(schema.if, ctx)}, ${schemaToZod(schema.then, ctx)}, ${schemaToZod(schema.else, ctx)})`;
    code = code === 'z.unknown()' ? test : `z.intersection(${code}, ${test})`;
  }
  if (schema.unevaluatedProperties === false) code = `closedKeys(${code}, ${JSON.stringify([...evaluatedKeys(schema, ctx)])})`;
  return code;
}

/**
 * Property names any part of a schema declares (for `unevaluatedProperties: false`).
 * @param {any} schema
 * @param {ZodContext} ctx
 * @param {Set<string>} [keys]
 * @param {Set<string>} [seen] component names already visited
 * @returns {Set<string>}
 */
function evaluatedKeys(schema, ctx, keys = new Set(), seen = new Set()) {
  if (!schema || typeof schema !== 'object') return keys;
  if (typeof schema.$ref === 'string') {
    const name = componentName(schema.$ref);
    if (name && !seen.has(name)) {
      seen.add(name);
      evaluatedKeys(ctx.resolve(name), ctx, keys, seen);
    }
    return keys;
  }
  Object.keys(schema.properties ?? {}).forEach((k) => keys.add(k));
  for (const group of ['allOf', 'anyOf', 'oneOf']) (schema[group] ?? []).forEach((/** @type {any} */ s) => evaluatedKeys(s, ctx, keys, seen));
  for (const part of ['if', 'then', 'else']) evaluatedKeys(schema[part], ctx, keys, seen);
  return keys;
}

/**
 * @param {any} schema
 * @param {ZodContext} ctx
 * @returns {string}
 */
function baseZod(schema, ctx) {
  if (typeof schema.$ref === 'string') {
    const name = componentName(schema.$ref);
    if (!name) throw new Error(`unsupported schema $ref ${schema.$ref}`);
    return ctx.ref(name);
  }
  if ('const' in schema) return literal(schema.const);
  if (Array.isArray(schema.enum)) return enumZod(schema.enum);
  if (schema.oneOf) return oneOfZod(schema, ctx);
  if (schema.anyOf) return unionOf(schema.anyOf.map((/** @type {any} */ s) => schemaToZod(s, ctx)));
  if (schema.allOf) return allOfZod(schema, ctx);
  if (schema.type === undefined && schema.if !== undefined && !schema.properties && !schema.required) return 'z.unknown()';
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : inferTypes(schema);
  const nonNull = types.filter((/** @type {string} */ t) => t !== 'null');
  const nullable = nonNull.length < types.length;
  if (nonNull.length === 0) return nullable ? 'z.null()' : 'z.unknown()';
  const code = unionOf(nonNull.map((/** @type {string} */ t) => typedZod(t, schema, ctx)));
  return nullable ? `${code}.nullable()` : code;
}

/**
 * Keyword-only schemas (`properties` without `type`) are still objects, etc.
 * @param {any} schema
 * @returns {string[]}
 */
function inferTypes(schema) {
  if (schema.properties || schema.required || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/** @param {string[]} members */
function unionOf(members) {
  const unique = [...new Set(members)];
  return unique.length === 1 ? /** @type {string} */ (unique[0]) : `z.union([${unique.join(', ')}])`;
}

/** @param {unknown} value */
function literal(value) {
  return value === null ? 'z.null()' : `z.literal(${JSON.stringify(value)})`;
}

/** @param {unknown[]} values */
function enumZod(values) {
  const nonNull = values.filter((v) => v !== null);
  let code;
  if (nonNull.length > 0 && nonNull.every((v) => typeof v === 'string')) code = `z.enum(${JSON.stringify(nonNull)})`;
  else code = unionOf(nonNull.map(literal));
  return nonNull.length < values.length ? `${code}.nullable()` : code;
}

/**
 * A discriminated union when the spec names a discriminator, else a plain union.
 * @param {any} schema
 * @param {ZodContext} ctx
 */
function oneOfZod(schema, ctx) {
  const members = schema.oneOf.map((/** @type {any} */ s) => schemaToZod(s, ctx));
  const prop = schema.discriminator?.propertyName;
  return prop && members.length > 1 ? `z.discriminatedUnion(${JSON.stringify(prop)}, [${members.join(', ')}])` : unionOf(members);
}

/**
 * `allOf` of plain object schemas (the usual "base + extra fields" shape) becomes one merged object,
 * so it stays a ZodObject usable in a discriminated union; anything else is an intersection.
 * @param {any} schema
 * @param {ZodContext} ctx
 */
function allOfZod(schema, ctx) {
  // if/then/else and unevaluatedProperties apply to the whole, so schemaToZod adds them once
  const { allOf, if: _if, then: _then, else: _else, unevaluatedProperties: _unevaluated, ...rest } = schema;
  const merged = mergeObjects([...allOf, rest], ctx, new Set());
  if (merged) return objectZod(merged, ctx);
  const parts = allOf.map((/** @type {any} */ s) => schemaToZod(s, ctx));
  if (rest.properties || rest.required || rest.type) parts.push(schemaToZod(rest, ctx));
  return parts.reduce((/** @type {string} */ acc, /** @type {string} */ part) => `z.intersection(${acc}, ${part})`);
}

/** Keywords a schema may carry and still be merged as a plain object. */
const MERGEABLE = new Set(['type', 'properties', 'required', 'allOf', 'additionalProperties', 'description', 'title', 'example', 'examples']);

/**
 * Properties and required keys of object schemas, or undefined when one is not a plain open object.
 * @param {any[]} members
 * @param {ZodContext} ctx
 * @param {Set<string>} seen components being inlined (guards against reference cycles)
 * @returns {{ type: 'object', properties: Record<string, any>, required: string[] } | undefined}
 */
function mergeObjects(members, ctx, seen) {
  /** @type {Record<string, any>} */
  const properties = {};
  /** @type {string[]} */
  const required = [];
  for (const member of members) {
    let flat = member;
    if (typeof member?.$ref === 'string') {
      const name = componentName(member.$ref);
      if (!name || seen.has(name)) return undefined;
      flat = mergeObjects([ctx.resolve(name)], ctx, new Set([...seen, name]));
    } else if (member && typeof member === 'object') {
      // Specification extensions (`x-…`) annotate a schema without constraining it.
      if (Object.keys(member).some((k) => !MERGEABLE.has(k) && !k.startsWith('x-'))) return undefined;
      if (member.type !== undefined && member.type !== 'object') return undefined;
      if (member.additionalProperties !== undefined && member.additionalProperties !== true) return undefined;
      if (member.allOf) {
        const { allOf, ...own } = member;
        flat = mergeObjects([...allOf, own], ctx, seen);
      }
    } else return undefined;
    if (!flat) return undefined;
    for (const [key, value] of Object.entries(flat.properties ?? {})) {
      if (key in properties && JSON.stringify(properties[key]) !== JSON.stringify(value)) return undefined;
      properties[key] = value;
    }
    required.push(...(flat.required ?? []));
  }
  return { type: 'object', properties, required: [...new Set(required)] };
}

/**
 * @param {string} type
 * @param {any} schema
 * @param {ZodContext} ctx
 * @returns {string}
 */
function typedZod(type, schema, ctx) {
  switch (type) {
    case 'string':
      return stringZod(schema);
    case 'integer':
      return numberZod('z.int()', schema);
    case 'number':
      return numberZod('z.number()', schema);
    case 'boolean':
      return 'z.boolean()';
    case 'array':
      return arrayZod(schema, ctx);
    case 'object':
      return objectZod(schema, ctx);
    default:
      throw new Error(`unsupported schema type ${type}`);
  }
}

/** @param {any} schema */
function stringZod(schema) {
  let code = STRING_FORMATS[/** @type {keyof typeof STRING_FORMATS} */ (schema.format)] ?? 'z.string()';
  if (schema.minLength !== undefined) code += `.min(${schema.minLength})`;
  if (schema.maxLength !== undefined) code += `.max(${schema.maxLength})`;
  if (schema.pattern !== undefined) code += `.regex(new RegExp(${JSON.stringify(schema.pattern)}, 'u'))`;
  return code;
}

/**
 * @param {string} base
 * @param {any} schema
 */
function numberZod(base, schema) {
  let code = base;
  if (schema.minimum !== undefined) code += `.gte(${schema.minimum})`;
  if (schema.maximum !== undefined) code += `.lte(${schema.maximum})`;
  if (typeof schema.exclusiveMinimum === 'number') code += `.gt(${schema.exclusiveMinimum})`;
  if (typeof schema.exclusiveMaximum === 'number') code += `.lt(${schema.exclusiveMaximum})`;
  if (schema.multipleOf !== undefined) code += `.multipleOf(${schema.multipleOf})`;
  return code;
}

/**
 * @param {any} schema
 * @param {ZodContext} ctx
 */
function arrayZod(schema, ctx) {
  let code = `z.array(${schemaToZod(schema.items, ctx)})`;
  if (schema.minItems !== undefined) code += `.min(${schema.minItems})`;
  if (schema.maxItems !== undefined) code += `.max(${schema.maxItems})`;
  return code;
}

/**
 * Closed objects (`additionalProperties: false`) reject unknown keys; open ones keep them, so
 * validating a response never drops fields a newer platform added.
 * @param {any} schema
 * @param {ZodContext} ctx
 */
function objectZod(schema, ctx) {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const extra = schema.additionalProperties;
  // a required key the schema does not describe (e.g. declared in an allOf sibling) must still be present
  const keys = [...new Set([...Object.keys(props), ...required])];
  if (keys.length === 0 && extra && extra !== true) {
    return `z.record(z.string(), ${schemaToZod(extra, ctx)})`;
  }
  const fields = keys.map((key) => {
    const value = props[key] === undefined || props[key] === true ? 'present' : schemaToZod(props[key], ctx);
    if (!required.has(key)) return `${propertyKey(key)}: ${value === 'present' ? 'z.unknown()' : value}.optional()`;
    return `${propertyKey(key)}: ${value}`;
  });
  const shape = `{ ${fields.join(', ')} }`;
  if (extra === false) return `z.strictObject(${shape})`;
  if (extra && extra !== true) return `z.object(${shape}).catchall(${schemaToZod(extra, ctx)})`;
  return `z.looseObject(${shape})`;
}
