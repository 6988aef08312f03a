import { afterEach, beforeEach } from 'vitest';
import { loadBundledSpec } from '@gdx/openapi';
import { createApp, type App, type AppOptions, type OpenApiDocument, type ReviewerPolicy } from '../../src/index.js';
import { createOpenDataPlatform } from '../../src/platforms/open-data/index.js';
import { createSharingPlatform } from '../../src/platforms/sharing/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import type { SeedData } from '../../src/sandbox/seed/types.js';
import { client, type CallOptions, type Credentials, type Reply } from '../support/client.js';
import { TRANSPORTS, type Transport, type TransportFactory } from '../support/transports.js';

// Shared by the sharing and open-data tests: an app with both platforms, sandboxes per test.

export const START_AT = '2025-09-26T10:00:00+08:00';

/** A fresh app (sharing + open-data) and transport per test. */
export function useWorld(factory: TransportFactory = TRANSPORTS['in-process fetch']!, options: AppOptions = {}) {
  const ctx = {} as { app: App; transport: Transport; call: ReturnType<typeof client> };
  beforeEach(async () => {
    ctx.app = createApp({
      platforms: [
        createSharingPlatform({ spec: loadBundledSpec('sharing') as OpenApiDocument }),
        createOpenDataPlatform({ spec: loadBundledSpec('open-data') as OpenApiDocument }),
      ],
      seed: 7,
      startAt: START_AT,
      logError: (message, error) => console.error(message, error),
      ...options,
    });
    ctx.transport = await factory(ctx.app);
    ctx.call = client(ctx.transport);
  });
  afterEach(async () => {
    await ctx.transport.close();
    await ctx.app.close();
  });
  return ctx;
}

/** One sandbox as a test drives it: organisations by seed slug, seed data, platform and sim calls. */
export interface World {
  id: string;
  seed: SeedData;
  org(slug: string): Credentials & { creditCode: string; name: string };
  sharing(method: string, path: string, options?: CallOptions): Promise<Reply>;
  openData(method: string, path: string, options?: CallOptions): Promise<Reply>;
  sim(method: string, path: string, body?: unknown): Promise<Reply>;
  /** `POST …/actions` as an official. */
  act(body: Record<string, unknown>): Promise<Reply>;
  /** `POST …/clock/advance`. */
  advance(body: Record<string, unknown>): Promise<Reply>;
}

/** Creates a sandbox through the simulation API. */
export async function openSandbox(
  ctx: { call: ReturnType<typeof client> },
  options: { profile?: string | Record<string, unknown>; reviewerPolicy?: ReviewerPolicy; seed?: number; startAt?: string } = {},
): Promise<World> {
  const created = await ctx.call('POST', '/_sim/v1/sandboxes', {
    body: { profile: options.profile ?? 'national', seed: options.seed ?? 11, startAt: options.startAt ?? START_AT, reviewerPolicy: options.reviewerPolicy ?? { mode: 'manual' } },
  });
  if (created.status !== 201) throw new Error(`sandbox not created: ${JSON.stringify(created.body)}`);
  const id: string = created.body.id;
  const profileName = typeof options.profile === 'object' ? String(options.profile.extends) : (options.profile ?? 'national');
  const seed = seedDataOf({ id, seed: options.seed ?? 11, profile: profileName });
  const prefix = `/sandboxes/${id}`;
  const sim = (method: string, path: string, body?: unknown) => ctx.call(method, `/_sim/v1/sandboxes/${id}${path}`, body === undefined ? {} : { body });
  return {
    id,
    seed,
    org(slug) {
      const spec = seed.organizations.find((o) => o.slug === slug);
      const creds = created.body.organizations.find((o: { id: string }) => o.id === spec?.id);
      if (!spec || !creds) throw new Error(`no organisation ${slug}`);
      return { ...creds, creditCode: spec.creditCode, name: spec.name };
    },
    sharing: (method, path, opts) => ctx.call(method, `${prefix}/sharing/v1${path}`, opts),
    openData: (method, path, opts) => ctx.call(method, `${prefix}/open-data/v1${path}`, opts),
    sim,
    act: (body) => sim('POST', '/actions', body),
    advance: (body) => sim('POST', '/clock/advance', body),
  };
}
