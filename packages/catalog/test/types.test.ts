// Type-level checks, enforced by `tsc --noEmit`: each @ts-expect-error line fails the typecheck
// if the generated signatures ever accept it.
import { describe, expectTypeOf, it } from 'vitest';
import type { CatalogClient, CreateEntryBody, Entry, EntrySummary, Paginator, SearchPage } from '../src/index.js';

type Client = Omit<CatalogClient, 'api'>;
declare const client: Client;
declare const body: CreateEntryBody;

describe('CatalogClient types', () => {
  it('returns the spec types', () => {
    expectTypeOf<Client['entries']['create']>().returns.resolves.toEqualTypeOf<Entry>();
    expectTypeOf<Client['entries']['list']>().returns.toEqualTypeOf<Paginator<Entry>>();
    expectTypeOf<Client['search']['query']>().returns.toEqualTypeOf<Paginator<EntrySummary>>();
    expectTypeOf<Client['search']['queryPage']>().returns.resolves.toEqualTypeOf<SearchPage>();
  });

  it('rejects wrong fields, enum values and missing path params', () => {
    const check = () => {
      void client.entries.create(body);
      // @ts-expect-error catalogKind outside its enum
      void client.entries.create({ ...body, catalogKind: 'private' });
      // @ts-expect-error misspelt field
      void client.entries.update('ent_1', { summery: 'x' });
      // @ts-expect-error the entry id is required
      void client.entries.withdraw({ reason: { text: 'x' } });
      // @ts-expect-error unknown state filter
      void client.entries.list({ state: 'archived' });
    };
    expectTypeOf(check).toBeFunction();
  });
});
