import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../platforms/index.js';
import { buildRouter } from './route-table.js';
import { SIM_ROUTES } from './sim/index.js';
import type { PlatformModule } from './platform-module.js';

describe('buildRouter: routes of one shape', () => {
  it('gives every route, platform or simulation, the same fields in the same order', () => {
    const router = buildRouter(defaultPlatforms() as readonly PlatformModule<unknown>[], SIM_ROUTES, undefined);
    const shapes = new Set(router.routes.map((r) => Object.keys(r.value).join(',')));
    expect([...shapes]).toEqual(['kind,operationId,method,platform,handler,route,validator,public,jsonBody,storesNothing,idempotency']);
    expect(new Set(router.routes.map((r) => r.value.kind))).toEqual(new Set(['platform', 'sim']));
  });
});
