// Every member a problem example shows is declared by `ProblemDetails`. The schema stays open
// (RFC 9457 lets a server add members, and the kit must not reject a real platform's), so an
// undeclared member passes every validator silently: generated clients do not type it and Prism
// cannot check it. This closes the schema for the examples, which show the members the mock sends
// (mock-server/test/app/problem-members.test.ts holds the mock's side).
import { describe, expect, it } from 'vitest';
import { loadBundledSpec, SPEC_NAMES, type OpenApiDocument } from '../src/index.js';
import { specValidator } from './helpers/spec-validator.js';
import { operationsOf, resolve, type JsonObject } from './helpers/walk-spec.js';

const PROBLEM = 'application/problem+json';

/** The problem examples of a document's responses, by a label naming operation, status and example. */
function problemExamples(spec: OpenApiDocument): [string, unknown][] {
  const found: [string, unknown][] = [];
  for (const ref of operationsOf(spec)) {
    for (const [status, response] of Object.entries(ref.operation['responses'] as JsonObject)) {
      const media = (resolve<JsonObject>(spec, response)['content'] as JsonObject | undefined)?.[PROBLEM] as JsonObject | undefined;
      for (const [name, example] of Object.entries((media?.['examples'] as JsonObject | undefined) ?? {})) {
        found.push([`${String(ref.operation['operationId'])} ${status} "${name}"`, resolve<JsonObject>(spec, example)['value']]);
      }
    }
  }
  return found;
}

describe.each(SPEC_NAMES)('%s problem examples', (name) => {
  const spec = loadBundledSpec(name);
  const validate = specValidator(spec, `${name}-closed-problems`, { closed: true });
  const examples = problemExamples(spec);

  it('has problem examples', () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it.each(examples)('%s uses only declared members', (_label, value) => {
    expect(validate('/components/schemas/ProblemDetails', value)).toEqual([]);
  });
});
