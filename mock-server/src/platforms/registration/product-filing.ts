import type { ProductFiling } from '../../app/platform-facts.js';
import type { OrgRef } from './records.js';
import type { RegistrationState } from './registration-state.js';

/** Applications the registry refused or ended: they do not meet a filing duty. */
const REFUSED = new Set(['not_accepted', 'review_failed', 'terminated']);

/**
 * The earliest live initial application naming a product (`products[].name`) among whose
 * registrants is the organisation of `registrantCreditCode`, with its registration once coded —
 * what the authorized-operation platform reads to judge an operator's registration duty (27号
 * 第十六条). Linear in the applications; the sandbox's object quota bounds them.
 *
 * @example
 * ```ts
 * productFiling(state, { registrantCreditCode: '9135020074505955XG', productName: '客流热力图 API' });
 * // { applicationId: 'rga_…', receivedAt: 1773…, registrationCode: null, codedOn: null }
 * ```
 */
export function productFiling(state: RegistrationState, query: { registrantCreditCode: string; productName: string }): ProductFiling | undefined {
  let found: ProductFiling | undefined;
  for (const app of state.applications.values()) {
    if (app.type !== 'initial') continue;
    const registrants = app.submission.registrants as OrgRef[];
    const products = (app.submission['products'] ?? []) as { name?: string }[];
    if (!registrants.some((r) => r.creditCode === query.registrantCreditCode) || !products.some((p) => p.name === query.productName)) continue;
    const instance = state.host.get(app.id);
    if (!instance || REFUSED.has(instance.state)) continue;
    const receivedAt = Date.parse(instance.createdAt);
    if (found && found.receivedAt <= receivedAt) continue;
    const registration = app.registrationId ? state.registrations.get(app.registrationId) : undefined;
    found = { applicationId: app.id, receivedAt, registrationCode: registration?.registrationCode ?? null, codedOn: registration?.codedOn ?? null };
  }
  return found;
}
