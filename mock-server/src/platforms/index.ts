import type { PlatformModule, SandboxContext } from '../app/platform-module.js';
import { sharedContract } from '../app/shared-contracts.js';
import { seedDataOf } from '../sandbox/seed-data-cache.js';
import { createAuthorizedOperationPlatform } from './authorized-operation/index.js';
import { createCatalogPlatform } from './catalog/index.js';
import { createOpenDataPlatform } from './open-data/index.js';
import { createRegistrationPlatform } from './registration/index.js';
import { createSharingPlatform } from './sharing/index.js';

/** Options of `defaultPlatforms`. */
export interface DefaultPlatformOptions {
  /** Catalog entries seeded per sandbox (default 300; tests that snapshot often use fewer). */
  catalogEntries?: number;
}

/**
 * The platforms the mock serves by default, on their bundled OpenAPI documents (run
 * `npm run generate` in `openapi/` first): one frozen copy of each, shared by every app of the
 * process (`sharedContract`).
 *
 * @example
 * ```ts
 * const app = createApp({ platforms: defaultPlatforms({ catalogEntries: 50 }) });
 * ```
 */
export function defaultPlatforms(options: DefaultPlatformOptions = {}): PlatformModule<any>[] {
  const count = options.catalogEntries ?? 300;
  const seedData = (sandbox: SandboxContext) => seedDataOf(sandbox, count);
  return [
    createRegistrationPlatform({ spec: sharedContract('registration') }),
    createSharingPlatform({ spec: sharedContract('sharing'), seedData }),
    createOpenDataPlatform({ spec: sharedContract('open-data'), seedData }),
    createCatalogPlatform({ spec: sharedContract('catalog'), seedData }),
    createAuthorizedOperationPlatform({ spec: sharedContract('authorized-operation'), seedData }),
  ];
}
