// Every string, array and integer a client can send is bounded (issue 8), so a field added later
// cannot slip through unbounded; the response-only components that .spectral.yaml exempts
// from the OWASP bound rules are really never part of a request, and every response-only
// component those rules would flag is exempted.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBundledSpec, SPEC_NAMES, type SpecName } from '../src/index.js';
import { flaggedNodes, missingBounds, requestSchemas } from './helpers/request-schemas.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The kind of `components` entry each shared file is bundled into. */
const COMMON_KINDS: Record<string, string> = {
  'common/schemas.yaml': 'schemas',
  'common/parameters.yaml': 'parameters',
  'common/headers.yaml': 'headers',
  'common/responses.yaml': 'responses',
};

interface Exemption {
  pattern: string;
  specs: SpecName[];
  pointer: string;
}

/**
 * The response-only exemptions of .spectral.yaml as bundled pointers: a shared file's
 * `{…,common/schemas.yaml}#/Name` becomes `/components/schemas/Name` in every document, a
 * document's `sharing/openapi.yaml#/components/…` stays in that document.
 */
function exemptions(): Exemption[] {
  const config = parse(readFileSync(join(root, '.spectral.yaml'), 'utf8')) as {
    overrides: { files: string[]; rules: Record<string, string> }[];
  };
  const bound = config.overrides.filter((o) => o.rules['owasp:api4:2023-string-limit'] === 'off');
  return bound.flatMap((o) =>
    o.files.map((pattern): Exemption => {
      const [files = '', pointer = ''] = pattern.split('#');
      const common = Object.keys(COMMON_KINDS).find((file) => files.includes(file));
      if (common) return { pattern, specs: [...SPEC_NAMES], pointer: `/components/${COMMON_KINDS[common]}${pointer}` };
      const spec = SPEC_NAMES.find((name) => files === `${name}/openapi.yaml`);
      if (!spec || !pointer.startsWith('/components/')) throw new Error(`unexpected exemption ${pattern}`);
      return { pattern, specs: [spec], pointer };
    }),
  );
}

describe.each(SPEC_NAMES)('%s request bounds', (name) => {
  const nodes = requestSchemas(loadBundledSpec(name));

  it('reaches the request bodies and parameters', () => {
    expect(nodes.length).toBeGreaterThan(20);
    expect(nodes.some((n) => n.pointer.startsWith('/components/parameters/'))).toBe(true);
  });

  it('bounds every request string (maxLength, enum or const), array (maxItems) and integer (minimum and maximum)', () => {
    const unbounded = nodes
      .map((n) => ({ pointer: n.pointer, missing: missingBounds(n.schema) }))
      .filter((n) => n.missing.length > 0)
      .map((n) => `${n.pointer} lacks ${n.missing.join(', ')}`);
    expect(unbounded).toEqual([]);
  });

  it('exempts from the OWASP bound rules only components no request reaches', () => {
    const reached = exemptions()
      .filter((e) => e.specs.includes(name))
      .filter((e) => nodes.some((n) => n.pointer === e.pointer || n.pointer.startsWith(`${e.pointer}/`)))
      .map((e) => e.pattern);
    expect(reached).toEqual([]);
  });
});

describe('the response-only components', () => {
  // Shared components are exempted in every document at once (a `common/schemas.yaml` pattern),
  // so one is response-only when no request of any document reaches it.
  const shared = new Set(Object.keys(parse(readFileSync(join(root, 'common/schemas.yaml'), 'utf8')) as object));
  const reached = new Map(SPEC_NAMES.map((name) => [name, new Set(requestSchemas(loadBundledSpec(name)).map((n) => /^\/components\/schemas\/([^/]+)/.exec(n.pointer)?.[1]))]));
  const responseOnly = (name: SpecName, component: string): boolean =>
    shared.has(component) ? SPEC_NAMES.every((spec) => !reached.get(spec)!.has(component)) : !reached.get(name)!.has(component);

  it.each(SPEC_NAMES)('%s: each one the OWASP bound rules would flag is exempted, so the warnings left are about requests', (name) => {
    const exempted = new Set(exemptions().filter((e) => e.specs.includes(name)).map((e) => e.pointer));
    const schemas = (loadBundledSpec(name).components['schemas'] ?? {}) as Record<string, unknown>;
    const unlisted = Object.entries(schemas)
      .filter(([component, schema]) => responseOnly(name, component) && !exempted.has(`/components/schemas/${component}`) && flaggedNodes(schema, '').length > 0)
      .map(([component, schema]) => `${shared.has(component) ? 'common/schemas.yaml' : `${name}/openapi.yaml`} ${component}: ${flaggedNodes(schema, '').join(', ')}`);
    expect(unlisted).toEqual([]);
  });
});

describe('flaggedNodes', () => {
  it.each([
    [{ type: 'string', maxLength: 9 }, ['']],
    [{ type: 'string', maxLength: 9, format: 'uri' }, []],
    [{ type: ['string', 'null'], pattern: '^a$' }, ['']],
    [{ properties: { a: { type: 'integer', minimum: 0, maximum: 9 }, b: { $ref: '#/X' }, c: { type: 'array', maxItems: 2, items: { enum: ['x'] } } } }, []],
    [{ allOf: [{ $ref: '#/X' }, { properties: { note: { type: 'string', maxLength: 9 } } }] }, ['/allOf/1/properties/note']],
  ])('%j flags %j', (schema, want) => {
    expect(flaggedNodes(schema, '')).toEqual(want);
  });
});

describe('missingBounds', () => {
  it.each([
    [{ type: 'string' }, ['maxLength']],
    [{ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, ['maxLength']],
    [{ type: 'string', maxLength: 10 }, []],
    [{ type: 'string', enum: ['a'] }, []],
    [{ type: ['string', 'null'], const: 'x' }, []],
    [{ type: 'array', items: {} }, ['maxItems']],
    [{ type: 'array', maxItems: 5 }, []],
    [{ type: 'integer', minimum: 0 }, ['maximum']],
    [{ type: 'integer', exclusiveMinimum: 0, maximum: 9 }, []],
    [{ type: 'object' }, []],
  ])('%j lacks %j', (schema, want) => {
    expect(missingBounds(schema)).toEqual(want);
  });
});
