// Type-level checks, enforced by `tsc --noEmit`: each @ts-expect-error line fails the typecheck
// if the generated signatures ever accept it.
import { describe, expectTypeOf, it } from 'vitest';
import type { Application, Dataset, OpenDataClient, Paginator, SubmitApplicationBody, UsageReport } from '../src/index.js';

type Client = Omit<OpenDataClient, 'api'>;
declare const client: Client;
declare const body: SubmitApplicationBody;

describe('OpenDataClient types', () => {
  it('returns the spec types', () => {
    expectTypeOf<Client['applications']['submit']>().returns.resolves.toEqualTypeOf<Application>();
    expectTypeOf<Client['datasets']['list']>().returns.toEqualTypeOf<Paginator<Dataset>>();
    expectTypeOf<Client['datasets']['get']>().returns.resolves.toEqualTypeOf<Dataset>();
    expectTypeOf<Client['usageReports']['list']>().returns.toEqualTypeOf<Paginator<UsageReport>>();
  });

  it('rejects wrong fields, enum values and missing path params', () => {
    const check = () => {
      void client.applications.submit(body);
      // @ts-expect-error deliveryMethod outside its enum
      void client.applications.submit({ ...body, deliveryMethod: 'fax' });
      // @ts-expect-error misspelt field
      void client.applications.submit({ ...body, datasetIdz: [] });
      // @ts-expect-error the grant id is required before the body
      void client.usageReports.submit({ period: { from: '2025-01-01', to: '2025-02-01' }, summary: 'x', withinScenario: true });
      // @ts-expect-error openingType outside its enum
      void client.datasets.list({ openingType: 'closed' });
    };
    expectTypeOf(check).toBeFunction();
  });
});
