// Type-level checks of the generated code, enforced by `tsc --noEmit` (the @ts-expect-error lines
// fail the typecheck if the generated signatures ever accept them) and run as plain tests too.
import { describe, expectTypeOf, it } from 'vitest';
import type { MiniClient } from '../src/generated/client.js';
import type { Application, PublicNotice } from '../src/generated/models.js';
import type { ListApplicationsItem, SubmitApplicationBody } from '../src/generated/operation-types.js';

type Resources = Omit<MiniClient, 'api'>;
declare const client: Resources;

describe('generated signatures', () => {
  it('type the answers with the spec types', () => {
    expectTypeOf<Resources['applications']['get']>().returns.resolves.toEqualTypeOf<Application>();
    expectTypeOf<ListApplicationsItem>().toEqualTypeOf<Application>();
    expectTypeOf<ReturnType<Resources['publicNotices']['list']>>().toExtend<AsyncIterable<PublicNotice>>();
    expectTypeOf<Parameters<Resources['publicNotices']['listPage']>[0]>().toEqualTypeOf<{ limit?: number; cursor?: string } | undefined>();
    expectTypeOf<Resources['sandboxes']['delete']>().returns.resolves.toBeVoid();
    expectTypeOf<PublicNotice['startsOn']>().toBeString();
  });

  it('reject wrong bodies, enum values and missing path params', () => {
    const ok: SubmitApplicationBody = { type: 'initial', name: 'A', contact: { phone: '13800000000' } };
    expectTypeOf(ok).toExtend<SubmitApplicationBody>();
    const check = () => {
      // @ts-expect-error unknown discriminator value
      void client.applications.submit({ type: 'renewal', name: 'A', contact: { phone: '1' } });
      // @ts-expect-error misspelt field
      void client.applications.submit({ type: 'initial', nmae: 'A', contact: { phone: '1' } });
      // @ts-expect-error path param is required
      void client.applications.get();
      // @ts-expect-error enum filter value outside the spec
      void client.applications.list({ state: ['draft'] });
    };
    expectTypeOf(check).toBeFunction();
  });
});
