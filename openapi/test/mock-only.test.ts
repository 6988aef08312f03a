// Extensions marked `x-gdx-mock-only` (the mock's signature help) are what the gdx mock adds for
// developers; a real platform does not send them, so no document may require them: the
// conformance kit validates real platforms against these schemas.
import { describe, expect, it } from 'vitest';
import { loadBundledSpec, SPEC_NAMES } from '../src/index.js';

type Node = Record<string, unknown>;

/** Every object schema in the document, wherever it sits. */
function* objects(node: unknown): Iterable<Node> {
  if (Array.isArray(node)) for (const item of node) yield* objects(item);
  else if (node !== null && typeof node === 'object') {
    yield node as Node;
    for (const value of Object.values(node)) yield* objects(value);
  }
}

describe.each(SPEC_NAMES)('%s', (name) => {
  const spec = loadBundledSpec(name);
  const schemas = (spec.components.schemas ?? {}) as Record<string, Node>;
  const mockOnly = new Set(Object.keys(schemas).filter((key) => schemas[key]?.['x-gdx-mock-only'] === true).map((key) => `#/components/schemas/${key}`));

  it('has the signature help as a mock-only schema when it has problem details', () => {
    if (schemas.ProblemDetails) expect([...mockOnly]).toContain('#/components/schemas/SignatureHelp');
  });

  it('requires no mock-only member anywhere', () => {
    const required: string[] = [];
    for (const node of objects(spec)) {
      const properties = node.properties as Record<string, Node> | undefined;
      if (!properties || !Array.isArray(node.required)) continue;
      for (const member of node.required as string[]) {
        const ref = properties[member]?.$ref;
        if (typeof ref === 'string' && mockOnly.has(ref)) required.push(member);
      }
    }
    expect(required).toEqual([]);
  });
});
