import { loadBundledSpec } from '@gdx/openapi';
import type { OpenApiDocument, PlatformModule } from '../app/platform-module.js';
import { seedDataOf } from '../sandbox/seed-data-cache.js';
import { createCatalogPlatform } from './catalog/index.js';
import { createRegistrationPlatform } from './registration/index.js';

/**
 * The platforms the mock serves by default, on their bundled OpenAPI documents (run
 * `npm run generate` in `openapi/` first). Sharing and open-data join here as their modules are
 * written.
 *
 * @example
 * ```ts
 * const app = createApp({ platforms: defaultPlatforms() });
 * ```
 */
export function defaultPlatforms(): PlatformModule<any>[] {
  return [
    createRegistrationPlatform({ spec: loadBundledSpec('registration') as OpenApiDocument }),
    createCatalogPlatform({ spec: loadBundledSpec('catalog') as OpenApiDocument, seedData: seedDataOf }),
  ];
}
