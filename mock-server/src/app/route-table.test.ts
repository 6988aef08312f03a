import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../platforms/index.js';
import { buildRouter } from './route-table.js';
import { SIM_ROUTES } from './sim/index.js';
import type { PlatformModule } from './platform-module.js';

describe('buildRouter: routes of one shape', () => {
  it('gives every route, platform or simulation, the same fields in the same order', () => {
    const router = buildRouter(defaultPlatforms() as readonly PlatformModule<unknown>[], SIM_ROUTES, undefined);
    const shapes = new Set(router.routes.map((r) => Object.keys(r.value).join(',')));
    expect([...shapes]).toEqual(['kind,operationId,method,platform,handler,route,validator,authentication,jsonBody,storesNothing,idempotency']);
    expect(new Set(router.routes.map((r) => r.value.kind))).toEqual(new Set(['platform', 'sim']));
  });
});

describe('buildRouter: authentication from the contract', () => {
  const router = buildRouter(defaultPlatforms() as readonly PlatformModule<unknown>[], [], undefined);
  const authenticationOf = (operationId: string) => {
    const route = router.routes.find((r) => r.value.operationId === operationId)?.value;
    return route?.kind === 'platform' ? route.authentication : undefined;
  };

  it.each([
    { operationId: 'submitApplication', want: 'signed' }, // the document's requirement
    { operationId: 'getDataset', want: 'none' }, // security: []
    { operationId: 'getDatasetFile', want: 'optional' }, // security: [{ …schemes }, {}]
    { operationId: 'listDatasetRecords', want: 'optional' },
  ])('$operationId is $want', ({ operationId, want }) => {
    expect(authenticationOf(operationId)).toBe(want);
  });
});
