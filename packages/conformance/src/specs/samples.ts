import type { Random } from '../runner/random.js';
import { breakCreditCode, makeCreditCode } from '../rules/credit-code.js';
import type { OpenApiDocument } from './load-specs.js';

type Schema = Record<string, unknown>;

/** The target of each `$ref` met, by document: a run resolves the same few hundred references thousands of times. */
const targets = new WeakMap<OpenApiDocument, Map<string, unknown>>();

/** Follows local `$ref`s (`#/components/...`) inside one document. */
export function resolveRef(doc: OpenApiDocument, schema: unknown): Schema {
  let current = schema as Schema;
  for (let depth = 0; depth < 32 && typeof current?.$ref === 'string'; depth += 1) current = targetOf(doc, current.$ref as string) as Schema;
  return current ?? {};
}

/**
 * What one `$ref` points at in `doc` (documents are not changed once loaded), one step: a target
 * that is itself a `$ref` is returned as it is.
 *
 * @example
 * ```ts
 * targetOf(doc, '#/components/schemas/Application'); // { type: 'object', … }
 * ```
 */
export function targetOf(doc: OpenApiDocument, ref: string): unknown {
  let known = targets.get(doc);
  if (known === undefined) targets.set(doc, (known = new Map()));
  if (known.has(ref)) return known.get(ref);
  let target: unknown = doc;
  for (const token of ref.replace(/^#\//, '').split('/')) {
    target = (target as Schema | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  known.set(ref, target);
  return target;
}

/** Merges `allOf` parts into one object schema (enough for sample generation). */
function flatten(doc: OpenApiDocument, schema: unknown): Schema {
  const s = resolveRef(doc, schema);
  if (!Array.isArray(s.allOf)) return s;
  const parts = s.allOf.map((p) => flatten(doc, p));
  return {
    ...Object.assign({}, ...parts),
    ...s,
    allOf: undefined,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), s.properties ?? {}),
    required: [...new Set([...parts.flatMap((p) => (p.required as string[] | undefined) ?? []), ...((s.required as string[] | undefined) ?? [])])],
  };
}

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2025-09-26T10:00:00+08:00',
  date: '2025-09-26',
  email: 'conformance@example.org',
  uri: 'https://example.org/evidence/1',
  uuid: '00000000-0000-4000-8000-000000000001',
};

/**
 * Builds a plausible valid instance of a schema: the documented `example` when there is one,
 * otherwise required properties filled from types, enums, formats and credit-code fields.
 *
 * @example
 * ```ts
 * const body = sampleFromSchema(doc, requestSchema, createRandom('1'), { creditCode: org.creditCode });
 * ```
 */
export function sampleFromSchema(doc: OpenApiDocument, schema: unknown, random: Random, hints: { creditCode?: string } = {}, name = ''): unknown {
  const s = flatten(doc, schema);
  if (s.example !== undefined) return structuredClone(s.example);
  if (Array.isArray(s.examples) && s.examples.length > 0) return structuredClone(s.examples[0]);
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const variants = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) return sampleFromSchema(doc, variants[0], random, hints, name);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (/creditcode/i.test(name)) return hints.creditCode ?? makeCreditCode(random);
  switch (type ?? (s.properties ? 'object' : 'string')) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      for (const key of (s.required as string[] | undefined) ?? []) out[key] = sampleFromSchema(doc, properties[key] ?? {}, random, hints, key);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, Number(s.minItems ?? 1)) }, () => sampleFromSchema(doc, s.items ?? {}, random, hints, name));
    case 'integer':
    case 'number':
      return Math.max(Number(s.minimum ?? 1), 1);
    case 'boolean':
      return true;
    default: {
      const format = typeof s.format === 'string' ? FORMAT_SAMPLES[s.format] : undefined;
      if (format !== undefined) return format;
      return `conformance-${random.string(Math.max(4, Number(s.minLength ?? 4)))}`.slice(0, Number(s.maxLength ?? 64));
    }
  }
}

/** A body that must be rejected, and why. */
export interface InvalidInput {
  kind: 'missing_required' | 'wrong_type' | 'bad_enum' | 'bad_credit_code' | 'not_json';
  pointer: string;
  body: unknown;
}

/**
 * Derives invalid variants of a valid sample from its schema: a required property removed, a
 * property of the wrong type, an enum value that does not exist, a credit code with a wrong check
 * character (searched one level deep), and a body that is not JSON.
 *
 * @example
 * ```ts
 * for (const bad of invalidInputs(doc, schema, sample, random)) await http.request('POST', p, path, { json: bad.body });
 * ```
 */
