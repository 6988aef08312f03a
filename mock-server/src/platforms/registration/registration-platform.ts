import type { OpenApiDocument, PlatformModule } from '../../app/platform-module.js';
import { hostClock } from '../workflow-host/index.js';
import { applicationOperations } from './application-operations.js';
import { publicOperations } from './public-operations.js';
import { registrationOperations } from './registration-operations.js';
import { registrationObjects } from './registration-objects.js';
import { createRegistrationState, exportRegistrationState, importRegistrationState, type RegistrationState } from './registration-state.js';
import { productFiling } from './product-filing.js';
import { actAsRegistry, objectAsThirdParty } from './sim-commands.js';

/** Options of `createRegistrationPlatform`. */
export interface RegistrationPlatformOptions {
  /** The registration OpenAPI document (`loadBundledSpec('registration')`). */
  spec: OpenApiDocument;
}

/**
 * The 公共数据资源登记 platform of the mock: every operation of the registration contract on the
 * `@gdx/procedures` machines of the sandbox's profile, run by a kernel engine on the sandbox
 * clock and calendar; officials through the reviewer policy and the simulation API.
 *
 * @example
 * ```ts
 * import { loadBundledSpec } from '@gdx/openapi';
 * const app = createApp({ platforms: [createRegistrationPlatform({ spec: loadBundledSpec('registration') })] });
 * ```
 */
export function createRegistrationPlatform(options: RegistrationPlatformOptions): PlatformModule<RegistrationState> {
  return {
    name: 'registration',
    spec: options.spec,
    operations: { ...applicationOperations, ...registrationOperations, ...publicOperations },
    createState: createRegistrationState,
    act: actAsRegistry,
    object: objectAsThirdParty,
    clock: hostClock((state) => state.host),
    objects: registrationObjects,
    exportState: exportRegistrationState,
    objectCount: (state) => state.host.objectCount,
    importState: importRegistrationState,
    productFiling,
  };
}
