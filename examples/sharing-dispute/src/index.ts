/**
 * @gdx/example-sharing-dispute — a conditional sharing request rejected with written reasons,
 * disputed, coordinated by the data authority and granted.
 *
 * @example
 * ```ts
 * import { runSharingDispute } from '@gdx/example-sharing-dispute';
 * const { request, grant } = await runSharingDispute({ print: console.log });
 * ```
 * @packageDocumentation
 */
export { runSharingDispute, SCENARIO, REJECTION_REASONS, DISPUTE_TEXT, type DisputeOptions, type DisputeResult } from './dispute.js';
