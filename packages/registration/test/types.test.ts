// Type-level checks, enforced by `tsc --noEmit` (npm run typecheck): each @ts-expect-error line
// fails the typecheck if the generated signatures ever accept it.
import { describe, expectTypeOf, it } from 'vitest';
import type { Application, InitialFiling, LookupResult, Paginator, PublicNotice, RawResponse, Registration, RegistrationClient, RequestOptions, SubmitApplicationBody } from '../src/index.js';

type Client = Omit<RegistrationClient, 'api'>;
declare const client: Client;
declare const body: SubmitApplicationBody;

describe('RegistrationClient types', () => {
  it('returns the spec types', () => {
    expectTypeOf<Client['applications']['submit']>().returns.resolves.toEqualTypeOf<Application>();
    expectTypeOf<Client['applications']['get']>().returns.resolves.toEqualTypeOf<Application>();
    expectTypeOf<Client['applications']['list']>().returns.toEqualTypeOf<Paginator<Application>>();
    expectTypeOf<Client['registrations']['get']>().returns.resolves.toEqualTypeOf<Registration>();
    expectTypeOf<Client['publicNotices']['list']>().returns.toEqualTypeOf<Paginator<PublicNotice>>();
    expectTypeOf<Client['lookup']['get']>().returns.resolves.toEqualTypeOf<LookupResult>();
    expectTypeOf<Application['state']>().toExtend<string>();
    expectTypeOf<Application['initialFiling']>().toEqualTypeOf<InitialFiling | null | undefined>();
    expectTypeOf<InitialFiling['late']>().toEqualTypeOf<boolean>();
    expectTypeOf<InitialFiling['dueDate']>().toEqualTypeOf<string>();
    // The raw response of a call is named from the SDK alone, for a callback declared apart.
    expectTypeOf<NonNullable<RequestOptions['onResponse']>>().parameter(0).toEqualTypeOf<RawResponse>();
  });

  it('rejects wrong fields, enum values and missing path params', () => {
    const registrants = [{ creditCode: '9135020074505955XG', name: '厦门数据运营有限公司' }];
    const check = () => {
      void client.applications.submit(body);
      // @ts-expect-error `type` outside the ApplicationType enum
      void client.applications.submit({ type: 'renewal', registrants });
      // @ts-expect-error misspelt field
      void client.applications.submit({ type: 'initial', registrants, resourse: { name: 'x', summary: 'y' } });
      // @ts-expect-error registrants are required
      void client.applications.submit({ type: 'initial' });
      // @ts-expect-error the application id is required
      void client.applications.get();
      // @ts-expect-error the registration id must be a string
      void client.registrations.renew(42, {});
      // @ts-expect-error unknown state filter
      void client.applications.list({ state: 'draft' });
      // A listing's bounds are set where it is made; one page is a plain request.
      void client.applications.list({ limit: 200 }, { maxPages: 5_000, maxEmptyPages: 20, totalTimeoutMs: 10_000 });
      // @ts-expect-error maxPages bounds a listing, not the one page listPage requests
      void client.applications.listPage({}, { maxPages: 5 });
    };
    expectTypeOf(check).toBeFunction();
  });
});
