// Type-level checks, enforced by `tsc --noEmit`: each @ts-expect-error line fails the typecheck
// if the generated signatures ever accept it.
import { describe, expectTypeOf, it } from 'vitest';
import type { Grant, Paginator, SharingClient, SharingRequest, SubmitRequestBody, WorkflowEvent } from '../src/index.js';

type Client = Omit<SharingClient, 'api'>;
declare const client: Client;
declare const body: SubmitRequestBody;

describe('SharingClient types', () => {
  it('returns the spec types', () => {
    expectTypeOf<Client['requests']['submit']>().returns.resolves.toEqualTypeOf<SharingRequest>();
    expectTypeOf<Client['requests']['list']>().returns.toEqualTypeOf<Paginator<SharingRequest>>();
    expectTypeOf<Client['requests']['events']>().returns.toEqualTypeOf<Paginator<WorkflowEvent>>();
    expectTypeOf<Client['grants']['get']>().returns.resolves.toEqualTypeOf<Grant>();
  });

  it('rejects wrong fields, enum values and missing path params', () => {
    const check = () => {
      void client.requests.submit(body);
      // @ts-expect-error deliveryMethod outside its enum
      void client.requests.submit({ ...body, deliveryMethod: 'carrier_pigeon' });
      // @ts-expect-error misspelt field
      void client.requests.submit({ ...body, purpouse: 'x' });
      // @ts-expect-error the request id is required
      void client.requests.dispute({ text: 'x' });
      // @ts-expect-error unknown state filter
      void client.requests.list({ state: 'approved_maybe' });
    };
    expectTypeOf(check).toBeFunction();
  });
});
