/**
 * @gdx/example-vendor-msw-vitest — a vendor's product (a registration filer written against the
 * plain `@gdx/registration` SDK) and its own Vitest suite against the gdx mock through MSW.
 *
 * @example
 * ```ts
 * import { createRegistrationFiler } from '@gdx/example-vendor-msw-vitest';
 * const report = await createRegistrationFiler({ baseUrl, appKey, secret }).file(application);
 * ```
 * @packageDocumentation
 */
export { createRegistrationFiler, type FilerConfig, type FilingReport, type FilingStatus, type RegistrationFiler } from './registration-filer.js';
export { sampleApplication } from './sample-application.js';
