import { describe, expect, it, vi } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadBundledSpec, SPEC_NAMES } from '@gdx/openapi';
import { loadGeneratedValidators } from '#generated-validators';
import type { OpenApiDocument } from '../../src/app/platform-module.js';
import { compileValidators, type ValidationInput, type ValidationOutcome } from '../../src/app/request-validator.js';
import { readSpecOperations, resolveLocalRef, type SpecOperation } from '../../src/app/spec-operations.js';

// The validators of the bundled contracts are ajv standalone code written by the build
// (scripts/generate-validators.mjs, decision 0027); any other document's are compiled at runtime.
// A generated validator must answer exactly what a compiled one answers: the same field errors in
// the same order, with the same pointers and messages, and the same coerced query.

/** The request bodies a contract shows for an operation (its examples), `{}` when it shows none. */
function bodyExamples(doc: OpenApiDocument, op: SpecOperation): unknown[] {
  type Media = { example?: unknown; examples?: Record<string, unknown> };
  const operation = Object.values(doc.paths)
    .flatMap((item) => Object.values(item))
    .find((candidate) => (candidate as { operationId?: unknown } | null)?.operationId === op.operationId) as { requestBody?: unknown };
  const media = (resolveLocalRef(doc, operation.requestBody) as { content?: Record<string, Media> }).content?.['application/json'];
  const examples = [media?.example, ...Object.values(media?.examples ?? {}).map((e) => (resolveLocalRef(doc, e) as { value?: unknown }).value)];
  const shown = examples.filter((e) => e !== undefined);
  return shown.length > 0 ? shown : [{}];
}

/**
 * Texts at the contracts' usual length bounds, in one-unit and two-unit (astral) characters: a
 * bound counts code points, which the generated code finds from `length` where it can (its
 * length shortcuts) and counts otherwise.
 */
const LENGTH_PROBES = ['', '𠀀', ...[64, 200, 2000].flatMap((n) => ['a'.repeat(n), 'a'.repeat(n + 1), '𠀀'.repeat(n), '𠀀'.repeat(n + 1), `${'𠀀'.repeat(n - 1)}ab`])];

/** Each example broken one field at a time (removed, a number, a text, an object; a text field also at the length bounds), two levels deep, plus an unknown field. */
function variants(example: unknown, depth = 0): unknown[] {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return [example];
  const record = example as Record<string, unknown>;
  const out: unknown[] = [example, { ...record, notAField: 1 }];
  for (const [key, value] of Object.entries(record)) {
    const { [key]: _removed, ...without } = record;
    out.push(without, { ...record, [key]: 12345 }, { ...record, [key]: 'x' }, { ...record, [key]: {} });
    if (typeof value === 'string') for (const text of LENGTH_PROBES) out.push({ ...record, [key]: text });
    if (depth === 0) for (const inner of variants(value, 1).slice(1)) out.push({ ...record, [key]: inner });
  }
  return out;
}

/** Requests for one operation: its example bodies and their variants, other JSON values, wrong parameters. */
function inputsOf(doc: OpenApiDocument, op: SpecOperation): ValidationInput[] {
  const path = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, 'x']));
  const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const inputs: ValidationInput[] = [];
  const bodies = op.jsonBody ? [...bodyExamples(doc, op).flatMap((e) => variants(e)), null, [], 'text', 1] : [undefined];
  for (const body of bodies) inputs.push({ params: path, query: {}, body, hasBody: body !== undefined });
  if (op.jsonBody) inputs.push({ params: path, query: {}, body: undefined, hasBody: false });
  for (const value of ['x', '-1', '0', '99999', '', 'true']) {
    inputs.push({ params: Object.fromEntries(Object.keys(path).map((name) => [name, value])), query: Object.fromEntries(queryNames.map((name) => [name, value])), body: undefined, hasBody: false });
  }
  inputs.push({ params: path, query: { notAParameter: '1' }, body: undefined, hasBody: false });
  inputs.push({ params: path, query: { notAParameter: '1' }, body: undefined, hasBody: false, replaying: true });
  return inputs;
}

/** The outcome and the query as the validator left it (coerced in place, defaults filled in). */
function run(validators: ReadonlyMap<string, { validate(input: ValidationInput): ValidationOutcome }>, operationId: string, input: ValidationInput) {
  const query = structuredClone(input.query);
  const outcome = validators.get(operationId)!.validate({ ...input, query });
  return { outcome, query };
}

describe('validators generated at build time', () => {
  // First in the file: the validators of a document are kept for the process once made.
  it('serve the bundled contracts: validating a request compiles nothing', () => {
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    try {
      for (const name of SPEC_NAMES) {
        const doc = loadBundledSpec(name);
        const operations = readSpecOperations(doc);
        const validators = compileValidators(doc, name, operations);
        for (const op of operations) validators.get(op.operationId)!.validate(inputsOf(doc, op)[0]!);
      }
      expect(compile).not.toHaveBeenCalled();
      // A document that is not a bundled contract is compiled by ajv (whole, at once).
      const own = { ...loadBundledSpec('catalog'), 'x-gdx-own-document': true } as OpenApiDocument;
      compileValidators(own, 'catalog', readSpecOperations(own));
      expect(compile).toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });

  it.each(SPEC_NAMES)('answer what validators compiled at runtime answer (%s, every operation)', (name) => {
    const doc = loadBundledSpec(name);
    const operations = readSpecOperations(doc);
    const generated = compileValidators(doc, name, operations);
    // The same schemas in a document that is not the bundled one: compiled by ajv at runtime.
    const copy = { ...doc, 'x-gdx-compiled-copy': true } as OpenApiDocument;
    const compiled = compileValidators(copy, name, readSpecOperations(copy));
    let failures = 0;
    for (const op of operations) {
      for (const input of inputsOf(doc, op)) {
        const answer = run(generated, op.operationId, input);
        expect(answer, `${op.operationId} ${JSON.stringify(input)}`).toEqual(run(compiled, op.operationId, input));
        if (!answer.outcome.ok) failures += 1;
      }
    }
    // The inputs reach the checks: most of them are refused.
    expect(failures).toBeGreaterThan(operations.length);
  });

  it('are the ones used for a bundled contract, and only for the document they were generated from', () => {
    for (const name of SPEC_NAMES) {
      const doc = loadBundledSpec(name);
      const table = loadGeneratedValidators(name, JSON.stringify(doc));
      expect(Object.keys(table ?? {}), name).toEqual(readSpecOperations(doc).map((op) => op.operationId));
      // A contract changed since the build (another fingerprint) is compiled instead.
      expect(loadGeneratedValidators(name, JSON.stringify({ ...doc, 'x-changed': true }))).toBeUndefined();
    }
  });
});
