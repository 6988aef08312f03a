// Test helper shared by the SDK packages: every example of a bundled spec must parse with the
// generated zod schemas, and mutated examples must not. Kept in TypeScript and free of the
// generator's .mjs modules so SDK typechecks can follow the import.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The part of a zod schema the drift checks use. */
export interface Parser {
  safeParse(value: unknown): { success: boolean };
}

/** Generated schema maps of one SDK (`schemas.ts`). */
export interface GeneratedSchemas {
  schemas: Record<string, Parser>;
  requestBodySchemas: Record<string, Parser>;
  responseSchemas: Record<string, Parser>;
}

/** One example of the spec with the zod schema and JSON Schema it must satisfy. */
export interface ExampleCase {
  where: string;
  value: unknown;
  parser: Parser;
  jsonSchema: unknown;
}

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);

/**
 * Reads `@gdx/openapi`'s bundled document of a platform.
 * @example const doc = loadBundledSpec('registration');
 */
export function loadBundledSpec(name: string): Json {
  return JSON.parse(readFileSync(require.resolve(`@gdx/openapi/bundled/${name}.json`), 'utf8')) as Json;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Follows local `$ref`s.
 * @example deref(doc, { $ref: '#/components/schemas/Application' })
 */
export function deref(doc: Json, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 32) throw new Error(`$ref chain too long at ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((n, key) => (isObject(n) ? n[key.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined), doc);
  }
  return current;
}

/** Values of a media type's `example` / `examples` and a schema's `example` / `examples`. */
function examplesOf(doc: Json, holder: Json): [string, unknown][] {
  const found: [string, unknown][] = [];
  if ('example' in holder) found.push(['example', holder.example]);
  if (Array.isArray(holder.examples)) holder.examples.forEach((v, i) => found.push([`examples[${i}]`, v]));
  else if (isObject(holder.examples)) {
    for (const [name, ex] of Object.entries(holder.examples)) {
      const resolved = deref(doc, ex);
      if (isObject(resolved) && 'value' in resolved) found.push([`examples.${name}`, resolved.value]);
    }
  }
  return found;
}

/**
 * Every example of a document paired with the generated zod schema it must satisfy: component
 * schema examples, request body examples and 2xx JSON response examples.
 * @example for (const c of collectExamples(doc, generated)) expect(c.parser.safeParse(c.value).success).toBe(true);
 */
export function collectExamples(doc: Json, generated: GeneratedSchemas): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const components = (isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {}) as Json;
  for (const [name, schema] of Object.entries(components)) {
    const parser = generated.schemas[name];
    if (!parser || !isObject(schema)) continue;
    for (const [label, value] of examplesOf(doc, schema)) cases.push({ where: `components.schemas.${name}.${label}`, value, parser, jsonSchema: schema });
  }
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
    for (const [verb, op] of Object.entries(deref(doc, item) as Json)) {
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const id = op.operationId;
      const body = deref(doc, op.requestBody);
      const bodyParser = generated.requestBodySchemas[id];
      if (isObject(body) && isObject(body.content) && bodyParser) {
        for (const [type, media] of Object.entries(body.content)) {
          if (!/json$/.test(type) || !isObject(media)) continue;
          for (const [label, value] of examplesOf(doc, media)) cases.push({ where: `${verb.toUpperCase()} ${path} body ${label}`, value, parser: bodyParser, jsonSchema: media.schema });
        }
      }
      const responses = isObject(op.responses) ? op.responses : {};
      const ok = Object.keys(responses).find((code) => code.startsWith('2'));
      for (const [code, raw] of Object.entries(responses)) {
        // shared responses (`$ref` to components/responses) are checked once, below
        if (isObject(raw) && typeof raw.$ref === 'string') continue;
        const where = `${verb.toUpperCase()} ${path} ${code}`;
        cases.push(...responseExamples(doc, raw, where, code === ok ? generated.responseSchemas[id] : undefined, generated));
      }
    }
  }
  const shared = isObject(doc.components) && isObject(doc.components.responses) ? doc.components.responses : {};
  for (const [name, response] of Object.entries(shared)) {
    cases.push(...responseExamples(doc, response, `components.responses.${name}`, undefined, generated));
  }
  return cases;
}

/**
 * Examples of a response's JSON media types, checked with `parser` or else with the component
 * schema the media type's schema refers to (e.g. `ProblemDetails` for error answers).
 */
function responseExamples(doc: Json, response: unknown, where: string, parser: Parser | undefined, generated: GeneratedSchemas): ExampleCase[] {
  const resolved = deref(doc, response);
  if (!isObject(resolved) || !isObject(resolved.content)) return [];
  const cases: ExampleCase[] = [];
  for (const [type, media] of Object.entries(resolved.content)) {
    if (!/json$/.test(type) || !isObject(media)) continue;
    const ref = isObject(media.schema) && typeof media.schema.$ref === 'string' ? media.schema.$ref : '';
    const check = parser ?? generated.schemas[ref.replace('#/components/schemas/', '')];
    if (!check) continue;
    for (const [label, value] of examplesOf(doc, media)) cases.push({ where: `${where} ${label}`, value, parser: check, jsonSchema: media.schema });
  }
  return cases;
}

/** The object schema an example is validated by, picking the `oneOf` branch its discriminator names. */
function objectSchema(doc: Json, schema: unknown, value: Json): Json | undefined {
  const resolved = deref(doc, schema);
  if (!isObject(resolved)) return undefined;
  if (Array.isArray(resolved.oneOf) && isObject(resolved.discriminator)) {
    const prop = String(resolved.discriminator.propertyName);
    const branch = resolved.oneOf
      .map((b) => deref(doc, b))
      .find((b) => isObject(b) && isObject(b.properties) && isObject(b.properties[prop]) && b.properties[prop].const === value[prop]);
    return isObject(branch) ? branch : undefined;
  }
  return isObject(resolved.properties) ? resolved : undefined;
}

/** A value of the wrong JSON type for a property schema, or undefined when any type is allowed. */
function wrongType(schema: Json): unknown {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0 && !schema.enum && !('const' in schema)) return undefined;
  if (!types.includes('boolean')) return true;
  if (!types.includes('array')) return [];
  return undefined;
}

/**
 * Broken copies of an object example that its schema must reject: a required field removed, an
 * enum/const field set to an unknown value, a field given the wrong type.
 * @example mutants(doc, schema, example).map((m) => m.name)
 */
export function mutants(doc: Json, jsonSchema: unknown, value: unknown): { name: string; value: unknown }[] {
  if (!isObject(value)) return [];
  const schema = objectSchema(doc, jsonSchema, value);
  if (!schema || !isObject(schema.properties)) return [];
  const out: { name: string; value: unknown }[] = [];
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const missing = required.find((key) => key in value);
  if (missing) {
    const { [missing]: _dropped, ...rest } = value;
    out.push({ name: `without required ${missing}`, value: rest });
  }
  for (const [key, raw] of Object.entries(schema.properties)) {
    if (!(key in value)) continue;
    const prop = deref(doc, raw);
    if (!isObject(prop)) continue;
    if (Array.isArray(prop.enum) || 'const' in prop) {
      out.push({ name: `${key} outside its enum`, value: { ...value, [key]: '__not_a_member__' } });
      continue;
    }
    const wrong = wrongType(prop);
    if (wrong !== undefined && out.every((m) => !m.name.includes('wrong type'))) {
      out.push({ name: `${key} of the wrong type`, value: { ...value, [key]: wrong } });
    }
  }
  return out;
}
