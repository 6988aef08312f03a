import { afterEach, beforeEach } from 'vitest';
import { builtinOrganisations, createApp, type App, type AppOptions } from '../../src/index.js';
import { client, type Credentials } from './client.js';
import { notesPlatform } from './notes-platform.js';
import type { Transport, TransportFactory } from './transports.js';

export const START_AT = '2025-09-26T10:00:00+08:00';

/** A fresh app and transport per test, with the notes platform mounted. */
export function useMock(factory: TransportFactory, options: AppOptions = {}) {
  const ctx = {} as { app: App; transport: Transport; call: ReturnType<typeof client>; orgs: Credentials[] };
  beforeEach(async () => {
    ctx.app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 7, startAt: START_AT, logError: () => undefined, ...options });
    ctx.transport = await factory(ctx.app);
    ctx.call = client(ctx.transport);
    const sandbox = await ctx.call('GET', '/_sim/v1/sandboxes/default');
    ctx.orgs = sandbox.body.organizations;
  });
  afterEach(async () => {
    await ctx.transport.close();
    await ctx.app.close();
  });
  return ctx;
}

/** The first organisation, and a second one (for tenancy). */
export function org(ctx: { orgs: Credentials[] }, index = 0): Credentials {
  const found = ctx.orgs[index];
  if (!found) throw new Error(`no organisation ${index}`);
  return found;
}
