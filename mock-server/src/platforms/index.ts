import { loadBundledSpec } from '@gdx/openapi';
import type { OpenApiDocument, PlatformModule } from '../app/platform-module.js';
import { seedDataOf } from '../sandbox/seed-data-cache.js';
import { createCatalogPlatform } from './catalog/index.js';
import { createOpenDataPlatform } from './open-data/index.js';
import { createRegistrationPlatform } from './registration/index.js';
import { createSharingPlatform } from './sharing/index.js';

/**
 * The platforms the mock serves by default, on their bundled OpenAPI documents (run
 * `npm run generate` in `openapi/` first).
 *
 * @example
 * ```ts
 * const app = createApp({ platforms: defaultPlatforms() });
 * ```
 */
export function defaultPlatforms(): PlatformModule<any>[] {
  return [
    createRegistrationPlatform({ spec: loadBundledSpec('registration') as OpenApiDocument }),
    createSharingPlatform({ spec: loadBundledSpec('sharing') as OpenApiDocument, seedData: seedDataOf }),
    createOpenDataPlatform({ spec: loadBundledSpec('open-data') as OpenApiDocument, seedData: seedDataOf }),
    createCatalogPlatform({ spec: loadBundledSpec('catalog') as OpenApiDocument, seedData: seedDataOf }),
  ];
}
