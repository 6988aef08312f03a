// Type-level checks, enforced by `tsc --noEmit` (npm run typecheck): each @ts-expect-error line
// fails the typecheck if the generated signatures ever accept it.
import { describe, expectTypeOf, it } from 'vitest';
import type { AnnualReport, Authorization, AuthorizedOperationClient, MarCalculation, Paginator, Plan, Pricing, Product, ProductDisclosure } from '../src/index.js';

type Client = Omit<AuthorizedOperationClient, 'api'>;
declare const client: Client;

describe('AuthorizedOperationClient types', () => {
  it('returns the spec types, money as numbers of 分', () => {
    expectTypeOf<Client['plans']['get']>().returns.resolves.toEqualTypeOf<Plan>();
    expectTypeOf<Client['authorizations']['list']>().returns.toEqualTypeOf<Paginator<Authorization>>();
    expectTypeOf<Client['annualReports']['list']>().returns.toEqualTypeOf<Paginator<AnnualReport>>();
    expectTypeOf<Client['pricing']['get']>().returns.resolves.toEqualTypeOf<Pricing>();
    expectTypeOf<Client['products']['setFee']>().returns.resolves.toEqualTypeOf<Product>();
    expectTypeOf<Client['disclosures']['products']>().returns.toEqualTypeOf<Paginator<ProductDisclosure>>();
    expectTypeOf<MarCalculation['marFen']>().toEqualTypeOf<number>();
    expectTypeOf<Authorization['state']>().toEqualTypeOf<'active' | 'amending' | 'suspended' | 'under_evaluation' | 'rectifying' | 'termination_requested' | 'expired' | 'terminated'>();
    expectTypeOf<Product['content']['useCategory']>().toEqualTypeOf<'public_good' | 'industry'>();
  });

  it('rejects wrong enum values, misspelt fields and missing path params', () => {
    const check = () => {
      void client.pricing.calculate({ costFen: 1, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 0 });
      // @ts-expect-error the rate is required
      void client.pricing.calculate({ costFen: 1, bondYieldBasisPoints: 200, taxFen: 0 });
      // @ts-expect-error money is a number of 分, not a string
      void client.products.setFee('aod_1', { actualFen: '450.00', effectiveFrom: '2026-03-10', displayed: true });
      // @ts-expect-error `useCategory` outside the enum
      void client.disclosures.products({ useCategory: 'commercial' });
      // @ts-expect-error the authorization id is required
      void client.annualReports.list();
      // @ts-expect-error unknown state filter
      void client.authorizations.list({ state: 'revoked' });
    };
    expectTypeOf(check).toBeFunction();
  });
});
