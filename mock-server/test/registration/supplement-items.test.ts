// The simulated registry's supplement notices (一次性告知, 第十条) point each item at a field of the
// application content, as `SupplementItem.field` says: a JSON pointer the contract knows.
import { loadBundledSpec } from '@gdx/openapi';
import { SUPPLEMENT_ITEMS } from '@gdx/procedures';
import { describe, expect, it } from 'vitest';

type Schema = { properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; $ref?: string };
const spec = loadBundledSpec('registration') as unknown as { components: { schemas: Record<string, Schema> } };
const content = spec.components.schemas['ApplicationContent'] as Schema;

/** The schema a JSON pointer reaches from `schema` (objects' properties and arrays' items), or `undefined`. */
function reach(schema: Schema | undefined, tokens: string[]): Schema | undefined {
  if (schema === undefined || tokens.length === 0) return schema;
  const [head, ...rest] = tokens as [string, ...string[]];
  const next = /^\d+$/.test(head) ? schema.items : (schema.properties?.[head] ?? schema.allOf?.map((s) => s.properties?.[head]).find(Boolean));
  return reach(next, rest);
}

describe('simulated supplement notices', () => {
  it.each(SUPPLEMENT_ITEMS.map((i) => [i.code, i.field] as const))('%s points at %s, a field of the application content', (_code, field) => {
    expect(field.startsWith('/')).toBe(true);
    expect(reach(content, field.slice(1).split('/'))).toBeDefined();
  });
});
