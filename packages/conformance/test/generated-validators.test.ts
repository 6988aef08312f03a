// The response validators of the bundled documents come generated at build time (ajv standalone
// code, scripts/generate-validators.mjs); a document of the caller's own is compiled by ajv at run
// time. Both must report the same violations, and the bundled documents must never be compiled.
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRandom, loadSpecs, PLATFORMS, type HttpResponse, type OpenApiDocument, type Specs } from '../src/index.js';
import { listOperations, type Operation } from '../src/specs/operations.js';
import { resolveRef, sampleFromSchema } from '../src/specs/samples.js';
import { createResponseValidator } from '../src/specs/validator.js';
import { kitCompiles } from './support/kit-compiles.js';

/** The same documents with one extension field more: not the documents the build generated from, so ajv compiles them. */
function ownCopies(specs: Specs): Specs {
  return Object.fromEntries(Object.entries(specs).map(([platform, doc]) => [platform, { ...structuredClone(doc), 'x-own-copy': true }]));
}

/** A valid body and broken ones: the wrong JSON type, and each property of the wrong type, null, empty, too long (2,001 characters) or gone. */
function bodies(doc: OpenApiDocument, schema: unknown): unknown[] {
  const sample = sampleFromSchema(doc, schema, createRandom('generated-validators'));
  const out: unknown[] = [sample, null, [], 'text', 0, {}];
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return out;
  const base = sample as Record<string, unknown>;
  out.push({ ...base, undocumentedField: 1 });
  for (const key of Object.keys(base)) {
    const { [key]: _gone, ...rest } = base;
    out.push(rest);
    for (const value of [12345, null, '', 'x'.repeat(2001)]) out.push({ ...base, [key]: value });
  }
  return out;
}

/** The headers a status documents, each set to values that break most header schemas (and all of them missing). */
function headerSets(doc: OpenApiDocument, response: Record<string, unknown>): Headers[] {
  const names = Object.keys((resolveRef(doc, response).headers ?? {}) as object);
  return [new Headers(), ...['', 'abc', '-1', '2'].map((value) => new Headers(names.map((name) => [name, value])))];
}

/**
 * The answers to check an operation with: for every documented status and media type, each body
 * (without headers) and each header set (with the valid body); for a response already met (the
 * documents share their error answers), and with `broken: false`, only the valid answer.
 */
function* answers(doc: OpenApiDocument, op: Operation, met: Set<object>, broken = true): Generator<HttpResponse> {
  for (const [key, declared] of Object.entries((op.definition.responses ?? {}) as Record<string, unknown>)) {
    const status = key === 'default' ? 500 : Number(key.replace(/XX$/i, '00'));
    const response = resolveRef(doc, declared);
    const first = !met.has(response);
    met.add(response);
    const media = Object.entries((response.content ?? {}) as Record<string, Record<string, unknown>>);
    const none: [string, Record<string, unknown>] = ['application/json', {}];
    for (const [contentType, { schema }] of media.length > 0 ? media : [none]) {
      const [valid, ...wrong] = schema === undefined ? [undefined] : bodies(doc, schema);
      const answer = (body: unknown, headers: Headers): HttpResponse =>
        ({ status, headers, contentType, text: body === undefined ? '' : JSON.stringify(body), body, method: op.method, url: `http://platform.test${op.path}` });
      const [noHeaders, ...wrongHeaders] = headerSets(doc, response);
      yield answer(valid, noHeaders!);
      if (!broken || !first) continue;
      for (const body of wrong) yield answer(body, noHeaders!);
      for (const headers of wrongHeaders) yield answer(valid, headers);
    }
  }
}

describe('the response validators generated at build time', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('report the violations ajv reports compiling the document (message, keyword, pointer, params), for every operation', async () => {
    const bundled = await loadSpecs();
    expect(Object.keys(bundled)).toEqual([...PLATFORMS]);
    const own = ownCopies(bundled);
    const lookups = kitCompiles();
    const generated = createResponseValidator(bundled);
    const compiled = createResponseValidator(own);
    const [bundledOps, ownOps] = [listOperations(bundled, PLATFORMS), listOperations(own, PLATFORMS)];
    let answered = 0;
    let violations = 0;
    const met = new Set<object>();
    for (const [i, op] of bundledOps.entries()) {
      for (const res of answers(bundled[op.platform]!, op, met)) {
        const want = compiled.check(ownOps[i]!, res);
        const got = generated.check(op, res);
        // Compared as data first (Vitest's matcher costs more than the check); its diff when they differ.
        if (!isDeepStrictEqual(got, want)) expect(got, `${op.operationId} ${res.status} ${res.text.slice(0, 80)}`).toEqual(want);
        answered += 1;
        violations += want.length;
      }
    }
    // The comparison means something: many answers, most of them wrong, and only the own copies compiled.
    expect(answered).toBeGreaterThan(2_000);
    expect(violations).toBeGreaterThan(answered);
    expect(lookups.count()).toBeGreaterThan(0);
  });

  it('serve the bundled documents: checking their answers compiles nothing', async () => {
    const bundled = await loadSpecs();
    const lookups = kitCompiles();
    const validator = createResponseValidator(bundled);
    let violations = 0;
    for (const op of listOperations(bundled, PLATFORMS)) {
      for (const res of answers(bundled[op.platform]!, op, new Set(), false)) violations += validator.check(op, res).length;
    }
    // Every documented answer checked (the samples break some patterns: violations, not compiles).
    expect(violations).toBeGreaterThan(0);
    expect(lookups.count()).toBe(0);
  });
});
