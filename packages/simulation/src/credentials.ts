import type { Credentials } from '@gdx/runtime';
import type { SeededOrganization } from './generated/models.js';

/**
 * The signing credentials of a sandbox's seeded organisation, ready for a platform client.
 * Uses HMAC-SHA256 unless asked otherwise and the organisation supports the method.
 *
 * @example
 * ```ts
 * const sbx = await sim.sandboxes.create({ profile: 'xiamen', clock: { mode: 'virtual' } });
 * const registration = new RegistrationClient({
 *   baseUrl: sbx.platforms.registration,
 *   credentials: credentialsOf(sbx.organizations[0]!, 'HMAC-SM3'),
 * });
 * ```
 */
export function credentialsOf(org: SeededOrganization, algorithm: SeededOrganization['signatureMethods'][number] = 'HMAC-SHA256'): Credentials {
  if (!org.signatureMethods.includes(algorithm)) {
    throw new RangeError(`organisation ${org.id} does not sign with ${algorithm} (组织 ${org.id} 不支持 ${algorithm} 签名)`);
  }
  return { appKey: org.appKey, secret: org.secret, algorithm };
}
