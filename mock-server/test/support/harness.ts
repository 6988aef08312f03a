import { afterEach, beforeEach } from 'vitest';
import { builtinOrganisations, createApp, type App, type AppOptions, type PlatformModule } from '../../src/index.js';
import { client, type Credentials } from './client.js';
import { watchDeclaredStatuses } from './declared-statuses.js';
import { notesPlatform } from './notes-platform.js';
import { TRANSPORTS, type Transport, type TransportFactory } from './transports.js';

export const START_AT = '2025-09-26T10:00:00+08:00';

/** An app reached through one transport, and a client for it. */
export interface MockContext {
  app: App;
  transport: Transport;
  call: ReturnType<typeof client>;
}

/** The transport the platform suites use unless a test names another. */
export const IN_PROCESS: TransportFactory = TRANSPORTS['in-process fetch']!;

/**
 * Starts an app with these platforms (seed 7, start time `START_AT`, unless `options` say
 * otherwise) on a transport; the caller closes it. Closing throws when the app answered an
 * operation with a status its contract does not declare (`watchDeclaredStatuses`).
 */
export async function startMock(platforms: readonly PlatformModule<any>[], factory: TransportFactory = IN_PROCESS, options: AppOptions = {}): Promise<MockContext & { close(): Promise<void> }> {
  const app = createApp({ platforms: [...platforms], seed: 7, startAt: START_AT, logError: (message, error) => console.error(message, error), ...options });
  const undeclared = watchDeclaredStatuses(app);
  const transport = await factory(app);
  return {
    app,
    transport,
    call: client(transport),
    close: async () => {
      await transport.close();
      await app.close();
      // Every answer's status is one its operation declares (`watchDeclaredStatuses`).
      if (undeclared.length > 0) throw new Error(`answers whose status the contract does not declare:\n${[...new Set(undeclared)].join('\n')}`);
    },
  };
}

/** A fresh app with the platforms `make` builds, and its transport, per test. */
export function usePlatforms(make: () => readonly PlatformModule<any>[], factory: TransportFactory = IN_PROCESS, options: AppOptions = {}): MockContext {
  const ctx = {} as MockContext;
  let close: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    const started = await startMock(make(), factory, options);
    Object.assign(ctx, { app: started.app, transport: started.transport, call: started.call });
    close = started.close;
  });
  afterEach(() => close());
  return ctx;
}

/** A fresh app and transport per test, with the notes platform mounted and the built-in organisations. */
export function useMock(factory: TransportFactory, options: AppOptions = {}) {
  const ctx = usePlatforms(() => [notesPlatform], factory, { organisations: builtinOrganisations, logError: () => undefined, ...options }) as MockContext & { orgs: Credentials[] };
  beforeEach(async () => {
    const sandbox = await ctx.call('GET', '/_sim/v1/sandboxes/default');
    ctx.orgs = sandbox.body.organizations;
  });
  return ctx;
}

/** The first organisation, and a second one (for tenancy). */
export function org(ctx: { orgs: Credentials[] }, index = 0): Credentials {
  const found = ctx.orgs[index];
  if (!found) throw new Error(`no organisation ${index}`);
  return found;
}
