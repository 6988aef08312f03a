import { loadBundledSpec } from '@gdx/openapi';
import type { AppOptions, OpenApiDocument, ReviewerPolicy } from '../../src/index.js';
import { createOpenDataPlatform } from '../../src/platforms/open-data/index.js';
import { createSharingPlatform } from '../../src/platforms/sharing/index.js';
import type { CallOptions, Reply } from './client.js';
import { IN_PROCESS, START_AT, usePlatforms, type MockContext } from './harness.js';
import { openSandbox, type TestSandbox } from './sandbox.js';
import type { TransportFactory } from './transports.js';

// The sharing and open-data suites share one world: both platforms in one app, a sandbox per test.

/** A sandbox of the sharing and open-data suites, with a caller per platform. */
export interface World extends TestSandbox {
  sharing(method: string, path: string, options?: CallOptions): Promise<Reply>;
  openData(method: string, path: string, options?: CallOptions): Promise<Reply>;
}

/** A fresh app (sharing + open-data) and transport per test. */
export function useWorld(factory: TransportFactory = IN_PROCESS, options: AppOptions = {}): MockContext {
  return usePlatforms(
    () => [createSharingPlatform({ spec: loadBundledSpec('sharing') as OpenApiDocument }), createOpenDataPlatform({ spec: loadBundledSpec('open-data') as OpenApiDocument })],
    factory,
    options,
  );
}

/** Creates a sandbox (default: national profile, seed 11, manual officials, starting `START_AT`). */
export async function openWorld(
  ctx: Pick<MockContext, 'call'>,
  options: { profile?: string | Record<string, unknown>; reviewerPolicy?: ReviewerPolicy; seed?: number; startAt?: string } = {},
): Promise<World> {
  const sandbox = await openSandbox(ctx, {
    profile: options.profile ?? 'national',
    seed: options.seed ?? 11,
    startAt: options.startAt ?? START_AT,
    reviewerPolicy: options.reviewerPolicy ?? { mode: 'manual' },
  });
  return Object.assign(sandbox, {
    sharing: (method: string, path: string, opts?: CallOptions) => sandbox.on('sharing', method, path, opts),
    openData: (method: string, path: string, opts?: CallOptions) => sandbox.on('open-data', method, path, opts),
  });
}
