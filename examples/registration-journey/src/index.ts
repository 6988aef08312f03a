/**
 * @gdx/example-registration-journey — a registration through supplements, review, public
 * notice, a dismissed third-party objection and coding, then the public lookup.
 *
 * @example
 * ```ts
 * import { runRegistrationJourney } from '@gdx/example-registration-journey';
 * const { registration } = await runRegistrationJourney({ print: console.log });
 * ```
 * @packageDocumentation
 */
export { runRegistrationJourney, SUPPLEMENT_ITEMS, DISMISSAL_REASON, type JourneyOptions, type JourneyResult } from './journey.js';
