// Statuses a server answers before or beside an operation's own logic must be declared on the
// operation, so that a validating proxy (Prism, `--errors`) finds every answer of the mock in the
// contract. Each rule below was found undeclared by such a proxy once.
import { describe, expect, it } from 'vitest';
import { loadBundledSpec, SPEC_NAMES, type SpecName } from '../src/index.js';
import { operationsOf, parametersOf, resolve, type JsonObject, type OperationRef } from './helpers/walk-spec.js';

function rows(name: SpecName) {
  const spec = loadBundledSpec(name);
  return operationsOf(spec).map((ref) => [`${ref.method.toUpperCase()} ${ref.path}`, spec, ref] as const);
}

function responsesOf(ref: OperationRef): JsonObject {
  return ref.operation['responses'] as JsonObject;
}

function descriptionOf(spec: ReturnType<typeof loadBundledSpec>, response: unknown): string {
  return String(resolve<JsonObject>(spec, response)['description']);
}

describe.each(SPEC_NAMES)('%s: idempotency', (name) => {
  it.each(rows(name))('%s declares the 422 IDEMPOTENCY_KEY_REUSED when it takes Idempotency-Key', (_label, spec, ref) => {
    const takesKey = parametersOf(spec, ref).some((p) => p['in'] === 'header' && String(p['name']).toLowerCase() === 'idempotency-key');
    if (!takesKey) return;
    const unprocessable = responsesOf(ref)['422'];
    expect(unprocessable, '422 declared').toBeDefined();
    expect(descriptionOf(spec, unprocessable)).toContain('IDEMPOTENCY_KEY_REUSED');
  });
});