export function invalidInputs(doc: OpenApiDocument, schema: unknown, sample: unknown, random: Random): InvalidInput[] {
  const s = flatten(doc, schema);
  const out: InvalidInput[] = [{ kind: 'not_json', pointer: '', body: undefined }];
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return out;
  const base = sample as Record<string, unknown>;
  const properties = (s.properties ?? {}) as Record<string, unknown>;
  const required = ((s.required as string[] | undefined) ?? []).filter((k) => k in base);
  if (required.length > 0) {
    const key = random.pick(required);
    const { [key]: _removed, ...rest } = base;
    out.push({ kind: 'missing_required', pointer: `/${key}`, body: rest });
  }
  const keys = Object.keys(base);
  if (keys.length > 0) {
    const key = random.pick(keys);
    const value = base[key];
    out.push({ kind: 'wrong_type', pointer: `/${key}`, body: { ...base, [key]: typeof value === 'number' || typeof value === 'boolean' ? 'not-a-number' : 12345 } });
  }
  const enumKey = keys.find((k) => Array.isArray(flatten(doc, properties[k] ?? {}).enum));
  if (enumKey !== undefined) out.push({ kind: 'bad_enum', pointer: `/${enumKey}`, body: { ...base, [enumKey]: 'not_a_documented_value' } });
  const credit = findCreditCode(base);
  if (credit) out.push({ kind: 'bad_credit_code', pointer: credit.pointer, body: credit.replace(breakCreditCode(credit.value)) });
  return out;
}

function findCreditCode(base: Record<string, unknown>): { pointer: string; value: string; replace(v: string): unknown } | undefined {
  for (const [key, value] of Object.entries(base)) {
    if (/creditcode/i.test(key) && typeof value === 'string') return { pointer: `/${key}`, value, replace: (v) => ({ ...base, [key]: v }) };
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        if (/creditcode/i.test(inner) && typeof innerValue === 'string') {
          return { pointer: `/${key}/${inner}`, value: innerValue, replace: (v) => ({ ...base, [key]: { ...value, [inner]: v } }) };
        }
      }
    }
  }
  return undefined;
}

/**
 * The first documented example of a request body (`example`, or the first of `examples`), which
 * is the best valid body a contract offers; `undefined` when there is none.
 *
 * @example
 * ```ts
 * documentedExample(op.requestBody.content['application/json']); // { type: 'initial', … }
 * ```
 */
export function documentedExample(media: Record<string, unknown> | undefined): unknown {
  const example = exampleIn(media);
  return example === undefined ? undefined : structuredClone(example);
}

/** The documented example itself, not a copy: the caller must not change it. */
function exampleIn(media: Record<string, unknown> | undefined): unknown {
  if (media?.example !== undefined) return media.example;
  const first = Object.values((media?.examples ?? {}) as Record<string, unknown>)[0];
  return first && typeof first === 'object' && 'value' in first ? (first as { value: unknown }).value : undefined;
}

const ACTING_PARTY = /^(registrants?|providers?|applicants?|requesters?|users?)$/i;

/**
 * Puts the caller's credit code wherever a body names the acting party (`registrants[].creditCode`,
 * `provider.creditCode`, …), so a documented example is submitted in the caller's own name.
 *
 * @example
 * ```ts
 * withActingParty({ registrants: [{ creditCode: 'X' }] }, code); // { registrants: [{ creditCode: code }] }
 * ```
 */
export function withActingParty(value: unknown, creditCode: string, acting = false): unknown {
  if (Array.isArray(value)) return value.map((v) => withActingParty(v, creditCode, acting));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (acting && /^creditcode$/i.test(key) && typeof inner === 'string') return [key, creditCode];
      return [key, withActingParty(inner, creditCode, ACTING_PARTY.test(key))];
    }),
  );
}

/**
 * A valid body for a JSON request: the documented example when there is one, else one generated
 * from the schema; in both cases in the name of `creditCode`'s organisation.
 *
 * @example
 * ```ts
 * const body = requestSample(doc, media, random, org.creditCode);
 * ```
 */
export function requestSample(doc: OpenApiDocument, media: Record<string, unknown>, random: Random, creditCode: string | undefined): unknown {
  if (creditCode === undefined) return documentedExample(media) ?? sampleFromSchema(doc, media.schema ?? {}, random, {});
  // `withActingParty` builds a new value throughout, so the example needs no copy of its own.
  return withActingParty(exampleIn(media) ?? sampleFromSchema(doc, media.schema ?? {}, random, { creditCode }), creditCode);
}
